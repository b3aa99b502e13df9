"""The per-app pipeline holder behind readiness: no module globals, tests replace it."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from spacy.language import Language

from service.annotator import Annotator, Article

logger = logging.getLogger("habari.pipeline")

# Exercises every component once, so the first real request pays no lazy set-up.
WARM_UP_TEXT = (
    "Rais Amina Juma wa Tanzania alisema Jumatatu, 3 Machi 2025, kwamba serikali itajenga "
    "shule mpya. “Tutaanza mwezi ujao,” aliongeza mjini Dodoma."
)


class PipelineState:
    def __init__(self):
        self.annotator: Annotator | None = None
        self.draining = False
        self.load_seconds: float | None = None

    @property
    def ready(self) -> bool:
        return self.annotator is not None and not self.draining

    def load(self, make_pipeline: Callable[[], Language]) -> None:
        started = time.perf_counter()
        annotator = Annotator(make_pipeline())
        annotator.annotate(Article(WARM_UP_TEXT))
        self.load_seconds = time.perf_counter() - started
        self.annotator = annotator
        logger.info("pipeline ready", extra={"load_seconds": round(self.load_seconds, 2)})
