"""Swahili speech verbs, recognised from verb stems plus inflectional morphology.

A Swahili finite verb is built as [negation] + subject prefix + tense + [relative] +
[object] + stem (a-li-sema, wa-me-sema, i-li-andika, a-ki-eleza, ha-ku-sema,
a-li-wa-ambia), plus infinitives (ku-sema), the habitual (hu-sema) and the short
"a"-present of headlines (a-sema, ya-sema). No maintained Swahili morphological analyser
ships for Python, so the grammar below is written out here: it is small, compiled once,
and covers exactly the slots that speech verbs use in news prose.
"""
from __future__ import annotations

import re

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


def is_speech_verb(word: str) -> bool:
    """Whether one word is a speech verb: the one definition quotes and entity salience share."""
    return SPEECH_VERB.fullmatch(word) is not None and word.lower() not in SPEECH_LOOKALIKE_NOUNS
