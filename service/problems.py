"""Every error leaves as RFC 9457 problem+json, never as HTML or a stack trace."""
from __future__ import annotations

import logging

from flask import Flask, g, json
from werkzeug.exceptions import HTTPException, InternalServerError

PROBLEM_MIMETYPE = "application/problem+json"

logger = logging.getLogger("habari.errors")


def problem_response(status: int, title: str, detail: str, errors: dict | None = None, headers=None):
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    request_id = g.get("request_id")
    if request_id:
        body["request_id"] = request_id
    response = Flask.response_class(json.dumps(body), status=status, mimetype=PROBLEM_MIMETYPE)
    for name, value in headers or []:
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _handle_http_exception(error: HTTPException):
    # flask-smorest's abort() attaches its keyword arguments as `data`.
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    detail = data.get("message") or error.description or error.name
    return problem_response(error.code or 500, error.name, detail, errors, error.get_headers())


def _handle_unexpected(error: Exception):
    logger.exception("unhandled error")
    return _handle_http_exception(InternalServerError("The server failed to process the request."))


def register_problem_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
