"""Cross-origin access for a newsroom's own browser tools: off unless HABARI_CORS_ORIGINS
names the origins allowed.

flask-cors rather than a few hand-written headers: preflight requests, `Vary: Origin`,
matching an origin against a list and the headers a browser may send or read are its
whole job, and easy to get subtly wrong by hand.
"""
from __future__ import annotations

from flask import Flask
from flask_cors import CORS

# What a browser client sends beside the body, and may read from the response.
ALLOWED_HEADERS = ["Content-Type", "Authorization", "X-API-Key", "X-Request-ID"]
EXPOSED_HEADERS = ["X-Request-ID", "Retry-After"]


def allowed_origins(setting: str) -> list[str]:
    """`https://a.example, https://b.example` → the list; `*` allows any origin."""
    return [origin.strip().rstrip("/") for origin in setting.split(",") if origin.strip()]


def enable_cors(app: Flask) -> None:
    origins = allowed_origins(app.config["HABARI_CORS_ORIGINS"])
    if not origins:
        return
    CORS(
        app,
        resources={r"/v1/*": {}, "/openapi.json": {}},
        origins="*" if "*" in origins else origins,
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        methods=["GET", "POST", "OPTIONS"],
        max_age=600,
    )
