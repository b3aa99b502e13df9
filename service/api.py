"""/v1 routes: parse and validate with the schemas, call the annotator, serialize."""
from __future__ import annotations

import codecs
import functools
import hmac
import json
import random

from flask import current_app, request
from flask_smorest import Blueprint, abort
from marshmallow import ValidationError

from schemas import (
    AnnotateRequestSchema,
    AnnotateResponseSchema,
    BatchRequestSchema,
    BatchResponseSchema,
    ProblemSchema,
)
from schemas.annotate import EXAMPLE_RESPONSE
from service.annotator import Article
from service.budget import TimeBudgetExceeded, time_budget
from service.language_id import UNDETERMINED

blp = Blueprint("annotate", __name__, url_prefix="/v1", description="Annotate Swahili news articles.")

_PROBLEM = "application/problem+json"
_ANNOTATE_TYPES = "application/json or text/plain; charset=utf-8"
_ERRORS = {
    400: "Malformed JSON, or text that is not valid UTF-8.",
    401: "Missing or wrong API key (only when keys are configured).",
    413: "Body or batch over the configured limits.",
    415: "Content type other than application/json or text/plain.",
    422: "The request violates the schema (field messages under `errors`).",
    503: "The model is not loaded yet.",
}


def _document_errors(view):
    for status, description in _ERRORS.items():
        view = blp.alt_response(status, schema=ProblemSchema, description=description, content_type=_PROBLEM)(view)
    return view


@blp.before_request
def _require_api_key():
    # A browser's CORS preflight never carries credentials; the request after it does.
    if request.method == "OPTIONS":
        return
    keys = [key.strip() for key in current_app.config["HABARI_API_KEYS"].split(",") if key.strip()]
    if not keys:
        return
    given = request.headers.get("X-API-Key", "")
    authorization = request.headers.get("Authorization", "")
    if authorization[:7].lower() == "bearer ":
        given = authorization[7:].strip()
    # Compare against every key without early exit, so timing reveals nothing.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given.encode(), key.encode())
    if not matched:
        abort(401, message="A valid API key is required (Authorization: Bearer KEY or X-API-Key).")


def _annotator():
    state = current_app.extensions["habari"]
    if not state.ready:
        abort(503, message="The model is still loading; retry shortly.")
    return state.annotator


def _json_body(accepted: str = "application/json"):
    if not request.is_json:
        abort(415, message=f"Got {request.mimetype or 'no content type'}; this endpoint takes {accepted}.")
    # A JSON body carries every field itself; a query parameter beside it would be
    # silently ignored (`?language=sw` not applied), so it is refused like an unknown field.
    if request.args:
        errors = {name: ["Query parameters are read only with a text/plain body; put this field in the JSON body."]
                  for name in request.args}
        abort(422, message="The request is invalid.", errors={"query": errors})
    # Parsed here rather than by request.get_json(), whose 400 does not say what is wrong.
    try:
        return json.loads(request.get_data().decode("utf-8"))
    except UnicodeDecodeError as error:
        abort(400, message=f"The body is not valid UTF-8 (byte {error.start}).")
    except json.JSONDecodeError as error:
        abort(400, message=f"Malformed JSON: {error.msg} (line {error.lineno}, column {error.colno}).")
    except RecursionError:
        abort(400, message="Malformed JSON: nested too deeply.")


def _plain_text_body() -> dict:
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        if codecs.lookup(charset).name not in ("utf-8", "ascii"):
            raise LookupError
    except LookupError:
        abort(415, message=f"text/plain must be UTF-8 (got charset={charset}).")
    try:
        text = request.get_data().decode("utf-8")
    except UnicodeDecodeError as error:
        abort(400, message=f"The body is not valid UTF-8 (byte {error.start}).")
    payload: dict = {"text": text}
    for name in ("language", "published"):
        if name in request.args:
            payload[name] = request.args[name]
    if "include" in request.args:
        payload["include"] = [kind.strip() for kind in request.args["include"].split(",") if kind.strip()]
    unknown = set(request.args) - {"language", "published", "include"}
    for name in unknown:
        payload[name] = request.args[name]
    return payload


def _load(schema, payload):
    try:
        return schema.load(payload)
    except ValidationError as error:
        abort(422, message="The request is invalid.", errors=_with_document_ids(error.messages, payload))


def _with_document_ids(errors: dict, payload) -> dict:
    """Batch errors are keyed by the document's index; `document_ids` names the id sent
    at each of those indexes, so a client can find the document either way."""
    by_index = errors.get("documents") if isinstance(errors, dict) else None
    documents = payload.get("documents") if isinstance(payload, dict) else None
    if not isinstance(by_index, dict) or not isinstance(documents, list):
        return errors
    ids = {}
    for index in by_index:
        if isinstance(index, int) and 0 <= index < len(documents) and isinstance(documents[index], dict):
            if isinstance(documents[index].get("id"), str):
                ids[index] = documents[index]["id"]
    return {**errors, "document_ids": ids} if ids else errors


def _foreign_text_errors(annotator, payload, texts: list[str]) -> dict[int, list[str]]:
    """Without an explicit `language`, texts that are confidently another language, by index."""
    if isinstance(payload, dict) and "language" in payload:
        return {}
    expected = annotator.nlp.lang
    errors = {}
    for index, text in enumerate(texts):
        language = annotator.foreign_language(text)
        if language == UNDETERMINED:
            errors[index] = [
                f"The text is short and has no word of language {expected!r}; "
                f"send language={expected!r} to annotate it anyway."
            ]
        elif language:
            errors[index] = [
                f"The text looks like {language!r}, not {expected!r}; send language={expected!r} to annotate it anyway."
            ]
    return errors


def annotate_within_budget(app, include: frozenset[str], articles: list[Article]) -> list[dict]:
    """One pipeline call over `articles`, cut by the request budget: the dynamic batcher's
    batch function, and the whole annotation of a request without it."""
    app.extensions["habari_metrics"].pipeline_call_documents.observe(len(articles))
    with time_budget(app.config["REQUEST_BUDGET_SECONDS"]):
        return app.extensions["habari"].annotator.annotate_many(articles, include)


def _annotated(articles: list[Article], include: list[str]) -> list[dict]:
    app = current_app._get_current_object()
    batcher = app.extensions.get("habari_batcher")
    try:
        if batcher is None:
            return annotate_within_budget(app, frozenset(include), articles)
        # Only requests asking for the same kinds can share a pipeline call.
        return batcher.submit(frozenset(include), articles)
    except TimeBudgetExceeded:
        seconds = app.config["REQUEST_BUDGET_SECONDS"]
        abort(503, message=f"Annotation took longer than the {seconds:g} s budget; send shorter texts.")


@functools.cache
def _request_schema(schema_class, max_text_chars: int):
    # Building a marshmallow schema costs more than loading a request with it (a fifth of
    # the HTTP layer's CPU per request, py-spy); one per class and limit serves them all.
    return schema_class(max_text_chars=max_text_chars)


@functools.cache
def _response_schema(schema_class):
    return schema_class()


def _respond(schema_class, result: dict):
    """`result` as JSON, checked against `schema_class` for a sample of responses.

    The Annotator already returns plain JSON data shaped as the schema says, so the
    schema's dump would only copy it. Validating every response cost ~5% of a request's
    CPU (benchmarks/README.md); HABARI_VALIDATE_RESPONSES is the share validated (the
    tests validate all). A view returning a Response is passed through by flask-smorest,
    whose decorator still documents the schema.
    """
    share = current_app.config["VALIDATE_RESPONSES"]
    if share > 0 and (share >= 1 or random.random() < share):
        if errors := _response_schema(schema_class).validate(result):
            raise ValueError(f"response violates {schema_class.__name__}: {errors}")
    return current_app.json.response(result)


def _include_docs(requests_content):
    return blp.doc(requestBody={"required": True, "content": requests_content})


@blp.route("/annotate", methods=["POST"])
@_include_docs(
    {
        "application/json": {"schema": AnnotateRequestSchema},
        "text/plain": {
            "schema": {"type": "string", "minLength": 1},
            "example": "Rais Samia Suluhu Hassan alisema jana kwamba ...",
        },
    }
)
@blp.doc(
    parameters=[
        {"in": "query", "name": "language", "schema": {"type": "string"}, "description": "text/plain only (422 beside a JSON body)."},
        {"in": "query", "name": "published", "schema": {"type": "string"}, "example": "2024-06-19",
         "description": "text/plain only (422 beside a JSON body): YYYY-MM-DD or an ISO 8601 datetime."},
        {"in": "query", "name": "include", "schema": {"type": "string"}, "description": "text/plain only (422 beside a JSON body): comma-separated kinds."},
    ]
)
@blp.response(200, AnnotateResponseSchema, example=EXAMPLE_RESPONSE)
@_document_errors
def annotate():
    """Annotate one article (JSON or text/plain)."""
    payload = _plain_text_body() if request.mimetype == "text/plain" else _json_body(_ANNOTATE_TYPES)
    data = _load(_request_schema(AnnotateRequestSchema, current_app.config["MAX_TEXT_CHARS"]), payload)
    annotator = _annotator()
    if foreign := _foreign_text_errors(annotator, payload, [data["text"]]):
        abort(422, message="The text is not in a supported language.", errors={"text": foreign[0]})
    current_app.extensions["habari_metrics"].document_chars.observe(len(data["text"]))
    article = Article(data["text"], data.get("published"))
    return _respond(AnnotateResponseSchema, _annotated([article], data["include"])[0])


@blp.route("/annotate/batch", methods=["POST"])
@_include_docs({"application/json": {"schema": BatchRequestSchema}})
@blp.response(200, BatchResponseSchema)
@_document_errors
def annotate_batch():
    """Annotate several articles in one pass through the pipeline; results in input order."""
    payload = _json_body()
    config = current_app.config
    documents = payload.get("documents") if isinstance(payload, dict) else None
    if isinstance(documents, list) and len(documents) > config["BATCH_MAX_DOCUMENTS"]:
        abort(413, message=f"{len(documents)} documents; the limit is {config['BATCH_MAX_DOCUMENTS']} per batch.")
    data = _load(_request_schema(BatchRequestSchema, config["MAX_TEXT_CHARS"]), payload)
    total_chars = sum(len(document["text"]) for document in data["documents"])
    if total_chars > config["BATCH_MAX_CHARS"]:
        abort(413, message=f"{total_chars} characters in the batch; the limit is {config['BATCH_MAX_CHARS']}.")
    annotator = _annotator()
    if foreign := _foreign_text_errors(annotator, payload, [document["text"] for document in data["documents"]]):
        errors = {"documents": {index: {"text": messages} for index, messages in foreign.items()}}
        abort(422, message="Some texts are not in a supported language.", errors=_with_document_ids(errors, payload))
    articles = [Article(document["text"], document.get("published")) for document in data["documents"]]
    chars = current_app.extensions["habari_metrics"].document_chars
    for article in articles:
        chars.observe(len(article.text))
    results = _annotated(articles, data["include"])
    return _respond(BatchResponseSchema, {
        "results": [{"id": document["id"], **result} for document, result in zip(data["documents"], results)]
    })
