"""Service settings: defaults, overridden by HABARI_* environment variables."""
from __future__ import annotations

import os
from typing import Any


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        raise ValueError(raw)
    return value in ("1", "true", "yes", "on")

# name → (default, parser). Every key is also a Flask config key, so tests pass a dict
# to create_app() instead of touching the environment.
_SETTINGS: dict[str, tuple[Any, Any]] = {
    # Which bundled model to serve, "accurate" or "fast" (service/nlp.py); a
    # HABARI_MODEL_PATH, if set, wins over it.
    "HABARI_MODEL": ("accurate", str),
    "HABARI_MODEL_PATH": (None, str),
    # A JSONL list of the deployment's own entities (SPEC.md "Known entities"), or none.
    "HABARI_KNOWN_ENTITIES": (None, str),
    "MAX_TEXT_CHARS": (100_000, int),
    "BATCH_MAX_DOCUMENTS": (64, int),
    "BATCH_MAX_CHARS": (1_000_000, int),
    # Bytes on the wire; JSON escaping can take up to 6 bytes per character.
    "MAX_CONTENT_LENGTH": (16 * 1024 * 1024, int),
    "HABARI_API_KEYS": ("", str),
    # Comma-separated origins allowed to call /v1 from a browser ("*" for any); none by default.
    "HABARI_CORS_ORIGINS": ("", str),
    "LOG_LEVEL": ("INFO", str),
    # Kept below gunicorn's worker timeout, so a slow document ends in a clear 503.
    "REQUEST_BUDGET_SECONDS": (45.0, float),
    # Share of responses checked against their schema before they leave (0 to 1); a
    # violation is a 500 and a logged error. Full validation costs ~5% of a request.
    "VALIDATE_RESPONSES": (0.01, float),
    # Concurrent requests in a worker share one pipeline call (service/batching.py):
    # at most this many documents, gathered for at most this long after the first. No
    # wait by default: the requests that queued while the last call ran are batch enough
    # (a 2 ms wait gave a p99 of 200-682 ms for ~600-word articles at a fixed rate, 63 ms
    # without, while a waiting worker still took new connections; since then it takes none
    # while it waits, and waits of 1 and 3 ms showed no gain on a loaded machine).
    # gunicorn.conf.py runs threaded workers with it on, sync workers without. On: more
    # documents/s at peak, p99 no worse (benchmarks/throughput.py --compare,
    # benchmarks/README.md).
    "DYNAMIC_BATCHING": (True, _flag),
    "DYNAMIC_BATCH_MAX_DOCUMENTS": (8, int),
    "DYNAMIC_BATCH_MAX_WAIT_MS": (0.0, float),
}

_ENV_NAMES = {
    "MAX_TEXT_CHARS": "HABARI_MAX_TEXT_CHARS",
    "BATCH_MAX_DOCUMENTS": "HABARI_BATCH_MAX_DOCUMENTS",
    "BATCH_MAX_CHARS": "HABARI_BATCH_MAX_CHARS",
    "MAX_CONTENT_LENGTH": "HABARI_MAX_BODY_BYTES",
    "LOG_LEVEL": "HABARI_LOG_LEVEL",
    "REQUEST_BUDGET_SECONDS": "HABARI_REQUEST_BUDGET_SECONDS",
    "VALIDATE_RESPONSES": "HABARI_VALIDATE_RESPONSES",
    "DYNAMIC_BATCHING": "HABARI_DYNAMIC_BATCHING",
    "DYNAMIC_BATCH_MAX_DOCUMENTS": "HABARI_DYNAMIC_BATCH_MAX_DOCUMENTS",
    "DYNAMIC_BATCH_MAX_WAIT_MS": "HABARI_DYNAMIC_BATCH_MAX_WAIT_MS",
}


def settings_from_env(environ: os._Environ | dict | None = None) -> dict[str, Any]:
    """Defaults, overridden by the environment; a malformed value fails loudly at start."""
    environ = os.environ if environ is None else environ
    settings = {}
    for key, (default, parse) in _SETTINGS.items():
        raw = environ.get(_ENV_NAMES.get(key, key))
        if raw is None or raw == "":
            settings[key] = default
            continue
        try:
            settings[key] = parse(raw)
        except ValueError as error:
            raise ValueError(f"{_ENV_NAMES.get(key, key)}={raw!r} is not a valid {parse.__name__.strip('_')}") from error
    return settings
