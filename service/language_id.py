"""Refuses text that is confidently not Swahili, rather than annotating it into nonsense.

py3langid ships its model inside the package (no download); it knows 'sw'.
"""
from __future__ import annotations

import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from service.lang.sw.common_words import COMMON_WORDS
from service.lang.sw.verbs import SUBJECTS, alternation

# Below this many words the identifier's guesses are unreliable ("Hello from London" is
# Nigerian Pidgin to it at 0.31); such a text is refused only when it holds no Swahili
# word either (`is_swahili_word`).
MIN_WORDS = 25
MIN_CONFIDENCE = 0.99
# A paragraph this long in the expected language makes a mixed text acceptable.
MIN_PARAGRAPH_WORDS = 8
# The identifier's cost grows with the text; the opening ~300 words decide as well as a
# whole article does (0 of the 932 VOA articles refused either way, see benchmarks/README),
# so a long Swahili text costs no more than a short one.
SAMPLE_CHARS = 2_000
# An opening where this share of the words are frequent Swahili news words (COMMON_WORDS)
# is Swahili without asking the identifier, the check's costliest step. Swahili news
# openings sit well above it and English or French prose far below;
# `python -m benchmarks.language_check` prints the shares and both costs.
MIN_SWAHILI_WORD_SHARE = 0.2

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")

# "und" (BCP 47: undetermined) for a short text with no Swahili word that the identifier
# cannot name confidently.
UNDETERMINED = "und"

# Shapes few words of other languages take: a verb's subject and tense prefixes (a-li-sema,
# wa-me-fika, i-ta-jenga); initial clusters of the m-/mw-/ny- noun classes (mkoa, mwaka,
# nyumba, ng'ombe); the locative -ni (nchini, hospitalini); a headline verb's subject prefix
# and final -a (atoka, afanya, zasitisha); passive and causative endings (aapishwa).
_SWAHILI_SHAPES = re.compile(
    rf"(?:{alternation(SUBJECTS + ('hu',), without=('yu',))})(?:li|na|ta|me|ka|ki|nge|ngeli|mesha|lisha)[a-z']{{2,}}"
    r"|(?:m[bcdfgjklnpstvwyz]|ny|ng'|ch|vy|kw)[a-z']{2,}"
    r"|[a-z']{3,}ni"
    r"|(?:a|wa|ya|za)[bcdfghjklmnpstvwyz][a-z']{2,}a"
    r"|[a-z']{2,}(?:ishwa|eshwa|iwa|ewa)"
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def is_swahili_word(word: str) -> bool:
    word = word.lower().replace("’", "'")
    return word in COMMON_WORDS or _SWAHILI_SHAPES.fullmatch(word) is not None


def swahili_word_share(text: str) -> float:
    """The share of `text`'s words that are in the list of frequent Swahili news words."""
    words = WORD.findall(text)
    if not words:
        return 0.0
    return sum(word.lower() in COMMON_WORDS for word in words) / len(words)


def opening(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The first `limit` characters of `text`, from its first word, not ending inside a word."""
    text = text.lstrip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(None, 1)[0]


class LanguageGuard:
    def __init__(self, expected: str = "sw", sample_chars: int | None = SAMPLE_CHARS,
                 min_swahili_share: float | None = MIN_SWAHILI_WORD_SHARE):
        self.expected = expected
        self.sample_chars = sample_chars
        # None: always ask the identifier (benchmarks/language_check.py compares the two).
        self.min_swahili_share = min_swahili_share if expected == "sw" else None
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def foreign_language(self, text: str) -> str | None:
        """The language `text` is confidently written in, when that is not the expected one;
        UNDETERMINED for a short text with no Swahili word that the identifier cannot name."""
        if len(text.split(maxsplit=MIN_WORDS - 1)) < MIN_WORDS:
            return self._short_text_language(text)
        sample = opening(text, self.sample_chars) if self.sample_chars else text
        if self.min_swahili_share is not None and swahili_word_share(sample) >= self.min_swahili_share:
            return None
        language, confidence = self._identifier.classify(sample)
        if language == self.expected or confidence < MIN_CONFIDENCE:
            return None
        # Only texts that open in another language get here; any paragraph of the expected
        # language, anywhere in the text, still makes it acceptable.
        for paragraph in _PARAGRAPH_BREAK.split(text):
            if len(paragraph.split()) >= MIN_PARAGRAPH_WORDS and self._identifier.classify(paragraph)[0] == self.expected:
                return None
        return language

    def _short_text_language(self, text: str) -> str | None:
        if self.expected != "sw":
            return None  # the word list is Swahili's
        words = WORD.findall(text)
        # Nothing to judge (numbers, symbols), or one Swahili word is enough: names and
        # loanwords make up much of a short Swahili headline.
        if not words or any(is_swahili_word(word) for word in words):
            return None
        language, confidence = self._identifier.classify(text)
        if language == self.expected:
            return None
        return language if confidence >= MIN_CONFIDENCE else UNDETERMINED
