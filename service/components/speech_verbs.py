"""Swahili speech-verb cues, recognised from verb stems plus inflectional morphology,
and the tests on verb forms in general that the quote component needs.

A Swahili finite verb is built as [negation] + subject prefix + tense + [relative] +
[object] + stem (a-li-sema, wa-me-sema, i-li-andika, a-ki-eleza, ha-ku-sema,
a-li-wa-ambia), plus infinitives (ku-sema), the habitual (hu-sema) and the short
"a"-present of headlines (a-sema, ya-sema). No maintained Swahili morphological analyser
ships for Python, so the grammar below is written out here: it is small, compiled once,
and covers exactly the slots that speech verbs use in news prose.
"""
from __future__ import annotations

import functools
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


# ---------------------------------------------------------------- verb forms in general
# What the quote component asks of other words: is it a finite verb (so a clause has
# begun), a relative verb (so it is inside a noun phrase), a participle?

# Nouns that look like verbs to the prefix grammar (wa-na-nchi, wa-li-mu, wa-ki-mbizi).
VERB_LOOKALIKE_NOUNS = {
    "wananchi", "wanajeshi", "wanahabari", "wanasiasa", "wanafunzi", "wanaharakati",
    "wanachama", "wanamgambo", "wanawake", "wanaume", "walimu", "wanariadha",
    "wanasayansi", "wanamuziki", "wanasheria", "ulimwengu", "wanadamu", "wanandoa",
    "wanakijiji", "wanavijiji", "ulinzi", "wanamaji", "ulingo", "umeme", "ilani",
    "wakimbizi", "mkimbizi", "wakili", "mawakili", "wakilishi", "wawakilishi",
    "wanadiplomasia", "wanazuoni", "unafuu", "ulimi", "wanyama", "umaskini",
    "wataalamu", "wataalam", "watafiti", "watangazaji", "walinzi", "kinara", "wanahisa",
    "wanamapinduzi", "wanaharakati", "utafiti", "ulimwenguni", "utawala", "utaratibu",
    "utata", "utajiri", "utaifa", "utangazaji", "utamaduni", "utalii", "utaalamu",
    "watatu", "watano", "wanane", "watanzania", "wanafamilia", "hatari", "hatarini",
    "hatamu", "sikukuu", "kilimo", "vitambulisho", "vitabu", "kitabu", "kitaifa",
    "kitaaluma", "amerika", "wamarekani", "walinda", "ulimwengu", "habari", "harakati",
    "hadithi", "halmashauri", "hospitali", "hakimu", "hasira", "akili", "wakala",
    "mawakala", "makini",
}
# Copulas and the like open a predicate; so does the modal "lazima" before a subjunctive
# ("orodha lazima iidhinishwe").
COPULAS = {"ni", "si", "lazima", "sio", "siyo", "ndiyo", "ndio", "ndiye", "ndicho", "ndilo", "ndizo", "ndivyo", "ndiwo", "hana", "hawana", "hayana", "haina", "hazina",
           "hakina", "halina", "havina", "hauna", "ana", "wana", "ina", "zina", "lina", "kina",
           "vina", "yana", "una", "tuna", "nina", "kuna", "kulikuwa", "kutakuwa", "yuko", "wako",
           "iko", "ziko", "liko", "kuko", "hakuna", "hayupo", "yupo", "wapo", "ipo", "lipo",
           "kumekuwa", "kumekuwepo", "kulikuwepo", "kutakuwepo"}
# Cues whose subject is the main clause's: participles, narrative tense, infinitives.
DEPENDENT_TENSES = re.compile(r"(?:a|wa|i|zi|li|ya|u|ki|vi|tu|ni|m)?(?:ki|ka)", re.IGNORECASE)
# A finite verb: subject + tense + stem (a-li-fika, i-na-weza), the class-15 forms
# (ku-me-kuwa), and the negatives (ha-i-wez-i, ha-ku-sema, ha-pa-ta-kuwa).
_FINITE = re.compile(
    r"(?:a|wa|i|zi|li|ya|u|ki|vi|tu|ni|pa)(?:li|me|na|ta|nge|ngali|mesha)\w{2,}"
    r"|ku(?:me|na)\w{3,}"
    r"|ha(?:wa|tu|i|zi|li|ya|vi|u|ki)?\w{2,}i"  # negative present: ha-i-wez-i, ha-tak-i
    r"|(?:ha|si)(?:wa|tu|m|i|zi|li|ya|vi|u|ki|pa|ku)?(?:ku|ja|ta)\w{2,}"
    r"|(?:a|wa|i|zi|li|ya|u|ki|vi|tu|ni)si\w{2,}e",  # negative subjunctive: a-si-wez-e
    re.IGNORECASE,
)
# The relative "o" follows only the subjects that take it (wa-li-o-, u-na-o-); after
# "a" it would be the first vowel of a stem (a-ta-omba).
_RELATIVE_VERB = re.compile(
    r"(?:a|wa|i|zi|li|ya|u|ki|vi|tu|ni|ku|pa)(?:li|na|ta|nge)(?P<rel>ye|cho|vyo|lo|yo|zo|po|ko|mo)\w{2,}"
    r"|(?:wa|u|tu|m|ku)(?:li|na|ta|nge)(?P<rel_o>o)\w{2,}",
    re.IGNORECASE)
# Common stems that begin like a relative marker: a-li-pokea is "received", not
# a-li-po-kea; i-na-kosa is "lacks", not i-na-ko-sa.
_RELATIVE_LOOKALIKE_STEMS = ("pokea", "pokel", "pongez", "potea", "potez", "pona", "ponya",
                             "pokonya", "pora", "kosa", "kosea", "kosoa", "kosol", "komesh",
                             "kombo", "kopa", "chochea", "chora", "chokoz", "zoea", "zoez",
                             "lowa", "yeyusha", "mong")
_PARTICIPLE = re.compile(r"(?:a|wa|i|zi|li|ya|u|ki|vi|tu|ni|m)ki\w{2,}", re.IGNORECASE)


def is_dependent(text: str, cue: SpeechCue) -> bool:
    """Participles, the narrative tense and infinitives (a-ki-sema, a-ka-sema, ku-sema)."""
    return cue.subject == "" or DEPENDENT_TENSES.fullmatch(
        text[cue.start:cue.end][:len(cue.subject) + 2].lower()) is not None


# Small, so that new words cannot grow a worker (benchmarks/README.md, section 2).
CACHE_SIZE = 4096


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_relative_verb(word: str) -> bool:
    m = _RELATIVE_VERB.match(word)
    if m is None:
        return False
    at = m.start("rel") if m.group("rel") else m.start("rel_o")
    return not word[at:].lower().startswith(_RELATIVE_LOOKALIKE_STEMS)


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_finite_verb(word: str) -> bool:
    low = word.lower()
    if low in COPULAS:
        return True
    if low in VERB_LOOKALIKE_NOUNS:
        return False
    return bool(_FINITE.fullmatch(low))


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_verb(word: str) -> bool:
    return is_finite_verb(word) or (word.lower() not in VERB_LOOKALIKE_NOUNS
                                and bool(_PARTICIPLE.fullmatch(word)))
