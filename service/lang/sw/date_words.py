"""The words of Swahili date expressions: month and weekday names (CLDR through babel,
plus the spellings news writes beside them), relative days, units, number words, and
the spelling-tolerant lookup the grammar reads words through.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale

from service.lang.sw.lex_attrs import AGREEING_NUMERAL_VALUES, NUMERAL_VALUES

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

# CLDR's Swahili weekday names alone, for the rules that treat a weekday as a time adverb.
WEEKDAY_NAMES = frozenset(name.lower() for name in _SW.days["format"]["wide"].values())

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


def misspelled_names(words: Iterable[str]) -> dict[str, str]:
    """{word: canonical_word(word)} for those of `words` that it changes. Only a word that
    shares its first two letters with a spelled name, or ends with a dash, can be one: the
    others (most words of an article, and most of those a cache would miss) are passed
    over without a call."""
    return {word: canonical for word in words
            if (word[:2] in _SPELLED_NAMES_BY_START or word.endswith("-"))
            and (canonical := canonical_word(word)) != word}


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

# Number words a count or a day of the month is written with, agreement forms included.
_NUMBER_WORDS = NUMERAL_VALUES | AGREEING_NUMERAL_VALUES

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

RANGE_WORDS = frozenset({"na", "hadi", "mpaka", "-", "au"})

YEAR_CUES = frozenset({"mwaka", "wa", "mnamo", "tangu", "karne"})

NUMERIC_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$|^(\d{4})-(\d{2})-(\d{2})$")

YEAR = re.compile(r"^(1[0-9]|20)\d\d$")

YEAR_SPAN = re.compile(r"^((?:1[0-9]|20)\d\d)/(\d{2}|\d{4})$")

DAY = re.compile(r"^([1-9]|[12][0-9]|3[01])$")

SHORT_DECADE = re.compile(r"^([1-9]0)$")

COMMA = frozenset({",", "،"})

FREQUENCY_LEAD_INS = frozenset({"siku", "ya", "mwezi", "wa"})


def is_past_word(word: str) -> bool:
    # iliyopita, uliopita, uliyopita, ulopita, lililopita, zilizopita, yaliyopita, ...
    return word.endswith(("lopita", "liopita", "liyopita", "lizopita", "lipita"))


def is_next_word(word: str) -> bool:
    # ujao, ijayo, ujayo, lijalo, zijazo, yajayo, ...; unaokuja, inayokuja ("coming")
    return (len(word) <= 7 and word.endswith(("jao", "jayo", "jalo", "jazo"))) or (
        len(word) <= 10 and word.endswith("okuja")
    )


def number_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)

# A weekday joined to the one before ("Jumamosi na Jumapili", "Jumatano hadi Ijumaa")
# takes its tense.
DATE_COORDINATORS = frozenset({"na", "hadi", "mpaka", "au", ","})

# "tangu Jumatatu", "tangu tarehe 1 Februari": a date something has lasted since lies
# before the anchor whatever the verb ("anazuiliwa tangu", present: is held since).
SINCE_WORDS = frozenset({"tangu", "tokea"})

SINCE_LEAD_INS = frozenset({"tarehe", "mwezi", "siku", "ya", "wa", "mwaka", "mwanzoni",
                            "mwishoni", "mwa", "mapema"})

# NER DATE spans are trimmed to the core expression (docs/annotation.md): these lead-ins and
# times of day fall outside it.
DATE_LEAD_INS = frozenset({"mwaka", "wa", "mwezi", "siku", "ya", "tangu", "mnamo", "mapema",
                           "mwishoni", "mwanzoni", "mwa", "kati", "kuanzia", "hadi", "mpaka"})

# Parts of the day ("jana jioni", "Jumatatu asubuhi").
TIMES_OF_DAY = frozenset({"asubuhi", "mchana", "jioni", "usiku", "alasiri", "alfajiri", "adhuhuri"})
# Words after a date that stay outside its span: the times of day and the hour ("saa").
AFTER_DATE_TIMES = TIMES_OF_DAY | {"saa"}

# NER DATE spans that docs/annotation.md does not count as dates: frequencies and vague words.
NOT_DATES = frozenset({"kila", "sasa", "karibuni", "hivi", "zamani", "nyuma", "hiyo",
                       "huo", "hicho", "baadaye", "kabla", "baada"})

# MasakhaNER 2.0's DATE spans reach past the core (service/components/date_extents.py):
# a range opened by one of these ("kati ya 1999 na 2007", "kuanzia 2012 hadi 2015") is
# one span with its opener, the unit words before its first date ("kati ya mwaka wa
# 1816 na 1828") included.
RANGE_OPENERS = frozenset({"kati", "kuanzia"})
# Between the two dates of a range; "au" offers a choice of two dates, no range.
RANGE_JOINERS = frozenset({"na", "hadi", "mpaka", "-", "–"})
UNIT_LEAD_INS = frozenset({"mwaka", "mwezi", "tarehe"})
# "usiku wa kuamkia Jumatano": the night before Wednesday.
EVE_WORD = "kuamkia"

# Feasts MasakhaNER 2.0 marks as DATE every time (train 23 of 23, dev 3 of 3) though they
# name no calendar day docs/annotation.md can value: doc.ents only (date_extents.py).
# "Siku ya Uhuru" and the like are FEAST_DAYS, after "siku ya".
FEASTS = frozenset({"pasaka", "ramadhani", "ramadhan", "eid", "hijja", "thanksgiving", "juneteenth"})
FEAST_DAYS = frozenset({"uhuru"})
