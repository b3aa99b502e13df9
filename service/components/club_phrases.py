"""Clubs told by the sentence's grammar rather than by their names (habari_entity_types'
``club_phrases`` rule), where the words around are about football:

- the name a club noun owns: "klabu yake mpya ya [Amazulu]", "timu ya soka ya
  [Miembeni]" ("klabu"/"timu", lowercase words, then "ya"); one untagged word only where
  no connective or capitalized word follows it ("klabu ya Waandishi wa Habari");
- a place as the subject of a verb that agrees with "timu" (class 9, i-): "[Villa]
  ikashinda mechi 10", "[Mji Mpwapwa] inayofundishwa na ...": a place that is no country
  or city of the gazetteer does not play. (A person before such a verb is an apposition:
  "Simba chini ya kocha wake, Milovan Cirkovic itaendeleza".)

A country is its national team, a place (MasakhaNER; "Cameroon ilishinda 4-0"); a city of
the gazetteer is left as the NER has it ("Frankfurt iliizaba" is the club, "Arusha
ilishinda" a region's team).
"""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.symbols import IDS
from spacy.tokens import Doc, Span

from service.components.countries import country_code, normalize_name
from service.components.gazetteer import Places
from service.components.mentions import is_title, keys_of, token_keys
from service.lang.sw.function_words import CONNECTIVES
from service.lang.sw.nouns import COMPETITION_HEADS, CONTINENTS, LOCATIVE_DESCRIPTORS, SPORT_WORDS
from service.lang.sw.verbs import is_finite_verb, is_verb
from service.language_id import is_swahili_word

_CLUB_NOUNS = frozenset({"klabu", "timu"})
_MAX_OWNER_GAP = 5  # "klabu ya daraja la kwanza ya X"
_CONTEXT_WINDOW = 20  # tokens each side, as clubs.py
# Span.label as the string store keys it, read without decoding label_ (as outlet_names.py)
_LOC, _PER = (IDS.get(label, hash_string(label)) for label in ("LOC", "PER"))
_PLACE_OR_PERSON = frozenset({_LOC, _PER})


def clubs_by_phrase(doc: Doc, ents: list[Span], places: Places) -> list[Span]:
    """`ents` with the clubs of this module's phrases typed ORG (untagged owned names added)."""
    # the words' keys as an array: no Token object per word, and only the words around a
    # place or a person are read
    lowers, strings = token_keys(doc, LOWER), doc.vocab.strings
    ya, n = strings["ya"], len(doc)
    out = []
    for ent in ents:
        label, start, end = ent.label, ent.start, ent.end
        if label in _PLACE_OR_PERSON:
            owned = start > 1 and lowers[start - 1] == ya and _owned_by_club_noun(doc, start)
            plays = label == _LOC and end < n and strings[lowers[end]].startswith("i") and _plays(doc, ent)
            if (owned or plays) and _may_be_club(ent, places) and _about_football(doc, ent):
                ent = Span(doc, start, end, label="ORG")
        out.append(ent)
    if keys_of(doc, _CLUB_NOUNS).isdisjoint(lowers):
        return out
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for i in [k + 1 for k, key in enumerate(lowers[:-1]) if key == ya]:
        token = doc[i]
        if i in taken or not (token.is_alpha and token.is_title) or not _owned_by_club_noun(doc, i) \
                or _opens_longer_name(doc, i, taken):
            continue
        name = doc[i : i + 1]
        if not is_swahili_word(token.text) and token.text not in COMPETITION_HEADS and _may_be_club(name, places) \
                and _about_football(doc, name):
            out.append(Span(doc, i, i + 1, label="ORG"))
    return sorted(out, key=lambda span: span.start)


def _may_be_club(span: Span, places: Places) -> bool:
    text = span.text
    return (country_code(text) is None and normalize_name(text) not in places.never_people
            and not (span.start > 0 and is_title(span.doc[span.start - 1])))


def _owned_by_club_noun(doc: Doc, i: int) -> bool:
    """"ya" before token i, and a club noun before it with lowercase words only between."""
    if i < 2 or doc[i - 1].lower_ != "ya":
        return False
    for j in range(i - 2, max(-1, i - 2 - _MAX_OWNER_GAP), -1):
        if doc[j].lower_ in _CLUB_NOUNS:
            return True
        # a verb between ends the club noun's phrase ("timu hiyo kuvurunda michuano ya Kombe")
        if not doc[j].is_lower or is_verb(doc[j].text) or doc[j].lower_.startswith("ku"):
            return False
    return False


def _opens_longer_name(doc: Doc, i: int, taken: set[int]) -> bool:
    """An untagged capitalized word after the word, straight or after a connective ("klabu
    ya Waandishi wa Habari"); a name after it ("ya Celtic Henrick Larsson", "Uchira ya
    Kilimanjaro") is another."""
    j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ in CONNECTIVES else i + 1
    return j < len(doc) and j not in taken and doc[j].is_alpha and doc[j].is_title


def _plays(doc: Doc, ent: Span) -> bool:
    """The subject of an i- verb; not a complement ("Kombe la Mataifa ya Afrika itaanza"), a
    place after a locative or a verb ("barani Afrika inakaribia", "iliyopo Massachusetts
    ilisema") or a continent."""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is None or not (after.lower_.startswith("i") and is_finite_verb(after.text)) or ent.text in CONTINENTS:
        return False
    before = doc[ent.start - 1] if ent.start else None
    return before is None or not (before.lower_ in CONNECTIVES or before.lower_ in LOCATIVE_DESCRIPTORS
                                  or is_verb(before.text))


def _about_football(doc: Doc, span: Span) -> bool:
    window = doc[max(0, span.start - _CONTEXT_WINDOW): span.end + _CONTEXT_WINDOW]
    return any(token.lower_ in SPORT_WORDS for token in window)
