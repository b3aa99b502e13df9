"""Regions larger than a country ("Mashariki ya Kati", "Afrika ya Mashariki"): places by
docs/annotation.md, which the NER mostly leaves untagged or tags in part. The MasakhaNER
data tags "Mashariki ya Kati" O 14 times and LOC 4 times (v2 train), so a region becomes a
mention of the API's entities while doc.ents keeps what the NER found.

The names: CLDR's Swahili names of the UN's regions (babel) and the ones Swahili news uses
that CLDR lacks (service/lang/sw/nouns.py).
"""
from __future__ import annotations

from babel import Locale
from spacy.tokens import Doc

from service.components.countries import country_code
from service.components.mentions import Mention, ents_of, names_pattern, with_found
from service.lang.sw.nouns import REGION_NAMES

# Several words only: one-word continents ("Afrika", "Ulaya") the NER knows, and "Dunia"
# (the world) is a common word. A name CLDR also gives a country ("Afrika ya Kusini" is
# South Africa in the news) stays the country's.
_NAMES = {name for code, name in Locale("sw").territories.items() if code.isdigit()} | REGION_NAMES
_REGION = names_pattern(name for name in _NAMES if " " in name and country_code(name) is None)


def untagged_regions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each region the NER left untagged, or tagged in part as places
    ("[Afrika] ya Mashariki"), made one place; the NER's places inside stay in doc.ents."""
    found, absorbed = [], set()
    for match in _REGION.finditer(doc._.text):
        region = doc.char_span(match.start(), match.end())
        if region is None:
            continue
        inside = [m for m in mentions if m.span.start < region.end and region.start < m.span.end]
        if any(m.label != "LOC" or m.span.start < region.start or region.end < m.span.end for m in inside):
            continue  # a longer name, or another kind of name, holds it
        ents = tuple(ent for m in inside for ent in ents_of(m, m.label))
        found.append(Mention(region, "LOC", " ".join(region.text.split()), ents=ents))
        absorbed.update(id(m) for m in inside)
    return with_found(mentions, found, absorbed)
