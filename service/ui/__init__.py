"""The annotation page at GET /: paste an article, see its annotations.

Plain HTML, CSS and JavaScript served by the service itself (no CDN, no build step), so
the page works offline. The page renders the JSON of POST /v1/annotate in the browser;
it relies only on the response shape, never on the pipeline.

Every word the page shows is in strings.json, in Swahili (the default) and English. The
server renders the page in the language of the `habari_lang` cookie, which the page's
language switch sets; the page gets both languages to switch without a reload.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from flask import Blueprint, current_app, make_response, render_template, request

bp = Blueprint(
    "ui",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/ui-assets",
)

# Everything the page loads or calls is the service's own; the policy turns any slip
# (an external font, a CDN script, an inline handler) into a visible failure in tests.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


LANGUAGES = ("sw", "en")
LANGUAGE_COOKIE = "habari_lang"


@cache
def ui_strings() -> dict[str, dict[str, str]]:
    return json.loads((Path(__file__).parent / "strings.json").read_text(encoding="utf-8"))


def page_language() -> str:
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    return chosen if chosen in LANGUAGES else LANGUAGES[0]


def api_keys_configured() -> bool:
    return any(key.strip() for key in current_app.config.get("HABARI_API_KEYS", "").split(","))


@bp.get("/")
def index():
    language = page_language()
    strings = ui_strings()[language]
    page = render_template(
        "ui/index.html",
        api_key_required=api_keys_configured(),
        max_text_chars=current_app.config["MAX_TEXT_CHARS"],
        language=language,
        t=lambda key, **values: strings[key].format(**values),
        all_strings=json.dumps(ui_strings(), ensure_ascii=False),
    )
    response = make_response(page)
    response.headers["Vary"] = "Cookie"
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
