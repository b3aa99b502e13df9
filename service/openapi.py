"""The OpenAPI document as a client generator reads it: typed nullable objects, the
operational endpoints, and nothing the service does not use."""
from __future__ import annotations

from flask_smorest import Api
from flask_smorest.utils import prepare_response
from marshmallow import Schema, fields

from schemas import ProblemSchema
from schemas.annotate import ModelInfoSchema
from service.problems import PROBLEM_MIMETYPE


class HabariApi(Api):
    """flask-smorest's Api without the parts Habari has no use for."""

    def _register_responses(self):
        # flask-smorest describes every other status as its own `Error` schema sent as
        # application/json; every error here leaves as problem+json (service/problems.py).
        response = {"description": "Any other error.", "schema": ProblemSchema}
        prepare_response(response, self.spec, PROBLEM_MIMETYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)

    def _register_pagination_header(self):
        # No endpoint pages its results; registering the header would put an unused
        # PaginationMetadata schema into /openapi.json.
        pass


def nullable_reference(self, field, ret, **kwargs) -> dict:
    """OpenAPI 3.0 for "this object, or null": `nullable` beside `allOf: [$ref]`.

    apispec writes `anyOf: [{"type": "object", "nullable": true}, {"$ref": ...}]`, whose
    first branch matches any object: openapi-python-client 0.29 then generates an untyped
    bag instead of the referenced model. An apispec attribute function (called after the
    built-in ones) rewrites it.
    """
    branches = ret.get("anyOf")
    untyped_null = {"type": "object", "nullable": True}
    if not branches or untyped_null not in branches:
        return {}
    del ret["anyOf"]
    return {"allOf": [branch for branch in branches if branch != untyped_null], "nullable": True}


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})


class ReadySchema(Schema):
    status = fields.String(required=True, metadata={"example": "ready"})
    model = fields.Nested(ModelInfoSchema, required=True)


def _problem(description: str) -> dict:
    return {"description": description, "content": {PROBLEM_MIMETYPE: {"schema": "Problem"}}}


def document_operational_endpoints(spec, app) -> None:
    """/health, /ready and /metrics are plain Flask views (and prometheus_flask_exporter's),
    so flask-smorest does not see them; they are described here."""
    rules = {rule.rule: rule for rule in app.url_map.iter_rules()}

    def path(path, operations):
        # flask-smorest's spec plugin takes the path from the app's own rule.
        spec.path(rule=rules[path], operations=operations)

    spec.components.schema("Health", schema=HealthSchema)
    spec.components.schema("Ready", schema=ReadySchema)
    tags = ["operations"]
    spec.tag({"name": "operations", "description": "Liveness, readiness and metrics."})
    path(
        "/health",
        {"get": {
            "tags": tags, "summary": "200 while the process lives.", "operationId": "health",
            "responses": {"200": {"description": "Alive.", "content": {"application/json": {"schema": "Health"}}}},
        }},
    )
    path(
        "/ready",
        {"get": {
            "tags": tags, "operationId": "ready",
            "summary": "200 once the model is loaded; 503 before that and while shutting down.",
            "responses": {
                "200": {"description": "Ready.", "content": {"application/json": {"schema": "Ready"}}},
                "503": _problem("Loading the model, or draining before shutdown (Retry-After: 5)."),
            },
        }},
    )
    path(
        "/metrics",
        {"get": {
            "tags": tags, "operationId": "metrics",
            "summary": "Prometheus metrics, aggregated across gunicorn workers.",
            "responses": {"200": {
                "description": "Prometheus text exposition format.",
                "content": {"text/plain": {"schema": {"type": "string"}}},
            }},
        }},
    )
