"""Headlines that attribute a claim with neither quotation marks nor a speech verb:
"Trump: Sina mpango wa kuanzisha chama kipya" (a person or body, a colon, the claim) and
"Hali ni ngumu lakini msaada upo njiani – Biden" (the claim, a dash, the person).
docs/annotation.md counts headlines; such a line is reported speech, an indirect item.

Only where the name is all that stands before the colon (titles aside) or after the dash:
a place before a colon is the headline's topic ("Kenya: Watu 15 wafariki"), and a body
after a dash is as often the outlet's own name at the end of its title ("… – DW"), so the
dash form takes people only.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from service.components.mentions import is_title
from service.components.quotes.marks import MARKS
from service.components.quotes.records import Item, SpeakerMention, SpeechEvent
from service.components.quotes.speakers import Reading
from service.lang.sw.verbs import PERSON_VERB

_NAME_COLON = re.compile(r"^[ \t]*(?P<name>[^\n:]{2,60}?)[ \t]*:[ \t]+(?P<claim>[^\n]*?)[ \t.]*$", re.MULTILINE)
_CLAIM_DASH = re.compile(r"^[ \t]*(?P<claim>[^\n]*?)[ \t]+[-–—][ \t]+(?P<name>[^\n]{2,60}?)[ \t.]*$",
                         re.MULTILINE)
# What each of them needs somewhere in its line: few lines have it, and a line without
# it is not tried (the patterns hold no line break, so a match lies in one line).
_COLON_BLANK = re.compile(r":[ \t]")
_BLANK_DASH_BLANK = re.compile(r"[ \t][-–—][ \t]")
# A headline is short; a longer line is a paragraph ("Msemaji: …" opening an interview answer).
_MAX_HEADLINE_WORDS = 25
_MIN_CLAIM_WORDS = 3


def headline_quotes(art: Reading, items: list[Item]) -> list[Item]:
    """Indirect items for the article's attributed headlines that no other item covers."""
    found = []
    for pattern, needed, labels in ((_NAME_COLON, _COLON_BLANK, ("PER", "ORG")),
                                    (_CLAIM_DASH, _BLANK_DASH_BLANK, ("PER",))):
        for line in _matched_lines(art.text, pattern, needed):
            speaker = _named_alone(art, *line.span("name"), labels)
            claim_start, claim_end = line.span("claim")
            if speaker is None or MARKS.search(line.group()) or art.cues_between(claim_start, claim_end) \
                    or len(art.words(line.start(), line.end())) > _MAX_HEADLINE_WORDS \
                    or len(art.words(claim_start, claim_end)) < _MIN_CLAIM_WORDS \
                    or any(it.start < claim_end and claim_start < it.end for it in items + found) \
                    or _news_about(art, speaker, claim_start, claim_end):
                continue
            found.append(Item(claim_start, claim_end, "indirect", SpeechEvent(speaker.start, speaker.start, speaker)))
    return found


def _matched_lines(text: str, pattern: re.Pattern, needed: re.Pattern) -> Iterator[re.Match]:
    """pattern.finditer(text) for a MULTILINE `pattern` anchored at a line's start, tried
    only on the lines where `needed` occurs."""
    tried = -1
    for hint in needed.finditer(text):
        line_start = text.rfind("\n", 0, hint.start()) + 1
        if line_start > tried:
            tried = line_start
            line = pattern.match(text, line_start)
            if line is not None:
                yield line


def _named_alone(art: Reading, start: int, end: int, labels: tuple[str, ...]) -> SpeakerMention | None:
    """The mention that ends the range, with nothing but titles before it in the range."""
    mentions = [m for m in art.mentions_in(start, end) if m.end == end and m.label in labels]
    if not mentions:
        return None
    mention = mentions[-1]
    if mention.start > start:
        before = art.doc.char_span(start, mention.start, alignment_mode="contract")
        if before is None or not all(is_title(token) for token in before):
            return None
    return mention


def _news_about(art: Reading, speaker: SpeakerMention, start: int, end: int) -> bool:
    """A topic label rather than a speaker: the claim tells of the named person in the
    third person ("Tiger Woods: Mchezaji gofu … amepata ajali"), or opens with another
    name as its subject ("Pfizer: Marekani yatangaza …")."""
    if speaker.label == "PER" and any(PERSON_VERB.match(word.group().lower()) for word in art.words(start, end)):
        return True
    opening = art.doc.char_span(start, start + 1, alignment_mode="expand")
    return opening is not None and opening[0].ent_type_ in ("PER", "ORG", "LOC")

