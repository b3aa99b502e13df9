"""marshmallow schemas: they validate requests, shape responses and generate /openapi.json."""
from schemas.annotate import (
    AnnotateRequestSchema,
    AnnotateResponseSchema,
    BatchRequestSchema,
    BatchResponseSchema,
)
from schemas.problem import ProblemSchema

__all__ = [
    "AnnotateRequestSchema",
    "AnnotateResponseSchema",
    "BatchRequestSchema",
    "BatchResponseSchema",
    "ProblemSchema",
]
