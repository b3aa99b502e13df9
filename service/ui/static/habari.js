/* Habari annotation page: sends the article to POST /v1/annotate and renders the JSON.
 *
 * The article is rebuilt from the response's offsets (never by searching and replacing
 * text), so overlapping spans (a person or a date inside a quote) nest correctly. The
 * DOM is built with createElement/textContent only: the article text is never parsed
 * as HTML. Every word shown comes from service/ui/strings.json (via data-strings).
 */
"use strict";

(function () {
  const ENTITY_KINDS = [
    { field: "people", kind: "person" },
    { field: "organizations", kind: "organization" },
    { field: "places", kind: "place" },
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

  /* ---------- Language ---------- */

  const LANGUAGE_COOKIE = "habari_lang";
  let allStrings = {};
  let language = "sw";

  // t("status_done", {dates: 2}): the current language's string, {name}s filled in.
  function t(key, values) {
    const template = (allStrings[language] || {})[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (values && name in values ? String(values[name]) : whole));
  }

  // The server renders the page in the cookie's language; the cookie keeps the choice.
  function chooseLanguage(code) {
    if (!(code in allStrings)) return;
    language = code;
    document.cookie = `${LANGUAGE_COOKIE}=${code}; path=/; max-age=31536000; SameSite=Lax`;
    document.documentElement.lang = code;
    for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
    for (const element of document.querySelectorAll("[data-i18n-label]")) {
      element.setAttribute("aria-label", t(element.dataset.i18nLabel));
    }
    for (const button of document.querySelectorAll("[data-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === code));
    }
    updateCount();
    if (lastResult) showResult(lastText, lastResult);
  }

  let updateCount = () => {};

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
      if (span.kind === "cue") element.title = t("speech_verb");
    }
    element.dataset.start = String(span.cpStart);
    element.dataset.end = String(span.cpEnd);
    return element;
  }

  function dateTitle(date) {
    if (!date.value) return t("iso_unknown");
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
      label.appendChild(visuallyHidden(t("end_of_quote", { kind: kindName(span.quote.kind) })));
      const speaker = span.quote.speaker;
      const name = document.createElement("span");
      name.className = "speaker-name";
      name.textContent = speaker ? speaker.name : t("speaker_unknown");
      if (!speaker) name.title = unresolvedReason(span.quote);
      label.appendChild(name);
      const kind = document.createElement("span");
      kind.className = "quote-kind";
      kind.setAttribute("aria-hidden", "true");
      kind.textContent = kindName(span.quote.kind);
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
      description.textContent = span.date.value ? t("iso_value", { value: dateTitle(span.date) }) : t("iso_unknown");
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
    for (const item of document.querySelectorAll(`.quote-item[data-quote="${index}"], .speaker-quote[data-quote="${index}"]`)) {
      item.classList.add("is-active");
    }
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
      none.textContent = t("none_found");
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
    button.title = t("show_mentions", { name: entity.name });
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
    const documentDate = result.document_date;
    const facts = [
      [t("fact_model"), result.model ? `${result.model.name} ${result.model.version}` : "\u2013"],
      [t("fact_language"), result.language || "\u2013"],
      [
        t("fact_document_date"),
        documentDate
          ? t("document_date_value", { value: documentDate.value, source: t(`source_${documentDate.source}`) })
          : t("unknown"),
      ],
    ];
    for (const [term, description] of facts) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = description;
      summary.append(dt, dd);
    }

    renderSpeakers(result);
    for (const { field } of ENTITY_KINDS) {
      const heading = t(field);
      const section = document.getElementById(field);
      const entities = (result[field] || []).slice();
      entities.sort((a, b) => (b.salience ?? -1) - (a.salience ?? -1));
      section.replaceChildren(
        table(heading, [
          { title: t("col_name"), value: entityButton },
          { title: t("col_mentions"), numeric: true, value: (entity) => String((entity.mentions || []).length) },
          { title: t("col_country"), value: (entity) => entity.country_code || "\u2013" },
          { title: t("col_salience"), numeric: true, value: salienceCell },
        ], entities),
      );
      document.getElementById(`${field}-heading`).textContent = `${heading} (${entities.length})`;
    }

    const dates = result.dates || [];
    document.getElementById("dates").replaceChildren(
      table(t("dates"), [
        { title: t("col_text"), value: (date) => date.text },
        { title: t("col_iso"), nowrap: true, value: (date) => date.value || t("unknown") },
        { title: t("col_granularity"), value: (date) => date.granularity || "\u2013" },
      ], dates),
    );
    document.getElementById("dates-heading").textContent = `${t("dates")} (${dates.length})`;

    const quotes = result.quotes || [];
    const list = document.getElementById("quotes");
    list.replaceChildren();
    quotes.forEach((quote, index) => {
      const speaker = textElement("span", "quote-speaker", quote.speaker ? quote.speaker.name : t("speakers_unknown"));
      const kind = textElement("span", "quote-kind", kindName(quote.kind));
      list.appendChild(quoteJump("quote-item", index, [speaker, kind, excerpt(quote)]));
    });
    if (!quotes.length) {
      const none = document.createElement("li");
      none.className = "empty";
      none.textContent = t("none_found");
      list.appendChild(none);
    }
    document.getElementById("quotes-heading").textContent = `${t("quotes")} (${quotes.length})`;
  }

  function kindName(kind) {
    return t(`kind_${kind}`);
  }

  function textElement(tag, className, text) {
    const element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  }

  function excerpt(quote) {
    const text = quote.text.length > 180 ? `${quote.text.slice(0, 177)}\u2026` : quote.text;
    return textElement("span", "quote-text", text);
  }

  // A list item whose button takes the reader to quote `index` in the article.
  function quoteJump(className, index, children) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.dataset.quote = String(index);
    button.append(...children);
    button.addEventListener("click", () => jumpToQuote(index));
    item.appendChild(button);
    return item;
  }

  function jumpToQuote(index) {
    const target = document.getElementById(`quote-${index}`);
    if (target) {
      target.scrollIntoView({ block: "center", behavior: "smooth" });
      target.focus({ preventScroll: true });
    }
  }

  /* ---------- Who said what ---------- */

  // Why a quote has no speaker, read from what the response does say: without a cue no
  // speech verb was found; with one, the verb had no name to attach to.
  function unresolvedReason(quote) {
    return quote.cue ? t("reason_no_name", { cue: quote.cue.text }) : t("reason_no_cue");
  }

  // Quotes grouped by speaker (the entity when there is one, else the name as written),
  // most quoted first; quotes without a speaker grouped by the reason, last.
  function speakerGroups(quotes) {
    const groups = new Map();
    quotes.forEach((quote, index) => {
      const speaker = quote.speaker;
      const key = speaker ? (speaker.entity ? `entity:${speaker.entity}` : `name:${speaker.name}`) : `none:${unresolvedReason(quote)}`;
      if (!groups.has(key)) {
        groups.set(key, { speaker, reason: speaker ? null : unresolvedReason(quote), entries: [] });
      }
      groups.get(key).entries.push({ quote, index });
    });
    const all = Array.from(groups.values());
    const resolved = all.filter((group) => group.speaker).sort((a, b) => b.entries.length - a.entries.length);
    return resolved.concat(all.filter((group) => !group.speaker));
  }

  function renderSpeakers(result) {
    const container = document.getElementById("speakers");
    container.replaceChildren();
    const quotes = result.quotes || [];
    if (!quotes.length) {
      container.appendChild(textElement("p", "empty", t("none_found")));
      return;
    }
    for (const group of speakerGroups(quotes)) {
      const section = document.createElement("section");
      section.className = group.speaker ? "speaker-group" : "speaker-group speaker-group--unknown";
      if (group.speaker && group.speaker.entity) section.dataset.entity = group.speaker.entity;
      const heading = textElement("h4", "speaker-group-name", group.speaker ? group.speaker.name : t("speakers_unknown"));
      heading.appendChild(textElement("span", "speaker-count", t("quote_count", { count: group.entries.length })));
      section.appendChild(heading);
      if (group.reason) section.appendChild(textElement("p", "speaker-reason", group.reason));
      const list = document.createElement("ul");
      list.className = "speaker-quotes";
      for (const { quote, index } of group.entries) {
        const parts = [kindName(quote.kind)];
        if (quote.cue) parts.push(t("cue", { cue: quote.cue.text }));
        // speaker.confidence is optional in the response: shown only when it is there.
        const confidence = quote.speaker && quote.speaker.confidence;
        if (typeof confidence === "number") parts.push(t("confidence", { value: confidence.toFixed(2) }));
        const meta = textElement("span", "speaker-quote-meta", parts.join(" \u00B7 "));
        list.appendChild(quoteJump("speaker-quote", index, [meta, excerpt(quote)]));
      }
      section.appendChild(list);
      container.appendChild(section);
    }
  }

  /* ---------- CSV exports ---------- */

  // RFC 4180: every field quoted, quotes doubled, CRLF between records. A cell that a
  // spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
  function csvField(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  }

  function csvText(header, rows) {
    return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  }

  function quotesCsv(result) {
    const rows = (result.quotes || []).map((quote) => [
      quote.speaker ? quote.speaker.name : "", quote.kind, quote.text, quote.start, quote.end,
    ]);
    return csvText(["speaker", "kind", "text", "start", "end"], rows);
  }

  function entitiesCsv(result) {
    const rows = [];
    for (const { field, kind } of ENTITY_KINDS) {
      for (const entity of result[field] || []) {
        rows.push([entity.name, ENTITY_LABELS[kind], (entity.mentions || []).length, entity.country_code || ""]);
      }
    }
    return csvText(["name", "type", "mentions", "country_code"], rows);
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
      return { message: t("error_status", { status: `${response.status} ${response.statusText || ""}`.trim() }), details: [] };
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
  let lastText = "";

  function showResult(text, result) {
    lastResult = result;
    lastText = text;
    const { spans, problems } = collectSpans(result, text);
    renderedSpans = renderArticle(document.getElementById("article"), text, spans);
    const warnings = document.getElementById("render-warnings");
    warnings.hidden = problems.length === 0;
    warnings.textContent = problems.length
      ? t("render_warnings", { count: problems.length, examples: problems.slice(0, 3).join("; ") })
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
      showError(t("error_empty"), []);
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
    setStatus(t("status_annotating"));
    try {
      let response;
      try {
        response = await fetch(app.dataset.annotateUrl, { method: "POST", headers, body: JSON.stringify(body) });
      } catch (error) {
        setStatus("");
        showError(t("error_unreachable", { error: error.message }), []);
        return;
      }
      if (!response.ok) {
        const failure = await describeFailure(response);
        setStatus("");
        if (response.status === 401) {
          const field = document.getElementById("api-key-field");
          field.hidden = false;
          failure.details.push(t("error_enter_key"));
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
      setStatus(t("status_done", { entities: counts, dates: (result.dates || []).length, quotes: (result.quotes || []).length }));
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
      setStatus(t("status_copied"));
    } catch (error) {
      setStatus(t("status_copy_failed", { error: error.message }));
    }
  }

  function download(name, type, content) {
    if (!lastResult) return;
    const url = URL.createObjectURL(new Blob([content(lastResult)], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(t("status_downloaded", { file: name }));
  }

  function start() {
    const app = document.getElementById("app");
    if (!app) return;
    const textArea = document.getElementById("article-text");
    const count = document.getElementById("article-count");
    const maxChars = Number(app.dataset.maxChars);
    allStrings = JSON.parse(app.dataset.strings);
    language = app.dataset.language;
    updateCount = () => {
      const length = codePointLength(textArea.value);
      count.textContent = t("char_count", { count: length, max: maxChars });
      count.classList.toggle("over", length > maxChars);
    };
    textArea.addEventListener("input", updateCount);
    updateCount();
    for (const button of document.querySelectorAll("[data-lang]")) {
      button.addEventListener("click", () => chooseLanguage(button.dataset.lang));
    }
    const readingMode = document.getElementById("reading-mode");
    readingMode.addEventListener("click", () => {
      const on = readingMode.getAttribute("aria-pressed") !== "true";
      readingMode.setAttribute("aria-pressed", String(on));
      document.getElementById("article").classList.toggle("reading", on);
    });

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
    document.getElementById("download-json").addEventListener("click", () =>
      download("habari-annotations.json", "application/json", jsonText));
    // A byte-order mark tells spreadsheet programs the file is UTF-8 (Swahili quotation marks).
    document.getElementById("download-quotes-csv").addEventListener("click", () =>
      download("habari-quotes.csv", "text/csv;charset=utf-8", (result) => `\uFEFF${quotesCsv(result)}`));
    document.getElementById("download-entities-csv").addEventListener("click", () =>
      download("habari-entities.csv", "text/csv;charset=utf-8", (result) => `\uFEFF${entitiesCsv(result)}`));
    bindHighlighting(document.getElementById("article"));
    bindHighlighting(document.getElementById("panel"));
  }

  // Exposed for the browser test of the offset conversion.
  window.Habari = { codePointToUtf16Map, quotesCsv, entitiesCsv };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
