"""Operational behaviour: request ids, language refusal, time budget, draining, logs."""
from __future__ import annotations

import logging

from tests.conftest import make_app

ENGLISH = (
    "The minister told reporters on Tuesday that the government would build twelve new "
    "schools in the northern region before the end of next year, and that teachers would "
    "be hired from the surrounding villages to staff them."
)
SWAHILI = (
    "Waziri aliwaambia waandishi wa habari Jumanne kwamba serikali itajenga shule kumi na "
    "mbili mpya katika mkoa wa kaskazini kabla ya mwisho wa mwaka ujao, na kwamba walimu "
    "wataajiriwa kutoka vijiji vya jirani."
)


def test_request_id_is_echoed_or_made(client):
    response = client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert response.headers["X-Request-ID"] == "abc-123"
    made = client.get("/health").headers["X-Request-ID"]
    assert len(made) == 32
    unsafe = client.get("/health", headers={"X-Request-ID": "a b\tc"}).headers["X-Request-ID"]
    assert unsafe != "a b\tc"


def test_problem_bodies_carry_the_request_id(client):
    body = client.post("/v1/annotate", json={"text": " "}, headers={"X-Request-ID": "req-7"}).get_json()
    assert body["request_id"] == "req-7"


def test_confidently_foreign_text_is_refused_naming_the_language(client):
    body = client.post("/v1/annotate", json={"text": ENGLISH}).get_json()
    assert body["status"] == 422
    assert "'en'" in body["errors"]["text"][0]


def test_explicit_language_annotates_foreign_text_anyway(client):
    assert client.post("/v1/annotate", json={"text": ENGLISH, "language": "sw"}).status_code == 200


def test_swahili_short_and_mixed_texts_are_accepted(client):
    assert client.post("/v1/annotate", json={"text": SWAHILI}).status_code == 200
    assert client.post("/v1/annotate", json={"text": "Habari za asubuhi"}).status_code == 200
    mixed = ENGLISH + "\n\n" + SWAHILI
    assert client.post("/v1/annotate", json={"text": mixed}).status_code == 200


def test_a_short_text_with_no_swahili_word_is_refused_unless_the_language_is_sent(client):
    body = client.post("/v1/annotate", json={"text": "Hello from London"}).get_json()
    assert body["status"] == 422
    assert "no word of language 'sw'" in body["errors"]["text"][0]
    assert client.post("/v1/annotate", json={"text": "Hello from London", "language": "sw"}).status_code == 200
    assert client.post("/v1/annotate?language=sw", data=b"Hello from London", content_type="text/plain").status_code == 200


def test_foreign_documents_in_a_batch_are_named_by_index(client):
    documents = [{"id": "sw", "text": SWAHILI}, {"id": "en", "text": ENGLISH}]
    body = client.post("/v1/annotate/batch", json={"documents": documents}).get_json()
    assert body["status"] == 422
    assert set(body["errors"]["documents"]) == {"1"}


def test_a_document_over_the_time_budget_is_a_clear_503(nlp):
    app = make_app(nlp, REQUEST_BUDGET_SECONDS=1e-4)
    with app.test_client() as client:
        response = client.post("/v1/annotate", json={"text": SWAHILI * 20})
        assert response.status_code == 503
        assert "budget" in response.get_json()["detail"]
        assert client.get("/health").status_code == 200


def test_draining_turns_readiness_off(nlp):
    app = make_app(nlp)
    with app.test_client() as client:
        assert client.get("/ready").status_code == 200
        app.extensions["habari"].draining = True
        assert client.get("/ready").status_code == 503


def test_request_logs_hold_no_article_text(client, caplog):
    logger = logging.getLogger("habari")
    logger.addHandler(caplog.handler)
    try:
        client.post("/v1/annotate", json={"text": SWAHILI}, headers={"X-Request-ID": "log-1"})
    finally:
        logger.removeHandler(caplog.handler)
    records = [record for record in caplog.records if getattr(record, "request_id", None) == "log-1"]
    assert records and records[0].status == 200
    assert all("shule" not in record.getMessage() for record in caplog.records)
