"""Request ids and one JSON log line per request (never the article text)."""
from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, g, request
from pythonjsonlogger.json import JsonFormatter

request_log = logging.getLogger("habari.requests")

_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def configure_logging(level: str) -> None:
    logger = logging.getLogger("habari")
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False


def init_request_ids(app: Flask) -> None:
    @app.before_request
    def _start():
        given = request.headers.get("X-Request-ID", "")
        # A client's id is honoured only if it is safe to echo and to log.
        g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response):
        request_id = g.get("request_id")
        if request_id:
            response.headers["X-Request-ID"] = request_id
            request_log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - g.started) * 1000, 1),
                    "request_bytes": request.content_length,
                },
            )
        return response
