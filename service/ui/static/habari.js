/* Habari annotation page: sends the article to POST /v1/annotate and renders the JSON.
 *
 * The article is rebuilt from the response's offsets (never by searching and replacing
 * text), so overlapping spans (a person or a date inside a quote) nest correctly. The
 * DOM is built with createElement/textContent only: the article text is never parsed
 * as HTML.
 */
"use strict";

(function () {
  const ENTITY_KINDS = [
    { field: "people", kind: "person", heading: "People" },
    { field: "organizations", kind: "organization", heading: "Organizations" },
    { field: "places", kind: "place", heading: "Places" },
  ];
  const ENTITY_LABELS = { person: "PER", organization: "ORG", place: "LOC", date: "DATE" };
  // Which element wraps which when two spans cover the same characters: quotes outside,
  // then entities, then dates; the speaker and cue markers innermost.
  const NESTING_RANK = { quote: 0, person: 1, organization: 1, place: 1, date: 2, speaker: 3, cue: 4 };

  const EXAMPLE_ARTICLE = [
    "Serikali kujenga shule mpya 100 mwaka huu",
    "",
    "Dodoma, Jumanne 18 Juni 2024. Rais Samia Suluhu Hassan amesema serikali itajenga shule mpya mia moja mwaka huu.",
    "",
    "\u201cTutahakikisha kila mtoto anapata nafasi ya kusoma,\u201d alisema Rais Samia akiwa Ikulu ya Chamwino jana.",
    "",
    "Waziri wa Elimu Adolf Mkenda alisema kuwa Wizara ya Elimu itaanza ujenzi mwezi Julai. Shirika la habari la Reuters liliripoti kwamba Benki ya Dunia itachangia fedha za mradi huo.",
  ].join("\n");

  /* ---------- Offsets and markup ---------- */

  // The API counts Unicode code points (Python str indices); JavaScript strings count
  // UTF-16 code units, so every character outside the BMP (an emoji) shifts later offsets
  // by one. map[codePointIndex] = UTF-16 index, with one extra entry for the end.
  function codePointToUtf16Map(text) {
    const map = [0];
    let units = 0;
    for (const character of text) {
      units += character.length;
      map.push(units);
    }
    return map;
  }

  // The service's character limit counts code points too.
  function codePointLength(text) {
    return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;
  }

  // Flattens a response into spans {kind, start, end (UTF-16), cpStart, cpEnd, ...}.
  // Spans whose offsets do not fit the text are reported in `problems`, not drawn.
  function collectSpans(result, text) {
    const map = codePointToUtf16Map(text);
    const spans = [];
    const problems = [];

    function add(kind, item, extra) {
      const start = item && item.start;
      const end = item && item.end;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > map.length - 1 || start >= end) {
        problems.push(`${kind} span [${start}, ${end}) is outside the text`);
        return null;
      }
      const span = Object.assign({ kind, start: map[start], end: map[end], cpStart: start, cpEnd: end }, extra);
      if (typeof item.text === "string" && text.slice(span.start, span.end) !== item.text) {
        problems.push(`${kind} "${item.text}" does not match the text at [${start}, ${end})`);
      }
      spans.push(span);
      return span;
    }

    for (const { field, kind } of ENTITY_KINDS) {
      for (const entity of result[field] || []) {
        for (const mention of entity.mentions || []) add(kind, mention, { entity });
      }
    }
    (result.dates || []).forEach((date, index) => add("date", date, { date, dateIndex: index }));
    (result.quotes || []).forEach((quote, index) => add("quote", quote, { quote, quoteIndex: index }));
    // One cue can introduce two quotes ("A," alisema X. "B."): draw each cue once.
    const cues = new Set();
    for (const quote of result.quotes || []) {
      if (quote.cue && !cues.has(`${quote.cue.start}:${quote.cue.end}`)) {
        cues.add(`${quote.cue.start}:${quote.cue.end}`);
        add("cue", quote.cue, {});
      }
    }
    // A speaker mention that is no entity mention still needs an element to highlight.
    const drawn = new Set(spans.map((span) => `${span.cpStart}:${span.cpEnd}`));
    for (const quote of result.quotes || []) {
      const mention = quote.speaker && quote.speaker.mention;
      if (mention && !drawn.has(`${mention.start}:${mention.end}`)) {
        add("speaker", mention, {});
        drawn.add(`${mention.start}:${mention.end}`);
      }
    }
    return { spans, problems };
  }

  function compareNesting(a, b) {
    return a.start - b.start || b.end - a.end || NESTING_RANK[a.kind] - NESTING_RANK[b.kind] || a.order - b.order;
  }

  // Splits the text at every span boundary; each piece lies inside the same set of spans.
  // Elements stay open while the next piece keeps their span (and every span outside it),
  // so properly nested spans get one element each; a span crossing another's boundary is
  // split into fragments, the label going on its last one.
  function renderArticle(container, text, spans) {
    spans.forEach((span, index) => {
      span.order = index;
      span.elements = [];
    });
    const sorted = spans.slice().sort(compareNesting);
    const cuts = new Set([0, text.length]);
    for (const span of spans) {
      cuts.add(span.start);
      cuts.add(span.end);
    }
    const bounds = Array.from(cuts).sort((a, b) => a - b);

    container.replaceChildren();
    const stack = [];
    const parent = () => (stack.length ? stack[stack.length - 1].element : container);
    const close = (position) => {
      const { span, element } = stack.pop();
      if (position === span.end) appendLabel(element, span);
    };

    let next = 0; // index into `sorted` of the first span not yet started
    let open = []; // spans covering the current piece, in nesting order
    for (let i = 0; i < bounds.length - 1; i += 1) {
      const from = bounds[i];
      const to = bounds[i + 1];
      open = open.filter((span) => span.end > from);
      while (next < sorted.length && sorted[next].start <= from) {
        open.push(sorted[next]);
        next += 1;
      }
      open.sort(compareNesting);
      let kept = 0;
      while (kept < stack.length && kept < open.length && stack[kept].span === open[kept]) kept += 1;
      while (stack.length > kept) close(from);
      for (let j = kept; j < open.length; j += 1) {
        const element = openElement(open[j], open[j].elements.length === 0);
        parent().appendChild(element);
        open[j].elements.push(element);
        stack.push({ span: open[j], element });
      }
      parent().appendChild(document.createTextNode(text.slice(from, to)));
    }
    while (stack.length) close(text.length);
    container.appendChild(dateDescriptions(spans));
    return spans;
  }

  function openElement(span, first) {
    let element;
    if (span.kind in ENTITY_LABELS) {
      element = document.createElement("mark");
      element.className = `entity entity--${span.kind}`;
      if (span.entity) {
        element.dataset.entity = span.entity.id;
        element.title = span.entity.name;
      } else {
        element.title = dateTitle(span.date);
        // Shown by CSS on hover and keyboard focus; kept out of the article's text.
        element.dataset.tip = dateTitle(span.date);
        if (first) {
          element.tabIndex = 0;
          element.setAttribute("aria-describedby", `date-value-${span.dateIndex}`);
        }
      }
    } else if (span.kind === "quote") {
      element = document.createElement("span");
      element.className = `quote quote--${span.quote.kind}`;
      element.dataset.quote = String(span.quoteIndex);
      if (first) {
        element.classList.add("quote--first");
        element.tabIndex = 0;
        element.id = `quote-${span.quoteIndex}`;
      }
    } else {
      element = document.createElement("span");
      element.className = span.kind === "cue" ? "cue" : "speaker-mention";
      if (span.kind === "cue") element.title = "Speech verb";
    }
    element.dataset.start = String(span.cpStart);
    element.dataset.end = String(span.cpEnd);
    return element;
  }

  function dateTitle(date) {
    if (!date.value) return "ISO value unknown";
    return date.granularity ? `${date.value} (${date.granularity})` : date.value;
  }

  function appendLabel(element, span) {
    if (span.kind in ENTITY_LABELS) {
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = ENTITY_LABELS[span.kind];
      element.appendChild(label);
    } else if (span.kind === "quote") {
      const label = document.createElement("span");
      label.className = "label quote-label";
      label.appendChild(visuallyHidden(`end of ${span.quote.kind} quote by `));
      const speaker = span.quote.speaker;
      const name = document.createElement("span");
      name.className = "speaker-name";
      name.textContent = speaker ? speaker.name : "speaker unknown";
      label.appendChild(name);
      const kind = document.createElement("span");
      kind.className = "quote-kind";
      kind.setAttribute("aria-hidden", "true");
      kind.textContent = span.quote.kind;
      label.appendChild(kind);
      element.appendChild(label);
    }
  }

  // Screen readers announce a focused date's value from these (hidden elements still
  // serve as descriptions); the title attribute alone is not read by all of them.
  function dateDescriptions(spans) {
    const holder = document.createElement("div");
    holder.hidden = true;
    for (const span of spans) {
      if (span.kind !== "date") continue;
      const description = document.createElement("span");
      description.id = `date-value-${span.dateIndex}`;
      description.textContent = `ISO value ${dateTitle(span.date)}`;
      holder.appendChild(description);
    }
    return holder;
  }

  function visuallyHidden(text) {
    const element = document.createElement("span");
    element.className = "sr-only";
    element.textContent = text;
    return element;
  }

  /* ---------- Highlighting related spans ---------- */

  let renderedSpans = [];

  function clearHighlights() {
    for (const element of document.querySelectorAll(".is-speaker, .is-active, .is-related")) {
      element.classList.remove("is-speaker", "is-active", "is-related");
    }
  }

  function speakerSpans(quote) {
    const speaker = quote.speaker;
    if (!speaker) return [];
    const mention = speaker.mention;
    return renderedSpans.filter(
      (span) =>
        (speaker.entity && span.entity && span.entity.id === speaker.entity) ||
        (mention && span.kind !== "quote" && span.kind !== "cue" && span.cpStart === mention.start && span.cpEnd === mention.end),
    );
  }

  function highlightQuote(index) {
    clearHighlights();
    const quoteSpans = renderedSpans.filter((span) => span.kind === "quote" && span.quoteIndex === index);
    if (!quoteSpans.length) return;
    quoteSpans.forEach((span) => span.elements.forEach((element) => element.classList.add("is-active")));
    speakerSpans(quoteSpans[0].quote).forEach((span) =>
      span.elements.forEach((element) => element.classList.add("is-speaker")),
    );
    for (const item of document.querySelectorAll(`.quote-item[data-quote="${index}"]`)) item.classList.add("is-active");
  }

  function highlightEntity(id) {
    clearHighlights();
    renderedSpans
      .filter((span) => span.entity && span.entity.id === id)
      .forEach((span) => span.elements.forEach((element) => element.classList.add("is-related")));
  }

  function bindHighlighting(root) {
    // The innermost marked element wins: a person inside a quote shows that person's
    // mentions, the rest of the quote shows the quote's speaker.
    const activate = (event) => {
      const target = event.target.closest("[data-quote], [data-entity]");
      if (!target) return;
      if (target.dataset.quote !== undefined) highlightQuote(Number(target.dataset.quote));
      else highlightEntity(target.dataset.entity);
    };
    const deactivate = (event) => {
      const leaving = event.target.closest("[data-quote], [data-entity]");
      const entering = event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest("[data-quote], [data-entity]");
      if (leaving && !entering) clearHighlights();
    };
    // Keyboard focus wins over the pointer: scrolling to a focused quote moves the
    // content under a resting pointer, which must not replace the highlight.
    const keyboardFocusInside = () => {
      const active = document.activeElement;
      return Boolean(active && root.contains(active) && active.matches(":focus-visible"));
    };
    root.addEventListener("mouseover", (event) => keyboardFocusInside() || activate(event));
    root.addEventListener("mouseout", (event) => keyboardFocusInside() || deactivate(event));
    root.addEventListener("focusin", activate);
    root.addEventListener("focusout", deactivate);
  }

  /* ---------- Side panel ---------- */

  function table(caption, columns, rows) {
    if (!rows.length) {
      const none = document.createElement("p");
      none.className = "empty";
      none.textContent = "None found.";
      return none;
    }
    const element = document.createElement("table");
    const captionElement = document.createElement("caption");
    captionElement.className = "sr-only";
    captionElement.textContent = caption;
    element.appendChild(captionElement);
    const head = element.createTHead().insertRow();
    for (const column of columns) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = column.title;
      if (column.numeric) th.className = "numeric";
      head.appendChild(th);
    }
    const body = element.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      columns.forEach((column, index) => {
        const cell = document.createElement(index === 0 ? "th" : "td");
        if (index === 0) cell.scope = "row";
        if (column.numeric) cell.classList.add("numeric");
        if (column.nowrap) cell.classList.add("nowrap");
        const value = column.value(row);
        if (value instanceof Node) cell.appendChild(value);
        else cell.textContent = value;
        tr.appendChild(cell);
      });
    }
    return element;
  }

  function entityButton(entity) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.dataset.entity = entity.id;
    button.textContent = entity.name;
    button.title = `Show the mentions of ${entity.name}`;
    button.addEventListener("click", () => {
      highlightEntity(entity.id);
      const first = renderedSpans.find((span) => span.entity && span.entity.id === entity.id);
      if (first) first.elements[0].scrollIntoView({ block: "center", behavior: "smooth" });
    });
    return button;
  }

  function salienceCell(entity) {
    if (entity.salience === null || entity.salience === undefined) return "\u2013";
    const wrapper = document.createElement("span");
    wrapper.className = "salience";
    const bar = document.createElement("span");
    bar.className = "salience-bar";
    bar.setAttribute("aria-hidden", "true");
    const fill = document.createElement("span");
    // CSSOM styles are allowed by the page's Content-Security-Policy; style attributes are not.
    fill.style.width = `${Math.round(entity.salience * 100)}%`;
    bar.appendChild(fill);
    wrapper.append(bar, document.createTextNode(entity.salience.toFixed(2)));
    return wrapper;
  }

  function renderPanel(result) {
    const summary = document.getElementById("summary");
    summary.replaceChildren();
    const facts = [
      ["Model", result.model ? `${result.model.name} ${result.model.version}` : "\u2013"],
      ["Language", result.language || "\u2013"],
      [
        "Document date",
        result.document_date ? `${result.document_date.value} (from the ${result.document_date.source})` : "unknown",
      ],
    ];
    for (const [term, description] of facts) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = description;
      summary.append(dt, dd);
    }

    for (const { field, heading } of ENTITY_KINDS) {
      const section = document.getElementById(field);
      const entities = (result[field] || []).slice();
      entities.sort((a, b) => (b.salience ?? -1) - (a.salience ?? -1));
      section.replaceChildren(
        table(heading, [
          { title: "Name", value: entityButton },
          { title: "Mentions", numeric: true, value: (entity) => String((entity.mentions || []).length) },
          { title: "Country", value: (entity) => entity.country_code || "\u2013" },
          { title: "Salience", numeric: true, value: salienceCell },
        ], entities),
      );
      document.getElementById(`${field}-heading`).textContent = `${heading} (${entities.length})`;
    }

    const dates = result.dates || [];
    document.getElementById("dates").replaceChildren(
      table("Dates", [
        { title: "Text", value: (date) => date.text },
        { title: "ISO value", nowrap: true, value: (date) => date.value || "unknown" },
        { title: "Granularity", value: (date) => date.granularity || "\u2013" },
      ], dates),
    );
    document.getElementById("dates-heading").textContent = `Dates (${dates.length})`;

    const quotes = result.quotes || [];
    const list = document.getElementById("quotes");
    list.replaceChildren();
    quotes.forEach((quote, index) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "quote-item";
      button.dataset.quote = String(index);
      const speaker = document.createElement("span");
      speaker.className = "quote-speaker";
      speaker.textContent = quote.speaker ? quote.speaker.name : "Speaker unknown";
      const kind = document.createElement("span");
      kind.className = "quote-kind";
      kind.textContent = quote.kind;
      const words = document.createElement("span");
      words.className = "quote-text";
      words.textContent = quote.text.length > 180 ? `${quote.text.slice(0, 177)}\u2026` : quote.text;
      button.append(speaker, kind, words);
      button.addEventListener("click", () => {
        const target = document.getElementById(`quote-${index}`);
        if (target) {
          target.scrollIntoView({ block: "center", behavior: "smooth" });
          target.focus({ preventScroll: true });
        }
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (!quotes.length) {
      const none = document.createElement("li");
      none.className = "empty";
      none.textContent = "None found.";
      list.appendChild(none);
    }
    document.getElementById("quotes-heading").textContent = `Quotes (${quotes.length})`;
  }

  /* ---------- Requests and errors ---------- */

  function flattenErrors(errors, prefix) {
    const lines = [];
    for (const [key, value] of Object.entries(errors || {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (Array.isArray(value)) lines.push(`${path}: ${value.join(" ")}`);
      else if (value && typeof value === "object") lines.push(...flattenErrors(value, path));
      else lines.push(`${path}: ${value}`);
    }
    return lines;
  }

  // Turns any failed response into a sentence a person can act on.
  async function describeFailure(response) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (_) {
      problem = null;
    }
    if (!problem || typeof problem !== "object") {
      return { message: `The service answered ${response.status} ${response.statusText || ""}`.trim() + ".", details: [] };
    }
    const title = problem.title || response.statusText || "Error";
    const detail = problem.detail ? `: ${problem.detail}` : "";
    return { message: `${title} (${problem.status || response.status})${detail}`, details: flattenErrors(problem.errors) };
  }

  function showError(message, details) {
    const box = document.getElementById("error");
    box.replaceChildren();
    const text = document.createElement("p");
    text.textContent = message;
    box.appendChild(text);
    if (details && details.length) {
      const list = document.createElement("ul");
      for (const line of details) {
        const item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      }
      box.appendChild(list);
    }
    box.hidden = false;
  }

  function hideError() {
    const box = document.getElementById("error");
    box.hidden = true;
    box.replaceChildren();
  }

  function setStatus(message) {
    document.getElementById("status").textContent = message;
  }

  /* ---------- Page wiring ---------- */

  let lastResult = null;

  function showResult(text, result) {
    lastResult = result;
    const { spans, problems } = collectSpans(result, text);
    renderedSpans = renderArticle(document.getElementById("article"), text, spans);
    const warnings = document.getElementById("render-warnings");
    warnings.hidden = problems.length === 0;
    warnings.textContent = problems.length
      ? `${problems.length} span(s) did not fit the text and may be drawn wrongly: ${problems.slice(0, 3).join("; ")}`
      : "";
    renderPanel(result);
    document.getElementById("raw-json").textContent = JSON.stringify(result, null, 2);
    document.getElementById("results").hidden = false;
    document.getElementById("panel").hidden = false;
  }

  async function annotate(app) {
    const text = document.getElementById("article-text").value;
    const published = document.getElementById("published").value;
    const key = document.getElementById("api-key").value.trim();
    hideError();
    if (!text.trim()) {
      showError("Paste an article first: the text is empty.", []);
      document.getElementById("article-text").focus();
      return;
    }
    const body = { text };
    if (published) body.published = published;
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (key) headers["X-API-Key"] = key;

    const button = document.getElementById("annotate-button");
    button.disabled = true;
    app.setAttribute("aria-busy", "true");
    setStatus("Annotating\u2026");
    try {
      let response;
      try {
        response = await fetch(app.dataset.annotateUrl, { method: "POST", headers, body: JSON.stringify(body) });
      } catch (error) {
        setStatus("");
        showError(`Could not reach the service (${error.message}). Check that it is running and try again.`, []);
        return;
      }
      if (!response.ok) {
        const failure = await describeFailure(response);
        setStatus("");
        if (response.status === 401) {
          const field = document.getElementById("api-key-field");
          field.hidden = false;
          failure.details.push("Enter the API key above and press Annotate again.");
          showError(failure.message, failure.details);
          document.getElementById("api-key").focus();
          return;
        }
        showError(failure.message, failure.details);
        return;
      }
      const result = await response.json();
      showResult(text, result);
      const counts = ENTITY_KINDS.map(({ field }) => (result[field] || []).length).reduce((a, b) => a + b, 0);
      setStatus(
        `Done: ${counts} entities, ${(result.dates || []).length} dates, ${(result.quotes || []).length} quotes.`,
      );
    } finally {
      button.disabled = false;
      app.removeAttribute("aria-busy");
    }
  }

  function jsonText() {
    return JSON.stringify(lastResult, null, 2);
  }

  async function copyJson() {
    if (!lastResult) return;
    try {
      // The Clipboard API only exists in secure contexts (https or localhost).
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(jsonText());
      } else {
        const scratch = document.createElement("textarea");
        scratch.value = jsonText();
        scratch.setAttribute("readonly", "");
        scratch.className = "offscreen";
        document.body.appendChild(scratch);
        scratch.select();
        const copied = document.execCommand("copy");
        scratch.remove();
        if (!copied) throw new Error("the browser refused");
      }
      setStatus("JSON copied to the clipboard.");
    } catch (error) {
      setStatus(`Could not copy (${error.message}); use Download JSON or the Raw JSON section.`);
    }
  }

  function downloadJson() {
    if (!lastResult) return;
    const url = URL.createObjectURL(new Blob([jsonText()], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "habari-annotations.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus("JSON downloaded as habari-annotations.json.");
  }

  function start() {
    const app = document.getElementById("app");
    if (!app) return;
    const textArea = document.getElementById("article-text");
    const count = document.getElementById("article-count");
    const maxChars = Number(app.dataset.maxChars);
    const updateCount = () => {
      const length = codePointLength(textArea.value);
      count.textContent = `${length} / ${maxChars} characters`;
      count.classList.toggle("over", length > maxChars);
    };
    textArea.addEventListener("input", updateCount);
    updateCount();

    document.getElementById("annotate-form").addEventListener("submit", (event) => {
      event.preventDefault();
      annotate(app);
    });
    document.getElementById("example-button").addEventListener("click", () => {
      textArea.value = EXAMPLE_ARTICLE;
      document.getElementById("published").value = "2024-06-18";
      updateCount();
      textArea.focus();
    });
    document.getElementById("copy-json").addEventListener("click", copyJson);
    document.getElementById("download-json").addEventListener("click", downloadJson);
    bindHighlighting(document.getElementById("article"));
    bindHighlighting(document.getElementById("panel"));
  }

  // Exposed for the browser test of the offset conversion.
  window.Habari = { codePointToUtf16Map };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
