"""habari_quotes: direct, partial and indirect quotations with their speakers.

Runs after habari_entities and writes ``doc._.quotes`` (list of ``Quote``, text order).
Conventions (what counts, where spans start and end) follow ../shared/ANNOTATION.md.

The work is done on the character level of ``doc.text`` (quotation marks, sentence ends
and speech-verb morphology are all visible there, and news tokenization of glued or
odd text is not always reliable); spans are mapped back to tokens only at the end.
All patterns are compiled once at import; each step is one pass over the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.entities import Entity, entity_for_role
from service.components.speech_verbs import SpeechCue, find_speech_cues

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


@dataclass
class Quote:
    start: int
    end: int
    kind: str  # "direct" | "partial" | "indirect"
    cue: Optional[Span] = None
    speaker: Optional[Span] = None
    speaker_entity: Optional[Entity] = None


@Language.factory("habari_quotes")
def make_quote_finder(nlp: Language, name: str) -> "QuoteFinder":
    return QuoteFinder()


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


# ---------------------------------------------------------------- lexical material
# Grammar words written out here because no Swahili resource in the environment lists
# them; each set is what decides one attribution question.

COMPLEMENTIZERS = {"kwamba", "kuwa", "kuwapo"}
# Words that may precede a speech verb without being its subject.
NON_SUBJECT_WORDS = {
    "na", "pia", "hata", "hivyo", "lakini", "aidha", "huku", "wakati", "hapo", "ambapo",
    "baadaye", "kisha", "vilevile", "sasa", "tena", "kadhalika", "mbali", "zaidi",
    "yeye", "wao", "sisi", "mimi", "wewe", "ninyi", "hii", "ila", "ingawa", "ingawaje",
    "hatahivyo", "hatimaye", "awali", "mapema", "jana", "leo", "juzi", "kesho", "siku",
    "ya", "wa", "la", "jumatatu", "jumanne", "jumatano", "alhamisi", "ijumaa",
    "jumamosi", "jumapili", "mwaka", "mwezi", "wiki", "huo", "hiyo", "hilo", "asubuhi",
    "mchana", "jioni", "usiku", "alasiri", "kwa", "upande", "mwingine", "katika", "awali",
    "walakini", "halafu", "baada", "kabla", "tarehe", "mnamo",
}
# Words after a speech verb that are adjuncts, not a postposed subject.
POST_ADJUNCT_WORDS = NON_SUBJECT_WORDS | {
    "katika", "kwenye", "mbele", "kupitia", "akiwa", "wakiwa", "ikiwa", "mjini",
    "nchini", "jijini", "hapa", "huko", "hayo", "haya", "hivi", "pia", "kuhusu", "juu",
    "wazi", "bayana", "mara", "kwamba", "kuwa", "ndani", "nje",
}
DEMONSTRATIVES = {"huyo", "huyu", "hao", "hawa", "yule", "hiyo", "hicho", "hilo", "hizo",
                  "hii", "hili", "hiki", "hizi", "lile", "ile"}
# A quoted phrase right after these is a name, label or description, not speech.
NAMING_WORDS = {"kama", "kuitwa", "inayoitwa", "linaloitwa", "kinachoitwa", "aitwaye",
                "iitwayo", "maarufu", "jina", "kauli", "neno", "lijulikanalo",
                "inayojulikana", "anayejulikana", "kinachojulikana", "linalojulikana",
                "unaoitwa", "wanaoitwa", "zinazoitwa", "vinavyoitwa", "kiitwacho",
                "kwa", "la", "ya", "wa", "cha", "za", "vya", "mbiu"}
# Nouns that look like finite verbs to the prefix grammar (wa-na-nchi, wa-li-mu).
VERB_LOOKALIKE_NOUNS = {
    "wananchi", "wanajeshi", "wanahabari", "wanasiasa", "wanafunzi", "wanaharakati",
    "wanachama", "wanamgambo", "wanawake", "wanaume", "walimu", "wanariadha",
    "wanasayansi", "wanamuziki", "wanasheria", "ulimwengu", "wanadamu", "wanandoa",
    "wanakijiji", "wanavijiji", "ulinzi", "wanamaji", "ulingo", "umeme", "ilani",
}
COPULAS = {"ni", "si", "ndiyo", "ndio", "kuna", "kulikuwa", "kutakuwa", "yuko", "wako",
           "iko", "ziko", "liko", "kuko", "hakuna", "hayupo", "yupo", "wapo", "ipo", "lipo"}
PERSON_PREFIXES = {"a", "wa", "yu", "ni", "tu", "m", "mu", "twa"}

_WORD = re.compile(r"\w[\w’'-]*")
_FINITE = re.compile(
    r"(?:a|wa|i|zi|li|ya|u|ki|vi|tu|ni|m|ku|pa|mu)(?:li|me|na|ta|nge|ngali|mesha)\w{2,}"
    r"|(?:ha|si)(?:wa|tu|m|i|zi|li|ya|vi|u|ki)?(?:ku|ja|ta)\w{2,}",
    re.IGNORECASE,
)
_ATTRIBUTION_PHRASE = re.compile(r"\b(?:kulingana na|kwa mujibu wa)\b\s+", re.IGNORECASE)
# A sentence ends at . ! ? (possibly followed by closing marks) before a new capitalised
# word or opening mark; single capitals ("K.") and titles ("Bw.") do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’»]?\s+(?=[“\"«‘'(]?[A-Z0-9ÀÉ])")
_ABBREV_BEFORE_DOT = re.compile(r"(?:\b[A-Z]|Bw|Bi|Dkt|Dk|Prof|Mhe|Mh|Mwl|Mch|Ndg|Jen|Kapt|Na|St|Dr|Mr|Mrs)\.$")

_OPENING = {"“": "double", "«": "double", "„": "double", "‘": "single"}
_CLOSING = {"”": "double", "»": "double", "’": "single"}
_MARKS = re.compile(r"[“”„\"«»‘’']")


# ---------------------------------------------------------------- text structure

@dataclass
class _Quotation:
    open: int  # index of the opening mark
    close: Optional[int]  # index of the closing mark, None when it is missing
    start: int  # content, blanks trimmed
    end: int


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        lstart, lend = pos, pos + len(line)
        pos = lend + 1
        s = lstart
        for m in _SENTENCE_END.finditer(text, lstart, lend):
            head = text[max(s, m.start() - 6):m.start()]
            if _ABBREV_BEFORE_DOT.search(head):
                continue
            out.append((s, m.start() + (1 if text[m.start()] in "”\"’»" else 0)))
            s = m.end()
        if text[s:lend].strip():
            out.append((s, lend))
    return out


def _paragraph_ends(text: str) -> list[int]:
    """End offsets of paragraphs: blank-line blocks, or lines when there are none."""
    sep = re.compile(r"\n\s*\n") if re.search(r"\n\s*\n", text) else re.compile(r"\n")
    return [m.start() for m in sep.finditer(text)] + [len(text)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([:—–-/") and not after.isspace()


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()


def _quotations(text: str) -> list[_Quotation]:
    para_ends = _paragraph_ends(text)

    def unclosed(open_at: int, limit: int) -> _Quotation:
        pend = para_ends[bisect.bisect_left(para_ends, open_at + 1)]
        s, e = _trimmed(text, open_at + 1, min(pend, limit))
        return _Quotation(open_at, None, s, e)

    out: list[_Quotation] = []
    open_at, family = None, None
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in "’'" and prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: ng’ombe, Ng'ang'a
        if open_at is None:
            if ch in _OPENING or (ch in "\"'”’" and _looks_opening(text, i)):
                open_at = i
                family = "single" if ch in "‘'’" else "double"
            continue
        mark_family = "single" if ch in "‘'’" else "double"
        if mark_family != family:
            continue  # a nested quotation inside the open one
        if ch in _CLOSING or (ch in "\"'“‘" and _looks_closing(text, i)):
            s, e = _trimmed(text, open_at + 1, i)
            if e > s:
                out.append(_Quotation(open_at, i, s, e))
            open_at = None
        elif _looks_opening(text, i):
            # A new quotation opens while one is open: the first lacks its closing mark.
            q = unclosed(open_at, i)
            if q.end > q.start:
                out.append(q)
            open_at = i
    if open_at is not None:
        q = unclosed(open_at, len(text))
        if q.end > q.start:
            out.append(q)
    return out


# ---------------------------------------------------------------- the finder

@dataclass
class _Mention:
    start: int
    end: int
    label: str
    span: Span
    entity: Any


@dataclass
class _Event:
    """A speech verb (or attribution phrase) with the speaker it resolved to."""
    cue: SpeechCue | None
    start: int
    end: int
    speaker: Optional[_Mention]
    explicit: bool  # the subject is in the text (possibly a generic, speaker None)


class _Article:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.sentences = _sentences(self.text)
        self.sent_starts = [s for s, _ in self.sentences]
        self.quotations = _quotations(self.text)
        self.q_opens = [q.open for q in self.quotations]
        self.mentions = _mentions(doc)
        self.m_starts = [m.start for m in self.mentions]
        self.cues = [c for c in find_speech_cues(self.text) if not self._inside_quotation(c.start)]
        self.events: dict[int, _Event] = {}
        self._resolve_cue_speakers()

    # -- lookups
    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def _inside_quotation(self, pos: int) -> bool:
        i = bisect.bisect_right(self.q_opens, pos) - 1
        if i < 0:
            return False
        q = self.quotations[i]
        return q.open < pos < (q.close if q.close is not None else q.end)

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect.bisect_left(self.m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def words(self, start: int, end: int) -> list[re.Match]:
        return list(_WORD.finditer(self.text, start, end))

    # -- speakers
    def _subject_of(self, seg_start: int, seg_end: int) -> tuple[bool, Optional[_Mention]]:
        """Read text[seg_start:seg_end] as the subject of a speech verb.

        Returns (explicit, mention): explicit is False when the segment names nobody
        (only adverbs or pronouns), so the speaker is the previous one.
        """
        words = [w for w in self.words(seg_start, seg_end)]
        content = [w for w in words if w.group().lower() not in NON_SUBJECT_WORDS
                   and not w.group().isdigit()]
        if not content:
            return False, None
        found = self.mentions_in(seg_start, seg_end)
        for label in ("PER", "ORG"):
            picked = [m for m in found if m.label == label]
            if picked:
                return True, picked[-1]
        locs = [m for m in found if m.label == "LOC"]
        if locs:
            head = self.text[seg_start:locs[0].start].strip().lower()
            # A place that speaks is the subject itself ("Washington ilisema"), or its
            # government ("serikali ya Kenya").
            if not _WORD.search(head) or head in {"serikali ya", "serikali la"}:
                return True, locs[0]
        if any(w.group().lower() in DEMONSTRATIVES for w in words):
            return True, self._role_holder(seg_start, seg_end)
        return True, None

    def _role_holder(self, start: int, end: int) -> Optional[_Mention]:
        """The person introduced earlier with this role ("waziri huyo" → the minister)."""
        role_span = _char_span(self.doc, start, end)
        entity = entity_for_role(self.doc, role_span) if role_span is not None else None
        if entity is None:
            return None
        return _Mention(role_span.start_char, role_span.end_char, entity.label, role_span, entity)

    def _clause_start(self, pos: int) -> int:
        s = self.sentences[self.sentence_of(pos)][0]
        i = bisect.bisect_right(self.q_opens, pos) - 1
        if i >= 0:
            q = self.quotations[i]
            if q.close is not None and q.close < pos and q.close >= s:
                s = q.close + 1
        for m in self.words(s, pos):
            if m.group().lower() in COMPLEMENTIZERS:
                s = m.end()
        return s

    def _pre_subject(self, cue_start: int) -> tuple[bool, Optional[_Mention]]:
        start = self._clause_start(cue_start)
        segment = self.text[start:cue_start]
        # The subject is the last comma-separated chunk that names someone
        # ("Hata hivyo, waziri huyo alisema"; "Bobi Wine, amedai").
        bounds = [start] + [start + m.end() for m in re.finditer(r"[,;:(]", segment)]
        for b, e in zip(reversed(bounds), [cue_start] + [b - 1 for b in reversed(bounds[1:])]):
            explicit, mention = self._subject_of(b, e)
            if explicit:
                return explicit, mention
        return False, None

    def _post_subject(self, cue: SpeechCue) -> tuple[bool, Optional[_Mention]]:
        sent_end = self.sentences[self.sentence_of(cue.start)][1]
        after = self.text[cue.end:sent_end]
        if after[:2].strip()[:1] in (",", ":"):
            return False, None
        stop = re.search(r"[,.;:“”\"«»‘’]|\b(?:kwamba|kuwa)\b", after)
        end = cue.end + (stop.start() if stop else len(after))
        words = self.words(cue.end, end)[:10]
        if not words:
            return False, None
        end = words[-1].end()
        if any(_is_finite(w.group()) for w in words):
            return False, None  # a clause follows, not a subject
        found = [m for m in self.mentions_in(cue.end, end) if m.label in ("PER", "ORG")]
        if found:
            return True, found[0]
        locs = self.mentions_in(cue.end, end)
        if locs and not _WORD.search(self.text[cue.end:locs[0].start]):
            return True, locs[0]
        first = words[0].group()
        if first.lower() not in POST_ADJUNCT_WORDS and first[0].islower():
            return True, None  # a generic subject: "amesema mkaazi wa ..."
        return False, None

    def _resolve_cue_speakers(self) -> None:
        last_person: Optional[_Mention] = None
        last_body: Optional[_Mention] = None
        for cue in self.cues:
            if cue.negated:
                continue
            explicit, mention = self._pre_subject(cue.start)
            if not explicit:
                explicit, mention = self._post_subject(cue)
            person = cue.subject in PERSON_PREFIXES or cue.subject == ""
            if explicit:
                if mention is not None:
                    person = mention.label == "PER"
                if person:
                    last_person = mention
                else:
                    last_body = mention
            else:
                mention = last_person if person else last_body
            self.events[cue.start] = _Event(cue, cue.start, cue.end, mention, explicit)


def _is_finite(word: str) -> bool:
    low = word.lower()
    if low in COPULAS:
        return True
    if low in VERB_LOOKALIKE_NOUNS:
        return False
    return bool(_FINITE.fullmatch(low))


def _mentions(doc: Doc) -> list[_Mention]:
    entities = doc._.entities if Doc.has_extension("entities") else None
    out = []
    if entities:
        for entity in entities:
            for span in entity.mentions:
                out.append(_Mention(span.start_char, span.end_char, entity.label, span, entity))
    else:
        for span in doc.ents:
            if span.label_ in ("PER", "ORG", "LOC"):
                out.append(_Mention(span.start_char, span.end_char, span.label_, span, None))
    out.sort(key=lambda m: m.start)
    return out


def _char_span(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


# ---------------------------------------------------------------- items

@dataclass
class _Item:
    start: int
    end: int
    kind: str
    event: Optional[_Event]


def find_quotes(doc: Doc) -> list[Quote]:
    if not doc.text.strip():
        return []
    art = _Article(doc)
    items = _direct_quotes(art)
    quotes = []
    for it in sorted(items, key=lambda it: (it.start, it.end)):
        ev = it.event
        cue = speaker = entity = None
        if ev is not None:
            cue = _char_span(doc, ev.start, ev.end)
            if ev.speaker is not None:
                speaker, entity = ev.speaker.span, ev.speaker.entity
        quotes.append(Quote(it.start, it.end, it.kind, cue, speaker, entity))
    return quotes


def _direct_quotes(art: _Article) -> list[_Item]:
    text = art.text
    items: list[_Item] = []
    for q in art.quotations:
        sent_start, sent_end = art.sentences[art.sentence_of(q.open)]
        before = text[sent_start:q.open]
        before_words = art.words(sent_start, q.open)
        last_word = before_words[-1].group().lower() if before_words else ""
        before_cue = _cue_ending_at(art, sent_start, q.open)
        clause_initial = (
            not before.strip()
            or before.rstrip().endswith((":", ".", "!", "?"))
            or last_word in COMPLEMENTIZERS
            or before_cue is not None
        )
        n_words = len(art.words(q.start, q.end))
        after_cue = _attribution_after(art, q)
        if not clause_initial:
            continue  # embedded phrases: partial quotes come with indirect speech
        if n_words < 3 and after_cue is None and before_cue is None:
            continue  # a quoted title or word, nobody's speech
        event = after_cue or before_cue or _context_speaker(art, q, items)
        items.append(_Item(q.start, q.end, "direct", event))
    return items


def _cue_ending_at(art: _Article, start: int, pos: int) -> Optional[_Event]:
    """The speech verb that introduces a quotation opening at `pos` ("alisema: “")."""
    best = None
    for cue in art.cues:
        if start <= cue.start < pos and cue.start in art.events:
            between = art.text[cue.end:pos]
            if len(art.words(cue.end, pos)) <= 8:
                best = art.events[cue.start]
    return best


def _attribution_after(art: _Article, q: _Quotation) -> Optional[_Event]:
    """A speech verb right after the closing mark: `,” alisema Kim.` or next line."""
    if q.close is None:
        return None
    text = art.text
    pos = q.close + 1
    si = art.sentence_of(pos)
    s_start, s_end = art.sentences[si]
    if s_end <= pos and si + 1 < len(art.sentences):
        s_start, s_end = art.sentences[si + 1]
        pos = s_start
    window_end = min(s_end, pos + 160)
    for cue in art.cues:
        if pos <= cue.start < window_end and cue.start in art.events:
            # Only a pure attribution: no clause of its own after the verb.
            rest = art.words(cue.end, s_end)
            if any(w.group().lower() in COMPLEMENTIZERS for w in rest[:12]):
                return None
            if any(m in text[pos:cue.start] for m in "“«\""):
                return None
            return art.events[cue.start]
        if cue.start >= window_end:
            break
    return None


def _context_speaker(art: _Article, q: _Quotation, items: list[_Item]) -> Optional[_Event]:
    """No verb next to the quotation: the speaker of the sentence just before it."""
    si = art.sentence_of(q.open)
    if si == 0:
        return None
    prev_start, prev_end = art.sentences[si - 1]
    if items and items[-1].end >= prev_start - 2 and items[-1].event is not None:
        return items[-1].event
    for cue in reversed(art.cues):
        if prev_start <= cue.start < prev_end and cue.start in art.events:
            return art.events[cue.start]
    return None
