"""The Swahili `Language` (code "sw"): spaCy ships none, so Habari defines its own.

Importing this module registers it under ``spacy.registry.languages`` so that a
pipeline saved with ``lang = "sw"`` loads with ``spacy.load``.
"""
from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM, NORM, ORTH
from spacy.lang.char_classes import ALPHA, ALPHA_UPPER
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.tokens import Doc
from spacy.util import registry, update_exc
from thinc.api import NumpyOps, set_current_ops

# Titles and common abbreviations of Swahili news prose. Kept as one token (with a
# lowercase norm) so that their period is never read as the end of a sentence.
_ABBREVIATIONS = (
    "Bw.",  # Bwana
    "Bi.",  # Bibi
    "Dkt.",  # Daktari
    "Dk.",
    "Prof.",
    "Mhe.",  # Mheshimiwa
    "Mh.",
    "Mwl.",  # Mwalimu
    "Mch.",  # Mchungaji
    "Ndg.",  # Ndugu
    "Jen.",  # Jenerali
    "Kapt.",
    "Eng.",
    "Sh.",  # shilingi
    "Tsh.",
    "Na.",  # namba
    "S.L.P.",  # sanduku la posta
    "n.k.",  # na kadhalika
    "k.m.",  # kwa mfano
    "k.v.",  # kama vile
    "uk.",  # ukurasa
    "Jan.",
    "Feb.",
    "Apr.",
    "Ago.",
    "Sept.",
    "Sep.",
    "Okt.",
    "Nov.",
    "Des.",
)


def _abbreviation_exceptions() -> dict:
    exceptions = {}
    for orth in _ABBREVIATIONS:
        exceptions[orth] = [{ORTH: orth, NORM: orth.lower()}]
        if orth[0].islower():
            exceptions[orth.capitalize()] = [{ORTH: orth.capitalize(), NORM: orth}]
    return exceptions


TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _abbreviation_exceptions())

# Scraped news glues words that the page showed apart. Split only where that is safe:
# - "2024.Picha": a period between a digit and a capital starts a new sentence (dates
#   and decimals never put a capital right after the period);
# - "asubuhiPicha", "PutinPicha": a photo credit "Picha:" glued to the caption's last
#   word. A general lowercase→uppercase split would break "JavaScript", "WhatsApp",
#   "McDonald", so only this credit word is split off.
# - quotation marks run into the words around them ("Mwema”,gazeti", ',”alisema',
#   'alisema."Alisisitiza'): a double mark or guillemet never belongs inside a word, so it
#   is split wherever it is, with the punctuation next to it. Single marks also serve as
#   apostrophes ("ng'ombe", "Matiang’i"), so they are split only beside punctuation;
# - a comma between a number and a word ("2013,toleo", "Machi,2024"), which spaCy's
#   letter-only comma rule leaves whole; a pipe separating caption parts ("Kaskazini|").
_DOUBLE_QUOTES = "\"“”„«»"
_ANY_QUOTES = _DOUBLE_QUOTES + "‘’'"
TOKENIZER_INFIXES = TOKENIZER_INFIXES + [
    rf"(?<=[0-9])\.(?=[{ALPHA_UPPER}])",
    r"(?<=[a-z])(?=Picha\b)",
    rf"[{_DOUBLE_QUOTES}]",
    rf"(?<=[{ALPHA}0-9])[,.!?;:](?=[{_ANY_QUOTES}])",
    rf"(?<=[{_ANY_QUOTES}])[,.!?;:]",
    rf"(?<=[,.!?;:])[‘’'](?=[{ALPHA}])",
    rf"(?<=[0-9]),(?=[{ALPHA}])|(?<=[{ALPHA}]),(?=[0-9])",
    r"\|",
]
# "tangu 2008- 2010": a dash left hanging after a year is not part of it; "Pyongyang|":
# a caption's pipe at either end of a word.
TOKENIZER_SUFFIXES = TOKENIZER_SUFFIXES + [r"(?<=[0-9])[-–—]", r"\|"]
TOKENIZER_PREFIXES = TOKENIZER_PREFIXES + [r"\|"]

_NUMBER_WORDS = frozenset(
    """
    sifuri moja mbili tatu nne tano sita saba nane tisa kumi ishirini thelathini
    arobaini hamsini sitini sabini themanini tisini mia elfu laki milioni bilioni
    trilioni nusu robo
    """.split()
)


def like_num(text: str) -> bool:
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        numerator, denominator = text.split("/")
        return numerator.isdigit() and denominator.isdigit()
    return text.lower() in _NUMBER_WORDS


class BoundedTokenizer:
    """spaCy's tokenizer with a bound on the work one whitespace-free run can cost.

    spaCy strips a run's prefixes and suffixes one at a time and searches the rest of the
    run again after each, so a run of punctuation costs time quadratic in its length
    (10,000 commas: 16 s; 20,000: 72 s), enough for one request to hold a worker. Runs
    longer than any word or ordinary link are tokenized in pieces of `max_run` characters
    and the pieces joined back into one Doc with the text unchanged. Everything else is
    delegated to the wrapped tokenizer (memory zones included).
    """

    def __init__(self, tokenizer, max_run: int = 200):
        self.tokenizer = tokenizer
        self.max_run = max_run
        self._long_run = re.compile(rf"\S{{{max_run + 1},}}")

    def __call__(self, text: str) -> Doc:
        if not self._long_run.search(text):
            return self.tokenizer(text)
        segments, pos = [], 0
        for run in self._long_run.finditer(text):
            segments.append(text[pos:run.start()])
            segments.extend(text[i:min(i + self.max_run, run.end())]
                            for i in range(run.start(), run.end(), self.max_run))
            pos = run.end()
        segments.append(text[pos:])
        docs = [self.tokenizer(segment) for segment in segments if segment]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


class SwahiliDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    infixes = TOKENIZER_INFIXES
    suffixes = TOKENIZER_SUFFIXES
    lex_attr_getters = {**BaseDefaults.lex_attr_getters, LIKE_NUM: like_num}


@registry.languages("sw")
class Swahili(Language):
    lang = "sw"
    Defaults = SwahiliDefaults


# thinc's bundled blis matrix kernels ran 1.8x slower than numpy's OpenBLAS on the
# project's machine (tok2vec + ner, one thread: 20k vs 37k words/s predicting, 7.9k vs
# 14.7k training). Models are built with the ops current at their creation, so this
# must run before `spacy.load`; every Habari entry point (load_pipeline, `spacy train
# --code service/language.py`) imports this module first.
set_current_ops(NumpyOps(use_blis=False))

__all__ = ["BoundedTokenizer", "Swahili"]
