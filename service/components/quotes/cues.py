"""Speech-verb cues in a text: where the verbs of service/lang/sw/speech_verbs.py occur,
with their morphology read off the match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from service.lang.sw.speech_verbs import COMPLEMENTIZER_STEMS, SPEECH_LOOKALIKE_NOUNS, SPEECH_STEMS, SPEECH_VERB
from service.lang.sw.verbs import SUBJECTS, alternation, is_finite_verb


@dataclass(frozen=True)
class SpeechCue:
    start: int
    end: int
    stem: str
    subject: str  # subject prefix ("a", "wa", "i", ...), "" for infinitives and habituals
    negated: bool
    relative: str  # relative marker ("ye", "o", "cho", ...) or ""
    has_object: bool
    takes_bare_clause: bool
    headline_present: bool = False  # the tenseless "a"-present of headlines: a-sema, ya-sema


# Characters that match an ASCII letter of SPEECH_VERB under IGNORECASE but are not that
# letter once lowercased ("İ", "ı", "ſ", Kelvin "K"): such a text is left to the regex.
_CASELESS_ONLY = frozenset("\u0130\u0131\u017f\u212a")
_WORD_CHAR = re.compile(r"[\w’']")


def _speech_verb_matches(text: str) -> list[re.Match]:
    """The matches of SPEECH_VERB.finditer(text), found faster. A match is a whole run of
    word characters (the lookarounds) that ends with a stem, so the regex is tried only at
    the start of runs where str.find sees a stem end, rather than at every word; at ~1/3
    of the time of the plain scan, which was the quote component's largest step."""
    lowered = text.lower()
    if len(lowered) != len(text) or not _CASELESS_ONLY.isdisjoint(text):
        return list(SPEECH_VERB.finditer(text))
    run_starts = set()
    for stem in SPEECH_STEMS:
        at = lowered.find(stem)
        while at != -1:
            stem_end = at + len(stem)
            if stem_end == len(text) or not _WORD_CHAR.match(text, stem_end):
                # from the stem's start: a stem of two words ("weka wazi") spans two runs
                run_starts.add(_run_start(text, at))
            at = lowered.find(stem, at + 1)
    matches = (SPEECH_VERB.match(text, run_start) for run_start in sorted(run_starts))
    return [m for m in matches if m is not None]


def _run_start(text: str, end: int) -> int:
    start = end
    while start and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return start


# kuwa/kwamba right after a verb, or after up to three words of the object its object
# marker announces ("aliutangazia umma kwamba"; not "kutetea haki za binadamu kuwa").
_COMPLEMENTIZER = re.compile(r"[\s,]+(?:kuwa|kwamba)\b")
_OBJECT_THEN_COMPLEMENTIZER = re.compile(r"(?P<object>(?:[\s,]+[\w’']+){0,3}?)[\s,]+(?:kuwa|kwamba)\b")


def _complementizer_follows(text: str, m: re.Match) -> bool:
    """Whether kuwa/kwamba introduces the verb's clause: right after it, or after its object
    where none of the object's words is a verb, whose the complementizer would be
    ("kuzifichua ndumba hizo alizodai kuwa"), or `kana` ("kuitetea serikali kana kwamba": as if)."""
    if not (m.group("obj") or m.group("infobj")):
        return _COMPLEMENTIZER.match(text, m.end()) is not None
    after = _OBJECT_THEN_COMPLEMENTIZER.match(text, m.end())
    return after is not None and not any(w.lower() == "kana" or is_finite_verb(w)
                                         for w in after.group("object").replace(",", " ").split())


def find_speech_cues(text: str, start: int = 0, end: int | None = None):
    """Yield every speech verb in text[start:end] as a SpeechCue (char offsets into text)."""
    if start == 0 and end is None:
        matches = _speech_verb_matches(text)
    else:
        matches = SPEECH_VERB.finditer(text, start, len(text) if end is None else end)
    for m in matches:
        if m.group().lower() in SPEECH_LOOKALIKE_NOUNS:
            continue
        stem = m.group("stem").lower()
        if stem not in SPEECH_STEMS:
            # The regex ignores case, so "ſ", "ı", "İ" and Kelvin "K" match s, i, i, k;
            # lowercased, such a stem is not a listed verb ("aliſema"): not a cue.
            continue
        if stem in COMPLEMENTIZER_STEMS and not _complementizer_follows(text, m):
            continue
        neg = m.group("neg")
        yield SpeechCue(
            start=m.start(),
            end=m.end(),
            stem=stem,
            subject=(m.group("subj") or m.group("nsubj") or m.group("apres") or "").lower(),
            negated=bool(neg),
            relative=(m.group("rel") or "").lower(),
            has_object=bool(m.group("obj") or m.group("infobj")),
            takes_bare_clause=SPEECH_STEMS[stem],
            headline_present=bool(m.group("apres")),
        )


# Cues whose subject is the main clause's: participles, narrative tense, infinitives.
DEPENDENT_TENSES = re.compile(rf"(?:{alternation(SUBJECTS, without=('mu', 'yu', 'ku', 'pa'))})?(?:ki|ka)",
                              re.IGNORECASE)


def is_dependent(text: str, cue: SpeechCue) -> bool:
    """Participles, the narrative tense and infinitives (a-ki-sema, a-ka-sema, ku-sema)."""
    return cue.subject == "" or DEPENDENT_TENSES.fullmatch(
        text[cue.start:cue.end][:len(cue.subject) + 2].lower()) is not None


_REFUSAL = re.compile(r"(?:\w*kataa|\w*taka|\w*agiza|\w*lazimisha|bila\s+ya|bila)\s+$",
                      re.IGNORECASE)
_NAMED_SPEECH = re.compile(r"\b(?:kile|yale)\s+(?:amba\w+\s+)?$", re.IGNORECASE)


def refused(text: str, cue: SpeechCue) -> bool:
    """Speech that did not happen or is only named: "ilikataa kusema", "bila kueleza",
    "wamemtaka kusema" (demanded), "kile amedai kuwa …" (what he claimed)."""
    before = max(0, cue.start - 24)
    if _NAMED_SPEECH.search(text, before, cue.start):
        return True
    return cue.subject == "" and _REFUSAL.search(text, before, cue.start) is not None
