"""The bad-input matrix of issue 7: messy input is a 4xx problem+json, never a 500, and
the app keeps serving afterwards. Where the input is valid but odd text (control
characters, a giant token), it is a 200 whose offsets still index the text exactly.

test_api.py already covers the basic cases (malformed JSON, simple invalid UTF-8, basic
wrong types and limits); this matrix goes beyond them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from service.annotator import text_for_pipeline
from tests.conftest import TEST_LIMITS, make_app

ANNOTATE = "/v1/annotate"
BATCH = "/v1/annotate/batch"
JSON = "application/json"
PLAIN = "text/plain; charset=utf-8"

ARTICLE = (
    "Waziri Neema Mwakalinga alisema Jumanne mjini Arusha kwamba barabara mpya itafunguliwa "
    "mwezi ujao. “Kazi imekwisha,” aliongeza Neema Mwakalinga."
)
# A problem body must never carry a traceback or server internals.
_LEAKS = ("Traceback", 'File "', "site-packages", "/work/")

MAX_TEXT = TEST_LIMITS["MAX_TEXT_CHARS"]
MAX_BODY = TEST_LIMITS["MAX_CONTENT_LENGTH"]
MAX_DOCS = TEST_LIMITS["BATCH_MAX_DOCUMENTS"]
MAX_BATCH_CHARS = TEST_LIMITS["BATCH_MAX_CHARS"]


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    body: bytes | None = None
    content_type: str | None = None
    # Several statuses only where the contract allows either (noted at the case).
    statuses: tuple[int, ...] = ()
    error_field: str | None = None


def _json(payload) -> bytes:
    return json.dumps(payload).encode("utf-8")


def _article_with(insert: str) -> str:
    """The article with `insert` placed mid-sentence, so the pipeline has to cross it."""
    cut = ARTICLE.index("mjini")
    return ARTICLE[:cut] + insert + ARTICLE[cut:]


def _documents(count: int, chars_each: int) -> list[dict]:
    words = ("Habari " * (chars_each // 7 + 1))[:chars_each]
    return [{"id": f"d{index}", "text": words} for index in range(count)]


BAD = {
    # Invalid UTF-8, in JSON and in text/plain: overlong, surrogate, truncated, stray
    # continuation byte, 5-byte form, Latin-1.
    **{
        f"invalid-utf8-{name}-{kind}": Case("POST", ANNOTATE, body, ctype, (400,))
        for name, raw in {
            "overlong-slash": b"\xc0\xaf",
            "encoded-surrogate": b"\xed\xa0\x80",
            "truncated-sequence": b"\xe2\x80",
            "stray-continuation": b"\x80",
            "five-byte-form": b"\xf8\x88\x80\x80\x80",
            "latin1": "Dar es Salaam café".encode("latin-1"),
        }.items()
        for kind, ctype, body in (
            ("json", JSON, b'{"text": "Habari ' + raw + b' za leo"}'),
            ("plain", PLAIN, b"Habari " + raw + b" za leo"),
        )
    },
    "json-utf16": Case("POST", ANNOTATE, '{"text": "Habari za leo"}'.encode("utf-16"), JSON, (400,)),
    "json-empty-body": Case("POST", ANNOTATE, b"", JSON, (400,)),
    "json-nested-too-deep": Case("POST", ANNOTATE, b"[" * 30_000 + b"]" * 30_000, JSON, (400,)),
    "json-field-nested-too-deep": Case(
        "POST", ANNOTATE, b'{"text": "Habari", "include": ' + b"[" * 20_000 + b"]" * 20_000 + b"}", JSON, (400,)
    ),
    # A lone surrogate is well-formed JSON but not Unicode text: bad input, either as
    # undecodable (400) or as an invalid field (422).
    "json-lone-surrogate-escape": Case("POST", ANNOTATE, b'{"text": "Rais Juma \\ud800 alisema"}', JSON, (400, 422)),
    "batch-lone-surrogate-escape": Case(
        "POST", BATCH, b'{"documents": [{"id": "a", "text": "Rais Juma \\udfff alisema"}]}', JSON, (400, 422)
    ),
    # Wrong types and null.
    "text-list": Case("POST", ANNOTATE, _json({"text": ["Habari"]}), JSON, (422,), "text"),
    "text-object": Case("POST", ANNOTATE, _json({"text": {"body": "Habari"}}), JSON, (422,), "text"),
    "text-bool": Case("POST", ANNOTATE, _json({"text": True}), JSON, (422,), "text"),
    "text-float": Case("POST", ANNOTATE, _json({"text": 1.5}), JSON, (422,), "text"),
    "text-infinity": Case("POST", ANNOTATE, b'{"text": 1e999}', JSON, (422,), "text"),
    "published-nan": Case("POST", ANNOTATE, b'{"text": "Habari", "published": NaN}', JSON, (422,), "published"),
    "published-number": Case("POST", ANNOTATE, _json({"text": "Habari", "published": 20240619}), JSON, (422,), "published"),
    "published-impossible-day": Case(
        "POST", ANNOTATE, _json({"text": "Habari", "published": "2024-02-30"}), JSON, (422,), "published"
    ),
    "language-number": Case("POST", ANNOTATE, _json({"text": "Habari", "language": 1}), JSON, (422,), "language"),
    "language-null": Case("POST", ANNOTATE, _json({"text": "Habari", "language": None}), JSON, (422,), "language"),
    "include-null": Case("POST", ANNOTATE, _json({"text": "Habari", "include": None}), JSON, (422,), "include"),
    "include-numbers": Case("POST", ANNOTATE, _json({"text": "Habari", "include": [1]}), JSON, (422,), "include"),
    "include-null-item": Case("POST", ANNOTATE, _json({"text": "Habari", "include": [None]}), JSON, (422,), "include"),
    "body-null": Case("POST", ANNOTATE, b"null", JSON, (422,)),
    "body-string": Case("POST", ANNOTATE, b'"Habari za leo"', JSON, (422,)),
    "body-number": Case("POST", ANNOTATE, b"42", JSON, (422,)),
    "batch-body-null": Case("POST", BATCH, b"null", JSON, (422,)),
    "batch-documents-null": Case("POST", BATCH, _json({"documents": None}), JSON, (422,), "documents"),
    "batch-document-null": Case("POST", BATCH, _json({"documents": [None]}), JSON, (422,), "documents"),
    "batch-document-string": Case("POST", BATCH, _json({"documents": ["Habari"]}), JSON, (422,), "documents"),
    "batch-id-number": Case("POST", BATCH, _json({"documents": [{"id": 7, "text": "Habari"}]}), JSON, (422,), "documents"),
    "batch-id-empty": Case("POST", BATCH, _json({"documents": [{"id": "", "text": "Habari"}]}), JSON, (422,), "documents"),
    "batch-text-null": Case("POST", BATCH, _json({"documents": [{"id": "a", "text": None}]}), JSON, (422,), "documents"),
    # Empty and whitespace-only text, including Unicode spaces.
    "plain-empty": Case("POST", ANNOTATE, b"", PLAIN, (422,), "text"),
    "plain-whitespace": Case("POST", ANNOTATE, " \n\t\r ".encode(), PLAIN, (422,), "text"),
    "json-unicode-whitespace": Case("POST", ANNOTATE, _json({"text": "\u00a0\u2003\u3000\u2028\n"}), JSON, (422,), "text"),
    "batch-empty-object": Case("POST", BATCH, b"{}", JSON, (422,), "documents"),
    # Unknown fields, at every level.
    "batch-unknown-top-field": Case(
        "POST", BATCH, _json({"documents": [{"id": "a", "text": "Habari"}], "colour": "blue"}), JSON, (422,), "colour"
    ),
    "batch-unknown-document-field": Case(
        "POST", BATCH, _json({"documents": [{"id": "a", "text": "Habari", "title": "T"}]}), JSON, (422,), "documents"
    ),
    # Limits: text, body and batch.
    "plain-text-over-limit": Case("POST", ANNOTATE, b"a" * (MAX_TEXT + 1), PLAIN, (422,), "text"),
    "json-body-over-limit": Case("POST", ANNOTATE, _json({"text": "Habari " * (MAX_BODY // 7)}), JSON, (413,)),
    "batch-body-over-limit": Case(
        "POST", BATCH, _json({"documents": _documents(MAX_DOCS, MAX_BODY // MAX_DOCS)}), JSON, (413,)
    ),
    "batch-document-over-text-limit": Case(
        "POST", BATCH, _json({"documents": _documents(1, MAX_TEXT + 1)}), JSON, (422,), "documents"
    ),
    "batch-far-over-document-limit": Case("POST", BATCH, _json({"documents": _documents(10_000, 1)}), JSON, (413,)),
    # Wrong content types.
    "batch-plain-text": Case("POST", BATCH, b"Habari za leo", PLAIN, (415,)),
    "form-urlencoded": Case("POST", ANNOTATE, b"text=Habari", "application/x-www-form-urlencoded", (415,)),
    "text-html": Case("POST", ANNOTATE, b"<p>Habari</p>", "text/html", (415,)),
    "plain-utf16-charset": Case("POST", ANNOTATE, "Habari".encode("utf-16"), "text/plain; charset=utf-16", (415,)),
    "plain-unknown-charset": Case("POST", ANNOTATE, b"Habari", "text/plain; charset=no-such-charset", (415,)),
    "plain-bad-published": Case("POST", ANNOTATE + "?published=jana", b"Habari za leo", PLAIN, (422,), "published"),
    "plain-bad-include": Case("POST", ANNOTATE + "?include=people,weather", b"Habari za leo", PLAIN, (422,), "include"),
    # Wrong methods.
    **{
        f"method-{method.lower()}-{path}": Case(method, path, statuses=(405,))
        for method, path in (
            ("PUT", ANNOTATE),
            ("DELETE", ANNOTATE),
            ("PATCH", ANNOTATE),
            ("GET", BATCH),
            ("PUT", BATCH),
            ("POST", "/health"),
            ("POST", "/ready"),
            ("DELETE", "/openapi.json"),
        )
    },
    # Unknown paths.
    **{
        f"unknown-path-{path}": Case("POST", path, _json({"text": "Habari"}), JSON, (404,))
        for path in ("/v2/annotate", "/v1", "/v1/annotate/extra", "/v1/annotate/batch/1", "/%ff%fe", "/v1/annotate%00")
    },
}


def _assert_problem(response, case: Case):
    assert response.status_code in case.statuses, (response.status_code, response.get_data()[:300])
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == response.status_code and body["title"] and body["detail"]
    text = response.get_data(as_text=True)
    assert not any(leak in text for leak in _LEAKS), text[:300]
    if case.error_field:
        assert case.error_field in body.get("errors", {}), body
    return body


def _assert_offsets_hold(body: dict, text: str):
    spans = []
    for kind in ("people", "organizations", "places"):
        for entity in body[kind]:
            spans += entity["mentions"]
    for quote in body["quotes"]:
        spans.append(quote)
        spans += [part for part in (quote["cue"], (quote["speaker"] or {}).get("mention")) if part]
    spans += body["dates"]
    for span in spans:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"], span
    return spans


def _still_serving(client):
    response = client.post(ANNOTATE, json={"text": ARTICLE})
    assert response.status_code == 200
    _assert_offsets_hold(response.get_json(), ARTICLE)


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_bad_input_is_a_clean_4xx_and_the_app_keeps_serving(client, case):
    response = client.open(case.path, method=case.method, data=case.body, content_type=case.content_type)
    _assert_problem(response, case)
    _still_serving(client)


def test_wrong_method_says_which_methods_are_allowed(client):
    response = client.put(ANNOTATE, json={"text": "Habari"})
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


# Odd but valid text: annotated (200), offsets exact. `language` is explicit so that only
# the pipeline's robustness is under test here, not language identification.
ODD_TEXT = {
    "control-c0": _article_with("\x00\x01\x07\x08\x1b[31m\x7f "),
    "control-c1-next-line": _article_with("\x85\x9b "),
    "line-and-paragraph-separators": _article_with("\u2028\u2029"),
    "form-feed-vertical-tab": _article_with("\x0c\x0b"),
    "carriage-returns": ARTICLE.replace(" ", "\r\n", 3).replace(".", ".\r"),
    "zero-width-and-bom": _article_with("\u200b\u200d\ufeff\u2060"),
    "bidi-overrides": _article_with("\u202e\u2066kinyume\u2069\u202c "),
    "leading-bom": "\ufeff" + ARTICLE,
    "emoji-outside-bmp": _article_with("\U0001F600\U0001F1F9\U0001F1FF\U0001F469\u200d\U0001F4BB "),
    "combining-marks": _article_with("a\u0301\u0302\u0303\u0304\u0305 "),
    "only-zero-width-space": "\u200b",
    "huge-single-token": "x" * MAX_TEXT,
    "huge-token-inside-article": _article_with("https://habari.example/" + "a" * (MAX_TEXT - len(ARTICLE) - 40) + " "),
    "huge-number": "9" * MAX_TEXT,
    "unbalanced-quote-marks": "“" + ARTICLE + " «" + ARTICLE + " „",
    "text-exactly-at-limit": (ARTICLE + " ") * (MAX_TEXT // (len(ARTICLE) + 1)) + "x" * (MAX_TEXT % (len(ARTICLE) + 1)),
}


@pytest.mark.parametrize("text", ODD_TEXT.values(), ids=ODD_TEXT.keys())
def test_odd_but_valid_text_is_annotated_with_exact_offsets(client, text):
    response = client.post(ANNOTATE, json={"text": text, "language": "sw"})
    assert response.status_code == 200, response.get_data()[:300]
    _assert_offsets_hold(response.get_json(), text)
    _still_serving(client)


def test_control_characters_in_plain_text_are_annotated_with_exact_offsets(client):
    text = _article_with("\x00\x1b\x7f\u2028")
    response = client.post(ANNOTATE + "?language=sw", data=text.encode("utf-8"), content_type=PLAIN)
    assert response.status_code == 200
    _assert_offsets_hold(response.get_json(), text)


def test_batch_exactly_at_its_limits_is_accepted(client):
    documents = _documents(MAX_DOCS, MAX_BATCH_CHARS // MAX_DOCS)
    response = client.post(BATCH, json={"documents": documents, "language": "sw"})
    assert response.status_code == 200, response.get_data()[:300]
    assert [result["id"] for result in response.get_json()["results"]] == [d["id"] for d in documents]


def test_json_escaped_text_at_the_character_limit_is_not_a_body_limit_error(client):
    # Every character escaped as \\uXXXX: 6 bytes on the wire each, still under the body limit.
    text = "é" * MAX_TEXT
    body = json.dumps({"text": text, "language": "sw"}, ensure_ascii=True).encode()
    assert len(body) < MAX_BODY
    assert client.post(ANNOTATE, data=body, content_type=JSON).status_code == 200


PRODUCTION_LIMITS = {"MAX_TEXT_CHARS": 100_000, "BATCH_MAX_CHARS": 1_000_000, "MAX_CONTENT_LENGTH": 16 * 1024 * 1024}


@pytest.fixture(scope="module")
def production_limits_client(nlp):
    """The default limits of service/config.py, not the small test ones."""
    app = make_app(nlp, **PRODUCTION_LIMITS)
    with app.test_client() as client:
        yield client


MILLION = 1_000_000


@pytest.mark.parametrize(
    "path, body, content_type, status",
    [
        (ANNOTATE, _json({"text": "a" * MILLION}), JSON, 422),
        (ANNOTATE, ("Habari za leo " * (MILLION // 14)).encode(), PLAIN, 422),
        (BATCH, _json({"documents": [{"id": "a", "text": "b" * MILLION}]}), JSON, 422),
        (BATCH, _json({"documents": [{"id": str(i), "text": "c" * 90_000} for i in range(12)]}), JSON, 413),
    ],
    ids=["json", "plain", "batch-one-document", "batch-total"],
)
def test_a_million_character_line_is_refused_without_echoing_it(production_limits_client, path, body, content_type, status):
    response = production_limits_client.post(path, data=body, content_type=content_type)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    assert len(response.get_data()) < 2_000  # the text is not echoed back
    _still_serving(production_limits_client)


# spaCy's tokenizer splits a run of punctuation one affix at a time, each time searching
# the rest again: 20,000 commas take ~40 s on this machine, and the default limit allows
# 100,000. The time budget must cut such a document and leave the pipeline intact.
PATHOLOGICAL = {"commas": "," * 20_000, "emoji": "\U0001F600" * 20_000}


@pytest.mark.parametrize("endpoint", [ANNOTATE, BATCH])
@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_a_pathological_document_is_cut_by_the_budget_and_the_pipeline_survives(nlp, endpoint, text):
    # The ordinary requests go through an app without a budget, so that a loaded machine
    # cannot fail them; the pathological one takes seconds, far over its 0.5 s.
    unbudgeted = make_app(nlp, **PRODUCTION_LIMITS, REQUEST_BUDGET_SECONDS=0).test_client()
    budgeted = make_app(nlp, **PRODUCTION_LIMITS, REQUEST_BUDGET_SECONDS=0.5).test_client()
    before = unbudgeted.post(ANNOTATE, json={"text": ARTICLE}).get_json()
    if endpoint == BATCH:
        payload = {"documents": [{"id": "a", "text": ARTICLE}, {"id": "b", "text": text}]}
    else:
        payload = {"text": text}
    response = budgeted.post(endpoint, json={**payload, "language": "sw"})
    assert response.status_code == 503
    assert "budget" in response.get_json()["detail"]
    # Interrupted inside memory_zone and the pipeline: the next request is unaffected.
    assert unbudgeted.post(ANNOTATE, json={"text": ARTICLE}).get_json() == before


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x7f", "\x85", "\x0b"])
def test_a_control_character_before_a_name_does_not_hide_it(client, control):
    text = f"Mkutano ulifanyika jana.{control}Rais Samia{control}Suluhu Hassan alisema mjini Dodoma kwamba shule zitajengwa."
    clean = text.replace(control, " ")
    response = client.post(ANNOTATE, json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    _assert_offsets_hold(body, text)
    expected = client.post(ANNOTATE, json={"text": clean}).get_json()
    # The same annotations as with spaces, every mention's text cut from the text as sent.
    assert [(entity["name"], [(m["start"], m["end"]) for m in entity["mentions"]]) for entity in body["people"]] == \
        [(entity["name"], [(m["start"], m["end"]) for m in entity["mentions"]]) for entity in expected["people"]]
    samia = next(entity for entity in body["people"] if entity["name"] == "Samia Suluhu Hassan")
    assert samia["mentions"][0]["text"] == f"Samia{control}Suluhu Hassan"


def test_the_pipeline_sees_control_characters_as_spaces_and_keeps_tabs_and_newlines():
    text = "a\x00b\tc\nd\r\ne\x1f\x7f\x9ff\u2028g\u00a0h"
    seen = text_for_pipeline(text)
    assert len(seen) == len(text)
    assert seen == "a b\tc\nd\r\ne   f\u2028g\u00a0h"
