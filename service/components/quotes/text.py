"""The article's text indexed once for the quote rules: its words, sentences,
quotations, speech-verb cues and entity mentions, each found with a bisect lookup.

Only lookups live here; who speaks is decided in subjects.py, noun_phrases.py and
speakers.py.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Optional

from spacy.tokens import Doc, Span

from service.components.entities import Entity
from service.components.quotes.cues import SpeechCue, find_speech_cues, refused
from service.components.quotes.marks import WORD, Quotation, find_quotations, split_sentences
from service.components.quotes.records import SpeakerMention
from service.lang.sw.function_words import COMPLEMENTIZERS, NON_SUBJECT_WORDS
from service.lang.sw.nouns import ROLE_WORDS
from service.lang.sw.verbs import is_finite_verb, is_relative_verb, is_verb


def speaker_mentions(doc: Doc) -> list[SpeakerMention]:
    """Entity mentions that can name a speaker. One-word mentions that are verbs or
    grammar words ("Akiongezea", "Kwamba": sentence-initial capitals the NER took for
    names) are left out, unless the word is part of the longer name of its entity: a
    surname that only looks like a verb ("Hatang" of "Sello Hatang", ha-ta-…)."""
    out = []
    if doc._.entities:
        for entity in doc._.entities:
            for span in entity.mentions:
                out.append(SpeakerMention(span.start_char, span.end_char, entity.label, span, entity))
    else:
        for span in doc.ents:
            if span.label_ in ("PER", "ORG", "LOC"):
                out.append(SpeakerMention(span.start_char, span.end_char, span.label_, span, None))
    # A mention's characters of the text are its Span.text, which joins its tokens anew.
    text = doc._.text
    out = [m for m in out if _can_name_speaker(text[m.start:m.end], m.entity)]
    out.sort(key=lambda m: m.start)
    return out


def _can_name_speaker(text: str, entity: Optional[Entity]) -> bool:
    if " " in text.strip() or entity is not None and text in entity.name.split()[1:]:
        return True
    return not (is_verb(text) or text.lower() in _GRAMMAR_WORDS)


_GRAMMAR_WORDS = COMPLEMENTIZERS | NON_SUBJECT_WORDS


class TextIndex:
    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text  # doc.text rebuilds the string on every access
        # Every word of the text, found once: `words` takes its slices from these.
        self.all_words = list(WORD.finditer(text))
        self.word_starts = [w.start() for w in self.all_words]
        self.word_ends = [w.end() for w in self.all_words]
        self.sentences = split_sentences(self.text)
        self.sent_starts = [s for s, _ in self.sentences]
        all_cues = list(find_speech_cues(self.text))
        self.quotations = find_quotations(self.text, [c.start for c in all_cues])
        self.q_starts = [q.open for q in self.quotations]
        # Object and adverbial relatives ("kile alichosema", "walipowaeleza": when they
        # told) are inside another clause; subject relatives ("anayesema") report.
        self.cues = [c for c in all_cues if not self.inside_quotation(c.start)
                     and c.relative in ("", "ye", "o") and not refused(self.text, c)
                     and not (c.relative and self._after_complementizer(c.start))]
        self.cue_starts = [c.start for c in self.cues]
        self.mentions = speaker_mentions(doc)
        self.m_starts = [m.start for m in self.mentions]
        self.name_parts = name_parts(self.mentions)

    def _after_complementizer(self, pos: int) -> bool:
        """'amesema kwamba wanaomkosoa walishindwa': a relative verb opening a reported
        clause is its subject ("those who criticise him"), not a speech act."""
        before = self.text[max(0, pos - 12):pos].split()
        return bool(before) and before[-1].lower() in COMPLEMENTIZERS

    # -- lookups
    def sentence(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def quotation_at(self, pos: int) -> Optional[Quotation]:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0:
            q = self.quotations[i]
            if q.open <= pos < max(q.end, q.close or 0):
                return q
        return None

    def inside_quotation(self, pos: int) -> bool:
        return self.quotation_at(pos) is not None

    def cues_between(self, start: int, end: int) -> list[SpeechCue]:
        i = bisect.bisect_left(self.cue_starts, start)
        j = bisect.bisect_left(self.cue_starts, end)
        return self.cues[i:j]

    def mentions_in(self, start: int, end: int) -> list[SpeakerMention]:
        i = bisect.bisect_left(self.m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def in_mention(self, pos: int, labels=("PER", "ORG", "LOC")) -> bool:
        i = bisect.bisect_right(self.m_starts, pos) - 1
        return i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end \
            and self.mentions[i].label in labels

    def words(self, start: int, end: int) -> list[re.Match]:
        """The matches of WORD.finditer(self.text, start, end): a slice of the article's
        words when the range cuts none of them (the usual case: a clause, a sentence)."""
        i = bisect.bisect_right(self.word_ends, start)
        j = bisect.bisect_left(self.word_starts, end)
        if i < j and (self.word_starts[i] < start or self.word_ends[j - 1] > end):
            # part of a word is in the range: what the regex makes of it there
            return list(WORD.finditer(self.text, start, end))
        return self.all_words[i:j]

    def verb_words(self, start: int, end: int, finite_only: bool = False) -> list[re.Match]:
        """Verbs in text[start:end]."""
        return [w for w in self.words(start, end) if self.is_verb_word(w, finite_only)]

    def has_verb_word(self, start: int, end: int, finite_only: bool = False) -> bool:
        """Whether verb_words(start, end, finite_only) has any: the words after the first
        verb are not read."""
        return any(self.is_verb_word(w, finite_only) for w in self.words(start, end))

    def is_verb_word(self, w: re.Match, finite_only: bool = False) -> bool:
        """Whether a word of the text is a verb; a capitalised word inside a sentence is a name."""
        word = w.group()
        if not (is_finite_verb if finite_only else is_verb)(word) or self.in_mention(w.start()):
            return False
        return not (word[0].isupper() and self.text[self.sentence(w.start())[0]:w.start()].strip(" “\"«‘'"))

    def span(self, start: int, end: int) -> Optional[Span]:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def main_verbs(self, start: int, end: int) -> list[re.Match]:
        return list(self.each_main_verb(start, end))

    def has_main_verb(self, start: int, end: int) -> bool:
        """Whether main_verbs(start, end) has any: the words after the first are not read."""
        return next(self.each_main_verb(start, end), None) is not None

    def each_main_verb(self, start: int, end: int) -> Iterator[re.Match]:
        """Finite verbs of text[start:end] that are not in a relative clause, in text order:
        relative verb forms (i-li-yo-tolewa) and the first verb after an amba- word ("ambayo
        … inamaanisha") are left out. Lazily: a sentence's subject needs only the first."""
        in_relative = False
        for w in self.words(start, end):
            if w.group().lower().startswith("amba"):
                in_relative = True
            elif self.is_verb_word(w, finite_only=True):
                if not in_relative and not is_relative_verb(w.group()):
                    yield w
                in_relative = False


def name_parts(mentions: list[SpeakerMention]) -> dict[str, SpeakerMention]:
    """People's names by their capitalised parts ("Nyamu" → Naitore Nyamu). Bodies are
    left out: their name parts are common nouns ("Mahakama", "Shirika")."""
    parts = {}
    for m in mentions:
        if m.label == "PER" and m.span is not None:
            for word in m.span.text.split():
                if len(word) > 2 and word[0].isupper() and word.lower() not in ROLE_WORDS:
                    parts[word] = m
    return parts
