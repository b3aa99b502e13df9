"""A small grammar of Swahili date expressions over a token sequence.

Why hand-written: dateparser's Swahili locale parses full dates ("12 Septemba 2023",
"Juni 19, 2024") but misreads or misses most of what news prose does with them
("mwaka jana" → yesterday; "Septemba mwaka jana", "juzi", "leo Jumanne", "tarehe 5
Machi 2024", "miaka ya 1990" → nothing), and it cannot say where an expression starts
and ends in running text. So this module finds the expressions and records what each one
says (year, month, day, weekday, relative offset); resolving them against an anchor is
`resolve`. Month and weekday names come from CLDR through babel; only the spellings news
text uses beside CLDR's (Disemba, Febuari, English names) are listed here.

Spans follow docs/annotation.md (MasakhaNER style): the grammar starts a match at
the core of the expression, so leading "mwaka (wa)", "mwezi", "siku ya", "tangu",
"mnamo", "mapema", "mwishoni mwa" stay outside, and it never consumes a time of day.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from service.components.date_pieces import DateWords
from service.lang.sw.date_words import (
    COUNT_WORDS,
    COUNTED_UNITS,
    FREQUENCY_LEAD_INS,
    HOLIDAYS,
    MONTHS,
    NEXT_YEAR,
    NUMERIC_DATE,
    RANGE_WORDS,
    RELATIVE_DAYS,
    SHORT_DECADE,
    THIS_WORDS,
    UNITS,
    WEEKDAYS,
    YEAR,
    YEAR_CUES,
    YEAR_SPAN,
    YEAR_WORDS,
    is_next_word,
    is_past_word,
    misspelled_names,
    number_value,
)
from service.lang.sw.lex_attrs import TENS_DIGITS


@dataclass(frozen=True)
class DateExpression:
    """One date expression: tokens [start, end) and what it says.

    kind: "date" (a calendar day), "day_of_month" (a day in a month named relative to the
    anchor: `offset` months away, or by the verb's tense when `offset` is None), "month",
    "year", "year_span", "decade", "weekday", "relative" (an offset from the anchor in
    `unit`s), "ago" (a count of units before the anchor). Unknown parts are None.
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # day/week/weekend/month/year for relative, ago, weekday-of-week
    offset: int | None = None  # relative offset in units; for years of months: year offset
    direction: int | None = None  # weekday/month: -1 before the anchor, +1 after, 0 anchor's
    decade: str | None = None
    year_end: int | None = None

    @property
    def has_explicit_year(self) -> bool:
        return self.year is not None and self.offset is None


class _Grammar(DateWords):
    """Matches date expressions at one position of a lower-cased word list."""

    def full_date(self, i: int) -> DateExpression | None:
        w = self.word(i)
        numeric, end = self.numeric_date(i) if w[:1].isdigit() else (w, i + 1)
        m = NUMERIC_DATE.match(numeric)
        if m:
            if m.group(1):
                day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                year, month, day = int(m.group(4)), int(m.group(5)), int(m.group(6))
            if valid(year, month, day):
                return DateExpression(i, end, "date", year=year, month=month, day=day)
            return None
        found = self.day_and_month(i)
        if not found:
            return None
        day, month, end = found
        # A leading "tarehe" ("the date") stays outside the span, as in MasakhaNER.
        start = i + 1 if w == "tarehe" else i
        year_part = self.year_part(end)
        if year_part:
            year, offset, end = year_part
            if year is not None and not valid(year, month, day):
                return None  # "31 Februari 2024": left to the month and year rules
            return DateExpression(start, end, "date", year=year, month=month, day=day,
                                  offset=offset)
        if not valid(2000, month, day):  # a leap year: 29 Februari stays possible
            return None
        return DateExpression(start, end, "date", month=month, day=day)

    def day_of_month(self, i: int) -> DateExpression | None:
        """`tarehe 18 mwezi huu`, `tarehe 5 ya mwezi ujao`, `tarehe 18`: a day whose month
        the anchor gives. The span leaves "tarehe" out, as for full dates."""
        if self.word(i) != "tarehe":
            return None
        found = self.day_number(i + 1, spelled=True)
        if not found:
            return None
        day, k = found
        # "tarehe 12 na 14 Machi", "tarehe 14 hadi 19 Juni": the first day shares the
        # month (and year) of the last.
        if self.word(k) in RANGE_WORDS:
            last = self.full_date(k + 1)
            if last and last.kind == "date" and last.month is not None:
                return DateExpression(i + 1, k, "date", year=last.year, month=last.month,
                                      day=day, offset=last.offset)
        j = k + 1 if self.word(k) == "ya" else k
        if self.word(j) in MONTHS or self.word(j + 1) in MONTHS:
            return None  # an impossible full date ("tarehe 31 Februari") is not this
        if self.word(j) == "mwezi":
            offset = self.year_offset(j + 1)
            if offset is not None:
                return DateExpression(i + 1, j + 2, "day_of_month", day=day, offset=offset)
        return DateExpression(i + 1, k, "day_of_month", day=day)

    def month_expression(self, i: int) -> DateExpression | None:
        w = self.word(i)
        numbered = self.numbered_month(i)
        if numbered:
            # "kwa mwezi wa tatu mfululizo" counts months, it does not name one.
            if self.word(i - 1) == "kwa" or self.word(numbered[1]) == "mfululizo":
                return None
            month, end = numbered
        elif w in MONTHS:
            month, end = MONTHS[w], i + 1
        else:
            return None
        year_part = self.year_part(end)
        if year_part:
            year, offset, end = year_part
            return DateExpression(i, end, "month", year=year, month=month, offset=offset)
        nxt = self.word(end)
        if is_past_word(nxt):
            return DateExpression(i, end + 1, "month", month=month, direction=-1)
        if is_next_word(nxt):
            return DateExpression(i, end + 1, "month", month=month, direction=1)
        # "May" is an English modal as often as a month; keep it only where it is a date.
        if w == "may":
            return None
        # "Mei hadi Juni 2020", "Machi na Aprili mwaka huu": the first month shares the
        # year of the last.
        if nxt in RANGE_WORDS and self.word(end + 1) in MONTHS:
            last = self.month_expression(end + 1)
            if last and (last.year is not None or last.offset is not None):
                return DateExpression(i, end, "month", month=month, year=last.year,
                                      offset=last.offset)
        return DateExpression(i, end, "month", month=month)

    def weekday_expression(self, i: int) -> DateExpression | None:
        w = self.word(i)
        if w not in WEEKDAYS:
            return None
        weekday = WEEKDAYS[w]
        # Appositive full date: "Jumanne Machi 2, 2024", "Jumapili tarehe 18 Oktoba",
        # "Ijumaa ya Machi 26", "Jumamosi, 12 Septemba 2023".
        j = self.skip_comma(i + 1)
        if self.word(j) == "ya" and (self.word(j + 1) in MONTHS or self.word(j + 1) == "tarehe"):
            j += 1
        date_expr = self.full_date(j) or self.day_of_month(j)
        if date_expr:
            return replace(date_expr, start=i, weekday=weekday)
        nxt = self.word(i + 1)
        if is_past_word(nxt):
            return DateExpression(i, i + 2, "weekday", weekday=weekday, direction=-1)
        if is_next_word(nxt):
            return DateExpression(i, i + 2, "weekday", weekday=weekday, direction=1)
        if nxt in THIS_WORDS:
            return DateExpression(i, i + 2, "weekday", weekday=weekday)
        # "Jumatatu ya wiki iliyopita", "Ijumaa wiki iliyopita": a day of a named week.
        j = i + 2 if nxt == "ya" else i + 1
        if self.word(j) in ("wiki", "juma"):
            offset = self.year_offset(j + 1)
            if offset is not None:
                return DateExpression(i, j + 2, "weekday", weekday=weekday, unit="week",
                                      offset=offset)
        if nxt == "leo":
            return DateExpression(i, i + 2, "relative", unit="day", offset=0, weekday=weekday)
        return DateExpression(i, i + 1, "weekday", weekday=weekday)

    def relative_day(self, i: int) -> DateExpression | None:
        w = self.word(i)
        if w not in RELATIVE_DAYS:
            return None
        offset = RELATIVE_DAYS[w]
        if w == "kesho" and self.word(i + 1) == "kutwa":
            return DateExpression(i, i + 2, "relative", unit="day", offset=2)
        # "hivi juzi", "juzi juzi": lately, not a day.
        if w == "juzi" and (self.word(i - 1) in ("hivi", "juzi") or self.word(i + 1) == "juzi"):
            return None
        # "leo Jumamosi Machi 2, 2024", "jana Jumanne": one date named twice.
        nxt = self.word(i + 1)
        if nxt in WEEKDAYS:
            inner = self.weekday_expression(i + 1)
            if inner.kind == "date":
                return replace(inner, start=i, unit="day", direction=offset)
            return DateExpression(i, i + 2, "relative", unit="day", offset=offset,
                                  weekday=WEEKDAYS[nxt])
        # "leo Mei 24, 2021", "leo, 19.06.2024"
        date_expr = self.full_date(self.skip_comma(i + 1))
        if date_expr:
            return replace(date_expr, start=i, unit="day", direction=offset)
        if w == "leo" and nxt in THIS_WORDS:
            return DateExpression(i, i + 2, "relative", unit="day", offset=0)
        return DateExpression(i, i + 1, "relative", unit="day", offset=offset)

    def holiday(self, i: int) -> DateExpression | None:
        found = HOLIDAYS.get(self.word(i))
        if not found:
            return None
        month, day = found
        year_part = self.year_part(i + 1)
        if year_part:
            year, offset, end = year_part
            return DateExpression(i, end, "date", year=year, month=month, day=day, offset=offset)
        return DateExpression(i, i + 1, "date", month=month, day=day)

    def weekend(self, i: int) -> DateExpression | None:
        """`mwishoni mwa wiki`, `wikendi`: the weekend, a date of its own; with a deictic
        ("mwishoni mwa wiki iliyopita") the core is the week, as the convention has it."""
        if UNITS.get(self.word(i)) == "weekend" and not self.relative_period(i):
            return DateExpression(i, i + 1, "relative", unit="weekend", offset=0)
        if self.word(i) != "mwishoni" or self.word(i + 1) != "mwa" or self.word(i + 2) != "wiki":
            return None
        if self.relative_period(i + 2):
            return None
        return DateExpression(i, i + 3, "relative", unit="weekend", offset=0)

    def relative_period(self, i: int) -> DateExpression | None:
        """`wiki hii`, `mwezi uliopita`, `mwaka jana`, `wikendi hii`, `mwaka ujao`,
        `mwakani`."""
        w = self.word(i)
        if w == NEXT_YEAR:
            return DateExpression(i, i + 1, "relative", unit="year", offset=1)
        if w not in UNITS:
            return None
        nxt = self.word(i + 1)
        # "mwezi huu wa Mei": the month is named.
        if UNITS[w] == "month" and self.word(i + 2) == "wa" and self.word(i + 3) in MONTHS:
            named = self.month_expression(i + 3)
            return replace(named, start=i) if named else None
        if w == "mwaka" and nxt in YEAR_WORDS:
            offset = YEAR_WORDS[nxt]
        elif nxt in THIS_WORDS:
            offset = 0
        elif is_past_word(nxt):
            offset = -1
        elif is_next_word(nxt):
            offset = 1
        else:
            return None
        # "mwezi ujao tarehe 5": the day of that month, named in apposition.
        if UNITS[w] == "month" and self.word(i + 2) == "tarehe":
            found = self.day_number(i + 3, spelled=True)
            if found:
                return DateExpression(i, found[1], "day_of_month", day=found[0], offset=offset)
        restated = self.restated_year(i + 2) if UNITS[w] == "year" else None
        if restated:
            year, end = restated
            return DateExpression(i, end, "year", year=year)
        return DateExpression(i, i + 2, "relative", unit=UNITS[w], offset=offset)

    def counted_ago(self, i: int) -> DateExpression | None:
        """`miaka 59 iliyopita`, `wiki mbili zilizopita`, `siku tatu zilizopita`."""
        w = self.word(i)
        if w not in COUNTED_UNITS:
            return None
        j = i + 1
        count = number_value(self.word(j))
        if count is None:
            return None
        j += 1
        # "miaka kumi na mitano", "miaka ishirini na moja"
        if self.word(j) == "na" and count in (10, 20, 30, 40, 50, 60, 70, 80, 90):
            unit_count = number_value(self.word(j + 1))
            if unit_count is not None and unit_count < 10:
                count += unit_count
                j += 2
        if is_past_word(self.word(j)):
            return DateExpression(i, j + 1, "ago", unit=COUNTED_UNITS[w], offset=-count)
        return None

    def years_after_miaka_ya(self, i: int) -> list[DateExpression] | None:
        """`miaka ya 1990` (a decade), `miaka ya 1961, 2000 na 2001` (three years).

        A decade's value is "199X": ISO 8601-2's unspecified digit (as in EDTF), which
        sorts and compares with the years around it; ISO 8601-1's reduced "199" reads as
        the year 199 to most parsers, and "1990s" is no ISO form at all.
        """
        if self.word(i) != "miaka" or self.word(i + 1) != "ya":
            return None
        j = i + 2
        w = self.word(j)
        if w in TENS_DIGITS:
            return [DateExpression(j, j + 1, "decade", decade=f"19{TENS_DIGITS[w]}X")]
        if SHORT_DECADE.match(w):
            return [DateExpression(j, j + 1, "decade", decade=f"19{w[0]}X")]
        items = []
        while YEAR.match(self.word(j)):
            items.append((j, int(self.word(j))))
            k = self.skip_comma(j + 1)
            if self.word(k) in ("na", "hadi", "mpaka", "au") and YEAR.match(self.word(k + 1)):
                k += 1
            if k == j + 1 or not YEAR.match(self.word(k)):
                break
            j = k
        if not items:
            return None
        if all(year % 10 == 0 for _, year in items):
            return [DateExpression(k, k + 1, "decade", decade=f"{year // 10}X")
                    for k, year in items]
        return [DateExpression(k, k + 1, "year", year=year) for k, year in items]

    def year_expression(self, i: int) -> DateExpression | None:
        w = self.word(i)
        span = YEAR_SPAN.match(w)
        if span:
            first = int(span.group(1))
            second = span.group(2)
            last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
            if last > first:
                return DateExpression(i, i + 1, "year_span", year=first, year_end=last)
            return None
        if not YEAR.match(w):
            return None
        previous = self.word(i - 1)
        if previous in COUNT_WORDS:
            return None
        year = int(w)
        # A round hundred before 1900 ("vinyozi 1000", "wanajeshi 1500") is a count unless
        # introduced as a year.
        if year % 100 == 0 and year < 1900 and previous not in YEAR_CUES:
            return None
        return DateExpression(i, i + 1, "year", year=year)

    def match(self, i: int) -> list[DateExpression]:
        if follows_kila(self.words, i):
            return []
        many = self.years_after_miaka_ya(i)
        if many:
            return many
        for rule in (self.relative_day, self.full_date, self.day_of_month, self.weekday_expression,
                     self.month_expression, self.holiday, self.weekend,
                     self.relative_period, self.counted_ago, self.year_expression):
            found = rule(i)
            if found:
                return [found]
        return []


def follows_kila(words: list[str], i: int) -> bool:
    """`kila Jumanne`, `kila mwezi Machi`, `kila siku ya Ijumaa`: the word at i names a
    frequency, which docs/annotation.md does not count as a date."""
    j = i - 1
    while j >= 0 and words[j] in FREQUENCY_LEAD_INS:
        j -= 1
    return j >= 0 and words[j] == "kila"


def valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# The (lower-cased) words a date expression can start at, besides numbers.
_TRIGGER_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *RELATIVE_DAYS, *UNITS, NEXT_YEAR, *COUNTED_UNITS, *HOLIDAYS, "mwishoni", "tarehe"])


def _triggers(words: set[str]) -> set[str]:
    """Those of `words` a date expression can start at: one set intersection rather than a
    call per distinct word of the article."""
    return (words & _TRIGGER_WORDS) | {word for word in words if word[:1].isdigit()}


def find_expressions(words: list[str], spaced: list[bool] | None = None) -> list[DateExpression]:
    """All date expressions in a list of lower-cased words, in order, never overlapping.

    spaced: whether whitespace follows each word (lets a numeric date split by the
    tokenizer be read whole). Only words that can start an expression are tried, so the
    cost is a set lookup per word plus the grammar at the few trigger words.
    """
    # Each distinct word is looked at once: an article repeats most of its words.
    distinct = set(words)
    misspelled = misspelled_names(distinct)
    if misspelled:
        words = [misspelled.get(word, word) for word in words]
        distinct = set(words)
    triggers = _triggers(distinct)
    grammar = _Grammar(words, spaced)
    found: list[DateExpression] = []
    i = 0  # where the next expression may start: after the last one found
    for start in [k for k, word in enumerate(words) if word in triggers]:
        if start < i:
            continue
        matches = grammar.match(start)
        if matches:
            found.extend(matches)
            i = matches[-1].end
    return found
