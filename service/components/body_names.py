"""Where a name ends: a body's or a place's before a locative ("[Tume ya Uchaguzi] nchini
humo", "[Jamhuri ya Afrika ya Kati] Jijini [Algiers]": the MasakhaNER data ends an
organization before one 52 times, runs it over one 8 times, always to a place and mostly to
an acronym, "tume ya uchaguzi nchini Kenya IEBC", and a place over one once). And a body's
name runs over the fields it is named by, joined by "na" or listed with commas ("Wizara ya
Habari, Utamaduni na Michezo", "Tume ya Uchaguzi na Mipaka", "Baraza la ... Afrika
Mashariki na Kati"), as the MasakhaNER data tags them (31 ORG spans of the training data
hold a "na"; the 7 that end before one are followed by another body or a place: "Umoja wa
Mataifa na Washington"). The NER, and the head-noun rule of mentions.py, end such a name at
the first "na" or comma.

A name continues only over capitalized words no other mention holds, none of them a title,
a body's head noun ("Chama cha Mapinduzi na Serikali" is two bodies) or a country; the
words after a comma only where a "na" closes the list. After a place ("Bunge la Marekani
na Waendesha mashtaka") only the rest of a region continues it ("Mashariki na Kati").
"""
from __future__ import annotations

from spacy.tokens import Doc

from service.components.countries import country_code
from service.components.mentions import Mention, is_title, name_text
from service.lang.sw.function_words import ASSOCIATIVES, POSSESSIVES
from service.lang.sw.nouns import (
    BODY_HEADS,
    COMPASS_WORDS,
    LOCATIVE_DESCRIPTORS,
    ORGANIZATION_HEADS,
    PROFESSION_NOUNS,
    STATE_BODY_HEADS,
    TITLE_WORDS,
)

# Words that open another noun phrase after "na": another body, or a person by role
# ("Umoja wa Mataifa na Mwakilishi wa ...").
_NOT_FIELDS = ORGANIZATION_HEADS | BODY_HEADS | STATE_BODY_HEADS | TITLE_WORDS | PROFESSION_NOUNS | {"serikali"}
_REGION_WORDS = COMPASS_WORDS | {"Kati"}


def with_coordinated_fields(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each organization named by a capitalized head continued over the
    fields listed after it ("na X", ", X na Y")."""
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    out = []
    for mention in mentions:
        places: list[Mention] = []
        if mention.label in ("ORG", "LOC") and mention.ents is None and mention.ner_span is None:
            mention, places = _cut_at_locative(mention)
        span = mention.span
        if mention.label == "ORG" and len(span) > 2 and span[0].is_title and span[0].lower_ in ORGANIZATION_HEADS:
            last = doc[span.end - 1]
            after_place = last.ent_type_ == "LOC" or country_code(last.text) is not None \
                or any(e.label_ == "LOC" and e.end == span.end for e in mention.ents or ())
            end = _coordinated_end(doc, span.end, taken, after_place)
            if end > span.end:
                whole = doc[span.start:end]
                mention = Mention(whole, "ORG", name_text(whole), names_previous=mention.names_previous,
                                  ents=mention.ents)
        out.append(mention)
        out.extend(places)
    return out


def _coordinated_end(doc: Doc, end: int, taken: set[int], after_place: bool) -> int:
    """The end of the fields listed after token `end - 1`, or `end` if none are."""
    i = end
    while i < len(doc) and doc[i].text == ",":
        after = _field_end(doc, i + 1, taken, after_place)
        if after == i + 1:
            return end
        i = after
    if i < len(doc) and doc[i].lower_ == "na":
        after = _field_end(doc, i + 1, taken, after_place)
        if after > i + 1:
            return after
    return end


def _field_end(doc: Doc, i: int, taken: set[int], after_place: bool) -> int:
    """The end of the field of capitalized words from token i, its own complements
    included ("Hadhi za Wachezaji"); i itself if there is none, or if a possessive
    follows it ("na Tawi lake": a noun phrase of its own)."""
    start, n = i, len(doc)
    if not (i < n and _is_field_word(doc[i], taken, after_place) and doc[i].lower_ not in _NOT_FIELDS):
        return start
    i += 1
    while i < n:
        if _is_field_word(doc[i], taken, after_place):
            i += 1
        elif doc[i].lower_ in ASSOCIATIVES and i + 1 < n and _is_field_word(doc[i + 1], taken, after_place):
            i += 2
        else:
            break
    return start if i < n and doc[i].lower_ in POSSESSIVES else i


def _is_field_word(token, taken: set[int], after_place: bool) -> bool:
    if not (token.is_alpha and token.is_title) or token.i in taken or is_title(token):
        return False
    if after_place and token.text not in _REGION_WORDS:
        return False
    return country_code(token.text) is None


def _cut_at_locative(mention: Mention) -> tuple[Mention, list[Mention]]:
    """The name before a locative inside its span and, where capitalized words follow the
    locative, those as a place ("nchini Kenya", "Jamhuri ya Afrika ya Kati Jijini
    Algiers"); the mention unchanged where the span ends in an acronym or holds no
    locative. (The training data's places hold one once in 5,000: "Post kuu mjini Algiers".)"""
    span = mention.span
    k = next((k for k in range(1, len(span) - 1) if span[k].lower_ in LOCATIVE_DESCRIPTORS), None)
    if k is None or span[-1].is_upper:
        return mention, []
    doc = span.doc
    body = doc[span.start : span.start + k]
    place = doc[span.start + k + 1 : span.end]
    places = [Mention(place, "LOC", name_text(place))] if all(t.is_title for t in place if t.is_alpha) else []
    return Mention(body, mention.label, name_text(body), names_previous=mention.names_previous), places
