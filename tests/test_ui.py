"""The annotation page at GET /: served, self-contained, labelled. No model needed.

What the page does with a response is checked in a real browser by test_ui_browser.py.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import PurePosixPath

import pytest

from service.ui import LANGUAGE_COOKIE, LANGUAGES, ui_strings
from tests.conftest import make_app

ASSET_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
# The one absolute URL allowed: an XML namespace name, which nothing ever fetches.
XML_NAMESPACES = {"http://www.w3.org/2000/svg"}


class PageParser(HTMLParser):
    """Collects what the checks below need from the page's markup."""

    def __init__(self):
        super().__init__()
        self.references: list[str] = []
        self.inline_scripts = 0
        self.style_attributes = 0
        self.event_handlers: list[str] = []
        self.controls: list[dict] = []
        self.label_targets: set[str] = set()
        self.ids: dict[str, dict] = {}
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids[attributes["id"]] = {"tag": tag, **attributes}
        for name in ("src", "href"):
            if attributes.get(name):
                self.references.append(attributes[name])
        if tag == "script":
            self._in_script = "src" not in attributes
        if "style" in attributes:
            self.style_attributes += 1
        self.event_handlers += [name for name in attributes if name.startswith("on")]
        if tag in ("input", "textarea", "select"):
            self.controls.append(attributes)
        if tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def page_app():
    # The page must come up before (and without) a model: no pipeline is loaded here.
    return make_app(None, HABARI_LOAD_PIPELINE=False)


@pytest.fixture
def page_client(page_app):
    return page_app.test_client()


def test_page_is_served_as_html(page_client):
    response = page_client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = parse(response.get_data(as_text=True))
    assert page.ids["article-text"]["tag"] == "textarea"
    assert page.ids["published"]["type"] == "date"
    assert page.ids["annotate-button"]["type"] == "submit"
    assert page.ids["app"]["data-annotate-url"] == "/v1/annotate"


def test_every_referenced_asset_is_served_by_the_service(page_client):
    page = parse(page_client.get("/").get_data(as_text=True))
    assets = [reference for reference in page.references if not reference.startswith("#")]
    assert any(reference.endswith(".js") for reference in assets)
    assert any(reference.endswith(".css") for reference in assets)
    for reference in assets:
        assert reference.startswith("/") and not reference.startswith("//"), reference
        response = page_client.get(reference)
        assert response.status_code == 200, reference
        suffix = PurePosixPath(reference).suffix
        if suffix in ASSET_TYPES:
            assert response.mimetype == ASSET_TYPES[suffix], reference


def test_page_and_assets_name_no_outside_address(page_client):
    html = page_client.get("/").get_data(as_text=True)
    texts = {"/": html}
    for reference in parse(html).references:
        if reference.startswith("/") and reference != "/docs":
            texts[reference] = page_client.get(reference).get_data(as_text=True)
    assert len(texts) >= 4, sorted(texts)
    for name, text in texts.items():
        addresses = set(re.findall(r"https?://[^\s\"'<>)]+", text)) - XML_NAMESPACES
        assert not addresses, (name, addresses)
        assert "@import" not in text and "url(" not in text, name


def test_content_security_policy_allows_only_the_service_itself(page_client):
    response = page_client.get("/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    for name in ("script-src", "style-src", "connect-src", "img-src"):
        assert directives[name] == "'self'", name
    # Under that policy inline code would be blocked, so the page must have none.
    page = parse(response.get_data(as_text=True))
    assert page.inline_scripts == 0
    assert page.style_attributes == 0
    assert page.event_handlers == []


def test_every_form_control_has_a_label(page_client):
    page = parse(page_client.get("/").get_data(as_text=True))
    assert len(page.controls) >= 3
    for control in page.controls:
        assert control.get("id") in page.label_targets, control


def test_api_key_field_hidden_when_the_service_needs_no_key(page_client):
    page = parse(page_client.get("/").get_data(as_text=True))
    assert "hidden" in page.ids["api-key-field"]


def test_page_stays_open_and_asks_for_the_key_when_keys_are_configured():
    client = make_app(None, HABARI_LOAD_PIPELINE=False, HABARI_API_KEYS="k1, k2").test_client()
    response = client.get("/")
    assert response.status_code == 200
    page = parse(response.get_data(as_text=True))
    assert "hidden" not in page.ids["api-key-field"]
    assert page.ids["api-key"]["type"] == "password"
    assert client.get("/ui-assets/habari.js").status_code == 200
    # The API itself still refuses a request without a key.
    assert client.post("/v1/annotate", json={"text": "Habari"}).status_code == 401


def test_missing_asset_is_a_problem_response(page_client):
    response = page_client.get("/ui-assets/nothing-here.js")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_the_page_is_swahili_unless_the_cookie_asks_for_english(page_app):
    client = page_app.test_client()
    swahili = client.get("/")
    assert '<html lang="sw">' in swahili.get_data(as_text=True)
    assert ">Changanua<" in swahili.get_data(as_text=True)
    assert "Cookie" in swahili.headers["Vary"]
    client.set_cookie(LANGUAGE_COOKIE, "en")
    english = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in english and ">Annotate<" in english
    client.set_cookie(LANGUAGE_COOKIE, "xx")
    assert '<html lang="sw">' in client.get("/").get_data(as_text=True)


def test_every_string_exists_in_both_languages_and_every_key_used_exists(page_client):
    strings = ui_strings()
    assert set(strings) == set(LANGUAGES)
    assert set(strings["sw"]) == set(strings["en"])
    for key in strings["sw"]:
        placeholders = {language: set(re.findall(r"\{(\w+)\}", strings[language][key])) for language in LANGUAGES}
        assert placeholders["sw"] == placeholders["en"], key
    html = page_client.get("/").get_data(as_text=True)
    script = page_client.get("/ui-assets/habari.js").get_data(as_text=True)
    used = set(re.findall(r'data-i18n(?:-label)?="(\w+)"', html)) | set(re.findall(r'\bt\("(\w+)"', script))
    assert used and used <= set(strings["sw"]), used - set(strings["sw"])
