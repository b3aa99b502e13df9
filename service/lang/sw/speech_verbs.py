"""Swahili speech verbs, recognised from verb stems plus inflectional morphology.

A Swahili finite verb is built as [negation] + subject prefix + tense + [relative] +
[object] + stem (a-li-sema, wa-me-sema, i-li-andika, a-ki-eleza, ha-ku-sema,
a-li-wa-ambia), plus infinitives (ku-sema), the habitual (hu-sema) and the short
"a"-present of headlines (a-sema, ya-sema). The slots are verbs.py's; this module adds
the stems of saying and builds the one pattern quotes and entity salience share.
"""
from __future__ import annotations

import functools
import re

from service.lang.sw.verbs import A_PRESENT, CACHE_SIZE, OBJECTS, RELATIVES, SUBJECTS, TENSES, alternation

# Boasting, defending, disclosing, telling the public, recounting, making clear: they
# report only with kuwa/kwamba after them or their object ("alitamba kuwa …", "alijitetea
# kuwa …", "aliutangazia umma kwamba …"); otherwise they are no speech ("mashirika ya
# kutetea haki", "kuwafichua watu wote"), not even next to a quotation. "weka wazi"
# ("aliweka wazi kuwa": made clear) is two words and one cue.
COMPLEMENTIZER_STEMS = frozenset({"tamba", "jigamba", "tetea", "fichua", "tangazia", "simulia",
                                  "tanabahisha", "tanabaisha", "weka wazi", "weka bayana"})

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
    # cues only before kuwa/kwamba
    **dict.fromkeys(sorted(COMPLEMENTIZER_STEMS), False),
}

# The headline present: a-sema, ya-sema; no tense slot.
_A_PRESENT = alternation(A_PRESENT)


def _stem_alternation(stems) -> str:
    # Longest first so that "ongezea" wins over "ongeza".
    return "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))


def _build() -> re.Pattern:
    stem = _stem_alternation(SPEECH_STEMS)
    subjects, tenses = alternation(SUBJECTS), alternation(TENSES)
    relatives, objects = alternation(RELATIVES), alternation(OBJECTS)
    pattern = (
        r"(?<![\w’'])(?:"
        # "ku" in the tense slot is the negative past (ha-ku-sema); elsewhere it is
        # the infinitive (ku-sema).
        rf"(?:(?P<neg>ha|si)(?P<nsubj>{subjects})?(?:{tenses}|ku)"
        rf"|(?P<subj>{subjects})?(?:{tenses}))"
        rf"(?P<rel>{relatives})?(?P<obj>{objects})?"
        rf"|(?P<inf>ku|kw)(?P<infobj>{objects})?|(?P<hab>hu)|(?P<apres>{_A_PRESENT})"
        rf")(?P<stem>{stem})(?![\w’'])"
    )
    return re.compile(pattern, re.IGNORECASE)


SPEECH_VERB = _build()
# Verbs of telling, whose object marker stands for an addressee written after them
# ("alimwambia waziri kwamba …").
TELLING_STEMS = frozenset({"ambia", "hakikishia", "julisha", "arifu", "taarifu", "fahamisha",
                           "thibitishia", "kumbusha", "eleza", "elezea"})
# Verbs of asking, vowing and calling whose quoted object is the subject's own words
# ("akiwasihi “…”", "ameapa “kuwashambulia …”", "kuwaita … ‘wahuni’") though they report
# no clause: not speech verbs, but a quotation after them has a speaker.
QUOTING_STEMS = ("sihi", "apa", "ita", "taja", "omba", "taka", "himiza")
# subject + tense (or the infinitive ku-), an optional object marker, then the stem; the
# subjects as a finite verb's (verbs._FINITE).
QUOTING_VERB = re.compile(
    rf"(?:ku|(?P<subject>{alternation(SUBJECTS, without=('m', 'mu', 'yu', 'ku', 'pa'))})"
    r"(?:li|me|na|ta|ki|ka|nge|ngali))"
    rf"(?P<object>{alternation(OBJECTS, without=('mu', 'ji'))})?(?P<stem>" + "|".join(QUOTING_STEMS) + r")",
    re.IGNORECASE)
# The passive of "quote" (a-li-nukuliwa): its subject is who spoke, its agent only
# reported it ("X alinukuliwa na gazeti Y akisema …" is X's).
QUOTED_PASSIVE = re.compile(r"\w*nukuliwa", re.IGNORECASE)
# Nouns spelled like a speech verb: wa-jibu is "duty", not "they answer".
SPEECH_LOOKALIKE_NOUNS = {"wajibu"}


_STEMS = tuple(SPEECH_STEMS)


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_speech_verb(word: str) -> bool:
    """Whether one word is a speech verb: the one definition quotes and entity salience share."""
    # Most words end in no speech stem, which str.endswith tells faster than the regex
    # (for ASCII words: under IGNORECASE a few other letters match ASCII ones).
    if word.isascii() and not word.lower().endswith(_STEMS):
        return False
    # A verb of COMPLEMENTIZER_STEMS is speech only by what follows it, which one word does not show.
    m = SPEECH_VERB.fullmatch(word)
    return m is not None and word.lower() not in SPEECH_LOOKALIKE_NOUNS \
        and m.group("stem").lower() not in COMPLEMENTIZER_STEMS
