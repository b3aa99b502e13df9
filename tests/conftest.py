from __future__ import annotations

import pytest
import spacy
from flask.testing import FlaskClient

from schemas import AnnotateResponseSchema, BatchResponseSchema, ProblemSchema
from service import create_app
from service.nlp import load_pipeline

TEST_LIMITS = {
    "MAX_TEXT_CHARS": 5_000,
    "BATCH_MAX_DOCUMENTS": 4,
    "BATCH_MAX_CHARS": 8_000,
    "MAX_CONTENT_LENGTH": 64 * 1024,
    # Production validates a sample of responses; the tests validate every one.
    "VALIDATE_RESPONSES": 1.0,
}

_SUCCESS_SCHEMAS = {
    "/v1/annotate": AnnotateResponseSchema,
    "/v1/annotate/batch": BatchResponseSchema,
}


class SchemaValidatingClient(FlaskClient):
    """Checks every response the tests receive against the schema it promises."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        path = response.request.path
        if response.status_code >= 400:
            assert response.mimetype == "application/problem+json", (response.status_code, response.data[:200])
            body = ProblemSchema().load(response.get_json())
            assert body["status"] == response.status_code
        elif path in _SUCCESS_SCHEMAS and response.status_code == 200 and response.request.method == "POST":
            _SUCCESS_SCHEMAS[path]().load(response.get_json())
        return response


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def make_app(nlp, **overrides):
    app = create_app({"TESTING": True, "HABARI_PIPELINE": nlp, **TEST_LIMITS, **overrides})
    app.test_client_class = SchemaValidatingClient
    return app


@pytest.fixture(scope="session")
def app(nlp):
    return make_app(nlp)


@pytest.fixture(scope="session")
def quotes_nlp():
    """A blank Swahili pipeline with only the entity grouping and the quote component:
    quote tests set the entities by hand."""
    import service.lang.sw  # noqa: F401  (registers "sw")
    from service import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("sw")
    nlp.add_pipe("habari_entities")
    nlp.add_pipe("habari_quotes")
    return nlp
