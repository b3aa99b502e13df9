"""Attribution phrases: "kulingana na X" / "kwa mujibu wa X" make the rest of the
sentence X's account, an indirect quote."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from service.components.quotes.indirect import trim_content
from service.components.quotes.marks import ATTRIBUTION_PHRASE, WORD
from service.components.quotes.noun_phrases import appositive_person, noun_phrase_speaker
from service.components.quotes.records import Item, SpeakerMention, SpeechEvent
from service.components.quotes.speakers import Reading
from service.lang.sw.function_words import NON_SUBJECT_WORDS
from service.lang.sw.nouns import NON_SOURCE_NOUNS, SOURCE_HEADS


def attribution_phrases(art: Reading, direct: list[Item], indirect: list[Item]) -> list[Item]:
    """`kulingana na X` / `kwa mujibu wa X`: the rest of the sentence is X's account."""
    text = art.text
    covered = sorted((it.start, it.end) for it in direct + indirect)
    items = []
    for m in ATTRIBUTION_PHRASE.finditer(text):
        if art.inside_quotation(m.start()):
            continue
        s_start, s_end = art.sentence(m.start())
        stop = re.search(r"[,.;:]\s|\s[–-]\s|$", text[m.end():s_end])
        np_end = m.end() + stop.start()
        np_words = art.words(m.end(), np_end)
        named = art.mentions_in(m.end(), np_end)
        if np_words and art.has_main_verb(m.end(), np_end) and named and named[0].label in ("PER", "ORG") \
                and not WORD.search(text, m.end(), named[0].start):
            np_end = named[0].end  # no comma after the source: "Kwa mujibu wa X Y atafika"
            np_words = art.words(m.end(), np_end)
        if not np_words or len(np_words) > 20 or np_words[0].group().lower() in NON_SOURCE_NOUNS \
                or art.has_main_verb(m.end(), np_end):
            continue
        i = bisect.bisect_right(covered, (m.start(), len(text))) - 1
        if i >= 0 and covered[i][0] <= m.start() and (
                m.start() <= covered[i][1] or s_start <= covered[i][1] and m.start() <= covered[i][1] + 2):
            continue  # inside, or right after in its sentence, another attributed item: innermost wins
        _, speaker = noun_phrase_speaker(art, m.end(), np_end)
        # a relative clause set off by commas describes the source ("Kulingana na X, ambaye
        # ni mkulima, [bei imepanda]"): it is not the account
        relative = _RELATIVE_CLAUSE.match(text, np_end, s_end)
        if relative:
            np_end = relative.end()
        if speaker is None or speaker.label != "PER":
            # the source's name set off by commas ("Kulingana na msemaji, [Juma Ali], …") is
            # not the account either
            person = appositive_person(art, np_end) or _source_name_after_places(art, np_end)
            np_end = person.end if person is not None else np_end
            speaker = person or speaker
        lead = art.words(s_start, m.start())
        if all(w.group().lower() in NON_SUBJECT_WORDS for w in lead):
            start, end = trim_content(text, np_end, s_end)
        elif (re.search(r",\s*$", text[s_start:m.start()]) or named and named[0].start == m.end()
              or np_words[0].group().lower() in SOURCE_HEADS) and (
                not text[np_end:s_end].strip(" .,;:”\"’»") or appositive_person(art, np_end)):
            start, end = trim_content(text, s_start, m.start())
            if any(_BELIEF_VERB.fullmatch(w.group()) for w in art.verb_words(start, end, finite_only=True)):
                continue  # "X wanaamini …, kulingana na azimio …": the grounds of a belief
        else:
            continue  # mid-sentence it is manner, not a source: "kwa mujibu wa sheria"
        if len(art.words(start, end)) < 3 or art.inside_quotation(start):
            continue
        items.append(Item(start, end, "indirect", SpeechEvent(m.start(), m.end() - 1, speaker)))
    return items


_RELATIVE_CLAUSE = re.compile(r"\s*,\s*amba\w+\b[^,.;:”\"]*(?=,)", re.IGNORECASE)

# Verbs of belief and cognition (docs/annotation.md: not speech): wa-na-amini, a-na-hisi.
_BELIEF_VERB = re.compile(r"\w+(?:amini|hisi|dhani|fikiri|chukulia)", re.IGNORECASE)


def _source_name_after_places(art: Reading, pos: int) -> Optional[SpeakerMention]:
    """"kwa mujibu wa msemaji wa Ikulu ya Nairobi, Kenya, [Kanze Mararo] Rais …": the
    person named after a role and its places, set off by commas."""
    for k in range(3):
        comma = re.match(r"\s*,\s*", art.text[pos:pos + 10])
        if comma is None:
            return None
        found = art.mentions_in(pos + comma.end(), pos + comma.end() + 60)
        if not found or found[0].start != pos + comma.end():
            return None
        if found[0].label == "PER":
            # (with no place between, "Kulingana na makubaliano, [X] atakuwa" is the
            # content's subject)
            return found[0] if k else None
        if found[0].label != "LOC":
            return None
        pos = found[0].end
    return None
