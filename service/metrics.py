"""Prometheus metrics, aggregated across gunicorn workers when PROMETHEUS_MULTIPROC_DIR is set."""
from __future__ import annotations

import os

from flask import Flask
from prometheus_client import CollectorRegistry, Gauge, Histogram
from prometheus_flask_exporter import PrometheusMetrics
from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics


class ServiceMetrics:
    def __init__(self, app: Flask):
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            self.exporter = GunicornInternalPrometheusMetrics(app, group_by="endpoint")
            # In multiprocess mode values go to the shared files, not to a registry.
            registry = None
        else:
            # A registry per app, so that several apps (tests) can live in one process.
            registry = CollectorRegistry()
            self.exporter = PrometheusMetrics(app, group_by="endpoint", registry=registry)
        self.document_chars = Histogram(
            "habari_document_chars",
            "Characters per annotated document.",
            buckets=(100, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000),
            registry=registry,
        )
        # Documents per pipeline call: above 1 for /v1/annotate only when dynamic
        # batching groups concurrent requests.
        self.pipeline_call_documents = Histogram(
            "habari_pipeline_call_documents",
            "Documents annotated together in one pipeline call.",
            buckets=(1, 2, 3, 4, 6, 8, 16, 32, 64),
            registry=registry,
        )
        self.model_load_seconds = Gauge(
            "habari_model_load_seconds",
            "Seconds the worker took to load and warm up the pipeline.",
            multiprocess_mode="max",
            registry=registry,
        )
