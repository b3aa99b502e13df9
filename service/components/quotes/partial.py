"""Partial quotes: a quoted phrase inside someone's reported clause is theirs; one that
opens a clause of its own in the first person is a direct quote after all."""
from __future__ import annotations

import re
from typing import Optional

from service.components.quotes.cues import SpeechCue
from service.components.quotes.indirect import trim_content
from service.components.quotes.marks import WORD, Quotation
from service.components.quotes.records import Item, SpeechEvent
from service.components.quotes.speakers import Reading, SpeakerCandidates, choose_speaker
from service.lang.sw.speech_verbs import QUOTING_VERB
from service.lang.sw.verbs import COPULAS, FIRST_PERSON_VERB, is_finite_verb, is_relative_verb


def partial_quotes(art: Reading, embedded: list[Quotation], indirect: list[Item]) -> list[Item]:
    """A quoted phrase inside reported speech is that speaker's partial quote; one that
    the speaker says in the first person ("anasema hali imerudi “na ninataka …”") is a
    direct quote, and the reported clause ends before it."""
    items = []
    for q in embedded:
        if _quoted_name(art, q):
            continue
        for it in indirect:
            if it.start <= q.start and q.end <= it.end + 2:
                if it.start >= q.open - 1 and _quoted_clause(art, q):
                    # "kwamba “Hatujaiomba Uganda …,” baada ya …": the complement is the
                    # quoted clause, a direct quote; the words after it are the writer's
                    it.end = it.start
                    items.append(Item(q.start, q.end, "direct", it.event))
                elif it.start < q.open and _first_person_clause(art, q):
                    it.end = trim_content(art.text, it.start, q.open)[1]
                    items.append(Item(q.start, q.end, "direct", it.event))
                else:
                    items.append(Item(q.start, q.end, "partial", it.event))
                break
        else:
            event = _sentence_speech(art, q)
            if event is not None:
                items.append(Item(q.start, q.end, "partial", event))
    return items


# How far before the quoted phrase a verb of asking, vowing or calling may stand.
_QUOTING_VERB_WINDOW = 8


def _quoted_name(art: Reading, q: Quotation) -> bool:
    """One capitalised word inside a sentence ("sheria ya “Firewall” ambayo …") names
    something; nobody says it. So does a mark that opens two capitalised words and never
    closes ("chuo cha serikali, “Government Science College huko …"): a name's lost mark."""
    words = art.words(q.start, q.end)
    if q.close is None:
        return len(words) >= 2 and all(w.group()[0].isupper() for w in words[:2])
    return len(words) == 1 and words[0].group()[0].isupper() and art.text[q.start:q.end] == words[0].group()


def _sentence_speech(art: Reading, q: Quotation) -> Optional[SpeechEvent]:
    """The speech act of the quoted phrase's sentence when no reported clause holds it
    ("ametaka jumuiya … kuchukua “hatua …”", "… anachosema ni “makosa”, afisa … amesema"):
    the nearest speech verb before it, else the first after it. A short capitalised
    phrase there is a title ("kipindi cha “Face the Nation”"), nobody's words."""
    words = art.words(q.start, q.end)
    if len(words) <= 4 and words and words[0].group()[0].isupper() \
            and not art.text[q.start:q.end].endswith((".", "!", "?")):
        return None
    start, end = art.sentence(q.open)
    before = [c for c in art.cues_between(start, q.open) if c.start in art.events]
    if before:
        return art.events[before[-1].start]
    after = [c for c in art.cues_between(max(q.end, q.close or q.end), end) if c.start in art.events]
    if after:
        return art.events[after[0].start]
    return _quoting_verb(art, q, start)


def _quoting_verb(art: Reading, q: Quotation, start: int) -> Optional[SpeechEvent]:
    """A verb of asking, vowing or calling a few words before the quoted phrase, with no
    other main verb between ("akiwasihi “viongozi …”", "kuwaita watenda maovu ‘wahuni’"):
    the phrase is the words of the sentence's subject."""
    words = art.words(start, q.open)[-_QUOTING_VERB_WINDOW:]
    for w in reversed(words):
        verb = QUOTING_VERB.fullmatch(w.group())
        if verb is not None:
            if art.has_main_verb(w.end(), q.open):
                return None
            # who asks is read as who says a speech verb there would be
            cue = SpeechCue(w.start(), w.end(), verb.group("stem").lower(), (verb.group("subject") or "").lower(),
                            negated=False, relative="", has_object=verb.group("object") is not None,
                            takes_bare_clause=False)
            choice = choose_speaker(SpeakerCandidates(art, cue, {True: None, False: None}))
            return SpeechEvent(w.start(), w.end(), choice.mention)
    return None




def _quoted_clause(art: Reading, q: Quotation) -> bool:
    """The quotation after a complementizer starts with a finite verb of its own
    ("kwamba “Hatujaiomba …"), not a predicate ("ni ukiukaji …") or a phrase ("baada ya …")."""
    if not re.search(r"\b(?:kwamba|kuwa),?\s*$", art.text[max(0, q.open - 12):q.open]):
        return False  # ("amesema “alikuwa na mashaka …” mpaka …" goes on reporting)
    first = WORD.match(art.text, q.start)
    return first is not None and is_finite_verb(first.group()) and not is_relative_verb(first.group()) \
        and first.group().lower() not in COPULAS and not art.in_mention(first.start())


def _first_person_clause(art: Reading, q: Quotation) -> bool:
    """The quotation opens a main clause in the first person: "na ninataka …"."""
    words = [w for w in art.words(q.start, q.end)[:3] if w.group().lower() not in ("na", "lakini", "ila")]
    return bool(words) and FIRST_PERSON_VERB.fullmatch(words[0].group()) is not None \
        and not is_relative_verb(words[0].group())
