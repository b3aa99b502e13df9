"""Tests on Swahili verb forms in general that the quote rules need: is a word a finite
verb (so a clause has begun), a relative verb (so it is inside a noun phrase), a
participle? Read off the prefixes, as in cues.py: no Swahili morphological analyser ships
for Python.
"""
from __future__ import annotations

import functools
import re

from service.components.quotes.words import QUOTING_STEMS

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


# subject + tense (or the infinitive ku-), an optional object marker, then the stem
QUOTING_VERB = re.compile(
    r"(?:ku|(?P<subject>a|wa|i|li|ki|u|zi|ya|vi|tu|ni)(?:li|me|na|ta|ki|ka|nge|ngali))"
    r"(?P<object>mw|m|wa|ku|ni|tu|i|li|ki|vi|zi|u|ya)?(?P<stem>" + "|".join(QUOTING_STEMS) + r")",
    re.IGNORECASE)
