"""Refuses text that is confidently not Swahili, rather than annotating it into nonsense.

py3langid ships its model inside the package (no download); it knows 'sw'.
"""
from __future__ import annotations

import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below these the identifier's guesses are unreliable, so such texts are accepted.
MIN_WORDS = 25
MIN_CONFIDENCE = 0.99
# A paragraph this long in the expected language makes a mixed text acceptable.
MIN_PARAGRAPH_WORDS = 8
# The identifier's cost grows with the text; the opening ~300 words decide as well as a
# whole article does (0 of the 932 VOA articles refused either way, see benchmarks/README),
# so a long Swahili text costs no more than a short one.
SAMPLE_CHARS = 2_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def opening(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The first `limit` characters of `text`, from its first word, not ending inside a word."""
    text = text.lstrip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(None, 1)[0]


class LanguageGuard:
    def __init__(self, expected: str = "sw", sample_chars: int | None = SAMPLE_CHARS):
        self.expected = expected
        self.sample_chars = sample_chars
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def foreign_language(self, text: str) -> str | None:
        """The language `text` is confidently written in, when that is not the expected one."""
        if len(text.split(maxsplit=MIN_WORDS - 1)) < MIN_WORDS:
            return None
        sample = opening(text, self.sample_chars) if self.sample_chars else text
        language, confidence = self._identifier.classify(sample)
        if language == self.expected or confidence < MIN_CONFIDENCE:
            return None
        # Only texts that open in another language get here; any paragraph of the expected
        # language, anywhere in the text, still makes it acceptable.
        for paragraph in _PARAGRAPH_BREAK.split(text):
            if len(paragraph.split()) >= MIN_PARAGRAPH_WORDS and self._identifier.classify(paragraph)[0] == self.expected:
                return None
        return language
