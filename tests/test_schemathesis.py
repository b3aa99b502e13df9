"""Property-based fuzzing of the documented API: schemathesis generates requests from
/openapi.json and sends them in-process to the WSGI app.

Checks: no 5xx (a 503 from the time budget is announced in the spec, a 500 never is),
documented status codes and content types, and every response body valid against the
schema the spec gives for its status. Bounded so the suite stays fast; the longer run
(>= 2,000 cases) sets HABARI_FUZZ_EXAMPLES, see benchmarks/README.md.
"""
from __future__ import annotations

import itertools
import os
from collections import Counter

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# Examples per operation and generation mode (valid and invalid data).
EXAMPLES = int(os.environ.get("HABARI_FUZZ_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _operations(app):
    for result in schemathesis.openapi.from_wsgi("/openapi.json", app).get_all_operations():
        yield result.ok()


# One test over all operations rather than schemathesis' lazy pytest parametrization,
# which does not work with pytest 9.
def test_generated_requests_get_documented_responses(app):
    operations = list(_operations(app))
    assert {operation.path for operation in operations} >= {"/v1/annotate", "/v1/annotate/batch", "/health", "/ready"}
    statuses: Counter = Counter()
    for operation, mode in itertools.product(operations, GenerationMode):
        if mode is GenerationMode.NEGATIVE and operation.method.upper() == "GET":
            continue  # /health, /ready, /metrics take no input: there is nothing to make invalid

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,  # the same cases on every run: the suite stays deterministic
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call_and_validate(case):
            response = case.call_and_validate(checks=CHECKS)
            statuses[(operation.label, mode.value, case.media_type, response.status_code)] += 1

        call_and_validate()
    # Shown with -s: how many cases ran and what they got, for benchmarks/README.md.
    print(f"\n{sum(statuses.values())} generated requests:")
    for (label, mode, media_type, status), count in sorted(statuses.items(), key=str):
        print(f"  {label} {mode} [{media_type}] -> {status}: {count}")
