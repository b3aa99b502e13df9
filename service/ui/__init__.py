"""The annotation page at GET /: paste an article, see its annotations.

Plain HTML, CSS and JavaScript served by the service itself (no CDN, no build step), so
the page works offline. The page renders the JSON of POST /v1/annotate in the browser;
it relies only on the response shape, never on the pipeline.
"""
from __future__ import annotations

from flask import Blueprint, current_app, make_response, render_template

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


def api_keys_configured() -> bool:
    return any(key.strip() for key in current_app.config.get("HABARI_API_KEYS", "").split(","))


@bp.get("/")
def index():
    page = render_template(
        "ui/index.html",
        api_key_required=api_keys_configured(),
        max_text_chars=current_app.config["MAX_TEXT_CHARS"],
    )
    response = make_response(page)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
