"""habari_quotes: direct, partial and indirect quotations with their speakers.

Runs after habari_entities and writes ``doc._.quotes`` (list of ``Quote``, text order).
What counts and where spans start and end follows ../shared/ANNOTATION.md (Quotes).

The work is done on the characters of ``doc.text``: quotation marks, sentence ends and
speech-verb morphology are all visible there, while tokenization of scraped news (glued
words, odd marks) is not always reliable. Spans become token Spans only at the end.
Patterns are compiled once at import; every step is a pass over the text or over the
cues found in it, with bisect lookups instead of rescans.

No Swahili quotation or attribution tool exists to build on, so the rules are written
here; the grammar words each rule relies on are listed as named sets below.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.entities import ROLE_WORDS, Entity, entity_for_role
from service.components.quote_marks import (
    ATTRIBUTION_PHRASE,
    MARKS,
    WORD,
    Quotation,
    after_abbreviation,
    find_quotations,
    split_sentences,
    trim_blanks,
)
from service.components.speech_verbs import (
    COPULAS,
    VERB_LOOKALIKE_NOUNS,
    SpeechCue,
    find_speech_cues,
    is_dependent,
    is_finite_verb,
    is_relative_verb,
    is_verb,
)

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


# ---------------------------------------------------------------- grammar words

COMPLEMENTIZERS = {"kwamba", "kuwa"}
# Words before a speech verb that are not its subject (adverbs, conjunctions, pronouns,
# times): a clause made only of these leaves the verb with the previous speaker.
NON_SUBJECT_WORDS = {
    "na", "naye", "nao", "nayo", "pia", "hata", "hivyo", "lakini", "aidha", "huku",
    "wakati", "hapo", "ambapo", "baadaye", "kisha", "vilevile", "vile", "sasa", "tena",
    "kadhalika", "mbali", "zaidi", "yeye", "wao", "sisi", "mimi", "hii", "ila", "ingawa",
    "ingawaje", "hatimaye", "awali", "mapema", "jana", "leo", "juzi", "kesho", "siku",
    "ya", "wa", "la", "jumatatu", "jumanne", "jumatano", "alhamisi", "ijumaa",
    "jumamosi", "jumapili", "mwaka", "mwezi", "wiki", "huo", "hiyo", "hilo", "asubuhi",
    "mchana", "jioni", "usiku", "alasiri", "kwa", "upande", "mwingine", "katika",
    "walakini", "halafu", "baada", "kabla", "tarehe", "mnamo", "hayo", "haya", "vilevile",
    "kwanza", "mwisho", "tu", "basi", "kama", "ili", "mara", "moja", "nyingine",
}
# Words right after a speech verb that are adjuncts, not a postposed subject.
POST_ADJUNCT_WORDS = NON_SUBJECT_WORDS | {
    "kwenye", "mbele", "kupitia", "akiwa", "wakiwa", "ikiwa", "mjini", "nchini",
    "jijini", "hapa", "huko", "hivi", "kuhusu", "juu", "wazi", "bayana", "ndani", "nje",
    "kwamba", "kuwa", "wazi", "rasmi",
}
PLACE_ADJUNCTS = {"nchini", "mjini", "jijini", "katika", "huko", "kwenye", "wilayani", "mkoani"}
# Descriptions a text uses for its protagonist ("mwanasiasa huyo chipukizi").
PROFESSION_NOUNS = {"mwanasiasa", "mwanadiplomasia", "mwanadiplomasa", "mwanaharakati",
                    "mgombea", "mtaalamu", "mtaalam", "mchumi", "mwanamuziki", "mwanahabari",
                    "mfanyabiashara", "mwanasayansi", "mwakilishi", "mjumbe", "mwanasheria",
                    "wakili", "jaji", "mchambuzi"}
PERSON_DEMONSTRATIVES = {"huyo", "huyu", "yule"}
DEMONSTRATIVES = {"huyo", "huyu", "hao", "hawa", "yule", "hiyo", "hicho", "hilo", "hizo",
                  "hii", "hili", "hiki", "hizi", "lile", "ile", "huo", "huu", "ule"}
# Plural officials of a named body speak for it ("maafisa wa Kremlin" → Kremlin).
OFFICIAL_HEADS = {"maafisa", "maofisa", "afisa", "ofisa", "msemaji", "wasemaji", "wamiliki",
                  "mmiliki"}
# Heads of unnamed bodies that the article still names as a speaker ("Tume ya uchaguzi
# ilisema", "wizara ya afya"): the noun phrase itself is the speaker's mention.
BODY_HEADS = {"tume", "wizara", "mahakama", "shirika", "gazeti", "jeshi", "bunge",
              "idara", "baraza", "kamati", "halmashauri", "chama", "benki", "kampuni",
              "jumuiya", "taasisi", "ikulu", "utawala", "uongozi", "chuo", "muungano",
              "ubalozi", "jopo"}
# Descriptions before a body's name ("kundi la kutetea haki … la [Amnesty International]").
DESCRIPTOR_HEADS = {"kundi", "kikundi", "vuguvugu"}
# Documents speak for whoever issued them ("ripoti hiyo imesema" → the body).
PERSONAL_DOCUMENTS = {"ujumbe", "barua"}
DOCUMENT_HEADS = {"ripoti", "taarifa", "tamko", "barua", "ujumbe", "utafiti", "takwimu",
                  "uamuzi"}
# Nouns whose complement clause is not reported speech ("madai kwamba", "matumaini kuwa").
CONTENT_NOUNS = {"madai", "matumaini", "wasiwasi", "imani", "hofu",
                 "tuhuma", "ripoti", "dhana", "ushahidi", "wazo", "uvumi", "ahadi",
                 "onyo", "ombi", "uamuzi", "msimamo", "hoja", "shaka", "furaha",
                 "kuridhika", "masikitiko", "hasira", "huzuni", "nia", "azma", "matarajio",
                 "tumaini", "imani", "mashaka", "wito", "matakwa"}
# Verbs of telling, whose object marker stands for an addressee written after them.
TELLING_STEMS = {"ambia", "hakikishia", "julisha", "arifu", "taarifu", "fahamisha",
                 "thibitishia", "kumbusha", "eleza", "elezea"}
# Times that may follow the addressee before the clause's subject.
ADDRESSEE_TIMES = {"siku", "ya", "jana", "leo", "juzi", "jumatatu", "jumanne", "jumatano",
                   "alhamisi", "ijumaa", "jumamosi", "jumapili", "asubuhi", "mchana", "jioni",
                   "usiku", "alasiri", "wiki", "mwezi", "mwaka", "hii", "huu", "iliyopita",
                   "uliopita", "ijayo", "ujao"}
# Possessives after a noun ("nchi yake", "msemaji wao").
POSSESSIVES = {"wake", "yake", "lake", "chake", "zake", "vyake", "yao", "zao", "wao"}
# Words that close an addressee's noun phrase ("nchi yake", "wanahabari hao").
ADDRESSEE_DETERMINERS = POSSESSIVES | {"huyo", "hao", "hiyo", "hilo", "hicho", "hizo", "wote",
                                       "yote", "zote"}
# Objects that close a speech verb without a clause ("alisema hayo").
OBJECT_PRONOUNS = {"hayo", "haya", "hivyo", "hivi", "hilo", "hicho", "lolote", "chochote",
                   "kuhusu", "juu"}
# "kulingana na X" sources that are rules, not speakers.
# (Documents are sources: "kwa mujibu wa katiba" is a quote with no single author.)
NON_SOURCE_NOUNS = {"hali", "muda", "desturi", "mila", "dini", "uwezo", "mahitaji", "matakwa", "maagizo", "agizo", "ukubwa", "umri",
                    "idadi", "kiwango", "viwango", "aina", "jinsi", "namna", "vile", "kile",
                    "yale", "hayo", "haya", "hesabu"}
# Finite verbs that may stand before a speech verb as its auxiliary ("aliendelea kusema").
_AUXILIARY_ENDINGS = ("endelea", "endea", "malizia", "ongeza", "rudia")
GENITIVES = {"wa", "ya", "la", "za", "cha", "vya", "kwa"} | POSSESSIVES
# Where a subject after the verb ends: punctuation, a complementizer, a quotation mark,
# or a preposition or participle that starts an adjunct.
_POST_SUBJECT_END = re.compile(
    r"[,.;:“”\"«»‘’(]|\b(?:kwamba|kuwa|kwa|katika|kwenye|kupitia|mbele|alipokuwa|akiwa|wakati|"
    r"baada|kabla|bila)\b|\b\w+ki(?:sema|ongeza|ongezea|eleza|elezea|mshukuru)\b", re.IGNORECASE)
# Words that open a predicate without its subject ("ni ukiukaji …").
PREDICATE_STARTS = {"ni", "si", "ndiyo", "ndio", "ndicho", "ndilo", "ndizo"}
PERSON_PREFIXES = {"a", "wa", "yu", "ni", "tu", "m", "mu", "twa"}
# A quoted phrase right after these is a name, label or description, not speech.
NAMING_WORDS = {"kama", "kuitwa", "inayoitwa", "linaloitwa", "kinachoitwa", "aitwaye",
                "iitwayo", "maarufu", "jina", "neno", "lijulikanalo", "inayojulikana",
                "anayejulikana", "kinachojulikana", "linalojulikana", "unaoitwa",
                "wanaoitwa", "zinazoitwa", "kiitwacho", "mbiu", "inamaanisha", "maana",
                "yaani", "kumaanisha", "ikimaanisha"}


# ---------------------------------------------------------------- speakers

@dataclass
class _Mention:
    start: int
    end: int
    label: str
    span: Optional[Span]
    entity: Optional[Entity]


@dataclass
class _Event:
    """A speech verb or attribution phrase (start < end), or a name standing in for one
    (start == end: "Abebe, “…”"), and the speaker it resolved to."""
    start: int
    end: int
    speaker: Optional[_Mention]


_HEADLINE_VERB = re.compile(r"(?:a|wa|ya|za|la|cha|vya)[a-z]{4,}")
_REFUSAL = re.compile(r"(?:\w*kataa|\w*taka|\w*agiza|\w*lazimisha|bila\s+ya|bila)\s+$",
                      re.IGNORECASE)
_NAMED_SPEECH = re.compile(r"\b(?:kile|yale)\s+(?:amba\w+\s+)?$", re.IGNORECASE)


def _refused(text: str, cue: SpeechCue) -> bool:
    """Speech that did not happen or is only named: "ilikataa kusema", "bila kueleza",
    "wamemtaka kusema" (demanded), "kile amedai kuwa …" (what he claimed)."""
    before = max(0, cue.start - 24)
    if _NAMED_SPEECH.search(text, before, cue.start):
        return True
    return cue.subject == "" and _REFUSAL.search(text, before, cue.start) is not None


def _agrees(verb_prefix: str, noun: str, is_person: bool) -> bool:
    """Whether a noun can be the subject of a verb with this subject prefix, judged by
    the noun-class prefix of the noun (only the clear cases are told apart)."""
    noun = noun.lower()
    onsets = {"vi": ("vi", "vy"), "ki": ("ki", "ch"), "ya": ("ma",)}
    if verb_prefix in onsets:
        return noun.startswith(onsets[verb_prefix])
    person_like = is_person or noun in ROLE_WORDS
    if verb_prefix == "a":
        return person_like or noun.startswith(("m", "mw")) and not noun.startswith(("mi", "ma"))
    if verb_prefix == "wa":
        return person_like or not noun.startswith(("ki", "ch", "vi", "vy", "ma", "mi"))
    # Class 6 (ma-) takes "ya"; a few class 9 nouns only look like it.
    class_6 = noun.startswith("ma") and noun not in ("mamlaka", "mahakama", "maabara")
    return not person_like and not class_6 and not noun.startswith(("ki", "vi", "vy", "wa"))


def _mentions(doc: Doc) -> list[_Mention]:
    """Entity mentions that can name a speaker. One-word mentions that are verbs or
    grammar words ("Akiongezea", "Kwamba": sentence-initial capitals the NER took for
    names) are left out."""
    out = []
    if doc._.entities:
        for entity in doc._.entities:
            for span in entity.mentions:
                out.append(_Mention(span.start_char, span.end_char, entity.label, span, entity))
    else:
        for span in doc.ents:
            if span.label_ in ("PER", "ORG", "LOC"):
                out.append(_Mention(span.start_char, span.end_char, span.label_, span, None))
    out = [m for m in out if _can_name_speaker(m.span.text)]
    out.sort(key=lambda m: m.start)
    return out


def _can_name_speaker(text: str) -> bool:
    # Takes the text once: Span.text joins the tokens anew on each access.
    return " " in text.strip() or not (is_verb(text) or text.lower() in COMPLEMENTIZERS | NON_SUBJECT_WORDS)


class _Article:
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
                     and c.relative in ("", "ye", "o") and not _refused(self.text, c)]
        self.cue_starts = [c.start for c in self.cues]
        self.mentions = _mentions(doc)
        self.m_starts = [m.start for m in self.mentions]
        self.name_parts = _name_parts(self.mentions)
        self.subjects = self._sentence_subjects()
        self.subject_starts = [p for p, _ in self.subjects]
        self.events: dict[int, _Event] = {}
        self._resolve_cue_speakers()

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

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
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

    def is_verb_word(self, w: re.Match, finite_only: bool = False) -> bool:
        """Whether a word of the text is a verb; a capitalised word inside a sentence is a name."""
        word = w.group()
        if not (is_finite_verb if finite_only else is_verb)(word) or self.in_mention(w.start()):
            return False
        return not (word[0].isupper() and self.text[self.sentence(w.start())[0]:w.start()].strip(" “\"«‘'"))

    def span(self, start: int, end: int) -> Optional[Span]:
        return self.doc.char_span(start, end, alignment_mode="expand")

    # -- who a noun phrase names
    def _noun_phrase_speaker(self, start: int, end: int) -> tuple[bool, Optional[_Mention]]:
        """Read text[start:end] as a noun phrase naming a speaker.

        Returns (names_someone, mention): names_someone is False when the phrase is only
        adverbs or pronouns, so that the speaker is the previous one; mention is None for
        a generic source ("wachambuzi", "maafisa wa afya", "ndugu wa familia ya X").
        """
        words = self.words(start, end)
        content = [w for w in words if w.group().lower() not in NON_SUBJECT_WORDS
                   and not w.group().isdigit()]
        if not content:
            return False, None
        head = content[0].group().lower()
        found = self.mentions_in(start, end)
        found = sorted(found + self._name_part_mentions(
            [w for w in content if not self.in_mention(w.start(), ("PER", "ORG"))]), key=lambda m: m.start)
        # A name after a genitive ("ndugu wa familia ya [George Floyd]") qualifies the
        # head noun, which is then the speaker; officials and named bodies speak for it.
        # A document speaks for whoever issued it ("taarifa ya Ikulu", "ripoti
        # iliyotolewa na HRW").
        own = [m for m in found if not self._after_genitive(m, start) or head in DOCUMENT_HEADS
               or m.label == "ORG" and head in OFFICIAL_HEADS | BODY_HEADS | DESCRIPTOR_HEADS]
        for label in ("PER", "ORG"):
            picked = [m for m in own if m.label == label]
            if picked:
                return True, picked[-1]
        locs = [m for m in found if m.label == "LOC"]
        if locs:
            before = [w.group().lower() for w in self.words(start, locs[0].start)
                      if w.group().lower() not in NON_SUBJECT_WORDS]
            # A place that speaks is the subject itself ("Washington ilisema"), its
            # government ("serikali ya Kenya"), or its officials ("maafisa wa Marekani").
            if not before or before[0] in OFFICIAL_HEADS | {"serikali"} and len(before) <= 2:
                return True, locs[0]
        demonstrative = any(w.group().lower() in DEMONSTRATIVES for w in words)
        # "wizara hiyo" points back at a body; "wizara ya afya ya nchi hiyo" does not.
        head_at = next(i for i, w in enumerate(words) if w.start() == content[0].start())
        head_demonstrative = head_at + 1 < len(words) and words[head_at + 1].group().lower() in DEMONSTRATIVES
        if head in DOCUMENT_HEADS and head_demonstrative:
            # "ripoti hiyo": the body that published it; "ujumbe huo": whoever wrote it.
            if head in PERSONAL_DOCUMENTS:
                return True, self._last_speaker(start)
            named = list(re.finditer(rf"\b{head}\s+(?:ya|la|za)\s+", self.text[:start], re.IGNORECASE))
            if named:
                # "ripoti ya polisi … kwa mujibu wa ripoti hiyo": that report's issuer.
                at = named[-1].end()
                stop = re.search(r"[,.;:]|$", self.text[at:self.sentence(at)[1]])
                return self._noun_phrase_speaker(named[-1].start(), at + stop.start())
            return True, self._last_body_speaker(start) or self._last_speaker(start)
        if head in DOCUMENT_HEADS:
            # "takwimu zilizotolewa na wizara ya afya": the body that issued it.
            body = next((w for w in content[1:] if w.group().lower() in BODY_HEADS), None)
            if body is not None:
                return self._noun_phrase_speaker(body.start(), end)
        if head in BODY_HEADS:
            if head_demonstrative:
                return True, self._last_body_named(head, start)
            # A body the NER missed: "Tume ya uchaguzi", "Wizara ya Mambo ya Nje ya
            # Marekani"; the noun phrase is the speaker's mention.
            np = words[head_at:]
            for k, w in enumerate(np):
                if w.group().lower() in PLACE_ADJUNCTS:
                    np = np[:k]
                    break
            size = sum(w.group().lower() not in NON_SUBJECT_WORDS | GENITIVES for w in np)
            if np and (size <= 4 or np[0].group()[0].isupper() and size <= 9):
                return True, _Mention(np[0].start(), np[-1].end(), "ORG",
                                      self.span(np[0].start(), np[-1].end()), None)
        if head_demonstrative and words[head_at + 1].group().lower() in ("hao", "hawa") and (
                head.startswith(("wa", "vi")) and head not in VERB_LOOKALIKE_NOUNS | {"watu"}):
            # "viongozi hao" after "viongozi wa Tigray …": the body they were named by.
            introduced = re.compile(rf"\b{re.escape(head)}\s+(?:wa|ya|la)\s+$", re.IGNORECASE)
            recent = self.sentences[max(0, self.sentence_index(start) - 2)][0]
            for m in reversed(self.mentions_in(recent, start)):
                if introduced.search(self.text, max(0, m.start - 30), m.start):
                    return True, m
            # "wakuu hao", "viongozi hao": the people just named; any of them speaks.
            people = [m for m in self.mentions_in(0, start) if m.label == "PER"]
            return True, people[-1] if people else None
        # A person's role: "waziri huyo", "mchumi huyo wa Kenya", "kiongozi wa chama
        # hicho", or a bare "Rais".
        if any(w.group().lower() in PERSON_DEMONSTRATIVES for w in words) or (
                head in ROLE_WORDS and (demonstrative or len(content) <= 2)):
            holder = self._role_holder(content[0].start(), end, head, forward=not demonstrative)
            if holder is None and head_demonstrative and head in ROLE_WORDS | PROFESSION_NOUNS:
                # "mwanasiasa huyo chipukizi": the person the text has been about, its
                # last speaker or the last person who opened a sentence.
                holder = self._last_speaker(start, ("PER",))
                k = bisect.bisect_left(self.subject_starts, start) - 1
                if k >= 0 and (holder is None or self.subjects[k][0] > holder.start):
                    holder = self.subjects[k][1]
            return True, holder
        return True, None

    def _after_genitive(self, m: _Mention, start: int) -> bool:
        prev = self.words(max(start, m.start - 30), m.start)
        if len(prev) >= 2 and prev[-1].group().lower() in POSSESSIVES \
                and prev[-2].group().lower() in OFFICIAL_HEADS | ROLE_WORDS | PROFESSION_NOUNS:
            return False  # a role, a possessive, a name: "msemaji wao [Ridwan Hajji]"
        return bool(prev) and prev[-1].group().lower() in GENITIVES and not self.text[
            prev[-1].end():m.start].strip()

    def _name_part_mentions(self, content: list[re.Match]) -> list[_Mention]:
        """Capitalised words the NER left out, or put in a place's name, that are part
        of a person's or body's name found elsewhere ("Lakini Nyamu aliongeza" beside
        "Naitore Nyamu"; "msaidizi wa [Kremlin Yuri Ushakov]" beside "Ushakov")."""
        out = []
        for w in content:
            m = self.name_parts.get(w.group())
            if m is not None and w.group()[0].isupper() and not m.start <= w.start() < m.end:
                span = self.span(w.start(), w.end())
                out.append(_Mention(w.start(), w.end(), m.label, span, m.entity))
        return out

    def _role_holder(self, start: int, end: int, role: str, forward: bool = False) -> Optional[_Mention]:
        """The person introduced earlier with this role ("waziri huyo" → the minister):
        the entities helper first, else the nearest earlier person whose sentence names
        the role next to them. A role without a demonstrative may also name a person the
        next sentences introduce ("Meya wa Atlanta anasema …. [Name], Meya wa Atlanta,")."""
        role_span = self.span(start, end)
        if role_span is None:
            return None
        entity = entity_for_role(self.doc, role_span)
        if entity is not None:
            return _Mention(role_span.start_char, role_span.end_char, entity.label, role_span, entity)
        role_word = re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE)
        before = [m for m in reversed(self.mentions_in(0, start))]
        after = []
        if forward:
            last = self.sentences[min(len(self.sentences) - 1, self.sentence_index(end) + 2)][1]
            after = self.mentions_in(end, last)
        for m in before + after:
            if m.label == "PER" and self._introduced_as(m, role_word):
                return _Mention(role_span.start_char, role_span.end_char, "PER", role_span, m.entity)
        return None

    def _introduced_as(self, m: _Mention, role_word: re.Pattern) -> bool:
        """The role is written next to the person: "Waziri wa Fedha [X]" (no verb
        between) or "[X], mhadhiri katika …"."""
        s_start, s_end = self.sentence(m.start)
        lo = max(s_start, m.start - 80)
        found = None
        for found in role_word.finditer(self.text, lo, m.start):
            pass
        if found is not None and not self.verb_words(found.end(), m.start):
            return True
        return role_word.search(self.text, m.end, min(s_end, m.end + 40)) is not None

    def _last_body_speaker(self, before: int) -> Optional[_Mention]:
        """The last body that spoke, or that has since opened a sentence ("NEC
        imetupilia mbali …. Taarifa hiyo imeeleza …")."""
        speaker = self._last_speaker(before, ("ORG", "LOC"))
        for m in reversed(self.mentions_in(speaker.end if speaker else 0, before)):
            if m.label == "ORG" and not WORD.search(self.text, self.sentence(m.start)[0], m.start):
                return m
        return speaker

    def _last_speaker(self, before: int, labels=("PER", "ORG", "LOC")) -> Optional[_Mention]:
        for start in sorted(self.events, reverse=True):
            ev = self.events[start]
            if start < before and ev.speaker is not None and ev.speaker.label in labels:
                return ev.speaker
        return None

    def _last_body_named(self, head: str, before: int) -> Optional[_Mention]:
        introduced = re.compile(rf"\b{re.escape(head)}\s+(?:ya|la|wa|cha|za)\s+$", re.IGNORECASE)
        for m in reversed(self.mentions_in(0, before)):
            if m.label == "ORG" and (self.text[m.start:m.end].lower().startswith(head)
                                     or introduced.search(self.text, max(0, m.start - 30), m.start)):
                return m
        return self._last_body_speaker(before)

    # -- the subject of a speech verb
    def _clause_start(self, pos: int) -> int:
        s = self.sentence(pos)[0]
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0:
            q = self.quotations[i]
            if q.close is not None and s <= q.close < pos:
                s = q.close + 1
        words = self.words(s, pos)
        for k, m in enumerate(words):
            low = m.group().lower()
            # An amba- relative followed by a subject of its own opens that subject's
            # clause ("… video ambapo Trump anasema …", "siku ambayo tume ilitangaza …").
            if low in COMPLEMENTIZERS or low.startswith("amba") and any(
                    w.group().lower() not in NON_SUBJECT_WORDS for w in words[k + 1:]) \
                    and not self.verb_words(m.end(), pos, finite_only=True):
                s = m.end()
        return s

    def _subject_chunks(self, start: int, end: int, dependent: bool,
                        verb_prefix: str = "") -> list[tuple[int, int, bool]]:
        """Comma-separated chunks before a verb, nearest first, as (start, end, adjacent).

        A chunk with a finite verb of its own ends the search (its part before that verb
        may still be the subject: "Trump anaendelea kusema"); a participial phrase
        ("James Macharia wakati akizindua …") is skipped over; parentheses are asides.
        """
        text = self.text
        bounds = [start] + [start + m.end() for m in re.finditer(r"[,;:]", text[start:end])]
        chunks = []
        for i in range(len(bounds) - 1, -1, -1):
            b, e = bounds[i], (end if i == len(bounds) - 1 else bounds[i + 1] - 1)
            e = b + len(re.sub(r"\([^()]*\)?\s*$", "", text[b:e]))
            b = b + len(text[b:e]) - len(re.sub(r"^\s*\([^()]*\)", "", text[b:e]))
            adjacent = i == len(bounds) - 1
            if re.match(r"\s*amba\w*\b", text[b:e]) and (not adjacent or i > 0 and not dependent):
                # "X, ambayo ilihusika …, anasema": an aside about X (its closing
                # comma is often left out)
                continue
            if dependent and adjacent and verb_prefix == "":
                after = list(re.finditer(r"\b(?:baada|kabla)\s+ya\s+", text[b:e]))
                if after and not self.verb_words(b + after[-1].end(), e):
                    chunks.append((b + after[-1].end(), e, adjacent))  # "baada ya AP kuripoti"
                    break
            first = WORD.search(text, b, e)
            # "Taarifa iliyotolewa na X ilisema": a relative verb is inside the subject.
            nominal = first is not None and first.group().lower() in DOCUMENT_HEADS
            finite = [w for w in self.verb_words(b, e, finite_only=True)
                      if not (nominal and is_relative_verb(w.group()))]
            if finite:
                # "Blake yuko hospitali na madaktari wanasema": a subject of its own
                # after the other verb's clause; else the subject before that verb.
                tails = list(re.finditer(r"\b(?:na|lakini|huku|ila|kisha)\s+", text[finite[-1].end():e]))
                tail_start = finite[-1].end() + tails[-1].end() if tails else e
                tail_words = self.words(tail_start, e)
                # (a longer one when it names someone: "… umemalizika na muungano wa
                # upinzani kupitia msemaji wao X wamesema")
                named_tail = len(tail_words) <= 12 and any(
                    m.label in ("PER", "ORG") for m in self.mentions_in(tail_start, e))
                if adjacent and not dependent and (len(tail_words) <= 4 or named_tail) and any(
                        w.group().lower() not in NON_SUBJECT_WORDS for w in tail_words):
                    chunks.append((tail_start, e, adjacent))
                elif adjacent and finite[0].start() > b:
                    chunks.append((b, finite[0].start(), adjacent))
                break
            participles = [w for w in self.verb_words(b, e) if not (nominal and is_relative_verb(w.group()))]
            if participles:
                intro = re.search(r"\b(?:wakati|alipokuwa|walipokuwa|huku)\s*$",
                                  text[b:participles[0].start()])
                cut = b + intro.start() if intro else participles[0].start()
                if cut > b:
                    chunks.append((b, cut, adjacent))
                if dependent and adjacent:
                    break
                continue
            if dependent and adjacent:
                # "huku serikali ikisema": a subject of its own follows a conjunction;
                # a whole chunk set off by a comma must agree with the verb's noun class
                # (", vyama vya upinzani vikidai" but not ", kibiashara na kijeshi
                # akisisitiza", where the words end the main verb's object).
                conj = None
                for conj in re.finditer(r"\b(?:huku|wakati|naye|nao|nayo)\s+", text[b:e]):
                    pass
                head = WORD.search(text, b, e)
                if conj is not None:
                    chunks.append((b + conj.end(), e, adjacent))
                elif head and _agrees(verb_prefix, head.group(), self.in_mention(head.start(), ("PER",))):
                    chunks.append((b, e, adjacent))
                break
            chunks.append((b, e, adjacent))
        return chunks

    def _pre_subject(self, cue: SpeechCue, dependent: bool) -> tuple[bool, Optional[_Mention]]:
        """The subject written before the verb.

        Dependent verbs (a-ki-sema, a-ka-sema, ku-sema) take a subject only right before
        them ("huku serikali ikisema"); otherwise theirs is the main clause's.
        """
        chunks = self._subject_chunks(self._clause_start(cue.start), cue.start, dependent, cue.subject)
        named = []
        for k, (b, e, adjacent) in enumerate(chunks):
            is_named, mention = self._noun_phrase_speaker(b, e)
            if mention is not None and mention.label == "LOC" and k + 1 < len(chunks):
                before = self.mentions_in(*chunks[k + 1][:2])
                if before and before[-1].label == "LOC" and not self.text[before[-1].end:chunks[k + 1][1]].strip():
                    continue  # "huko McAllen, Texas, wamesema": the state of a city
            # A generic noun phrase set off by commas is an adverbial ("Matokeo yake,
            # ilisema") unless its noun class agrees with the verb ("…,” mwandishi wa
            # familia, ameliambia"); a name or a role there is an appositive subject.
            head = WORD.search(self.text, b, e)
            if is_named and (adjacent or mention is not None or head is not None and not dependent
                             and _agrees(cue.subject, head.group(), False)):
                named.append(mention)
        if not named:
            return False, None
        for label in ("PER", "ORG", "LOC"):
            for mention in named:
                if mention is not None and mention.label == label:
                    return True, mention
        return True, named[0]

    def _verb_opens_clause(self, cue: SpeechCue) -> bool:
        start = self._clause_start(cue.start)
        comma = max(self.text.rfind(",", start, cue.start), self.text.rfind(";", start, cue.start))
        lead = self.words(max(start, comma + 1), cue.start)
        return all(w.group().lower() in NON_SUBJECT_WORDS for w in lead)

    def _coordinated(self, cue: SpeechCue) -> bool:
        """"X wamechangia …, na sasa wanasema …": a second verb of the same subject."""
        s, _ = self.sentence(cue.start)
        return bool(re.search(r"\b(?:na|lakini|kisha|pia)\b[\w\s]{0,20}$", self.text[s:cue.start])) \
            and bool(self.verb_words(s, cue.start, finite_only=True))

    def _main_clause_subject(self, cue: SpeechCue) -> tuple[bool, Optional[_Mention]]:
        """"X alisema …, akiongeza kwamba …": the subject of the sentence's main verb,
        a reporting verb first ("X alisema"), else its first non-relative finite verb."""
        s, _ = self.sentence(cue.start)
        for earlier in reversed(self.cues_between(s, cue.start)):
            ev = self.events.get(earlier.start)
            if ev is not None and not is_dependent(self.text, earlier):
                return True, ev.speaker
        finite = [w for w in self.verb_words(s, cue.start, finite_only=True)
                  if not is_relative_verb(w.group())]
        if not finite:
            # "Akikiri kwamba …, Blinken alikataa …": the main clause follows.
            main = self._main_clause_start(s, self.sentence(s)[1])
            finite = _main_verbs(self, main, self.sentence(s)[1]) if main > cue.start else []
            if not finite:
                return False, None
        verb = SpeechCue(finite[0].start(), finite[0].end(), "", "a", False, "", False, False)
        return self._pre_subject(verb, dependent=False)

    def _main_clause_start(self, s: int, e: int) -> int:
        """Where a sentence's main clause starts: after an opening participial clause
        ("Akizungumza na wanahabari, …"), else at the sentence start."""
        first = WORD.search(self.text, s, e)
        if first and is_verb(first.group()) and not is_finite_verb(first.group()):
            comma = self.text.find(",", first.end(), e)
            if comma > 0:
                return comma + 1
        return s

    def _post_subject(self, cue: SpeechCue) -> tuple[bool, Optional[_Mention]]:
        """A subject after the verb: `,” alisema Kim.`, `alisema jaji huyo.`"""
        _, sent_end = self.sentence(cue.start)
        after = self.text[cue.end:sent_end]
        if after.lstrip()[:1] in (",", ":"):
            return False, None
        stop = _POST_SUBJECT_END.search(after)
        while stop and stop.group() == "." and after_abbreviation(self.text, cue.end + stop.start(), cue.end):
            stop = _POST_SUBJECT_END.search(after, stop.end())  # `alisema Bw. Haji.`
        end = cue.end + (stop.start() if stop else len(after))
        words = self.words(cue.end, end)
        for k, w in enumerate(words):
            if k and is_verb(w.group()) and not is_finite_verb(w.group()) \
                    and self.in_mention(words[k - 1].start(), ("PER", "ORG")):
                # "amesema msemaji … Redwan Hussein akiendelea kusema": a new clause
                end, words = words[k - 1].end(), words[:k]
                break
        if not words or len(words) > 10 or cue.has_object or self.cues_between(cue.end, end):
            # (after "ameliambia", the words are whom it was told; "Ameongeza kusema"
            # is one speech act)
            return False, None
        # Up to the next punctuation, complementizer or speech verb, which start other clauses.
        clause_end = end + re.search(r"[,.;:“”\"«»]|\b(?:kwamba|kuwa)\b|$", self.text[end:sent_end]).start()
        later = self.cues_between(end, clause_end)
        clause_end = later[0].start if later else clause_end
        if self.verb_words(cue.end, end) or _main_verbs(self, end, clause_end):
            return False, None  # a clause follows, not a subject
        named, mention = self._noun_phrase_speaker(cue.end, end)
        if named and (mention is None or mention.label != "PER"):
            mention = self.appositive_person(end) or mention
        return named, mention

    def appositive_person(self, pos: int) -> Optional[_Mention]:
        """A person named right after a comma: "mkuu wa utafiti wa HRW, [Oryem Nyeko],"."""
        m = re.match(r"\s*,\s*", self.text[pos:pos + 10])
        if not m:
            return None
        start = pos + m.end()
        found = self.mentions_in(start, start + 60)
        if found and found[0].start == start and found[0].label in ("PER", "ORG"):
            after = self.text[found[0].end:found[0].end + 3].lstrip()
            if not after or after[0] in ",.;:":
                return found[0]
        return None

    def sentence_subject(self, sentence_start: int) -> Optional[_Mention]:
        """The person who opens the sentence starting there as its subject, if any."""
        i = bisect.bisect_left(self.subject_starts, sentence_start)
        if i < len(self.subjects) and self.subjects[i][0] < self.sentence(sentence_start)[1]:
            return self.subjects[i][1]
        return None

    def _sentence_subjects(self) -> list[tuple[int, _Mention]]:
        """Persons that open a sentence as its subject, for verbs with none written."""
        out = []
        for s, e in self.sentences:
            s = self._main_clause_start(s, e)
            first = next(_each_main_verb(self, s, e), None)
            if first is not None:
                people = [m for m in self.mentions_in(s, first.start()) if m.label == "PER"
                          and not self._after_genitive(m, s) and not self.inside_quotation(m.start)]
                if people:
                    out.append((people[-1].start, people[-1]))
        return out

    def _resolve_cue_speakers(self) -> None:
        last_speaker = {True: None, False: None}  # person / body: (position, mention)
        subjects, subject_starts = self.subjects, self.subject_starts
        for cue in self.cues:
            if cue.negated:
                continue
            dependent = is_dependent(self.text, cue)
            earlier = self._coordinated_speech(cue)
            if earlier is not None:
                named, mention = True, earlier.speaker
            else:
                named, mention = self._pre_subject(cue, dependent)
            if named and mention is None and not dependent:
                # "Kupata chanjo sio … ameongeza Biden": a name right after the verb is
                # its subject and the words before are what was said.
                post_named, post = self._post_subject(cue)
                if post is not None and post.label in ("PER", "ORG"):
                    mention = post
            if not named and cue.relative == "o" and cue.subject not in PERSON_PREFIXES:
                named, mention = self._sender(cue)
            if not named and self._verb_opens_clause(cue):
                # Only a verb that opens its clause can have its subject after it
                # (`,” alisema Kim.`, "Amesema mkaazi …"); "watakuwa wanadai haki" has
                # its object there.
                named, mention = self._post_subject(cue)
            if not named and (dependent or self._coordinated(cue)):
                named, mention = self._main_clause_subject(cue)
            person = cue.subject in PERSON_PREFIXES or cue.subject == ""
            if named:
                if mention is not None:
                    person = mention.label == "PER"
                if mention is not None or not self._inside_report(cue):
                    # (an unnamed source inside someone's reported clause, "… akisisitiza
                    # kwamba mwenyekiti wa chama ameandika …", is not who speaks next)
                    last_speaker[person] = (cue.start, mention)
            else:
                # No subject written: the last speaker of the same kind, or a person who
                # has since opened a sentence as its subject.
                pos, mention = last_speaker[person] or (-1, None)
                if person:
                    k = bisect.bisect_left(subject_starts, cue.start) - 1
                    if k >= 0 and subject_starts[k] > pos:
                        mention = subjects[k][1]
            self.events[cue.start] = _Event(cue.start, cue.end, mention)
            if cue.stem == "nukuu" and cue.has_object:
                self._quoting(cue)

    def _inside_report(self, cue: SpeechCue) -> bool:
        """The verb stands in the clause an earlier speech verb of its sentence reports."""
        s, _ = self.sentence(cue.start)
        return any(re.search(r"\b(?:kwamba|kuwa)\b", self.text[c.end:cue.start])
                   for c in self.cues_between(s, cue.start))

    def _coordinated_speech(self, cue: SpeechCue) -> Optional[_Event]:
        """"X amewaambia … kwamba …, na aliongeza kusema “…”": a speech verb joined by
        "na" to an earlier one of the same subject class, or an infinitive right after
        one, is the same speaker's, whatever the reported clause between has for a subject."""
        s, _ = self.sentence(cue.start)
        before = self.cues_between(s, cue.start)
        if cue.subject == "" and before and before[-1].start in self.events \
                and not self.text[before[-1].end:cue.start].strip():
            return self.events[before[-1].start]  # "aliongeza kusema": one speech act
        if not re.search(r"\b(?:na|kisha)\s+$", self.text[s:cue.start]):
            return None
        earlier = [c for c in self.cues_between(s, cue.start) if c.start in self.events
                   and not c.negated and c.subject == cue.subject and not is_dependent(self.text, c)]
        return self.events[earlier[-1].start] if earlier else None

    def _sender(self, cue: SpeechCue) -> tuple[bool, Optional[_Mention]]:
        """"X alituma ujumbe kupitia Twitter uliosema, “…”": a message that says something
        speaks for whoever sent or wrote it, the subject of the verb before it."""
        s, _ = self.sentence(cue.start)
        message = [w for w in self.words(s, cue.start)[-8:] if w.group().lower() in DOCUMENT_HEADS]
        if not message:
            return False, None
        sent = [w for w in self.verb_words(s, message[-1].start(), finite_only=True)
                if not is_relative_verb(w.group())]
        if not sent:
            return False, None
        verb = SpeechCue(sent[-1].start(), sent[-1].end(), "", "a", False, "", False, False)
        return self._pre_subject(verb, dependent=False)

    def _quoting(self, cue: SpeechCue) -> None:
        """"taarifa ya Iwacu imesema, ikimnukuu mfungwa huyo": the words are the
        quoted person's, the innermost source, for the verbs before in the sentence."""
        s, e = self.sentence(cue.start)
        stop = re.search(r"[,.;:“”\"«»]", self.text[cue.end:e])
        named, mention = self._noun_phrase_speaker(cue.end, cue.end + stop.start() if stop else e)
        if named:
            for earlier in self.cues_between(s, cue.start):
                if earlier.start in self.events:
                    self.events[earlier.start] = _Event(earlier.start, earlier.end, mention)


def _name_parts(mentions: list[_Mention]) -> dict[str, _Mention]:
    """People's names by their capitalised parts ("Nyamu" → Naitore Nyamu). Bodies are
    left out: their name parts are common nouns ("Mahakama", "Shirika")."""
    parts = {}
    for m in mentions:
        if m.label == "PER" and m.span is not None:
            for word in m.span.text.split():
                if len(word) > 2 and word[0].isupper() and word.lower() not in ROLE_WORDS:
                    parts[word] = m
    return parts


# ---------------------------------------------------------------- items

@dataclass
class _Item:
    start: int
    end: int
    kind: str
    event: Optional[_Event]


def find_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    if not text.strip():
        return []
    art = _Article(doc, text)
    direct, embedded = _direct_quotes(art)
    indirect = _indirect_quotes(art, direct)
    indirect += _attribution_phrases(art, direct, indirect)
    partial = _partial_quotes(art, embedded, indirect)
    indirect = [it for it in indirect if it.end > it.start]
    quotes = []
    for it in sorted(direct + indirect + partial, key=lambda it: (it.start, it.end)):
        ev = it.event
        cue = speaker = entity = None
        if ev is not None:
            cue = art.span(ev.start, ev.end) if ev.end > ev.start else None
            if ev.speaker is not None:
                speaker, entity = ev.speaker.span, ev.speaker.entity
        quotes.append(Quote(it.start, it.end, it.kind, cue, speaker, entity))
    return quotes


# -- direct

def _direct_quotes(art: _Article) -> tuple[list[_Item], list[Quotation]]:
    """Quotations that are someone's words, and the embedded ones left for partials."""
    text = art.text
    items: list[_Item] = []
    embedded: list[Quotation] = []
    for q in art.quotations:
        sent_start, sent_end = art.sentence(q.open)
        before = text[sent_start:q.open].rstrip()
        before_words = art.words(sent_start, q.open)
        last_word = before_words[-1].group().lower() if before_words else ""
        cue = _introducing_cue(art, sent_start, q)
        label = None if cue else _label_speaker(art, sent_start, q.open)
        after = _attribution_after(art, q)
        clause_initial = (
            not q.opened
            or not before_words
            or before.endswith((":", ".", "!", "?"))
            or last_word in COMPLEMENTIZERS
            or cue is not None
            or label is not None
        )
        if clause_initial and q.close is not None and after is None and q.opened and before_words:
            # Words go on after the closing mark: the quotation is part of a sentence.
            rest = art.words(q.close + 1, art.sentence(q.close + 1)[1])
            clause_initial = len(rest) < 2 or MARKS.search(text[q.close + 1:rest[0].start()]) is not None
        if last_word in NAMING_WORDS:
            continue  # a name, label or gloss: "kama “…”", "inamaanisha “…”"
        if not clause_initial:
            embedded.append(q)
            continue
        if len(art.words(q.start, q.end)) < 3 and after is None and cue is None:
            continue  # a quoted title or word: nobody's speech
        if after is not None and after.speaker is None and cue is not None and cue.speaker is not None:
            # `X alisema “…”, vimeeleza vyanzo vya habari`: the innermost source is named
            after = None
        event = after or cue or label or _context_speaker(art, q, items)
        items.append(_Item(q.start, q.end, "direct", event))
    # A quotation with nobody named around it, right before another one that has its
    # speaker, is that speaker's first paragraph.
    for it, nxt in zip(reversed(items[:-1]), reversed(items[1:])):
        if (it.event is None or it.event.speaker is None and it.event.end == it.event.start) \
                and nxt.event is not None and text.count("\n", it.end, nxt.start) <= 2 \
                and len(art.words(it.end, nxt.start)) == 0:
            it.event = nxt.event
    return items, embedded


def _introducing_cue(art: _Article, start: int, q: Quotation) -> Optional[_Event]:
    """The speech verb that introduces a quotation ("alisema: “", "akisema kwamba “").

    Not when a clause of the reporter's comes in between ("alisema kwamba dunia “ni
    …”", "amesema hukumu hiyo “inaonyesha …”"): the quotation is then a partial one.
    """
    cues = [c for c in art.cues_between(start, q.open) if c.start in art.events]
    if not cues:
        return None
    cue = cues[-1]
    between_words = art.words(cue.end, q.open)
    if all(art.in_mention(w.start()) or w.group().lower() in NON_SUBJECT_WORDS for w in between_words):
        return art.events[cue.start]  # “A,” alisema Juma, “B.”: only the speaker between
    between = [w.group().lower() for w in between_words]
    if _main_verbs(art, cue.end, q.open) or len(between) > 20:
        return None
    first = WORD.match(art.text, q.start)
    first = first.group().lower() if first else ""
    if between and between[-1] not in COMPLEMENTIZERS:
        if any(w in COMPLEMENTIZERS for w in between) or is_finite_verb(first):
            return None
    elif any(w not in POST_ADJUNCT_WORDS for w in between[:-1]) and first in PREDICATE_STARTS:
        return None  # "ameelezea shambulizi hilo kuwa “ni ukiukaji …”": a predicate only
    return art.events[cue.start]


def _label_speaker(art: _Article, start: int, pos: int) -> Optional[_Event]:
    """A name with no verb before the quotation: "Abebe, “…" or "Rais Xi: “…"."""
    before = art.text[start:pos].rstrip()
    if not before.endswith((",", ":", "-", "–")):
        return None
    if any(is_verb(w.group()) for w in art.words(start, pos)):
        return None
    found = [m for m in art.mentions_in(start, pos) if m.label in ("PER", "ORG")]
    if not found:
        return None
    return _Event(found[0].start, found[0].start, found[0])


def _attribution_after(art: _Article, q: Quotation) -> Optional[_Event]:
    """A speech verb right after the closing mark: `,” alisema Kim.` or the next
    sentence when it is only an attribution (`Msemaji … alisema Jumatatu.`)."""
    if q.close is None:
        return None
    pos = q.close + 1
    s_start, s_end = art.sentence(pos)
    if not art.text[pos:s_end].strip(" .,\t\n"):
        nxt = art.sentence_index(pos) + 1
        if s_end > pos + 2 or nxt >= len(art.sentences) or art.text.count(
                "\n", pos, art.sentences[nxt][0]) > 2:
            return None
        s_start, s_end = art.sentences[nxt]
        pos = s_start
    next_sentence = pos == s_start
    for cue in art.cues_between(pos, min(s_end, pos + 160)):
        if cue.start not in art.events:
            continue
        at = _clause_after(art, cue)
        if at is not None and not MARKS.match(art.text[at:].lstrip(" ,:")):
            return None  # the verb reports a clause of its own, not a quotation
        if next_sentence:
            # A sentence of its own is an attribution only when short: subject, verb,
            # maybe a time or a place ("Msemaji … Matthew Miller alisema Jumatatu.").
            rest_end = min([c.start for c in art.cues_between(cue.end, s_end)] + [s_end])
            rest = [w for w in art.words(cue.end, rest_end) if not art.inside_quotation(w.start())]
            main = {w.start() for w in _main_verbs(art, cue.end, rest_end)}
            if len(art.words(pos, cue.start)) > 12 or len(rest) > 14 or any(
                    w.start() in main for w in rest):
                return None
        if MARKS.search(art.text[pos:cue.start].replace("’", "")):
            return None
        # Only the speaker, or an auxiliary ("Ameendelea kusema"), before the verb.
        if any(not w.group().lower().endswith(_AUXILIARY_ENDINGS)
               for w in _main_verbs(art, pos, cue.start)):
            return None
        return art.events[cue.start]
    return None


def _context_speaker(art: _Article, q: Quotation, items: list[_Item]) -> Optional[_Event]:
    """No verb next to the quotation: the speaker of the sentence before it, which
    introduces it ("Rais … amesema" / "X ni mmoja wa wagombea.")."""
    si = art.sentence_index(q.open)
    if si == 0:
        return None
    prev_start, prev_end = art.sentences[si - 1]
    if items and items[-1].end >= prev_start - 2 and items[-1].event is not None:
        return items[-1].event
    for cue in reversed(art.cues_between(prev_start, prev_end)):
        if cue.start in art.events:
            return art.events[cue.start]
    subject = art.sentence_subject(prev_start)
    first = WORD.search(art.text, prev_start, prev_end)
    if subject is None and si >= 2 and first is not None and is_finite_verb(first.group()):
        # "X ni mmoja wa …. Ni baba wa …. “…”": a sentence without a subject of its own
        # goes on about the person the one before it opened with.
        subject = art.sentence_subject(art.sentences[si - 2][0])
    return _Event(subject.start, subject.start, subject) if subject is not None else None


# -- indirect

def _clause_after(art: _Article, cue: SpeechCue) -> Optional[int]:
    """Where the reported clause of a speech verb starts, or None (no clause)."""
    text = art.text
    _, limit = art.sentence(cue.start)
    if _PARENTHETICAL_END.match(text, cue.end, limit):
        return None
    later = [c for c in art.cues_between(cue.end, limit) if not c.negated]
    if later:
        limit = later[0].start  # the next verb reports its own clause
    words = art.words(cue.end, limit)
    finite = [w for w in _main_verbs(art, cue.end, limit) if _reporters_verb(art, cue, w.start())]
    first_finite = finite[0].start() if finite else limit
    for i, w in enumerate(words[:14]):
        low = w.group().lower()
        if w.start() >= first_finite or MARKS.search(text[cue.end:w.start()].replace("’", "")):
            break  # the clause has begun without a complementizer
        if low == "kuwa" and (i and words[i - 1].group().lower() == "kwa" or (
                i + 1 < len(words) and words[i + 1].group().lower() == "na")):
            continue  # "kwa kuwa" (because), "kuwa na" (to have): not a complementizer
        if low in COMPLEMENTIZERS:
            if i and (words[0].group().lower() in CONTENT_NOUNS
                      or words[i - 1].group().lower() in CONTENT_NOUNS):
                # "alieleza furaha kwamba …": the clause belongs to the noun; "ameeleza
                # azma yake … na kwamba atashiriki": the second clause is the verb's.
                again = re.search(r"\bna\s+(?:kwamba|kuwa)\b", text[w.end():limit])
                return w.end() + again.end() if again else None
            if low == "kuwa" and not _main_verbs(art, w.end(), limit) and not any(
                    not is_finite_verb(v.group()) for v in art.verb_words(w.end(), limit)):
                return None  # "alikubali kuwa mgombea", "ilimtangaza kuwa mshindi": to be
            return w.end()
    if not finite and cue.headline_present:
        # Headlines use the "a"-present on both verbs: "X yasema Marekani yachochea vita".
        finite = [w for w in words[:4] if _HEADLINE_VERB.fullmatch(w.group())
                  and not art.in_mention(w.start())]
        return cue.end if finite else None
    if not finite:
        return None
    if not cue.takes_bare_clause or cue.has_object:
        # Other verbs report a bare clause only when it starts right away, without a
        # subject ("likieleza ni kutokana na …", "limeonya Jumatatu hapatakuwa …"); a
        # noun there is their object.
        lead = next((w for w in words if w.group().lower() not in NON_SUBJECT_WORDS), None)
        if lead is not None and finite[0].start() == lead.start():
            return cue.end
        if cue.has_object and cue.stem in TELLING_STEMS and lead is not None:
            return _clause_after_addressee(art, words, lead, finite[0])
        return None
    named, mention = art._post_subject(cue)
    if mention is not None:
        return None  # "alisema Kim …": a subject after the verb, not a clause
    if cue.relative and cue.relative not in ("ye", "o"):
        return None  # "kile alichosema": the verb is inside a noun phrase
    first = words[0].group().lower()
    if first in OBJECT_PRONOUNS or first in COMPLEMENTIZERS:
        return None
    if cue.subject == "" and text[cue.start:cue.start + 2].lower() in ("ku", "kw"):
        # An infinitive reports a bare clause only after a verb ("aliendelea kusema …",
        # "alimalizia kwa kusema …") or as the narrative "na kusema" after one ("alikanusha
        # madai hayo na kusema ni …"); elsewhere it is a purpose ("kwa ajili ya kudai
        # fidia …").
        before = art.words(art.sentence(cue.start)[0], cue.start)
        narrative = bool(before) and before[-1].group().lower() == "na" and bool(
            art.verb_words(art.sentence(cue.start)[0], before[-1].start(), finite_only=True))
        if before and before[-1].group().lower() == "kwa":
            before = before[:-1]
        if not narrative and (not before or not is_finite_verb(before[-1].group())):
            return None
    return cue.end


def _clause_after_addressee(art: _Article, words: list[re.Match], lead: re.Match,
                            verb: re.Match) -> Optional[int]:
    """"ameihakikishia nchi yake [dawa zaidi zitawasili]", "aliiambia VOA [serikali
    itaendelea …]": a verb of telling, its addressee, then a clause with its own subject."""
    k = next(i for i, w in enumerate(words) if w.start() == lead.start())
    mention = next((m for m in art.mentions_in(lead.start(), verb.start()) if m.start == lead.start()), None)
    if mention is not None:
        while k < len(words) and words[k].start() < mention.end:
            k += 1
    else:
        k += 1
    while k < len(words) and words[k].start() < verb.start():
        low = words[k].group().lower()
        if re.fullmatch(r"\s*\(", art.text[words[k - 1].end():words[k].start()]):
            k += 1  # "Sauti ya Amerika (VOA)"
        elif low in ADDRESSEE_DETERMINERS:
            k += 1
        elif low in ("wa", "ya", "la", "cha", "za", "vya"):
            k += 2  # "waandishi wa habari"
        else:
            break
    while k < len(words) and words[k].start() < verb.start() and words[k].group().lower() in ADDRESSEE_TIMES:
        k += 1  # a time after the addressee: "waandishi wa habari siku ya Jumapili"
    if k >= len(words) or words[k].start() >= verb.start():
        return None  # no subject of its own: the words were the addressee's phrase
    if re.search(r"[,;:(]", art.text[words[k - 1].end():words[k].start()]):
        return None  # "aliwaambia wanahabari, lakini …", "alimwambia afisa …, Waziri …"
    subject = words[k:]
    subject = subject[:next(i for i, w in enumerate(subject) if w.start() == verb.start())]
    # The subject may carry a relative clause ("waasi walioanzisha mashambulio …").
    if len(subject) > 12 or subject[0].group().lower() in NON_SUBJECT_WORDS | GENITIVES | {"wala", "au"} \
            or subject[0].group().isdigit() or any(
            not is_relative_verb(v.group()) for v in art.verb_words(subject[0].start(), verb.start())):
        return None
    return subject[0].start()


def _main_verbs(art: _Article, start: int, end: int) -> list[re.Match]:
    return list(_each_main_verb(art, start, end))


def _each_main_verb(art: _Article, start: int, end: int) -> Iterator[re.Match]:
    """Finite verbs of text[start:end] that are not in a relative clause, in text order:
    relative verb forms (i-li-yo-tolewa) and the first verb after an amba- word ("ambayo
    … inamaanisha") are left out. Lazily: a sentence's subject needs only the first."""
    in_relative = False
    for w in art.words(start, end):
        if w.group().lower().startswith("amba"):
            in_relative = True
        elif art.is_verb_word(w, finite_only=True):
            if not in_relative and not is_relative_verb(w.group()):
                yield w
            in_relative = False


def _reporters_verb(art: _Article, cue: SpeechCue, pos: int) -> bool:
    """Whether a verb at `pos` belongs to the reported clause rather than to a direct
    quotation: outside quotation marks, or inside a quoted phrase that the reporter's
    own words surround ("amesema hukumu hiyo “inaonyesha …”", "“…” mpaka alipoota")."""
    q = art.quotation_at(pos)
    if q is None:
        return True
    lead = [w.group().lower() for w in art.words(cue.end, q.open)]
    if lead and lead[0] not in POST_ADJUNCT_WORDS:
        return True
    if q.close is None:
        return False
    return len(art.words(q.close + 1, art.sentence(q.close + 1)[1])) >= 2


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim_blanks(text, start, end)
    while start < end and text[start] in ",:;–-":
        start, end = trim_blanks(text, start + 1, end)
    while end > start and text[end - 1] in ".,;:!?":
        end = trim_blanks(text, start, end - 1)[1]
    return start, end


def _indirect_quotes(art: _Article, direct: list[_Item]) -> list[_Item]:
    text = art.text
    direct_starts = sorted(d.start for d in direct)
    clauses = {}
    for cue in art.cues:
        if cue.negated or cue.start not in art.events:
            continue
        at = _clause_after(art, cue)
        if at is not None:
            clauses[cue.start] = at
    items = []
    for cue in art.cues:
        ev = art.events.get(cue.start)
        if ev is None:
            continue
        s_start, s_end = art.sentence(cue.start)
        at = clauses.get(cue.start)
        if at is None:
            item = _sentence_final(art, cue, ev, clauses)
            if item is not None:
                items.append(item)
            continue
        end = s_end
        # The clause stops where the next reporting verb starts its own clause
        # ("…, akionya kwamba …") or where a direct quotation begins.
        for later in art.cues_between(at, s_end):
            if later.negated:
                continue
            if later.start in clauses:
                end = _boundary_before(text, at, later.start)
                break
            if is_dependent(text, later) and re.search(r",\s*$", text[at:later.start]):
                end = _boundary_before(text, at, later.start)  # "…, ukinukuu tamko …"
                break
            comma = _final_attribution_comma(art, later)
            if comma is not None and comma > at:
                end = comma  # "…, shirika la habari liliripoti": the outer source
                break
        d = bisect.bisect_left(direct_starts, at)
        if d < len(direct_starts) and direct_starts[d] < end:
            end = min(end, _boundary_before(text, at, direct_starts[d]))
        start, end = _trim_content(text, at, end)
        if direct_starts and _starts_direct(text, start, direct_starts):
            continue  # "akisema kwamba “…”": a direct quotation, not an extra item
        if len(art.words(start, end)) >= 2 and (
                end >= s_end - 2 or _main_verbs(art, start, end) or art.inside_quotation(start)):
            # (cut short before the next speaker, it must still say something: "…
            # liliripoti kwamba maseneta 51 wamesema …" leaves only the inner source)
            items.append(_Item(start, end, "indirect", ev))
    return items


def _starts_direct(text: str, start: int, direct_starts: list[int]) -> bool:
    d = bisect.bisect_left(direct_starts, start)
    return d < len(direct_starts) and not text[start:direct_starts[d]].strip(" “\"«‘'")


def _boundary_before(text: str, lo: int, pos: int) -> int:
    """Cut before `pos` and the comma or conjunction that links it, or before the
    words since the last comma when they have no verb (the next speaker: "…,
    siku mbili baada ya shirika la AP kuripoti kuwa …")."""
    head = text[lo:pos]
    m = re.search(r"(?:[,;]?\s*\b(?:na|huku|lakini|ila|kisha|wakati)\b)?[\s,;]*[“\"«‘]?$", head)
    cut = lo + (m.start() if m else len(head))
    comma = text.rfind(",", lo, cut)
    if comma > lo and not any(is_finite_verb(w) for w in WORD.findall(text, comma, cut)):
        return comma
    return cut


# A comma and a conjunction right after a speech verb: the attribution was an aside and
# the writer's sentence goes on.
_PARENTHETICAL_END = re.compile(r"\s*,\s*(?:lakini|ila|ingawa|ingawaje|japo|huku)\b", re.IGNORECASE)


def _final_attribution_comma(art: _Article, cue: SpeechCue) -> Optional[int]:
    """The comma before a sentence-final attribution (`…, polisi wamesema.`,
    `…, alisema X.`), or None when the verb is not one."""
    text = art.text
    if cue.relative or is_dependent(text, cue):
        return None
    s_start, s_end = art.sentence(cue.start)
    comma = text.rfind(",", s_start, cue.start)
    if comma < 0:
        return None
    subject = [w.group().lower() for w in art.words(comma, cue.start)]
    if len(subject) > 12 or art.verb_words(comma, cue.start) or {"ambapo", "ambao", "ambaye"} & set(subject):
        return None
    tail_end = s_end
    if _PARENTHETICAL_END.match(text, cue.end, s_end):
        # "<content>, Facebook imesema, lakini …": the attribution is an aside
        tail_end = text.index(",", cue.end)
    tail = art.words(cue.end, tail_end)
    if len(tail) > 16 or art.verb_words(cue.end, tail_end, finite_only=True):
        return None
    if not [w for w in subject if w not in NON_SUBJECT_WORDS]:
        # "…, alisema X.": the words after the verb must name the speaker.
        named, mention = art._post_subject(cue)
        if not named or (mention is None and len(tail) > 6):
            return None
    return comma


def _sentence_final(art: _Article, cue: SpeechCue, ev: _Event, clauses: dict) -> Optional[_Item]:
    """`<content>, polisi wamesema.`: the content is what precedes the comma. When the
    content reports speech itself ("wizara ilisema kwamba …, shirika la habari
    liliripoti"), only the innermost source counts (ANNOTATION.md): nothing is added."""
    text = art.text
    comma = _final_attribution_comma(art, cue)
    s_start, _ = art.sentence(cue.start)
    if comma is None or any(c.start in clauses for c in art.cues_between(s_start, comma)):
        return None
    start, end = _trim_content(text, s_start, comma)
    between = text[end:cue.start]
    closing = re.match(r"[\s,]*[”\"’»][\s,]*", between)
    if art.inside_quotation(start) or text[start] in "“\"«‘”" or MARKS.search(between) and not (
            # "… utakuwa “ni fursa …,” amesema X" (or "…,” msemaji wa X amesema"): a
            # quoted phrase ends the content
            closing and not MARKS.search(between, closing.end()) and art.inside_quotation(end - 1)):
        return None
    if len(art.words(start, end)) < 3 or not art.verb_words(start, end, finite_only=True):
        return None
    return _Item(start, end, "indirect", ev)


def _attribution_phrases(art: _Article, direct: list[_Item], indirect: list[_Item]) -> list[_Item]:
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
        if np_words and _main_verbs(art, m.end(), np_end) and named and named[0].label in ("PER", "ORG") \
                and not WORD.search(text, m.end(), named[0].start):
            np_end = named[0].end  # no comma after the source: "Kwa mujibu wa X Y atafika"
            np_words = art.words(m.end(), np_end)
        if not np_words or len(np_words) > 20 or np_words[0].group().lower() in NON_SOURCE_NOUNS \
                or _main_verbs(art, m.end(), np_end):
            continue
        i = bisect.bisect_right(covered, (m.start(), len(text))) - 1
        if i >= 0 and covered[i][0] <= m.start() <= covered[i][1] + 2:
            continue  # inside, or right after, another attributed item: innermost wins
        _, speaker = art._noun_phrase_speaker(m.end(), np_end)
        if speaker is None or speaker.label != "PER":
            person = art.appositive_person(np_end)
            if person is None:
                person = _source_name_after_places(art, np_end)
                np_end = person.end if person is not None else np_end
            speaker = person or speaker
        lead = art.words(s_start, m.start())
        if all(w.group().lower() in NON_SUBJECT_WORDS for w in lead):
            start, end = _trim_content(text, np_end, s_end)
        elif (re.search(r",\s*$", text[s_start:m.start()]) or named and named[0].start == m.end()) and (
                not text[np_end:s_end].strip(" .,;:”\"’»") or art.appositive_person(np_end)):
            start, end = _trim_content(text, s_start, m.start())
            if any(_BELIEF_VERB.fullmatch(w.group()) for w in art.verb_words(start, end, finite_only=True)):
                continue  # "X wanaamini …, kulingana na azimio …": the grounds of a belief
        else:
            continue  # mid-sentence it is manner, not a source: "kwa mujibu wa sheria"
        if len(art.words(start, end)) < 3 or art.inside_quotation(start):
            continue
        items.append(_Item(start, end, "indirect", _Event(m.start(), m.end() - 1, speaker)))
    return items


# Verbs of belief and cognition (ANNOTATION.md: not speech): wa-na-amini, a-na-hisi.
_BELIEF_VERB = re.compile(r"\w+(?:amini|hisi|dhani|fikiri|chukulia)", re.IGNORECASE)


def _source_name_after_places(art: _Article, pos: int) -> Optional[_Mention]:
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


# -- partial

def _partial_quotes(art: _Article, embedded: list[Quotation], indirect: list[_Item]) -> list[_Item]:
    """A quoted phrase inside reported speech is that speaker's partial quote; one that
    the speaker says in the first person ("anasema hali imerudi “na ninataka …”") is a
    direct quote, and the reported clause ends before it."""
    items = []
    for q in embedded:
        for it in indirect:
            if it.start <= q.start and q.end <= it.end + 2:
                if it.start >= q.open - 1 and _quoted_clause(art, q):
                    # "kwamba “Hatujaiomba Uganda …,” baada ya …": the complement is the
                    # quoted clause, a direct quote; the words after it are the writer's
                    it.end = it.start
                    items.append(_Item(q.start, q.end, "direct", it.event))
                elif it.start < q.open and _first_person_clause(art, q):
                    it.end = _trim_content(art.text, it.start, q.open)[1]
                    items.append(_Item(q.start, q.end, "direct", it.event))
                else:
                    items.append(_Item(q.start, q.end, "partial", it.event))
                break
    return items


_FIRST_PERSON_VERB = re.compile(r"(?:ni|tu)(?:li|me|na|ta|nge|ngali)\w{2,}", re.IGNORECASE)


def _quoted_clause(art: _Article, q: Quotation) -> bool:
    """The quotation after a complementizer starts with a finite verb of its own
    ("kwamba “Hatujaiomba …"), not a predicate ("ni ukiukaji …") or a phrase ("baada ya …")."""
    if not re.search(r"\b(?:kwamba|kuwa),?\s*$", art.text[max(0, q.open - 12):q.open]):
        return False  # ("amesema “alikuwa na mashaka …” mpaka …" goes on reporting)
    first = WORD.match(art.text, q.start)
    return first is not None and is_finite_verb(first.group()) and not is_relative_verb(first.group()) \
        and first.group().lower() not in COPULAS and not art.in_mention(first.start())


def _first_person_clause(art: _Article, q: Quotation) -> bool:
    """The quotation opens a main clause in the first person: "na ninataka …"."""
    words = [w for w in art.words(q.start, q.end)[:3] if w.group().lower() not in ("na", "lakini", "ila")]
    return bool(words) and _FIRST_PERSON_VERB.fullmatch(words[0].group()) is not None \
        and not is_relative_verb(words[0].group())
