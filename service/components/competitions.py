"""Names of events are no entities (docs/annotation.md): a name ending in the English word
for a cup, an award or a race ("Tusker Cup", "Kora Music Awards", "Tabora Marathon"), which
the NER calls an organization or a person, is dropped from doc.ents and the API alike (the
MasakhaNER data has no such word; the newspaper dev sets leave 4 of 4 untagged).

A continent that closes a competition's or an award's name ("Kombe la Mataifa ya
Afrika", "Ligi ya Mabingwa Afrika", "Klabu Bingwa ya Afrika", "Tuzo za Muziki Afrika") is
part of an event's name, not a place of the API's entities (docs/annotation.md: events
are not entities; the newspaper dev sets leave it untagged 9 times of 9). doc.ents keeps
the NER's place: the MasakhaNER data tags it either way ("Ligi ya Mpira wa Kikapu ya
[Afrika]" in v2 dev).

Only after a capitalized head of such a name, over capitalized words and "of" alone: a
national league names its country as a place ("ligi ya [Uingereza]", "mabingwa wa
[Afrika]").
"""
from __future__ import annotations

from service.components.mentions import Mention
from service.lang.sw.function_words import ASSOCIATIVES
from service.lang.sw.nouns import COMPETITION_HEADS, CONTINENTS, EVENT_NAME_ENDS

_MAX_NAME_WORDS = 8


def closes_competition_name(mention: Mention) -> bool:
    if mention.label != "LOC" or mention.text not in CONTINENTS:
        return False
    doc, i = mention.span.doc, mention.span.start - 1
    while i >= max(0, mention.span.start - _MAX_NAME_WORDS):
        token = doc[i]
        if token.text in COMPETITION_HEADS:
            return True
        if not (token.lower_ in ASSOCIATIVES or (token.is_alpha and token.is_title)):
            return False
        i -= 1
    return False


def names_an_event(mention: Mention) -> bool:
    return len(mention.span) > 1 and mention.span[-1].text in EVENT_NAME_ENDS
