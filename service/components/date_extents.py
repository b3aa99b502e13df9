"""The extents of DATE entities in doc.ents: MasakhaNER 2.0's, not docs/annotation.md's.

doc.spans["dates"] (and the API's dates) hold the core expression docs/annotation.md
defines. doc.ents is what NER figures compare with the MasakhaNER data, whose 2.0
annotators mark more around the core. In its Swahili train split (2,270 DATE spans), the
convention differences that are consistent enough to follow:

- a time of day after the date is inside the span ("[Jumamosi usiku]"): 90 times, 20
  outside; one before it with "wa" too ("[usiku wa kuamkia Jumatano]", "[usiku wa
  Alhamisi]");
- a range opened by "kati ya" or "kuanzia" is one span with its opener ("[kati ya mwaka
  1999 na 2007]"): every such range in train, against two spans when no opener stands
  before it ("baina ya mwaka jana na mwaka huu");
- feasts are dates ("[Pasaka]", "[Siku ya Uhuru]"): all 26 in train and dev.

Lead-ins that the data marks as often inside as outside ("mapema", "siku ya") stay
outside; "mwishoni mwa" (33 inside, 5 outside in train) lowered DATE on v2 dev, so it
stays outside too (MODEL_CARD.md, issue 17 log).

MasakhaNER 1.0 annotated otherwise: times of day mostly outside (16 of 25 in its train
split), feasts not dates ("Pasaka", "Siku ya Uhuru"), while its ranges are mixed (6 of 10
in two spans, the other 4 clock times). The held-out 1.0 test split lost 1.2 (times
before), 0.6 (times after) and 3.6 (feasts) DATE F1 to those parts and 0.9 to ranges,
and the outside check's DATE looked like 1.0's, not 2.0's (MODEL_CARD.md). So the
pipeline's default widens ranges only (`ranges_only`); the rest is there for 2.0's own
convention.
"""
from __future__ import annotations

from service.lang.sw.date_words import (
    EVE_WORD,
    FEAST_DAYS,
    FEASTS,
    RANGE_JOINERS,
    RANGE_OPENERS,
    RELATIVE_DAYS,
    TIMES_OF_DAY,
    UNIT_LEAD_INS,
    WEEKDAYS,
)

Extent = tuple[int, int]


def masakhaner_extents(words: list[str], spans: list[Extent], ranges_only: bool = False) -> list[Extent]:
    """The (start, end) of each DATE entity for the date spans `spans` (in text order,
    not overlapping) of the lower-cased `words`. Joined ranges give one extent for
    two spans, so the result can be shorter than `spans`. `ranges_only`: join ranges,
    add no time of day and no feast."""
    extents: list[list[int]] = []
    for start, end in spans:
        if extents and _joins_range(words, extents[-1], start):
            extents[-1][1] = end
            continue
        extents.append([start, end])
    if ranges_only:
        return [(start, end) for start, end in extents]
    # A time of day between two dates goes to the later one ("Jumamosi [usiku wa kuamkia
    # Jumapili]"), never to both.
    for k, extent in enumerate(extents):
        start = _time_of_day_before(words, extent[0])
        if k == 0 or start >= extents[k - 1][1]:
            extent[0] = start
    for k, extent in enumerate(extents):
        limit = extents[k + 1][0] if k + 1 < len(extents) else len(words)
        if extent[1] < limit and words[extent[1]] in TIMES_OF_DAY:
            extent[1] += 1
    found = [(start, end) for start, end in extents]
    feasts = [feast for feast in _feasts(words)
              if not any(start < feast[1] and feast[0] < end for start, end in found)]
    return sorted(found + feasts) if feasts else found


_FEAST_WORDS = FEASTS | FEAST_DAYS


def _feasts(words: list[str]) -> list[Extent]:
    if _FEAST_WORDS.isdisjoint(words):
        return []  # most documents: one pass in C instead of a Python loop
    spans = []
    for i, word in enumerate(words):
        if word in FEASTS:
            spans.append((i, i + 1))
        elif word in FEAST_DAYS and i >= 2 and words[i - 1] == "ya" and words[i - 2] == "siku":
            spans.append((i - 2, i + 1))
    return spans


def _joins_range(words: list[str], previous: list[int], start: int) -> bool:
    """Whether the span at `start` closes a range the extent `previous` opens; if so,
    `previous` is widened to its opener."""
    if start != previous[1] + 1 or words[previous[1]] not in RANGE_JOINERS:
        return False
    i = _unit_lead_in(words, previous[0])
    opener = i - 2 if i >= 2 and words[i - 1] == "ya" else i - 1  # "kati ya", "kuanzia"
    if opener < 0 or words[opener] not in RANGE_OPENERS:
        return False
    previous[0] = opener
    return True


def _unit_lead_in(words: list[str], start: int) -> int:
    """Where "mwaka", "mwezi wa", "tarehe" … before the date at `start` begin."""
    if start >= 2 and words[start - 1] == "wa" and words[start - 2] in UNIT_LEAD_INS:
        return start - 2
    if start >= 1 and words[start - 1] in UNIT_LEAD_INS:
        return start - 1
    return start


def _time_of_day_before(words: list[str], start: int) -> int:
    """The start of "usiku wa (kuamkia)" before a day named by its weekday or as a
    relative day, else `start`."""
    if words[start] not in WEEKDAYS and words[start] not in RELATIVE_DAYS:
        return start
    i = start - 1 if start >= 1 and words[start - 1] == EVE_WORD else start
    if i >= 2 and words[i - 1] == "wa" and words[i - 2] in TIMES_OF_DAY:
        return i - 2
    return start
