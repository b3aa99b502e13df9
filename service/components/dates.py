"""`habari_dates`: every date expression of a Doc, normalized to ISO 8601.

Writes ``doc.spans["dates"]`` (text order, no overlaps) with ``span._.date_value`` and
``span._.date_granularity`` on each span, and ``doc._.document_date``. The expressions
are the grammar's (date_grammar.py) plus the NER's DATE entities the grammar does not
cover; one list, grammar spans winning where both overlap because they follow
docs/annotation.md's span conventions and carry a parsed value.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.attrs import LOWER, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.date_extents import masakhaner_extents
from service.components.date_grammar import (
    DateExpression,
    find_expressions,
    follows_kila,
)
from service.components.date_resolution import granularity, resolve
from service.lang.sw.date_words import (
    AFTER_DATE_TIMES,
    COUNTED_UNITS,
    DATE_COORDINATORS,
    DATE_LEAD_INS,
    HOLIDAYS,
    MONTHS,
    NOT_DATES,
    RELATIVE_DAYS,
    SINCE_LEAD_INS,
    SINCE_WORDS,
    WEEKDAYS,
    number_value,
)
from service.lang.sw.verbs import FUTURE_VERB, TENSED_RELATIVE_PREFIX, verb_tense

if not Span.has_extension("date_value"):
    Span.set_extension("date_value", default=None)
if not Span.has_extension("date_granularity"):
    Span.set_extension("date_granularity", default=None)
if not Doc.has_extension("document_date"):
    Doc.set_extension("document_date", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)

SPANS_KEY = "dates"

_SENTENCE_END = frozenset({".", "!", "?", ";", ":"})
_TENSE_WINDOW = 8
_SENTENCE_WINDOW = 40


@Language.factory(
    "habari_dates",
    requires=["doc.ents"],
    assigns=["doc.spans", "doc.ents", "span._.date_value", "span._.date_granularity", "doc._.document_date"],
    default_config={"write_ents": True, "ents_extent": "ranges", "header_lines": 15},
)
def make_date_annotator(nlp: Language, name: str, write_ents: bool, ents_extent: str,
                        header_lines: int):
    return DateAnnotator(write_ents=write_ents, ents_extent=ents_extent, header_lines=header_lines)


class DateAnnotator:
    """Finds, reconciles and resolves date expressions.

    write_ents: also make doc.ents' DATE entities the dates of doc.spans["dates"].
    ents_extent: "core", the entities are those spans; "ranges", a range opened by "kati
    ya"/"kuanzia" is one entity with its opener; "masakhaner", they also take in times of
    day and feasts, as far as MasakhaNER 2.0's DATE spans reach (date_extents.py, which
    says why "ranges" is the default).
    header_lines: how many lines from the top a date may stand alone on and still be
    read as the article's own date (news pages put it under the headline).
    """

    def __init__(self, write_ents: bool = True, ents_extent: str = "ranges",
                 header_lines: int = 15):
        if ents_extent not in ("core", "ranges", "masakhaner"):
            raise ValueError(f"ents_extent must be 'core', 'ranges' or 'masakhaner', not {ents_extent!r}")
        self.write_ents = write_ents
        self.ents_extent = ents_extent
        self.header_lines = header_lines

    def __call__(self, doc: Doc) -> Doc:
        # Read through an array: creating a Token per word would cost more than the rest.
        rows = doc.to_array([LOWER, SPACY]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        words = [strings[lower] for lower, _ in rows]
        expressions = find_expressions(words, [bool(spaced) for _, spaced in rows])
        anchor, source = self._anchor(doc, expressions)
        doc._.document_date = (anchor.isoformat(), source) if anchor else None

        spans = []
        ents = doc.ents  # read once: each read of doc.ents makes its Spans anew
        in_names = _tokens_in_names(ents)
        previous_end = previous_tense = None
        for expr, year in zip(expressions, _context_years(expressions)):
            if in_names.issuperset(range(expr.start, expr.end)):
                continue  # "Leo" in "Leo Lwekamwa", a year inside a name
            span = doc[expr.start:expr.end]
            tense = None
            if _needs_tense(expr):
                joined = (previous_end == expr.start - 1 and previous_tense is not None
                          and words[expr.start - 1] in DATE_COORDINATORS)
                tense = previous_tense if joined else _tense(words, expr.start, expr.end)
            previous_end, previous_tense = expr.end, tense
            span._.date_value = resolve(expr, anchor, tense, year)
            span._.date_granularity = granularity(expr)
            spans.append(span)
        spans = _with_ner_dates(ents, spans, anchor)
        spans.sort(key=lambda s: s.start)
        doc.spans[SPANS_KEY] = spans
        if self.write_ents:
            _write_ents(doc, ents, spans, None if self.ents_extent == "core" else words,
                        ranges_only=self.ents_extent == "ranges")
        return doc

    def _anchor(self, doc: Doc, expressions: list[DateExpression]) -> tuple[date | None, str | None]:
        published = doc._.published
        if isinstance(published, str):
            try:
                published = date.fromisoformat(published[:10])
            except ValueError:
                published = None
        if isinstance(published, datetime):
            published = published.date()
        if isinstance(published, date):
            return published, "request"
        text = header_end = None
        for expr in expressions:
            if expr.kind != "date" or not expr.has_explicit_year:
                continue
            if text is None:
                text = doc._.text
                header_end = _end_of_line(text, self.header_lines)
            stated = date(expr.year, expr.month, expr.day)
            if expr.direction is not None:  # "leo Jumamosi Machi 2, 2024", "jana, Machi 1, 2024"
                return stated - timedelta(days=expr.direction), "text"
            if _alone_in_header(doc, text, header_end, expr):
                return stated, "text"
        return None, None


def _end_of_line(text: str, lines: int) -> int:
    """The offset where line number `lines` (counting from 0) starts, or the text's end."""
    position = 0
    for _ in range(lines):
        position = text.find("\n", position) + 1
        if position == 0:
            return len(text)
    return position


def _alone_in_header(doc: Doc, text: str, header_end: int, expr: DateExpression) -> bool:
    """A date standing for the page's own on one of the first lines: alone, after a
    source between dashes ("… – DW – 19.06.2024"), a label ("Imechapishwa: 19 Juni
    2024"), or a place or byline ending at a separator ("DODOMA, Jumatano Juni 19, 2024
    – …", "Mwandishi Wetu | Juni 19, 2024"); followed by nothing, a time, or a dash
    opening the story."""
    span = doc[expr.start:expr.end]
    if span.start_char >= header_end:
        return False
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    if not _HEADER_AFTER.match(text[span.end_char:line_end].strip()):
        return False
    before = text[line_start:span.start_char].strip()
    return (not before or bool(_DATELINE.search(before)) or bool(_HEADER_LABEL.match(before))
            or bool(_HEADER_PREFIX.match(before)))


# "Headline – DW – " : a source name between dashes right before the date.
_DATELINE = re.compile(r"[–—-]\s*[\w .]{1,30}?\s*[–—-]$")
_HEADER_LABEL = re.compile(
    r"^(?:imechapishwa|ilichapishwa|imewekwa|iliwekwa|imesasishwa|tarehe|published|"
    r"updated|posted)\b\W*$", re.IGNORECASE)
# A short place name or byline, not a sentence: no sentence punctuation, few characters.
# Not a colon: "Alizaliwa: 19 Juni 1960" in a profile's header is no page date.
_HEADER_PREFIX = re.compile(r"^[^.!?]{1,40}[,|–—-]$")
_HEADER_AFTER = re.compile(r"^(?:$|[–—-](?:\s|$)|\||saa\b|\d{1,2}[:.]\d{2}\b)", re.IGNORECASE)


def _tokens_in_names(ents: tuple[Span, ...]) -> set[int]:
    """Indices of tokens inside the NER's PER/ORG/LOC entities (`ents`: doc.ents)."""
    return {i for ent in ents if ent.label_ != "DATE" for i in range(ent.start, ent.end)}


def _context_years(expressions: list[DateExpression]) -> list[int | None]:
    """For each expression, the year the article fixes for it when it names none: that
    of the nearest full date (a day or a month with its year) before it. A full date
    after it only counts when the expression's weekday falls right in that year
    ("Jumanne Novemba 24" before "Oktoba, 2020"): in held-out VOA articles a later full
    date was more often another story's ("Aprili" ... "Februari mwaka 2020" as a
    baseline) than the one that fixes the year. A year named alone never does: it is as
    often a past event's ("katiba ya mwaka 2016") as the story's."""
    full = [(e.start, e.year) for e in expressions
            if e.kind in ("date", "month") and e.has_explicit_year]
    starts = [start for start, _ in full]
    years = []
    for expr in expressions:
        k = bisect_left(starts, expr.start)  # full[k - 1] is the nearest one before
        if k > 0:
            years.append(full[k - 1][1])
            continue
        after = k + 1 if k < len(full) and starts[k] == expr.start else k
        year = full[after][1] if after < len(full) else None
        years.append(year if year is not None and _weekday_agrees(expr, year) else None)
    return years


def _weekday_agrees(expr: DateExpression, year: int) -> bool:
    if expr.weekday is None or expr.month is None or expr.day is None:
        return False
    try:
        return date(year, expr.month, expr.day).weekday() == expr.weekday
    except ValueError:
        return False


def _needs_tense(expr: DateExpression) -> bool:
    """Weekdays and weekends resolve by tense; so do months named without a year."""
    if expr.kind == "weekday":
        return expr.direction is None and expr.unit is None
    if expr.kind in ("date", "month", "day_of_month"):
        return expr.year is None and expr.offset is None and expr.direction is None
    return expr.kind == "relative" and expr.unit == "weekend"


def _tense(words: list[str], start: int, end: int) -> int | None:
    """The tense of the verb a date expression goes with.

    Swahili puts time adverbs after the verb and its object ("alisema Jumanne kuwa",
    "walijeruhiwa Jumanne mjini"), or first in the sentence ("Jumanne, polisi walisema"):
    so the nearest tensed verb to the left within the clause, else to the right within
    the sentence, else to the left across commas, else a future verb further left in
    the sentence.
    A date after "tangu" is past.
    """
    i = start - 1
    while i >= 0 and words[i] in SINCE_LEAD_INS:
        i -= 1
    if i >= 0 and words[i] in SINCE_WORDS:
        return -1
    left_in_clause = _scan(words, start - 1, -1, stop_at_comma=True)
    # A relative verb after a date mostly describes the next noun ("Jumapili wa nchi
    # zilizoendelea"), so the scan to the right skips it; before a date it governs it
    # ("uchaguzi uliofanyika Jumatano").
    right = [i for i in _scan(words, end, 1, stop_at_comma=False)
             if not TENSED_RELATIVE_PREFIX.match(words[i])]
    left = _scan(words, start - 1, -1, stop_at_comma=False)
    for scan in (left_in_clause, right, left):
        for i in scan:
            tense = verb_tense(words[i])
            if tense is not None:
                return tense
    # A long object between the verb and the date ("kitawatambulisha wagombea wa urais
    # ... kwa wanachama wake wa Zanzibar siku ya Jumapili"): the sentence's nearest verb,
    # trusted only when it is a future one. That far back a present form is as often a
    # relative describing a noun ("wanaofahamika", who are known), and past is the
    # default anyway.
    for i in _scan(words, start - 1, -1, stop_at_comma=False, window=_SENTENCE_WINDOW):
        if verb_tense(words[i]) is not None:
            return 1 if FUTURE_VERB.match(words[i]) else None
    return None


def _scan(words: list[str], i: int, step: int, stop_at_comma: bool,
          window: int = _TENSE_WINDOW) -> list[int]:
    indices = []
    while 0 <= i < len(words) and len(indices) < window:
        text = words[i]
        if text in _SENTENCE_END or "\n" in text or (stop_at_comma and text == ","):
            break
        indices.append(i)
        i += step
    return indices


_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}


def _with_ner_dates(ents: tuple[Span, ...], spans: list[Span], anchor: date | None) -> list[Span]:
    """The grammar's `spans` with the NER's DATE entities reconciled into them.

    An entity the grammar has no span in is added (trimmed, valued by dateparser). Where
    they overlap the grammar's spans win, except where the entity covers them and more
    and dateparser reads the whole entity as a finer date than they give ("January 6th,
    2021", which the grammar sees as a month and a year).
    """
    owner = {i: k for k, span in enumerate(spans) for i in range(span.start, span.end)}
    replaced, added = set(), []
    for ent in ents:
        if ent.label_ != "DATE":
            continue
        span = _trim_ner_date(ent)
        if span is None:
            continue
        inside = [spans[k] for k in sorted({owner[i] for i in range(ent.start, ent.end)
                                            if i in owner})]
        if inside and not (span.start <= inside[0].start and inside[-1].end <= span.end
                           and len(span) > sum(len(s) for s in inside)):
            continue
        value, found_granularity = _parse_leftover(span.text, anchor)
        if inside and not _finer(value, found_granularity, inside):
            continue
        span._.date_value, span._.date_granularity = value, found_granularity
        replaced.update(owner[s.start] for s in inside)
        added.append(span)
    return [s for k, s in enumerate(spans) if k not in replaced] + added


def _finer(value: str | None, found_granularity: str | None, spans: list[Span]) -> bool:
    """Whether dateparser's reading is finer than every grammar span it would replace
    and keeps the year they name."""
    if value is None:
        return False
    finest = min(_GRANULARITY_RANK.get(s._.date_granularity, 9) for s in spans)
    years = {s._.date_value[:4] for s in spans if s._.date_granularity == "year" and s._.date_value}
    return _GRANULARITY_RANK[found_granularity] < finest and (not years or value[:4] in years)


def _names_a_date(token) -> bool:
    word = token.lower_
    return (word in MONTHS or word in WEEKDAYS or word in RELATIVE_DAYS or word in HOLIDAYS
            or (any(ch.isdigit() for ch in word) and not token.like_num))


def _trim_ner_date(ent: Span) -> Span | None:
    """The NER's DATE span cut to its core, or None when it is not a date by docs/annotation.md."""
    words = [token.lower_ for token in ent]
    if any(word in NOT_DATES for word in words):
        return None
    if not any(_names_a_date(token) for token in ent):
        return None  # "mechi", "mwisho wa mwaka", or a number the grammar took for a count
    before = [token.lower_ for token in ent.doc[max(0, ent.start - 3):ent.start]]
    if follows_kila(before + words, len(before)):
        return None  # "kila [Ijumaa]": the NER tags the name of a frequency
    if words[0] in COUNTED_UNITS and len(words) > 1 and number_value(words[1]) is not None:
        return None  # a duration ("miaka 24"); "miaka 24 iliyopita" is the grammar's
    start, end = 0, len(words)
    while start < end and words[start] in DATE_LEAD_INS:
        start += 1
    while end > start and (words[end - 1] in AFTER_DATE_TIMES or words[end - 1] in (",", ".")):
        end -= 1
    if start == end:
        return None
    return ent.doc[ent.start + start:ent.start + end]


@lru_cache(maxsize=16)
def _date_parser(base: datetime):
    # Imported lazily: dateparser takes a while to load and most docs never need it.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["sw", "en"],
                          settings={"DATE_ORDER": "DMY", "RELATIVE_BASE": base})


_FOUR_DIGITS = re.compile(r"\b\d{4}\b")


def _parse_leftover(text: str, anchor: date | None) -> tuple[str | None, str | None]:
    """dateparser for the NER's DATE spans the grammar has no rule for (English-style
    dates, odd spellings). Only spans with a digit: dateparser's Swahili relative words
    are wrong (see date_grammar), and without an anchor only a written year is trusted."""
    if not any(ch.isdigit() for ch in text) or (anchor is None and not _FOUR_DIGITS.search(text)):
        return None, None
    base = datetime.combine(anchor, datetime.min.time()) if anchor else datetime(2000, 1, 1)
    data = _date_parser(base).get_date_data(text)
    if data.date_obj is None:
        return None, None
    found = data.date_obj.date()
    if data.period == "year":
        return f"{found.year:04d}", "year"
    if data.period == "month":
        return f"{found.year:04d}-{found.month:02d}", "month"
    return found.isoformat(), "day"


def _write_ents(doc: Doc, ents: tuple[Span, ...], spans: list[Span], words: list[str] | None,
                ranges_only: bool) -> None:
    """Make doc.ents' DATE entities the date spans, leaving other labels alone; with the
    lower-cased `words`, widened to MasakhaNER's extents (`ranges_only`: ranges joined
    only) where that overlaps no other entity."""
    others = [ent for ent in ents if ent.label_ != "DATE"]
    taken = set()
    for ent in others:
        taken.update(range(ent.start, ent.end))
    extents = [(span.start, span.end) for span in spans]
    if words is not None:
        widened = masakhaner_extents(words, extents, ranges_only)
        extents = [extent for start, end in widened
                   for extent in ([(start, end)] if taken.isdisjoint(range(start, end))
                                  else [e for e in extents if start <= e[0] and e[1] <= end])]
    by_start = {span.start: span for span in spans}
    dates = []
    for start, end in extents:
        if taken.isdisjoint(range(start, end)):
            ent = Span(doc, start, end, label="DATE")
            core = [by_start[i] for i in range(start, end) if i in by_start]
            if len(core) == 1:
                ent._.date_value, ent._.date_granularity = core[0]._.date_value, core[0]._.date_granularity
            dates.append(ent)
    doc.ents = sorted(others + dates, key=lambda s: s.start)
