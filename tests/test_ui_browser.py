"""The annotation page in a real headless browser against the real service.

Debian's chromium (scripts/install-browser.sh) driven by Playwright for Python; Playwright
never downloads a browser here. Skips when /usr/bin/chromium is absent. Screenshots are
saved in each test's tmp_path.
"""
from __future__ import annotations

import csv
import io
import json
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from schemas import AnnotateResponseSchema
from tests.conftest import make_app

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (run scripts/install-browser.sh)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

# Headless, and none of the background traffic that this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
API_KEY = "browser-test-key"
PUBLISHED = "2024-11-18"

# Written for this test. Flags and emoji sit before every annotation, so each offset the
# service returns (code points) differs from the JavaScript (UTF-16) index.
ARTICLE = (
    "\U0001F1F9\U0001F1FF Wakulima wa Mbeya wapata mbegu mpya \U0001F33D\n\n"
    "Mbeya, Jumatatu. Waziri wa Kilimo Hussein Bashe amesema serikali itagawa mbegu bora kwa wakulima "
    "\U0001F60A wa mkoa wa Mbeya kuanzia mwezi Machi.\n\n"
    "\u201cTutahakikisha kila mkulima anapata mbegu kabla ya Machi 2025,\u201d alisema Bashe alipozungumza "
    "na wakulima jana katika Uwanja wa Sokoine.\n\n"
    "Shirika la Chakula Duniani (FAO) limesema kwamba mavuno ya mahindi yanaweza kuongezeka mwaka huu."
)

# Every drawn span of #article, its fragments' text joined, labels left out.
READ_HIGHLIGHTS = """() => {
  const spans = new Map();
  for (const element of document.querySelectorAll("#article [data-start]")) {
    const copy = element.cloneNode(true);
    copy.querySelectorAll(".label").forEach((label) => label.remove());
    const kind = element.classList.contains("quote") ? "quote"
      : element.classList.contains("entity") ? element.className.match(/entity--(\\w+)/)[1]
      : element.className;
    const key = `${kind}:${element.dataset.start}:${element.dataset.end}`;
    const entry = spans.get(key) || { kind, start: Number(element.dataset.start),
      end: Number(element.dataset.end), text: "", fragments: 0, labels: 0 };
    entry.text += copy.textContent;
    entry.fragments += 1;
    entry.labels += Array.from(element.children).filter((child) => child.classList.contains("label")).length;
    spans.set(key, entry);
  }
  return Array.from(spans.values());
}"""


@contextmanager
def serve(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def service_url(nlp):
    with serve(make_app(nlp)) as url:
        yield url


@pytest.fixture(scope="module")
def keyed_service_url(nlp):
    with serve(make_app(nlp, HABARI_API_KEYS=API_KEY)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A fresh tab that records script errors, policy violations and outside requests."""
    page = browser.new_page()
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: problems.append(f"console: {message.text}")
        if "Content Security Policy" in message.text
        else None,
    )

    def only_loopback(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            problems.append(f"outside request: {route.request.url}")
            route.abort()

    page.route("**/*", only_loopback)
    page.problems = problems
    yield page
    page.close()
    assert problems == []


def submit(page, text, published=None, key=None):
    page.fill("#article-text", text)
    if published:
        page.fill("#published", published)
    if key:
        page.fill("#api-key", key)
    page.click("#annotate-button")


def hover_start_of(page, selector):
    """Point at an inline element's first characters (its bounding box's corner may be
    outside it when it wraps, and its centre may be a nested mark)."""
    page.locator(selector).scroll_into_view_if_needed()
    box = page.locator(selector).evaluate(
        "(element) => { const r = element.getClientRects()[0]; return {x: r.left + 3, y: r.top + r.height / 2}; }"
    )
    page.mouse.move(box["x"], box["y"])


def wait_for_result(page) -> dict:
    page.wait_for_selector("#panel:not([hidden])")
    return json.loads(page.text_content("#raw-json"))


def mentions_in(result):
    """(kind as the page names it, start, end) of every entity mention and date."""
    expected = set()
    for field, kind in (("people", "person"), ("organizations", "organization"), ("places", "place")):
        for entity in result[field]:
            expected |= {(kind, mention["start"], mention["end"]) for mention in entity["mentions"]}
    expected |= {("date", date["start"], date["end"]) for date in result["dates"]}
    return expected


def test_annotates_an_article_with_highlights_and_speakers(page, service_url, tmp_path):
    page.goto(service_url)
    assert page.is_hidden("#api-key-field")
    submit(page, ARTICLE, published=PUBLISHED)
    result = wait_for_result(page)
    assert result["document_date"] == {"value": PUBLISHED, "source": "request"}

    highlights = page.evaluate(READ_HIGHLIGHTS)
    drawn = {(span["kind"], span["start"], span["end"]) for span in highlights}
    expected = mentions_in(result)
    assert any(kind == "person" for kind, _, _ in expected), "the service found no person in the article"
    assert expected <= drawn
    for span in highlights:
        # Offsets are code points; the page must land on the same characters as Python.
        assert span["text"] == ARTICLE[span["start"]:span["end"]], span
        if span["kind"] in ("person", "organization", "place", "date", "quote"):
            assert span["labels"] == 1, span

    spoken = [quote for quote in result["quotes"] if quote["speaker"]]
    assert spoken, "the service attributed no quote in the article"
    labels = page.locator("#article .quote-label .speaker-name").all_text_contents()
    assert {quote["speaker"]["name"] for quote in spoken} <= set(labels)

    quote = spoken[0]
    index = result["quotes"].index(quote)
    hover_start_of(page, f"#quote-{index}")
    speaker_spans = {
        (int(element.get_attribute("data-start")), int(element.get_attribute("data-end")))
        for element in page.locator("#article .is-speaker").all()
    }
    assert speaker_spans
    entity = next(
        (entity for entity in result["people"] + result["organizations"] if entity["id"] == quote["speaker"]["entity"]),
        None,
    )
    allowed = {(mention["start"], mention["end"]) for mention in (entity["mentions"] if entity else [])}
    if quote["speaker"]["mention"]:
        allowed.add((quote["speaker"]["mention"]["start"], quote["speaker"]["mention"]["end"]))
    assert speaker_spans <= allowed

    # The panel lists every entity with its mention count.
    for entity in result["people"] + result["organizations"] + result["places"]:
        row = page.locator("#panel tr", has=page.locator(f"button[data-entity='{entity['id']}']"))
        assert row.locator("td").first.text_content() == str(len(entity["mentions"]))

    page.screenshot(path=str(tmp_path / "annotated-article.png"), full_page=True)


def test_dates_show_their_value_on_hover_and_keyboard_focus(page, service_url):
    page.goto(service_url)
    submit(page, ARTICLE, published=PUBLISHED)
    result = wait_for_result(page)
    resolved = [date for date in result["dates"] if date["value"]]
    assert resolved, "the service resolved no date in the article"
    date = resolved[0]
    mark = page.locator(f"#article mark.entity--date[data-start='{date['start']}']").first
    assert date["value"] in mark.get_attribute("title")
    description = page.locator(f"#{mark.get_attribute('aria-describedby')}")
    assert date["value"] in description.text_content()
    assert mark.get_attribute("tabindex") == "0"
    mark.focus()
    tooltip = mark.evaluate("(element) => getComputedStyle(element, '::after').content")
    assert date["value"] in tooltip


def test_keyboard_focus_on_a_quote_highlights_its_speaker(page, service_url):
    page.goto(service_url)
    submit(page, ARTICLE, published=PUBLISHED)
    result = wait_for_result(page)
    index = next(i for i, quote in enumerate(result["quotes"]) if quote["speaker"])
    # Tab through the page as a keyboard user would, until the quote has focus.
    page.focus("#annotate-button")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == f"quote-{index}":
            break
    else:
        pytest.fail(f"Tab never reached quote {index}")
    assert page.locator("#article .is-speaker").count() >= 1
    assert "is-active" in page.locator(f".quote-item[data-quote='{index}']").get_attribute("class").split()
    # A pointer resting over other marks does not take the highlight away from the focus.
    hover_start_of(page, "#article mark[data-entity] >> nth=0")
    assert page.locator("#article .is-speaker").count() >= 1
    page.keyboard.press("Shift+Tab")
    assert page.locator(f".quote-item[data-quote='{index}'].is-active").count() == 0


def _synthetic_response(text: str) -> dict:
    """A response built by hand around chosen spans, in the service's own shape."""

    def span(part: str, after: int = 0) -> dict:
        start = text.index(part, after)
        return {"text": part, "start": start, "end": start + len(part)}

    quoted = span("Rais Amina \U0001F389 atazindua daraja Jumanne, 5 Machi 2024 mjini Tanga")
    amina_inside = span("Amina", quoted["start"])
    amina_after = span("Amina", quoted["end"])
    bridge_words = span("Tanga kwamba ujenzi")  # crosses the second quote's start
    indirect = span("ujenzi utaanza mapema")
    spokesman = span("msemaji")
    result = {
        "language": "sw",
        "model": {"name": "sw_test", "version": "0.0.0"},
        "document_date": None,
        "people": [{"id": "per-1", "name": "Amina", "mentions": [amina_inside, amina_after],
                    "country_code": None, "salience": 0.9}],
        "organizations": [],
        "places": [{"id": "loc-1", "name": "Tanga", "mentions": [span("Tanga")], "country_code": "TZ", "salience": 0.4},
                   {"id": "loc-2", "name": "Tanga kwamba ujenzi", "mentions": [bridge_words],
                    "country_code": None, "salience": 0.1}],
        "dates": [{**span("Jumanne, 5 Machi 2024"), "value": "2024-03-05", "granularity": "day"}],
        "quotes": [
            {**quoted, "kind": "direct", "cue": span("alisema"),
             "speaker": {"name": "Amina", "entity": "per-1", "mention": amina_after}},
            {**indirect, "kind": "indirect", "cue": span("alieleza"),
             "speaker": {"name": "msemaji", "entity": None, "mention": spokesman}},
        ],
    }
    AnnotateResponseSchema().load(result)
    return result


def test_overlapping_spans_nest_and_astral_offsets_convert(page, service_url, tmp_path):
    text = (
        "\U0001F600 \u201cRais Amina \U0001F389 atazindua daraja Jumanne, 5 Machi 2024 mjini Tanga,\u201d "
        "alisema Amina. Mji wa Tanga kwamba ujenzi utaanza mapema, alieleza msemaji."
    )
    response = _synthetic_response(text)
    page.route("**/v1/annotate", lambda route: route.fulfill(status=200, json=response))
    page.goto(service_url)
    assert page.evaluate("Habari.codePointToUtf16Map('a\U0001F600b')") == [0, 1, 3, 4]
    submit(page, text)
    wait_for_result(page)

    highlights = {(span["kind"], span["start"], span["end"]): span for span in page.evaluate(READ_HIGHLIGHTS)}
    for span in highlights.values():
        assert span["text"] == text[span["start"]:span["end"]], span
    assert mentions_in(response) <= set(highlights)

    quote = response["quotes"][0]
    assert highlights[("quote", quote["start"], quote["end"])]["fragments"] == 1
    date = response["dates"][0]
    date_mark = page.locator(f"mark.entity--date[data-start='{date['start']}']")
    assert date_mark.evaluate("(element) => element.closest('.quote').id") == "quote-0"
    person_inside = response["people"][0]["mentions"][0]
    assert page.locator(f"#quote-0 mark.entity--person[data-start='{person_inside['start']}']").count() == 1
    assert page.evaluate("document.querySelector('#quote-0').lastElementChild.className") == "label quote-label"

    # The indirect quote starts inside a place and outlives it: the quote is split at the
    # place's end and labelled once, on its last fragment; the place stays whole.
    place = response["places"][1]["mentions"][0]
    assert highlights[("place", place["start"], place["end"])]["fragments"] == 1
    indirect = response["quotes"][1]
    crossing = highlights[("quote", indirect["start"], indirect["end"])]
    assert crossing["fragments"] == 2 and crossing["labels"] == 1

    hover_start_of(page, "#quote-1")
    spokesman = indirect["speaker"]["mention"]
    assert page.locator(f".speaker-mention.is-speaker[data-start='{spokesman['start']}']").count() == 1
    assert page.locator(".quote[data-quote='1'] .speaker-name").text_content() == "msemaji"
    page.screenshot(path=str(tmp_path / "overlapping-spans.png"), full_page=True)


# WCAG 2 contrast of every visible text against the background it is drawn on.
LOW_CONTRAST_TEXTS = """(minimum) => {
  const parse = (value) => {
    const parts = value.match(/rgba?\\(([^)]+)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const backgroundOf = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color.a > 0) layers.push(color);
      if (color.a === 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  };
  const failures = [];
  for (const element of document.querySelectorAll("body *")) {
    const ownText = Array.from(element.childNodes).some((node) => node.nodeType === 3 && node.textContent.trim());
    if (!ownText || !element.getClientRects().length || element.closest(".sr-only, [hidden]")) continue;
    const background = backgroundOf(element);
    const foreground = over(parse(getComputedStyle(element).color), background);
    const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    if (ratio < minimum) failures.push(`${element.tagName}.${element.className}: ${ratio.toFixed(2)} "${element.textContent.slice(0, 30)}"`);
  }
  return failures;
}"""


def test_text_contrast_meets_wcag_aa(page, service_url):
    page.goto(service_url)
    assert page.evaluate(LOW_CONTRAST_TEXTS, 4.5) == []
    submit(page, ARTICLE, published=PUBLISHED)
    result = wait_for_result(page)
    index = next(i for i, quote in enumerate(result["quotes"]) if quote["speaker"])
    hover_start_of(page, f"#quote-{index}")
    assert page.locator("#article .is-active").count() >= 1
    assert page.evaluate(LOW_CONTRAST_TEXTS, 4.5) == []
    page.route("**/v1/annotate", lambda route: route.fulfill(status=502, body="Bad Gateway"))
    page.click("#annotate-button")
    page.wait_for_selector("#error:not([hidden])")
    assert page.evaluate(LOW_CONTRAST_TEXTS, 4.5) == []


def test_phone_width_has_no_sideways_scrolling(page, service_url, tmp_path):
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(service_url)
    submit(page, ARTICLE, published=PUBLISHED)
    wait_for_result(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    tables_overflowing = page.evaluate(
        "Array.from(document.querySelectorAll('#panel .table-wrap')).filter((w) => w.scrollWidth > w.clientWidth).map((w) => w.id)"
    )
    assert tables_overflowing == []
    box = page.locator("#annotate-button").bounding_box()
    assert box["height"] >= 44  # a touch target
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)


def test_api_key_and_problem_responses_are_shown_readably(page, keyed_service_url):
    page.goto(keyed_service_url)
    assert page.is_visible("#api-key")
    submit(page, ARTICLE)
    error = page.locator("#error")
    error.wait_for(state="visible")
    assert "(401)" in error.text_content()
    assert "API key" in error.text_content()
    assert page.evaluate("document.activeElement.id") == "api-key"

    too_long = "Habari za asubuhi. " * 300
    submit(page, too_long, key=API_KEY)
    error.filter(has_text="(422)").wait_for()
    assert "text: Text has 5700 characters; the limit is 5000." in error.text_content()

    submit(page, ARTICLE, key=API_KEY)
    wait_for_result(page)
    assert error.is_hidden()


def test_failures_outside_the_api_are_explained(page, service_url):
    page.goto(service_url)
    page.route(
        "**/v1/annotate",
        lambda route: route.fulfill(status=502, content_type="text/html", body="<h1>Bad Gateway</h1>"),
    )
    submit(page, ARTICLE)
    page.wait_for_selector("#error:not([hidden])")
    assert "Huduma ilijibu 502" in page.text_content("#error")

    page.unroute("**/v1/annotate")
    page.route("**/v1/annotate", lambda route: route.abort())
    page.click("#annotate-button")
    page.locator("#error").filter(has_text="Imeshindikana kufikia huduma").wait_for()
    assert page.is_enabled("#annotate-button")



# --- Issue 20: Swahili first, who said what, CSV, wide layout -------------------------

# Written for these tests: two named speakers, one quoted three times.
KNOWN_ARTICLE = (
    "Mbunge wa Moshi Mjini Priscus Tarimo alikutana na wakazi wa Kata ya Rau Jumamosi kuzungumzia "
    "ujenzi wa barabara.\n\n"
    "\u201cBarabara hii itakamilika kabla ya mvua za masika,\u201d alisema Tarimo.\n\n"
    "Mkazi wa kata hiyo Rehema Massawe alisema wamesubiri barabara hiyo kwa miaka mitano.\n\n"
    "\u201cTumechoka kutembea kwenye matope kila mwaka,\u201d alisema Massawe.\n\n"
    "Tarimo aliongeza kuwa fedha za mradi tayari zimetolewa na serikali.\n\n"
    "\u201cTutafuatilia kila hatua,\u201d alisema."
)

READ_SPEAKER_PANEL = """() => Array.from(document.querySelectorAll('#speakers .speaker-group')).map((group) => ({
  name: group.querySelector('.speaker-group-name').firstChild.textContent,
  count: group.querySelector('.speaker-count').textContent,
  reason: group.querySelector('.speaker-reason') ? group.querySelector('.speaker-reason').textContent : null,
  quotes: Array.from(group.querySelectorAll('.speaker-quote')).map((button) => Number(button.dataset.quote)),
  meta: Array.from(group.querySelectorAll('.speaker-quote-meta')).map((meta) => meta.textContent),
}))"""


def poll(page, predicate, seconds=5.0):
    """page.wait_for_function evaluates strings, which the page's policy forbids."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, predicate
        page.wait_for_timeout(100)


def speaker_key(quote):
    speaker = quote["speaker"]
    return None if speaker is None else (speaker["entity"] or speaker["name"])


def test_the_page_is_swahili_first_and_remembers_english(page, service_url):
    page.goto(service_url)
    assert page.evaluate("document.documentElement.lang") == "sw"
    assert page.text_content("#annotate-button") == "Changanua"
    assert page.get_attribute("#lang-sw", "aria-pressed") == "true"
    submit(page, KNOWN_ARTICLE)
    wait_for_result(page)
    assert page.text_content("#speakers-heading") == "Nani alisema nini"
    assert page.text_content("#people-heading").startswith("Watu (")

    page.click("#lang-en")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.text_content("#annotate-button") == "Annotate"
    assert page.text_content("#speakers-heading") == "Who said what"
    # The results already shown are redrawn in English, the article's text untouched.
    assert page.text_content("#people-heading").startswith("People (")
    assert page.locator(".speaker-count").first.text_content().endswith("quotes")
    assert "end of direct quote by" in page.text_content("#article")
    assert page.input_value("#article-text") == KNOWN_ARTICLE

    page.reload()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.text_content("#annotate-button") == "Annotate"
    assert page.get_attribute("#lang-en", "aria-pressed") == "true"
    page.click("#lang-sw")
    page.reload()
    assert page.text_content("#annotate-button") == "Changanua"


def test_who_said_what_groups_a_known_article_by_speaker(page, service_url, tmp_path):
    page.goto(service_url)
    submit(page, KNOWN_ARTICLE)
    result = wait_for_result(page)
    quotes = result["quotes"]
    by_speaker: dict = {}
    for index, quote in enumerate(quotes):
        by_speaker.setdefault(speaker_key(quote), []).append(index)
    # What the article was written to contain.
    names = {quote["speaker"]["name"] for quote in quotes if quote["speaker"]}
    assert {"Tarimo", "Rehema Massawe"} <= {name.split()[-1] if name.endswith("Tarimo") else name for name in names}
    tarimo = next(key for key, indexes in by_speaker.items()
                  if key and quotes[indexes[0]]["speaker"]["name"].endswith("Tarimo"))
    assert len(by_speaker[tarimo]) >= 3

    groups = page.evaluate(READ_SPEAKER_PANEL)
    assert sorted(index for group in groups for index in group["quotes"]) == list(range(len(quotes)))
    for group in groups:
        key = {speaker_key(quotes[index]) for index in group["quotes"]}
        assert len(key) == 1, group
        assert group["quotes"] == by_speaker[key.pop()]
        assert group["count"] == f"nukuu {len(group['quotes'])}"
    counts = [len(group["quotes"]) for group in groups if group["reason"] is None]
    assert counts == sorted(counts, reverse=True)
    assert groups[0]["name"].endswith("Tarimo")

    # A click takes the reader to the quote in the article.
    last = by_speaker[tarimo][-1]
    page.click(f"#speakers .speaker-quote[data-quote='{last}']")
    assert page.evaluate("document.activeElement.id") == f"quote-{last}"
    # Smooth scrolling takes a moment.
    poll(page, f"""() => {{ const box = document.getElementById('quote-{last}').getBoundingClientRect();
        const pane = document.getElementById('article').getBoundingClientRect();
        return box.top >= pane.top && box.bottom <= pane.bottom && box.bottom <= innerHeight; }}""")
    page.screenshot(path=str(tmp_path / "speakers.png"))


def test_unresolved_speakers_are_grouped_with_a_reason_and_confidence_is_shown_when_given(page, service_url):
    text = ("Mkutano ulifanyika jana. \u201cTutashinda,\u201d alisema Amina. \u201cHapana.\u201d "
            "Wengine walisema kwamba bei zitapanda. \u201cNi kweli.\u201d")

    def span(part, after=0):
        start = text.index(part, after)
        return {"text": part, "start": start, "end": start + len(part)}

    amina = span("Amina")
    response = {
        "language": "sw", "model": {"name": "sw_test", "version": "0.0.0"}, "document_date": None,
        "people": [{"id": "per-1", "name": "Amina", "mentions": [amina], "country_code": None, "salience": 0.9}],
        "organizations": [], "places": [], "dates": [],
        "quotes": [
            {**span("Tutashinda,"), "kind": "direct", "cue": span("alisema"),
             "speaker": {"name": "Amina", "entity": "per-1", "mention": amina, "confidence": 0.875}},
            {**span("Hapana."), "kind": "direct", "cue": None, "speaker": None},
            {**span("bei zitapanda"), "kind": "indirect", "cue": span("walisema"), "speaker": None},
            {**span("Ni kweli."), "kind": "direct", "cue": None, "speaker": None},
        ],
    }
    page.route("**/v1/annotate", lambda route: route.fulfill(status=200, json=response))
    page.goto(service_url)
    submit(page, text)
    wait_for_result(page)
    groups = page.evaluate(READ_SPEAKER_PANEL)
    assert [group["quotes"] for group in groups] == [[0], [1, 3], [2]]
    assert groups[0]["name"] == "Amina" and groups[0]["reason"] is None
    assert "uhakika 0.88" in groups[0]["meta"][0] and "kitenzi: alisema" in groups[0]["meta"][0]
    assert groups[1]["name"] == groups[2]["name"] == "Msemaji hajulikani"
    assert "kitenzi cha kusema" in groups[1]["reason"]
    assert "\"walisema\"" in groups[2]["reason"] and "sentensi" in groups[2]["reason"]
    # Without a confidence in the response, none is shown.
    del response["quotes"][0]["speaker"]["confidence"]
    page.click("#annotate-button")
    page.locator("#speakers").filter(has_not_text="uhakika").wait_for()
    assert "kitenzi: alisema" in page.evaluate(READ_SPEAKER_PANEL)[0]["meta"][0]


def read_download(page, button) -> str:
    with page.expect_download() as download:
        page.click(button)
    return Path(download.value.path()).read_text(encoding="utf-8")


def test_csv_exports_hold_the_quotes_and_the_entities(page, service_url):
    page.goto(service_url)
    text = KNOWN_ARTICLE + "\n\n=HYPERLINK(\"x\") alisema Tarimo mjini Moshi."
    submit(page, text, published=PUBLISHED)
    result = wait_for_result(page)

    quotes_csv = read_download(page, "#download-quotes-csv")
    assert quotes_csv.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(quotes_csv[1:], newline="")))
    assert rows[0] == ["speaker", "kind", "text", "start", "end"]
    assert rows[1:] == [
        [quote["speaker"]["name"] if quote["speaker"] else "", quote["kind"], quote["text"], str(quote["start"]),
         str(quote["end"])]
        for quote in result["quotes"]
    ]
    assert any("\u201c" not in row[2] and "," in row[2] for row in rows[1:]) or rows[1:]

    entities_csv = read_download(page, "#download-entities-csv")
    rows = list(csv.reader(io.StringIO(entities_csv[1:], newline="")))
    assert rows[0] == ["name", "type", "mentions", "country_code"]
    expected = [
        [entity["name"], label, str(len(entity["mentions"])), entity["country_code"] or ""]
        for field, label in (("people", "PER"), ("organizations", "ORG"), ("places", "LOC"))
        for entity in result[field]
    ]
    assert rows[1:] == expected
    assert any(row[1] == "LOC" for row in rows[1:])


def test_csv_cells_are_quoted_and_formulas_defused(page, service_url):
    page.goto(service_url)
    result = {"quotes": [{"speaker": {"name": "Amina \"Mama\" Juma"}, "kind": "direct",
                          "text": "=1+1, kisha\nmstari", "start": 0, "end": 5}]}
    csv_text = page.evaluate("(result) => Habari.quotesCsv(result)", result)
    assert csv_text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(csv_text, newline="")))
    assert rows[1] == ["Amina \"Mama\" Juma", "direct", "'=1+1, kisha\nmstari", "0", "5"]


def test_wide_screen_shows_input_and_results_side_by_side_without_scrolling(page, service_url, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(service_url)
    submit(page, ARTICLE, published=PUBLISHED)
    wait_for_result(page)
    boxes = page.evaluate("""() => Object.fromEntries(['.input-pane', '#results', '#article', '#panel', '#speakers-heading']
      .map((selector) => { const r = document.querySelector(selector).getBoundingClientRect();
        return [selector, { left: r.left, right: r.right, top: r.top, bottom: r.bottom }]; }))""")
    assert page.evaluate("window.scrollY") == 0
    assert boxes["#results"]["left"] >= boxes[".input-pane"]["right"]  # side by side
    article = boxes["#article"]
    assert article["top"] < 300
    assert min(article["bottom"], 800) - article["top"] >= 300  # a good part of the article in view
    # The first highlight is drawn inside the visible part of the article.
    first_mark = page.evaluate("document.querySelector('#article mark').getBoundingClientRect().top")
    assert first_mark < 800
    page.screenshot(path=str(tmp_path / "wide.png"))


def test_reading_mode_underlines_and_shows_labels_on_hover(page, service_url):
    page.goto(service_url)
    submit(page, ARTICLE, published=PUBLISHED)
    wait_for_result(page)
    mark = "#article mark.entity--person"
    label_display = f"getComputedStyle(document.querySelector('{mark} > .label')).display"
    assert page.evaluate(label_display) != "none"
    page.click("#reading-mode")
    assert page.get_attribute("#reading-mode", "aria-pressed") == "true"
    assert page.evaluate(f"getComputedStyle(document.querySelector('{mark}')).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert page.evaluate(f"getComputedStyle(document.querySelector('{mark}')).borderBottomStyle") == "solid"
    assert page.evaluate(label_display) == "none"
    hover_start_of(page, f"{mark} >> nth=0")
    assert page.evaluate(label_display) != "none"
    page.click("#reading-mode")
    assert page.evaluate(label_display) != "none"
