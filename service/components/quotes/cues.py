"""Swahili speech-verb cues, recognised from verb stems plus inflectional morphology.

A Swahili finite verb is built as [negation] + subject prefix + tense + [relative] +
[object] + stem (a-li-sema, wa-me-sema, i-li-andika, a-ki-eleza, ha-ku-sema,
a-li-wa-ambia), plus infinitives (ku-sema), the habitual (hu-sema) and the short
"a"-present of headlines (a-sema, ya-sema). No maintained Swahili morphological analyser
ships for Python, so the grammar below is written out here: it is small, compiled once,
and covers exactly the slots that speech verbs use in news prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Stems of verbs of saying. `True` means the verb takes a bare clause as object
# ("alisema Moscow inafanya ..."); the others report speech only with a complementizer
# (kwamba/kuwa) or next to a quotation, because with a bare object they usually take a
# noun phrase ("alitangaza hali ya dharura").
SPEECH_STEMS: dict[str, bool] = {
    "sema": True,
    "ongeza": True,
    "ongezea": True,
    "sisitiza": True,
    "sisitizia": True,
    "eleza": False,
    "elezea": False,
    "andika": False,
    "dai": True,
    "laumu": True,
    "kosoa": False,
    "ripoti": False,
    "tangaza": False,
    "thibitisha": False,
    "thibitishia": False,
    "onya": False,
    "tahadharisha": False,
    "kiri": False,
    "ahidi": False,
    "dokeza": False,
    "bainisha": False,
    "fafanua": False,
    "ambia": False,
    "julisha": False,
    "arifu": False,
    "taarifu": False,
    "jibu": False,
    "hoji": False,
    "uliza": False,
    "shutumu": False,
    "lalamika": False,
    "kariri": False,
    "tamka": False,
    "hakikishia": False,
    "nukuu": False,
    "shauri": False,
    "pendekeza": False,
    "hitimisha": False,
    "fahamisha": False,
    "kumbusha": False,
    "tuhumu": False,
    "ongea": False,
    "nena": False,
}

_SUBJECTS = "a|wa|i|zi|li|ya|u|ki|vi|tu|ni|m|mu|ku|pa|yu"
_TENSES = "li|me|na|ta|ki|ka|nge|ngali|ja|meshi|mesha"
_RELATIVES = "ye|o|cho|vyo|lo|yo|zo|po|ko|mo|wo"
_OBJECTS = "mw|mu|m|wa|ni|tu|ki|vi|li|ya|i|zi|u|ji|ku"
# The headline present drops the tense slot and fuses subject and "a": a-sema, ya-sema.
_A_PRESENT = "a|wa|ya|za|la|cha|vya|twa"


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


def _stem_alternation(stems) -> str:
    # Longest first so that "ongezea" wins over "ongeza".
    return "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))


def _build() -> re.Pattern:
    stem = _stem_alternation(SPEECH_STEMS)
    pattern = (
        r"(?<![\w’'])(?:"
        # "ku" in the tense slot is the negative past (ha-ku-sema); elsewhere it is
        # the infinitive (ku-sema).
        rf"(?:(?P<neg>ha|si)(?P<nsubj>{_SUBJECTS})?(?:{_TENSES}|ku)"
        rf"|(?P<subj>{_SUBJECTS})?(?:{_TENSES}))"
        rf"(?P<rel>{_RELATIVES})?(?P<obj>{_OBJECTS})?"
        rf"|(?P<inf>ku|kw)(?P<infobj>{_OBJECTS})?|(?P<hab>hu)|(?P<apres>{_A_PRESENT})"
        rf")(?P<stem>{stem})(?![\w’'])"
    )
    return re.compile(pattern, re.IGNORECASE)


SPEECH_VERB = _build()
# Nouns spelled like a speech verb: wa-jibu is "duty", not "they answer".
SPEECH_LOOKALIKE_NOUNS = {"wajibu"}


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
    run_ends = set()
    for stem in SPEECH_STEMS:
        at = lowered.find(stem)
        while at != -1:
            stem_end = at + len(stem)
            if stem_end == len(text) or not _WORD_CHAR.match(text, stem_end):
                run_ends.add(stem_end)
            at = lowered.find(stem, at + 1)
    matches = (SPEECH_VERB.match(text, run_start) for run_start in sorted(_run_start(text, end) for end in run_ends))
    return [m for m in matches if m is not None]


def _run_start(text: str, end: int) -> int:
    start = end
    while start and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return start


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
DEPENDENT_TENSES = re.compile(r"(?:a|wa|i|zi|li|ya|u|ki|vi|tu|ni|m)?(?:ki|ka)", re.IGNORECASE)


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
