"""A small grammar of Swahili date expressions over a token sequence.

Why hand-written: dateparser's Swahili locale parses full dates ("12 Septemba 2023",
"Juni 19, 2024") but misreads or misses most of what news prose does with them
("mwaka jana" → yesterday; "Septemba mwaka jana", "juzi", "leo Jumanne", "tarehe 5
Machi 2024", "miaka ya 1990" → nothing), and it cannot say where an expression starts
and ends in running text. So this module finds the expressions and records what each one
says (year, month, day, weekday, relative offset); resolving them against an anchor is
`resolve`. Month and weekday names come from CLDR through babel; only the spellings news
text uses beside CLDR's (Disemba, Febuari, English names) are listed here.

Spans follow ../shared/ANNOTATION.md (MasakhaNER style): the grammar starts a match at
the core of the expression, so leading "mwaka (wa)", "mwezi", "siku ya", "tangu",
"mnamo", "mapema", "mwishoni mwa" stay outside, and it never consumes a time of day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from babel import Locale

_SW = Locale("sw")

# CLDR's Swahili names, plus the variants Swahili news actually writes.
MONTHS: dict[str, int] = {name.lower(): num for num, name in _SW.months["format"]["wide"].items()}
MONTHS.update(
    {
        "disemba": 12, "febuari": 2, "feburuari": 2, "agost": 8, "agusti": 8, "ogasti": 8,
        "augusti": 8, "octoba": 10,
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
        "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
        "december": 12,
    }
)
WEEKDAYS: dict[str, int] = {name.lower(): num for num, name in _SW.days["format"]["wide"].items()}
WEEKDAYS.update({"alhamis": 3, "jumamos": 5})

# Scraped news misspells the names ("Novemaba", "Jumatanu"); one slip from a CLDR name of
# six letters or more is read as that name. Shorter names have too many neighbours.
_SPELLED_NAMES = tuple(
    name.lower() for names in (_SW.months["format"]["wide"], _SW.days["format"]["wide"])
    for name in names.values() if len(name) >= 6
)


def _one_edit_apart(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]  # one letter replaced
    return a[i:] == b[i + 1:]  # one letter inserted


# Small, so that new words cannot grow a worker (benchmarks/README.md, section 2).
CACHE_SIZE = 4096


@lru_cache(maxsize=CACHE_SIZE)
def canonical_word(word: str) -> str:
    """`word`, or the one month or weekday name it misspells by one letter ("jumatanu"
    is one slip from both Jumatano and Jumatatu, so it stays as it is); a number with a
    dash the tokenizer left on it ("2008-") without the dash."""
    if word.endswith("-") and word[:-1].isdigit():
        return word[:-1]
    if len(word) < 6 or word in MONTHS or word in WEEKDAYS or not word.isalpha():
        return word
    near = [name for name in _SPELLED_NAMES_BY_START.get(word[:2], ()) if _one_edit_apart(word, name)]
    return near[0] if len(near) == 1 else word


# The names of _SPELLED_NAMES by their first two letters, in order: a misspelling keeps
# them, and most words a cache miss brings here share them with no name.
_SPELLED_NAMES_BY_START: dict[str, list[str]] = {}
for _name in _SPELLED_NAMES:
    _SPELLED_NAMES_BY_START.setdefault(_name[:2], []).append(_name)


# Fixed-date feasts news dates things by; the year comes like a bare month's.
HOLIDAYS = {"krismasi": (12, 25), "krisimasi": (12, 25), "christmas": (12, 25)}

# Days relative to the anchor.
RELATIVE_DAYS = {"leo": 0, "jana": -1, "juzi": -2, "kesho": 1, "keshokutwa": 2}

# Singular units that take a deictic ("wiki hii", "mwezi uliopita", "mwaka jana").
UNITS = {"wiki": "week", "juma": "week", "mwezi": "month", "mwaka": "year",
         "wikendi": "weekend", "wikiendi": "weekend"}
# Plural units counted back from the anchor ("miaka 59 iliyopita", "wiki mbili zilizopita").
COUNTED_UNITS = {"siku": "day", "wiki": "week", "majuma": "week", "juma": "week",
                 "miezi": "month", "mwezi": "month", "miaka": "year", "mwaka": "year"}
# "mwaka jana" is last year, "mwaka juzi" the year before; "mwaka kesho" (Kenyan) next
# year, not tomorrow.
YEAR_WORDS = {"jana": -1, "juzi": -2, "kesho": 1}
# "mwakani": next year, in one word ("Machi mwakani", "uchaguzi wa mwakani").
NEXT_YEAR = "mwakani"
THIS_WORDS = frozenset({"hii", "huu", "hili", "hiki"})

# Swahili number words a count or a day of the month is written with (agreement
# prefixes included: "miaka minne", "wiki mbili").
_NUMBER_WORDS = {
    "moja": 1, "mmoja": 1, "mosi": 1, "mbili": 2, "miwili": 2, "wawili": 2, "tatu": 3,
    "mawili": 2, "matatu": 3, "manne": 4, "matano": 5, "manane": 8,  # "majuma mawili"
    "mitatu": 3, "nne": 4, "minne": 4, "tano": 5, "mitano": 5, "sita": 6, "saba": 7,
    "nane": 8, "minane": 8, "tisa": 9, "kumi": 10, "ishirini": 20, "thelathini": 30,
    "arobaini": 40, "hamsini": 50, "sitini": 60, "sabini": 70, "themanini": 80,
    "tisini": 90, "mia": 100,
}
# Months also go by number: "mwezi wa tatu" (March), "mwezi wa kumi na mbili".
_MONTH_ORDINALS = {"kwanza": 1, "pili": 2, "tatu": 3, "nne": 4, "tano": 5, "sita": 6,
                   "saba": 7, "nane": 8, "tisa": 9, "kumi": 10}
# "miaka ya tisini" = the 1990s.
_DECADE_WORDS = {"ishirini": 2, "thelathini": 3, "arobaini": 4, "hamsini": 5, "sitini": 6,
                 "sabini": 7, "themanini": 8, "tisini": 9}

# A year right after one of these is a count ("watu 2000"), not a date.
COUNT_WORDS = frozenset(
    """
    watu dola shilingi euro pauni wanajeshi askari wanafunzi wakimbizi vifo wagonjwa
    kesi nyumba magari tani kilomita km mita zaidi takriban karibu jumla kiasi idadi
    namba nambari kifungu ibara ukurasa siku wiki miezi saa dakika asilimia wafungwa
    raia wapiganaji vijana watoto wanawake wanaume familia walimu madaktari wanachama
    kura wafuasi wafanyakazi wakazi ndege mifugo wengine
    """.split()
)

_RANGE_WORDS = frozenset({"na", "hadi", "mpaka", "-", "au"})
_YEAR_CUES = frozenset({"mwaka", "wa", "mnamo", "tangu", "karne"})
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$|^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(1[0-9]|20)\d\d$")
_YEAR_SPAN = re.compile(r"^((?:1[0-9]|20)\d\d)/(\d{2}|\d{4})$")
_DAY = re.compile(r"^([1-9]|[12][0-9]|3[01])$")
_SHORT_DECADE = re.compile(r"^([1-9]0)$")
_COMMA = frozenset({",", "،"})
_FREQUENCY_LEAD_INS = frozenset({"siku", "ya", "mwezi", "wa"})


def _is_past_word(word: str) -> bool:
    # iliyopita, uliopita, uliyopita, ulopita, lililopita, zilizopita, yaliyopita, ...
    return word.endswith(("lopita", "liopita", "liyopita", "lizopita", "lipita"))


def _is_next_word(word: str) -> bool:
    # ujao, ijayo, ujayo, lijalo, zijazo, yajayo, ...; unaokuja, inayokuja ("coming")
    return (len(word) <= 7 and word.endswith(("jao", "jayo", "jalo", "jazo"))) or (
        len(word) <= 10 and word.endswith("okuja")
    )


def number_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


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


class _Grammar:
    """Matches date expressions at one position of a lower-cased word list."""

    def __init__(self, words: list[str], spaced: list[bool] | None = None):
        self.words = words
        self.spaced = spaced  # whether whitespace follows each word
        self.n = len(words)

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def skip_comma(self, i: int) -> int:
        return i + 1 if self.word(i) in _COMMA else i

    # -- pieces ---------------------------------------------------------------------

    def day_number(self, i: int, spelled: bool = False) -> tuple[int, int] | None:
        """A day of the month: 1-31 in digits, "mosi" (the first), or after "tarehe" a
        number word ("tarehe mbili Januari"); elsewhere a number word is a count."""
        w = self.word(i)
        if _DAY.match(w):
            return int(w), i + 1
        if w == "mosi":
            return 1, i + 1
        value = number_value(w) if spelled else None
        if value is not None and 1 <= value <= 31:
            return value, i + 1
        return None

    def year_part(self, i: int) -> tuple[int | None, int | None, int] | None:
        """`[,] [mwaka [wa]] YEAR`, `mwaka jana/huu/uliopita/ujao` or `mwakani`.

        Returns (year, year_offset, end) with exactly one of the first two set.
        """
        j = self.skip_comma(i)
        if self.word(j) == NEXT_YEAR:
            return None, 1, j + 1
        if self.word(j) == "mwaka":
            k = j + 1
            if self.word(k) == "wa" and _YEAR.match(self.word(k + 1)):
                return int(self.word(k + 1)), None, k + 2
            if _YEAR.match(self.word(k)):
                return int(self.word(k)), None, k + 1
            offset = self.year_offset(k)
            if offset is None:
                return None
            restated = self.restated_year(k + 1)
            if restated:
                return restated[0], None, restated[1]
            return None, offset, k + 1
        if _YEAR.match(self.word(j)):
            return int(self.word(j)), None, j + 1
        return None

    def restated_year(self, i: int) -> tuple[int, int] | None:
        """The year a relative one is named again with ("Januari 14 mwaka ujao 2021",
        "mwaka huu wa 2021"): it fixes the year. Returns (year, end)."""
        j = i + 1 if self.word(i) == "wa" else i
        if _YEAR.match(self.word(j)):
            return int(self.word(j)), j + 1
        return None

    def year_offset(self, i: int) -> int | None:
        w = self.word(i)
        if w in THIS_WORDS:
            return 0
        if w in YEAR_WORDS:
            return YEAR_WORDS[w]
        if _is_past_word(w):
            return -1
        if _is_next_word(w):
            return 1
        return None

    def numbered_month(self, i: int) -> tuple[int, int] | None:
        """`mwezi wa tatu` → (3, end); `mwezi wa kumi na mbili` → (12, end)."""
        if self.word(i) != "mwezi" or self.word(i + 1) != "wa":
            return None
        month = _MONTH_ORDINALS.get(self.word(i + 2))
        if month is None:
            return None
        if month == 10 and self.word(i + 3) == "na" and self.word(i + 4) in ("moja", "mbili"):
            return 10 + number_value(self.word(i + 4)), i + 5
        return month, i + 3

    def day_and_month(self, i: int) -> tuple[int, int, int] | None:
        """`[tarehe] DAY [mwezi] MONTH`, `[tarehe] DAY mwezi wa ORDINAL` or
        `MONTH [tarehe] DAY` → (day, month, end)."""
        after_tarehe = self.word(i) == "tarehe"
        j = i + 1 if after_tarehe else i
        found = self.day_number(j, spelled=after_tarehe)
        if found:
            day, k = found
            numbered = self.numbered_month(k)
            if numbered:
                return (day, *numbered)
            # "tarehe 4 mwezi Julai"; without "tarehe", "1 mwezi Aprili" is a count.
            if after_tarehe and self.word(k) == "mwezi" and self.word(k + 1) in MONTHS:
                k += 1
            if self.word(k) in MONTHS:
                return day, MONTHS[self.word(k)], k + 1
            return None
        if not after_tarehe and self.word(i) in MONTHS:
            k = i + 1
            spelled = self.word(k) == "tarehe"
            # "Juni 2020" is month + year, not a day: days are 1-31.
            # A number word right after a month is its day ("Julai nne", "Januari sita
            # 2021", "Novemba tatu mwaka huu"): Swahili puts a count after what it counts.
            found = self.day_number(k + 1 if spelled else k, spelled=True)
            if found:
                day, end = found
                return day, MONTHS[self.word(i)], end
        return None

    # -- expressions ----------------------------------------------------------------

    def numeric_date(self, i: int) -> tuple[str, int]:
        """The numeric date starting at word i, rejoined where a tokenizer split it at its
        hyphens ("2024", "-", "01", "-", "01"), and the word after it."""
        if self.spaced is not None and self.word(i + 1) in ("-", "/", ".") and i + 4 < self.n:
            if not any(self.spaced[i:i + 4]):
                return "".join(self.words[i:i + 5]), i + 5
        return self.word(i), i + 1

    def full_date(self, i: int) -> DateExpression | None:
        w = self.word(i)
        numeric, end = self.numeric_date(i) if w[:1].isdigit() else (w, i + 1)
        m = _NUMERIC_DATE.match(numeric)
        if m:
            if m.group(1):
                day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                year, month, day = int(m.group(4)), int(m.group(5)), int(m.group(6))
            if _valid(year, month, day):
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
            if year is not None and not _valid(year, month, day):
                return None  # "31 Februari 2024": left to the month and year rules
            return DateExpression(start, end, "date", year=year, month=month, day=day,
                                  offset=offset)
        if not _valid(2000, month, day):  # a leap year: 29 Februari stays possible
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
        if self.word(k) in _RANGE_WORDS:
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
        if _is_past_word(nxt):
            return DateExpression(i, end + 1, "month", month=month, direction=-1)
        if _is_next_word(nxt):
            return DateExpression(i, end + 1, "month", month=month, direction=1)
        # "May" is an English modal as often as a month; keep it only where it is a date.
        if w == "may":
            return None
        # "Mei hadi Juni 2020", "Machi na Aprili mwaka huu": the first month shares the
        # year of the last.
        if nxt in _RANGE_WORDS and self.word(end + 1) in MONTHS:
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
        if _is_past_word(nxt):
            return DateExpression(i, i + 2, "weekday", weekday=weekday, direction=-1)
        if _is_next_word(nxt):
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
        elif _is_past_word(nxt):
            offset = -1
        elif _is_next_word(nxt):
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
        if _is_past_word(self.word(j)):
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
        if w in _DECADE_WORDS:
            return [DateExpression(j, j + 1, "decade", decade=f"19{_DECADE_WORDS[w]}X")]
        if _SHORT_DECADE.match(w):
            return [DateExpression(j, j + 1, "decade", decade=f"19{w[0]}X")]
        items = []
        while _YEAR.match(self.word(j)):
            items.append((j, int(self.word(j))))
            k = self.skip_comma(j + 1)
            if self.word(k) in ("na", "hadi", "mpaka", "au") and _YEAR.match(self.word(k + 1)):
                k += 1
            if k == j + 1 or not _YEAR.match(self.word(k)):
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
        span = _YEAR_SPAN.match(w)
        if span:
            first = int(span.group(1))
            second = span.group(2)
            last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
            if last > first:
                return DateExpression(i, i + 1, "year_span", year=first, year_end=last)
            return None
        if not _YEAR.match(w):
            return None
        previous = self.word(i - 1)
        if previous in COUNT_WORDS:
            return None
        year = int(w)
        # A round hundred before 1900 ("vinyozi 1000", "wanajeshi 1500") is a count unless
        # introduced as a year.
        if year % 100 == 0 and year < 1900 and previous not in _YEAR_CUES:
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
    frequency, which ANNOTATION.md does not count as a date."""
    j = i - 1
    while j >= 0 and words[j] in _FREQUENCY_LEAD_INS:
        j -= 1
    return j >= 0 and words[j] == "kila"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=CACHE_SIZE)
def is_trigger(word: str) -> bool:
    """Whether a date expression can start at this (lower-cased) word."""
    return (
        word in MONTHS or word in WEEKDAYS or word in RELATIVE_DAYS or word in UNITS
        or word == NEXT_YEAR or word in COUNTED_UNITS or word in HOLIDAYS or word in ("mwishoni", "tarehe")
        or word[:1].isdigit()
    )


def find_expressions(words: list[str], spaced: list[bool] | None = None) -> list[DateExpression]:
    """All date expressions in a list of lower-cased words, in order, never overlapping.

    spaced: whether whitespace follows each word (lets a numeric date split by the
    tokenizer be read whole). Only words that can start an expression are tried, so the
    cost is a set lookup per word plus the grammar at the few trigger words.
    """
    # Each distinct word is looked at once: an article repeats most of its words.
    canonical = {word: canonical_word(word) for word in set(words)}
    words = [canonical[word] for word in words]
    triggers = {word for word in canonical.values() if is_trigger(word)}
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


# -- resolution ---------------------------------------------------------------------


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The `weekday` on or before the anchor (direction <= 0) or on or after it."""
    if direction > 0:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


_GRANULARITY = {"date": "day", "day_of_month": "day", "month": "month", "year": "year", "year_span": "year",
               "decade": "decade", "weekday": "day"}


def granularity(expr: DateExpression) -> str:
    if expr.kind in ("relative", "ago"):
        return "week" if expr.unit == "weekend" else expr.unit
    if expr.kind == "weekday" and expr.unit == "week":
        return "day"
    return _GRANULARITY[expr.kind]


def resolve(expr: DateExpression, anchor: date | None, tense: int | None,
            context_year: int | None) -> str | None:
    """The ISO 8601 value of `expr`, or None when the text and anchor do not fix it.

    anchor: the document date; tense: -1 past, +1 future/present, None unknown (taken
    as past: news reports what happened); context_year: the year a nearby explicit date
    in the article fixes, used for month/day expressions when there is no anchor.
    """
    try:
        return _resolve(expr, anchor, tense, context_year)
    except (ValueError, OverflowError):
        return None


# How far (in months) a month without a year may lie on the wrong side of the anchor
# before the verb's tense moves it to the neighbouring year: "ulipanda Desemba" in a
# January article is last December, but "iliahirisha hadi Julai" in June is this July.
_TENSE_YEAR_SHIFT_MONTHS = 3


def _year_of(expr: DateExpression, anchor: date | None, context_year: int | None,
             tense: int | None = None) -> int | None:
    if expr.offset is not None and expr.kind in ("date", "month"):
        return anchor.year + expr.offset if anchor else None
    if expr.year is not None:
        return expr.year
    if expr.kind == "month" and expr.direction and anchor:
        if expr.direction < 0:
            return anchor.year if expr.month < anchor.month else anchor.year - 1
        return anchor.year if expr.month > anchor.month else anchor.year + 1
    if anchor:
        months_ahead = expr.month - anchor.month
        if tense == -1 and months_ahead > _TENSE_YEAR_SHIFT_MONTHS:
            return anchor.year - 1
        if tense == 1 and -months_ahead > _TENSE_YEAR_SHIFT_MONTHS:
            return anchor.year + 1
        return anchor.year
    return context_year


def _day_of_month(expr: DateExpression, anchor: date | None, tense: int | None) -> str | None:
    """The day in the anchor's month, or in the month `offset` away; without an offset a
    past verb with a day still ahead means last month, a future verb with a day gone by
    next month."""
    if anchor is None:
        return None
    offset = expr.offset
    if offset is None:
        offset = 0
        if tense == -1 and expr.day > anchor.day:
            offset = -1
        elif tense == 1 and expr.day < anchor.day:
            offset = 1
    year, month = _shift_month(anchor.year, anchor.month, offset)
    return date(year, month, expr.day).isoformat()


def _year_with_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """Of `year` and its neighbours, the one where the day falls on the named weekday
    ("Jumapili Januari 3" after a November 2020 date is 2021); `year` if none does."""
    for candidate in (year, year + 1, year - 1):
        if _valid(candidate, month, day) and date(candidate, month, day).weekday() == weekday:
            return candidate
    return year


def _resolve(expr, anchor, tense, context_year):
    kind = expr.kind
    if kind == "date":
        if expr.direction is not None and anchor and expr.year is None:
            # "leo Machi 2": the relative word fixes the year.
            return (anchor + timedelta(days=expr.direction)).isoformat()
        year = _year_of(expr, anchor, context_year, tense)
        if year is None:
            return None
        if expr.weekday is not None and not expr.has_explicit_year:
            year = _year_with_weekday(year, expr.month, expr.day, expr.weekday)
        return date(year, expr.month, expr.day).isoformat()
    if kind == "day_of_month":
        return _day_of_month(expr, anchor, tense)
    if kind == "month":
        year = _year_of(expr, anchor, context_year, tense)
        return f"{year:04d}-{expr.month:02d}" if year else None
    if kind == "year":
        return f"{expr.year:04d}"
    if kind == "year_span":
        return f"{expr.year:04d}/{expr.year_end:04d}"
    if kind == "decade":
        return expr.decade
    if anchor is None:
        return None
    if kind == "weekday":
        if expr.unit == "week":
            week_start = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=expr.offset)
            return (week_start + timedelta(days=expr.weekday)).isoformat()
        direction = expr.direction if expr.direction is not None else (tense or -1)
        if expr.direction and expr.direction < 0:
            # "Jumanne iliyopita": strictly before the anchor.
            return _weekday_near(anchor - timedelta(days=1), expr.weekday, -1).isoformat()
        if expr.direction and expr.direction > 0:
            return _weekday_near(anchor + timedelta(days=1), expr.weekday, 1).isoformat()
        return _weekday_near(anchor, expr.weekday, direction).isoformat()
    if kind in ("relative", "ago"):
        unit, offset = expr.unit, expr.offset
        if unit == "day":
            return (anchor + timedelta(days=offset)).isoformat()
        if unit == "week":
            return iso_week(anchor + timedelta(weeks=offset))
        if unit == "weekend":
            saturday = _weekday_near(anchor, 5, tense or -1) + timedelta(weeks=offset)
            return iso_week(saturday)
        if unit == "month":
            year, month = _shift_month(anchor.year, anchor.month, offset)
            return f"{year:04d}-{month:02d}"
        if unit == "year":
            year = anchor.year + offset
            return f"{year:04d}" if year > 0 else None
    return None
