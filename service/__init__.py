"""Habari: Swahili news annotation over HTTP. `create_app` is the application factory."""
from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from flask import Flask

from service.config import settings_from_env

API_VERSION = "1.0.0"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. Settings: defaults < HABARI_* environment < `config`.

    Extra keys (for tests and embedding): HABARI_PIPELINE, a loaded spaCy Language to use
    instead of loading one; HABARI_LOAD_PIPELINE=False, start without a model (not ready).
    """
    from service import api, ops, ui
    from service.batching import DynamicBatcher
    from service.budget import TimeBudgetExceeded
    from service.cors import enable_cors
    from service.metrics import ServiceMetrics
    from service.observability import configure_logging, init_request_ids
    from service.openapi import HabariApi, document_operational_endpoints, nullable_reference
    from service.problems import register_problem_handlers
    from service.state import PipelineState

    app = Flask(__name__)
    app.config.update(settings_from_env())
    app.config.update(
        API_TITLE="Habari annotation API",
        API_VERSION=API_VERSION,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL=ops.SWAGGER_UI_ASSETS,
        HABARI_PIPELINE=None,
        HABARI_LOAD_PIPELINE=True,
    )
    app.config.update(config or {})
    configure_logging(app.config["LOG_LEVEL"])
    init_request_ids(app)

    smorest = HabariApi(app)
    smorest.ma_plugin.converter.add_attribute_function(nullable_reference)
    smorest.register_blueprint(api.blp)
    app.register_blueprint(ops.bp)
    app.register_blueprint(ui.bp)
    # Registered after flask-smorest's own handlers, so these win.
    register_problem_handlers(app)
    enable_cors(app)

    metrics = ServiceMetrics(app)
    document_operational_endpoints(smorest.spec, app)
    state = PipelineState()
    app.extensions["habari"] = state
    app.extensions["habari_metrics"] = metrics
    if app.config["DYNAMIC_BATCHING"]:
        app.extensions["habari_batcher"] = DynamicBatcher(
            functools.partial(api.annotate_within_budget, app),
            max_items=app.config["DYNAMIC_BATCH_MAX_DOCUMENTS"],
            max_wait_seconds=app.config["DYNAMIC_BATCH_MAX_WAIT_MS"] / 1000,
            final_errors=(TimeBudgetExceeded,),
        )
    if app.config["HABARI_LOAD_PIPELINE"]:
        state.load(lambda: app.config["HABARI_PIPELINE"] or _load_pipeline(app.config))
        metrics.model_load_seconds.set(state.load_seconds)
    return app


def _load_pipeline(config: Mapping[str, Any]):
    from service.nlp import bundled_model, load_pipeline

    path = config["HABARI_MODEL_PATH"] or bundled_model(config["HABARI_MODEL"])
    return load_pipeline(path, config["HABARI_KNOWN_ENTITIES"])
