"""The HTTP contract of docs/api.md, on the real bundled pipeline and our own sentences."""
from __future__ import annotations

import datetime as dt

import pytest
from openapi_spec_validator import validate

from schemas import AnnotateResponseSchema
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


# --- Issue 20: the API as a client developer meets it ---------------------------------


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data", None])
def test_415_names_both_accepted_types(client, content_type):
    body = _problem(client.post("/v1/annotate", data=b"Habari", content_type=content_type), 415)
    assert "application/json" in body["detail"] and "text/plain" in body["detail"]


def test_batch_415_names_json_only(client):
    body = _problem(client.post("/v1/annotate/batch", data=b"Habari", content_type="text/plain"), 415)
    assert "application/json" in body["detail"] and "text/plain;" not in body["detail"].split("takes")[1]


def test_published_null_is_no_date(client):
    body = client.post("/v1/annotate", json={"text": OTHER_ARTICLE, "published": None}).get_json()
    assert body["document_date"] is None
    assert body == client.post("/v1/annotate", json={"text": OTHER_ARTICLE}).get_json()


@pytest.mark.parametrize("published, date", [
    ("2024-06-19T10:00:00Z", "2024-06-19"),
    ("2024-06-19T23:30:00+03:00", "2024-06-19"),  # the date as written, not converted to UTC
    ("2024-06-19 08:15", "2024-06-19"),
])
def test_published_datetime_uses_its_date(client, published, date):
    body = client.post("/v1/annotate", json={"text": OTHER_ARTICLE, "published": published}).get_json()
    assert body["document_date"] == {"value": date, "source": "request"}
    jana = next(found for found in body["dates"] if found["text"] == "jana")
    assert jana["value"] == str(dt.date.fromisoformat(date) - dt.timedelta(days=1))


def test_published_datetime_works_as_a_query_parameter_and_in_a_batch(client):
    as_text = client.post("/v1/annotate?published=2024-06-19T10:00:00Z", data=OTHER_ARTICLE.encode(),
                          content_type="text/plain")
    assert as_text.get_json()["document_date"]["value"] == "2024-06-19"
    documents = [{"id": "a", "text": OTHER_ARTICLE, "published": "2024-06-19T10:00:00Z"},
                 {"id": "b", "text": OTHER_ARTICLE, "published": None}]
    results = client.post("/v1/annotate/batch", json={"documents": documents}).get_json()["results"]
    assert [result["document_date"] for result in results] == [{"value": "2024-06-19", "source": "request"}, None]


@pytest.mark.parametrize("published", ["19.06.2024", "2024-13-01", "2024-06-19T25:00", "jana", "20240619", 20240619])
def test_a_bad_published_names_the_expected_format(client, published):
    body = _problem(client.post("/v1/annotate", json={"text": OTHER_ARTICLE, "published": published}), 422)
    message = body["errors"]["published"][0]
    assert "YYYY-MM-DD" in message and "ISO 8601" in message


def test_batch_reports_every_faulty_field_of_every_document_by_index_and_id(client):
    documents = [
        {"text": "Habari za leo"},                                    # no id
        {"id": "b", "text": "  "},                                    # empty text
        {"id": "c", "text": "Habari", "published": "19.06.2024"},     # bad date
        {"id": "ok", "text": "Habari za leo"},
    ]
    body = _problem(client.post("/v1/annotate/batch", json={"documents": documents}), 422)
    errors = body["errors"]["documents"]
    assert set(errors) == {"0", "1", "2"}
    assert set(errors["0"]) == {"id"}
    assert set(errors["1"]) == {"text"}
    assert set(errors["2"]) == {"published"}
    assert body["errors"]["document_ids"] == {"1": "b", "2": "c"}


def test_batch_duplicate_ids_are_reported_beside_other_faults(client):
    documents = [{"id": "a", "text": "Habari"}, {"id": "a", "text": "Jambo"}, {"id": "b", "text": ""}]
    body = _problem(client.post("/v1/annotate/batch", json={"documents": documents}), 422)
    assert set(body["errors"]["documents"]) == {"1", "2"}
    assert "document 0" in body["errors"]["documents"]["1"]["id"][0]
    assert body["errors"]["document_ids"] == {"1": "a", "2": "b"}


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_openapi_lists_the_operational_endpoints_and_no_stray_schemas(client):
    spec = client.get("/openapi.json").get_json()
    assert {"/health", "/ready", "/metrics"} <= set(spec["paths"])
    assert "503" in spec["paths"]["/ready"]["get"]["responses"]
    assert "text/plain" in spec["paths"]["/metrics"]["get"]["responses"]["200"]["content"]
    referenced = {node["$ref"].rsplit("/", 1)[1] for node in _walk(spec) if "$ref" in node}
    referenced &= set(spec["components"]["schemas"])
    assert set(spec["components"]["schemas"]) == referenced
    assert "PaginationMetadata" not in spec["components"]["schemas"]
    assert "Error" not in spec["components"]["schemas"]


def test_openapi_examples_are_swahili_text_with_their_own_offsets(client):
    spec = client.get("/openapi.json").get_json()
    example = spec["components"]["schemas"]["AnnotateRequest"]["properties"]["text"]["example"]
    assert "alisema" in example
    assert client.post("/v1/annotate", json={"text": example}).status_code == 200


def test_the_documented_response_example_is_a_valid_response_to_the_request_example(client):
    spec = client.get("/openapi.json").get_json()
    example = spec["paths"]["/v1/annotate"]["post"]["responses"]["200"]["content"]["application/json"]["example"]
    AnnotateResponseSchema().load(example)
    text = spec["components"]["schemas"]["AnnotateRequest"]["properties"]["text"]["example"]
    assert example["quotes"] and example["quotes"][0]["speaker"]
    for span in _spans(example):
        assert text[span["start"]:span["end"]] == span["text"]


def test_nullable_objects_are_typed_references_for_client_generators(client):
    """What a generator needs to build typed models: `nullable` beside `allOf: [$ref]`,
    never an untyped object branch (which openapi-python-client 0.29 turned into a bag of
    additional properties; scripts/check-generated-client.sh runs the generator)."""
    spec = client.get("/openapi.json").get_json()
    for node in _walk(spec):
        assert node.get("type") != "object" or "properties" in node or "additionalProperties" in node, node
    schemas = spec["components"]["schemas"]
    for schema, field, target in [("Quote", "speaker", "Speaker"), ("Quote", "cue", "Mention"),
                                  ("Speaker", "mention", "Mention"), ("AnnotateResponse", "document_date", "DocumentDate")]:
        prop = schemas[schema]["properties"][field]
        assert prop == {"allOf": [{"$ref": f"#/components/schemas/{target}"}], "nullable": True}


@pytest.mark.parametrize("path", ["/docs", "/docs/"])
def test_docs_answer_with_and_without_a_trailing_slash(client, path):
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200
    assert "swagger-ui" in response.get_data(as_text=True)


def test_cors_is_off_by_default(client):
    response = client.post("/v1/annotate", json={"text": OTHER_ARTICLE}, headers={"Origin": "https://tools.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options("/v1/annotate", headers={"Origin": "https://tools.example",
                                                         "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_cors_allows_only_the_configured_origins(nlp):
    app = make_app(nlp, HABARI_CORS_ORIGINS="https://tools.example, https://cms.example/", HABARI_API_KEYS="k1")
    with app.test_client() as client:
        preflight = client.options("/v1/annotate", headers={
            "Origin": "https://cms.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-api-key"})
        assert preflight.status_code == 200
        assert preflight.headers["Access-Control-Allow-Origin"] == "https://cms.example"
        assert "x-api-key" in preflight.headers["Access-Control-Allow-Headers"].lower()
        allowed = client.post("/v1/annotate", json={"text": OTHER_ARTICLE},
                              headers={"Origin": "https://tools.example", "X-API-Key": "k1"})
        assert allowed.status_code == 200
        assert allowed.headers["Access-Control-Allow-Origin"] == "https://tools.example"
        assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
        # A refused key is still readable by the allowed page.
        refused = client.post("/v1/annotate", json={"text": OTHER_ARTICLE}, headers={"Origin": "https://tools.example"})
        assert refused.status_code == 401
        assert refused.headers["Access-Control-Allow-Origin"] == "https://tools.example"
        other = client.post("/v1/annotate", json={"text": OTHER_ARTICLE},
                            headers={"Origin": "https://elsewhere.example", "X-API-Key": "k1"})
        assert "Access-Control-Allow-Origin" not in other.headers
