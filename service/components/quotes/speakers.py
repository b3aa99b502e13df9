"""Who says each speech verb: the candidates the rules read off the text, and the choice
among them.

The seam is `choose_speaker(candidates) -> SpeakerChoice`: `SpeakerCandidates` offers
every reading of one cue (the subject before the verb, after it, the main clause's, the
sender of a message, the previous speaker of its kind), each computed only when asked;
`choose_speaker` is the rule cascade that picks one. A learned chooser replaces that
function and reads the same candidates.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from spacy.tokens import Doc

from service.components.quotes.candidates import Candidate, build_candidates, opener_positions
from service.components.quotes.cues import SpeechCue, is_dependent
from service.components.quotes.model import SpeakerModel
from service.components.quotes.noun_phrases import noun_phrase_speaker
from service.components.quotes.records import SpeakerMention, SpeechEvent
from service.components.quotes.subjects import (
    coordinated,
    inside_report,
    main_clause_subject,
    post_subject,
    pre_subject,
    sentence_subjects,
    verb_opens_clause,
)
from service.components.quotes.text import TextIndex
from service.lang.sw.nouns import DOCUMENT_HEADS
from service.lang.sw.verbs import (
    AUXILIARY_ENDINGS,
    PERSON_PREFIXES,
    SUBJECTS,
    TENSES,
    alternation,
    is_relative_verb,
)

# What one reading of the text says of a cue: (a subject is written, the mention it
# names); (True, None) is a subject that names no one in particular ("wachambuzi").
SubjectReading = tuple[bool, Optional[SpeakerMention]]


# A finite auxiliary right before an infinitive speech verb ("Inaendelea kusema").
_AUXILIARY = re.compile(rf"\b(?P<subject>{alternation(SUBJECTS)})(?:{alternation(TENSES)})\w*"
                        rf"(?:{alternation(AUXILIARY_ENDINGS)})\s+$", re.IGNORECASE)


def subject_prefix(art: TextIndex, cue: SpeechCue) -> str:
    """The verb's subject prefix; an infinitive after an auxiliary has the auxiliary's
    ("Barua hiyo … Inaendelea kusema": a document's, not a person's)."""
    if cue.subject == "":
        aux = _AUXILIARY.search(art.text, max(0, cue.start - 30), cue.start)
        if aux is not None:
            return aux.group("subject").lower()
    return cue.subject


def _person_by_prefix(art: TextIndex, cue: SpeechCue) -> bool:
    prefix = subject_prefix(art, cue)
    return prefix in PERSON_PREFIXES or prefix == ""


def _coordinated_speech(art: Reading, cue: SpeechCue) -> Optional[SpeechEvent]:
    """"X amewaambia … kwamba …, na aliongeza kusema “…”": a speech verb joined by
    "na" to an earlier one of the same subject class, or an infinitive right after
    one, is the same speaker's, whatever the reported clause between has for a subject.
    So is a participle of the same subject class right after one ("serikali ikajibu
    ikisema …"), even where that one is itself dependent."""
    s, _ = art.sentence(cue.start)
    before = art.cues_between(s, cue.start)
    if before and before[-1].start in art.events and not art.text[before[-1].end:cue.start].strip() \
            and (cue.subject == "" or is_dependent(art.text, cue) and before[-1].subject == cue.subject):
        return art.events[before[-1].start]  # "aliongeza kusema": one speech act
    if not re.search(r"\b(?:na|kisha)\s+$", art.text[s:cue.start]):
        return None
    earlier = [c for c in art.cues_between(s, cue.start) if c.start in art.events
               and not c.negated and c.subject == cue.subject and not is_dependent(art.text, c)]
    return art.events[earlier[-1].start] if earlier else None


def _sender(art: Reading, cue: SpeechCue) -> tuple[bool, Optional[SpeakerMention]]:
    """"X alituma ujumbe kupitia Twitter uliosema, “…”": a message that says something
    speaks for whoever sent or wrote it, the subject of the verb before it."""
    s, _ = art.sentence(cue.start)
    message = [w for w in art.words(s, cue.start)[-8:] if w.group().lower() in DOCUMENT_HEADS]
    if not message:
        return False, None
    sent = [w for w in art.verb_words(s, message[-1].start(), finite_only=True)
            if not is_relative_verb(w.group())]
    if not sent:
        return False, None
    verb = SpeechCue(sent[-1].start(), sent[-1].end(), "", "a", False, "", False, False)
    return pre_subject(art, verb, dependent=False)


def _quoting(art: Reading, cue: SpeechCue) -> None:
    """"taarifa ya Iwacu imesema, ikimnukuu mfungwa huyo": the words are the
    quoted person's, the innermost source, for the verbs before in the sentence and for
    the quoting verb itself (whose participle then follows: "Taarifa inamnukuu msemaji
    X, akisema …")."""
    s, e = art.sentence(cue.start)
    stop = re.search(r"[,.;:“”\"«»]", art.text[cue.end:e])
    named, mention = noun_phrase_speaker(art, cue.end, cue.end + stop.start() if stop else e)
    if named:
        for earlier in art.cues_between(s, cue.end):
            if earlier.start in art.events:
                art.events[earlier.start] = SpeechEvent(earlier.start, earlier.end, mention)


class Reading(TextIndex):
    """The article as the quote rules read it: the text lookups, the people who open
    sentences as subjects, and the speaker each speech verb resolved to (`events`, by
    the verb's start; later rules and cues consult the earlier ones). With a `model`,
    the learned chooser picks among the candidates, else the rule cascade does;
    `trace` (training) receives every cue's candidates by the verb's start."""

    def __init__(self, doc: Doc, text: str, model: Optional[SpeakerModel] = None,
                 trace: Optional[dict[int, list[Candidate]]] = None):
        super().__init__(doc, text)
        self.subjects = sentence_subjects(self)
        self.subject_starts = [p for p, _ in self.subjects]
        self.opener_first = opener_positions(self.subjects)
        self.events: dict[int, SpeechEvent] = {}
        self.model = model
        self.trace = trace
        resolve_cue_speakers(self)


@dataclass
class SpeakerChoice:
    named: bool  # a subject is written for the cue; False: carried over from before
    mention: Optional[SpeakerMention]


def _reading(rule):
    """A candidate read by rule(art, cue) when first asked for, then kept: most cues
    are settled by the first one or two, and the rules are the component's costliest."""
    return cached_property(lambda self: rule(self.art, self.cue))


class SpeakerCandidates:
    """Every reading of who says one cue. `dependent`: a participle, narrative tense or
    infinitive (a-ki-sema, a-ka-sema, ku-sema); `coordinated_event`: an earlier speech
    verb of the same speaker the cue is joined to; `before_verb`, `after_verb`,
    `main_clause`, `sender`: the subject written there (SubjectReading);
    `opens_clause`: only grammar words precede the verb in its clause;
    `coordinated_verb`: a second finite verb of the sentence's subject."""

    dependent = _reading(lambda art, cue: is_dependent(art.text, cue))
    coordinated_event = _reading(_coordinated_speech)
    before_verb = _reading(lambda art, cue: pre_subject(art, cue, is_dependent(art.text, cue)))
    after_verb = _reading(post_subject)
    sender = _reading(_sender)
    main_clause = _reading(main_clause_subject)
    opens_clause = _reading(verb_opens_clause)
    coordinated_verb = _reading(coordinated)

    def __init__(self, art: Reading, cue: SpeechCue, last_speaker: dict):
        self.art = art
        self.cue = cue
        # person / body: (position, mention) of the last speaker of that kind
        self._last_speaker = last_speaker

    def carried_over(self, person: bool) -> Optional[SpeakerMention]:
        """No subject written: the last speaker of the same kind, or a person who has
        since opened a sentence as its subject."""
        pos, mention = self._last_speaker[person] or (-1, None)
        if person:
            k = bisect.bisect_left(self.art.subject_starts, self.cue.start) - 1
            if k >= 0 and self.art.subject_starts[k] > pos:
                mention = self.art.subjects[k][1]
            if self.cue.subject == "wa" and mention is not None and mention.label == "PER":
                return None  # a plural verb ("Wanasema") is not one person's
        return mention


def choose_speaker(c: SpeakerCandidates) -> SpeakerChoice:
    """The rules' choice among the candidates, in order of trust."""
    cue = c.cue
    earlier = c.coordinated_event
    if earlier is not None:
        named, mention = True, earlier.speaker
    else:
        named, mention = c.before_verb
    if named and mention is None and not c.dependent:
        # "Kupata chanjo sio … ameongeza Biden": a name right after the verb is
        # its subject and the words before are what was said.
        post = c.after_verb[1]
        if post is not None and post.label in ("PER", "ORG"):
            mention = post
    if not named and cue.relative == "o" and cue.subject not in PERSON_PREFIXES:
        named, mention = c.sender
    if not named and c.opens_clause:
        # Only a verb that opens its clause can have its subject after it
        # (`,” alisema Kim.`, "Amesema mkaazi …"); "watakuwa wanadai haki" has
        # its object there.
        named, mention = c.after_verb
    if not named and (c.dependent or c.coordinated_verb):
        named, mention = c.main_clause
    if named:
        return SpeakerChoice(True, mention)
    return SpeakerChoice(False, c.carried_over(_person_by_prefix(c.art, cue)))


def resolve_cue_speakers(art: Reading) -> None:
    last_speaker = {True: None, False: None}
    for cue in art.cues:
        if cue.negated:
            continue
        candidates = SpeakerCandidates(art, cue, last_speaker)
        choice, confidence = choose_speaker(candidates), None
        if art.model is not None or art.trace is not None:
            ranked = build_candidates(candidates, choice)
            if art.trace is not None:
                art.trace[cue.start] = ranked
            if art.model is not None:
                best, confidence = art.model.choose(ranked)
                # a chosen name becomes the last speaker; "no one" keeps the rules' reading
                choice = SpeakerChoice(best.mention is not None or choice.named, best.mention)
        mention = choice.mention
        if choice.named:
            person = mention.label == "PER" if mention is not None else _person_by_prefix(art, cue)
            if mention is not None or not inside_report(art, cue.start):
                # (an unnamed source inside someone's reported clause, "… akisisitiza
                # kwamba mwenyekiti wa chama ameandika …", is not who speaks next)
                last_speaker[person] = (cue.start, mention)
        art.events[cue.start] = SpeechEvent(cue.start, cue.end, mention, confidence)
        if cue.stem == "nukuu" and cue.has_object:
            _quoting(art, cue)
