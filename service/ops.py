"""Liveness, readiness and the offline assets of the interactive docs."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, send_from_directory, url_for
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("ops", __name__)

SWAGGER_UI_ASSETS = "/docs-assets/"


@bp.get("/health")
def health():
    return jsonify(status="ok")


@bp.get("/ready")
def ready():
    state = current_app.extensions["habari"]
    if state.ready:
        return jsonify(status="ready", model=state.annotator.model)
    from service.problems import problem_response

    detail = "Shutting down." if state.draining else "The model is still loading."
    return problem_response(503, "Service Unavailable", detail, headers=[("Retry-After", "5")])


@bp.get("/docs/")
def docs_with_slash():
    # flask-smorest serves Swagger UI at /docs only; people type /docs/ too.
    return redirect(url_for("api-docs.openapi_swagger_ui"), code=308)


@bp.get(f"{SWAGGER_UI_ASSETS}<path:filename>")
def swagger_ui_asset(filename):
    # Served from the swagger-ui-bundle package, so /docs works without internet.
    return send_from_directory(swagger_ui_path, filename)
