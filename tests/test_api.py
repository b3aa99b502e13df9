"""The HTTP contract of SPEC.md, on the real bundled pipeline and our own sentences."""
from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

from service.annotator import KINDS
from tests.conftest import make_app

ARTICLE = (
    "Rais Samia Suluhu Hassan aliwasili mjini Nairobi Jumanne, 12 Machi 2024, kwa mazungumzo "
    "na Rais William Ruto wa Kenya.\n\n"
    "“Tutaendelea kushirikiana kwa karibu na majirani zetu,” alisema Samia Suluhu Hassan "
    "baada ya mkutano huo.\n\n"
    "Wizara ya Mambo ya Nje ya Tanzania ilisema kwamba ziara hiyo itadumu siku mbili."
)

OTHER_ARTICLE = "Mvua kubwa ilinyesha Mombasa jana, na Halima Mohamed alisema barabara zimefungwa."


def _spans(body):
    """Every span object in a response, with the text it claims to cover."""
    for kind in ("people", "organizations", "places"):
        for entity in body.get(kind, []):
            yield from entity["mentions"]
    for date in body.get("dates", []):
        yield date
    for quote in body.get("quotes", []):
        yield quote
        if quote["cue"]:
            yield quote["cue"]
        if quote["speaker"] and quote["speaker"]["mention"]:
            yield quote["speaker"]["mention"]


def test_health_is_always_ok(client):
    assert client.get("/health").status_code == 200


def test_ready_once_the_model_is_loaded(client):
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.get_json()["model"]["name"]


def test_not_ready_before_the_model_loads(nlp):
    app = make_app(nlp, HABARI_LOAD_PIPELINE=False)
    with app.test_client() as client:
        assert client.get("/ready").status_code == 503
        assert client.get("/health").status_code == 200
        response = client.post("/v1/annotate", json={"text": ARTICLE})
        assert response.status_code == 503


def test_annotate_returns_every_kind_with_exact_offsets(client):
    response = client.post("/v1/annotate", json={"text": ARTICLE, "published": "2024-03-14"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["language"] == "sw"
    for kind in KINDS:
        assert isinstance(body[kind], list)
    spans = list(_spans(body))
    assert spans
    for span in spans:
        assert ARTICLE[span["start"]:span["end"]] == span["text"]
    ids = [entity["id"] for kind in ("people", "organizations", "places") for entity in body[kind]]
    assert len(ids) == len(set(ids))
    assert body["document_date"] == {"value": "2024-03-14", "source": "request"}


def test_annotate_finds_the_people_and_the_quote(client):
    body = client.post("/v1/annotate", json={"text": ARTICLE}).get_json()
    names = {entity["name"] for entity in body["people"]}
    assert "Samia Suluhu Hassan" in names
    quote = next(q for q in body["quotes"] if q["kind"] == "direct")
    assert quote["text"].startswith("Tutaendelea kushirikiana")
    assert quote["speaker"]["name"] == "Samia Suluhu Hassan"


def test_lists_are_in_text_order(client):
    body = client.post("/v1/annotate", json={"text": ARTICLE}).get_json()
    for kind in ("dates", "quotes"):
        starts = [item["start"] for item in body[kind]]
        assert starts == sorted(starts)
    for kind in ("people", "organizations", "places"):
        for entity in body[kind]:
            starts = [mention["start"] for mention in entity["mentions"]]
            assert starts == sorted(starts)


def test_include_limits_the_kinds_returned(client):
    body = client.post("/v1/annotate", json={"text": ARTICLE, "include": ["people", "dates"]}).get_json()
    assert set(KINDS) & set(body) == {"people", "dates"}


def test_plain_text_gives_the_same_result_as_json(client):
    as_json = client.post("/v1/annotate", json={"text": ARTICLE, "published": "2024-03-14"}).get_json()
    as_text = client.post(
        "/v1/annotate?published=2024-03-14&include=people,organizations,places,dates,quotes",
        data=ARTICLE.encode("utf-8"),
        content_type="text/plain; charset=utf-8",
    )
    assert as_text.status_code == 200
    assert as_text.get_json() == as_json


def test_batch_keeps_input_order_and_matches_single_requests(client):
    documents = [
        {"id": "b", "text": OTHER_ARTICLE},
        {"id": "a", "text": ARTICLE, "published": "2024-03-14"},
    ]
    response = client.post("/v1/annotate/batch", json={"documents": documents})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [result["id"] for result in results] == ["b", "a"]
    for document, result in zip(documents, results):
        single = client.post(
            "/v1/annotate", json={key: value for key, value in document.items() if key != "id"}
        ).get_json()
        assert {key: value for key, value in result.items() if key != "id"} == single


def _problem(response, status):
    assert response.status_code == status, response.get_json()
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"text": "   \n\t "}, "text"),
        ({"text": ""}, "text"),
        ({"text": None}, "text"),
        ({"text": 42}, "text"),
        ({}, "text"),
        ({"text": "x" * 5_001}, "text"),
        ({"text": "Habari", "language": "en"}, "language"),
        ({"text": "Habari", "published": "19.06.2024"}, "published"),
        ({"text": "Habari", "include": ["people", "weather"]}, "include"),
        ({"text": "Habari", "include": "people"}, "include"),
        ({"text": "Habari", "colour": "blue"}, "colour"),
    ],
)
def test_schema_violations_are_422_keyed_by_field(client, payload, field):
    body = _problem(client.post("/v1/annotate", json=payload), 422)
    assert field in body["errors"]


def test_unsupported_language_lists_the_supported_ones(client):
    body = _problem(client.post("/v1/annotate", json={"text": "Hello", "language": "en"}), 422)
    assert "sw" in body["errors"]["language"][0]


def test_json_that_is_not_an_object_is_422(client):
    _problem(client.post("/v1/annotate", json=["Habari"]), 422)


@pytest.mark.parametrize(
    "data, content_type",
    [
        (b'{"text": "Habari', "application/json"),
        (b'{"text": "Habari \xff\xfe"}', "application/json"),
        (b"Habari \xc3\x28 za leo", "text/plain; charset=utf-8"),
    ],
)
def test_malformed_json_or_invalid_utf8_is_400(client, data, content_type):
    _problem(client.post("/v1/annotate", data=data, content_type=content_type), 400)


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data", "text/plain; charset=latin-1"])
def test_wrong_content_type_is_415(client, content_type):
    _problem(client.post("/v1/annotate", data=b"<text>Habari</text>", content_type=content_type), 415)


def test_missing_content_type_is_415(client):
    _problem(client.post("/v1/annotate", data=b"Habari"), 415)


def test_body_over_the_limit_is_413(client):
    _problem(client.post("/v1/annotate", data=b"a" * (64 * 1024 + 1), content_type="text/plain"), 413)


def test_unknown_query_parameter_on_plain_text_is_422(client):
    body = _problem(client.post("/v1/annotate?colour=blue", data=b"Habari", content_type="text/plain"), 422)
    assert "colour" in body["errors"]


@pytest.mark.parametrize("path, body", [
    ("/v1/annotate?language=sw", {"text": "Habari za leo"}),
    ("/v1/annotate/batch?published=2024-03-01", {"documents": [{"id": "a", "text": "Habari za leo"}]}),
])
def test_query_parameter_beside_a_json_body_is_422_not_ignored(client, path, body):
    problem = _problem(client.post(path, json=body), 422)
    assert list(problem["errors"]["query"]) == [path.split("?")[1].split("=")[0]]


def test_unknown_path_is_404_and_wrong_method_is_405(client):
    _problem(client.get("/v1/nothing-here"), 404)
    _problem(client.get("/v1/annotate"), 405)


def test_batch_over_the_document_limit_is_413(client):
    documents = [{"id": str(index), "text": "Habari"} for index in range(5)]
    _problem(client.post("/v1/annotate/batch", json={"documents": documents}), 413)


def test_batch_over_the_character_limit_is_413(client):
    documents = [{"id": str(index), "text": "a" * 4_000} for index in range(3)]
    _problem(client.post("/v1/annotate/batch", json={"documents": documents}), 413)


@pytest.mark.parametrize(
    "payload",
    [
        {"documents": []},
        {"documents": [{"id": "a", "text": "Habari"}, {"id": "a", "text": "Jambo"}]},
        {"documents": [{"id": "a", "text": " "}]},
        {"documents": "Habari"},
        {"documents": [{"text": "Habari"}]},
    ],
)
def test_bad_batches_are_422(client, payload):
    body = _problem(client.post("/v1/annotate/batch", json=payload), 422)
    assert "documents" in body["errors"]


def test_problem_bodies_carry_no_article_text(client):
    secret = "Siri ya mwandishi " * 400
    response = client.post("/v1/annotate", json={"text": secret})
    assert "Siri ya mwandishi" not in response.get_data(as_text=True)


def test_openapi_document_is_valid_and_describes_the_endpoints(client):
    spec = client.get("/openapi.json").get_json()
    validate(spec)
    assert {"/v1/annotate", "/v1/annotate/batch"} <= set(spec["paths"])
    content = spec["paths"]["/v1/annotate"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain"} <= set(content)


def test_docs_page_uses_only_local_assets(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "https://" not in page.replace("https://github.com", "")
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_metrics_count_requests_and_document_sizes(client):
    client.post("/v1/annotate", json={"text": OTHER_ARTICLE})
    text = client.get("/metrics").get_data(as_text=True)
    assert "habari_document_chars_count" in text
    assert 'flask_http_request_total{method="POST",status="200"}' in text or "flask_http_request_duration_seconds" in text


def test_api_keys_guard_the_annotation_endpoints_only(nlp):
    app = make_app(nlp, HABARI_API_KEYS="k1, k2")
    with app.test_client() as client:
        _problem(client.post("/v1/annotate", json={"text": OTHER_ARTICLE}), 401)
        _problem(client.post("/v1/annotate", json={"text": OTHER_ARTICLE}, headers={"X-API-Key": "k3"}), 401)
        ok = client.post("/v1/annotate", json={"text": OTHER_ARTICLE}, headers={"Authorization": "Bearer k2"})
        assert ok.status_code == 200
        ok = client.post("/v1/annotate", json={"text": OTHER_ARTICLE}, headers={"X-API-Key": "k1"})
        assert ok.status_code == 200
        assert client.get("/health").status_code == 200
        assert client.get("/ready").status_code == 200
        assert client.get("/openapi.json").status_code == 200
