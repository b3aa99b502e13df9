"""Liveness, readiness and the offline assets of the interactive docs."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, send_from_directory
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


@bp.get(f"{SWAGGER_UI_ASSETS}<path:filename>")
def swagger_ui_asset(filename):
    # Served from the swagger-ui-bundle package, so /docs works without internet.
    return send_from_directory(swagger_ui_path, filename)
