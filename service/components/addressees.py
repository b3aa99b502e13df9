"""Bodies that are told something: the ``addressees`` rule of habari_entity_types.

Swahili marks the object on the verb. "Ameliambia Alasiri" (has told it, Alasiri) carries
the object marker of class 5 (-li-), "aliiambia BBC" that of class 9 (-i-): the one told
is a newspaper, a broadcaster or another body, never a person (-m-/-mw-: "alimwambia").
In the Maneno Yetu news a capitalized name follows such a verb 476 times: newspapers
("Alasiri" 137, "Tanzania Daima" 48, "Raia Mwema" 46, "Taifa Leo", "NIPASHE"),
broadcasters ("BBC", "Deutsche Welle"), and bodies named by their head noun ("Bunge",
"Mahakama Kuu"), which the NER mostly leaves untagged or takes for a place or a date
("Alasiri" is also the afternoon). The name becomes one ORG span; a head noun alone, a
place, a common word in capitals, a date word after it, and a name that goes on after
"ya"/"la" ("Radio ya jimbo la Hesse") stay as they are.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from service.components.countries import country_code, normalize_name
from service.components.mentions import is_title
from service.lang.sw.date_words import MONTHS, WEEKDAYS
from service.lang.sw.function_words import CONNECTIVES
from service.lang.sw.nouns import ORGANIZATION_HEADS

# Subject (and tense) + object marker li-/i- + "ambia", then a capitalized word; not
# "akaniambia" (-ni-: told me).
_TOLD_A_BODY = re.compile(r"(?<![\w-])(?:[a-z]{1,4})(?:li|(?<!n)i)ambia(?=\s+[A-Z])")
_MAX_NAME_WORDS = 3


def addressed_bodies(doc: Doc, ents: list[Span], lowercase_words: frozenset[str], places) -> list[Span]:
    """`ents` with each body told something made one ORG span (replacing the NER's spans
    inside it)."""
    text = doc._.text
    if "ambia" not in text:
        return ents  # a substring test, much cheaper than the pattern's scan
    found = []
    for match in _TOLD_A_BODY.finditer(text):
        verb = doc.char_span(match.start(), match.end())
        if verb is None:
            continue
        start = end = verb.end
        while end < len(doc) and end - start < _MAX_NAME_WORDS and _may_name_a_body(doc[end], lowercase_words):
            end += 1
        if end == start or (end - start == 1 and doc[start].lower_ in ORGANIZATION_HEADS):
            continue
        if end < len(doc) and doc[end].lower_ in CONNECTIVES:
            continue  # the name goes on in lowercase ("Radio ya jimbo la Hesse"): not this rule's
        name = Span(doc, start, end, label="ORG")
        if country_code(name.text) is None and normalize_name(name.text) not in places.never_people:
            found.append(name)
    for name in found:
        ents = replacing_inside(ents, name)
    return ents


def replacing_inside(ents: list[Span], name: Span) -> list[Span]:
    """`ents` with `name` added in place of the spans inside it; unchanged where a span
    crosses its edge."""
    overlapping = [ent for ent in ents if ent.start < name.end and name.start < ent.end]
    if any(ent.start < name.start or name.end < ent.end for ent in overlapping):
        return ents
    return [ent for ent in ents if ent not in overlapping] + [name]


def _may_name_a_body(token, lowercase_words: frozenset[str]) -> bool:
    text = token.text
    if not (text[:1].isupper() and token.is_alpha) or is_title(token):
        return False
    lowered = token.lower_
    return lowered not in lowercase_words and lowered not in MONTHS and lowered not in WEEKDAYS
