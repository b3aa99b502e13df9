"""A bound on the tokenizer's work per whitespace-free run."""
from __future__ import annotations

import re

from spacy.tokens import Doc


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
        doc = self._tokenize(text)
        # The Doc's text is `text`, character for character: kept for the components,
        # which read it whole (Doc._.text, service/components) and would otherwise join
        # it back from the tokens, a Token object each.
        if Doc.has_extension("text"):
            doc._.text = text
        return doc

    def _tokenize(self, text: str) -> Doc:
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
