"""The language guard decides on the opening of a long text, and still accepts mixed ones."""
from __future__ import annotations

from service.language_id import SAMPLE_CHARS, LanguageGuard, opening
from tests.test_operations import ENGLISH, SWAHILI

GUARD = LanguageGuard("sw")


class CountingIdentifier:
    def __init__(self, identifier):
        self.identifier = identifier
        self.lengths: list[int] = []

    def classify(self, text):
        self.lengths.append(len(text))
        return self.identifier.classify(text)


def test_opening_is_bounded_and_ends_on_a_word():
    text = "  " + " ".join(["neno"] * 1000)
    sample = opening(text)
    assert len(sample) <= SAMPLE_CHARS
    assert sample.startswith("neno") and sample.endswith("neno")
    assert opening(SWAHILI) == SWAHILI


def test_a_long_swahili_text_is_classified_on_its_opening_only():
    guard = LanguageGuard("sw")
    guard._identifier = CountingIdentifier(guard._identifier)
    assert guard.foreign_language("\n\n".join([SWAHILI] * 200)) is None
    assert guard._identifier.lengths and max(guard._identifier.lengths) <= SAMPLE_CHARS


def test_short_texts_are_accepted_whatever_their_language():
    assert GUARD.foreign_language(" ".join(ENGLISH.split()[:24])) is None


def test_a_long_foreign_text_is_refused_with_its_language():
    assert GUARD.foreign_language("\n\n".join([ENGLISH] * 50)) == "en"


def test_a_swahili_paragraph_after_a_long_foreign_opening_makes_the_text_acceptable():
    text = "\n\n".join([ENGLISH] * 30 + [SWAHILI])
    assert len(text) > 2 * SAMPLE_CHARS
    assert GUARD.foreign_language(text) is None
