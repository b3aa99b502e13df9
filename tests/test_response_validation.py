"""Responses leave as the annotator's JSON, validated against their schema at a set share."""
from __future__ import annotations

import datetime as dt

import pytest
from flask.testing import FlaskClient

from schemas import AnnotateResponseSchema, BatchResponseSchema
from service.annotator import Article
from tests.conftest import make_app

TEXT = "Waziri Amina Juma alisema Jumatatu mjini Dodoma kwamba “Kazi itaanza mwezi ujao.”"


def test_a_response_is_what_the_schema_would_have_dumped(app):
    client = app.test_client()
    body = client.post("/v1/annotate", json={"text": TEXT, "published": "2024-06-19"}).get_json()
    annotator = app.extensions["habari"].annotator
    expected = annotator.annotate(Article(TEXT, dt.date(2024, 6, 19)))
    assert body == AnnotateResponseSchema().dump(expected)
    batch = client.post("/v1/annotate/batch", json={"documents": [{"id": "a", "text": TEXT}]}).get_json()
    assert batch == BatchResponseSchema().dump({"results": [{"id": "a", **annotator.annotate(Article(TEXT))}]})


@pytest.fixture
def broken_annotator(nlp, monkeypatch):
    """An app whose annotator returns a result the schema refuses (a mention without `end`)."""
    def make(share):
        app = make_app(nlp, VALIDATE_RESPONSES=share)
        annotator = app.extensions["habari"].annotator
        result = annotator.annotate(Article(TEXT))
        bad = {**result, "dates": [{"text": "Jumatatu", "start": 26, "value": None, "granularity": None}]}
        monkeypatch.setattr(annotator, "annotate_many", lambda articles, include: [bad for _ in articles])
        return app
    return make


def test_a_response_violating_its_schema_is_a_500_when_validated(broken_annotator):
    response = broken_annotator(1.0).test_client().post("/v1/annotate", json={"text": TEXT})
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"


def test_with_validation_off_the_response_is_not_checked(broken_annotator):
    # The switch is real: production trades the check for ~5% of a request's CPU.
    app = broken_annotator(0.0)
    app.test_client_class = FlaskClient  # the tests' client would check the response itself
    response = app.test_client().post("/v1/annotate", json={"text": TEXT})
    assert response.status_code == 200
    assert "end" not in response.get_json()["dates"][0]
