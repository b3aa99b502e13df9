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

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


class LanguageGuard:
    def __init__(self, expected: str = "sw"):
        self.expected = expected
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def foreign_language(self, text: str) -> str | None:
        """The language `text` is confidently written in, when that is not the expected one."""
        if len(text.split()) < MIN_WORDS:
            return None
        language, confidence = self._identifier.classify(text)
        if language == self.expected or confidence < MIN_CONFIDENCE:
            return None
        for paragraph in _PARAGRAPH_BREAK.split(text):
            if len(paragraph.split()) >= MIN_PARAGRAPH_WORDS and self._identifier.classify(paragraph)[0] == self.expected:
                return None
        return language
