"""The language guard decides on the opening of a long text, and still accepts mixed ones."""
from __future__ import annotations

from service.language_id import (
    MIN_SWAHILI_WORD_SHARE,
    SAMPLE_CHARS,
    UNDETERMINED,
    LanguageGuard,
    is_swahili_word,
    opening,
    swahili_word_share,
)
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


def test_a_long_text_is_classified_on_its_opening_only():
    guard = LanguageGuard("sw", min_swahili_share=None)
    guard._identifier = CountingIdentifier(guard._identifier)
    assert guard.foreign_language("\n\n".join([SWAHILI] * 200)) is None
    assert guard._identifier.lengths and max(guard._identifier.lengths) <= SAMPLE_CHARS


def test_swahili_prose_is_accepted_by_its_words_without_the_identifier():
    guard = LanguageGuard("sw")
    guard._identifier = CountingIdentifier(guard._identifier)
    assert swahili_word_share(SWAHILI) >= MIN_SWAHILI_WORD_SHARE
    assert guard.foreign_language("\n\n".join([SWAHILI] * 20)) is None
    assert guard._identifier.lengths == []


def test_a_text_with_few_swahili_words_still_goes_to_the_identifier():
    guard = LanguageGuard("sw")
    guard._identifier = CountingIdentifier(guard._identifier)
    # An English article quoting one Swahili sentence stays English.
    text = "\n\n".join([ENGLISH] * 10 + ["Rais alisema kwamba serikali itajenga barabara."])
    assert swahili_word_share(opening(text)) < MIN_SWAHILI_WORD_SHARE
    assert guard.foreign_language(text) == "en"
    assert guard._identifier.lengths


def test_a_short_text_is_judged_by_its_words():
    assert GUARD.foreign_language(" ".join(ENGLISH.split()[:24])) in {"en", UNDETERMINED}
    assert GUARD.foreign_language("Hello from London") == UNDETERMINED
    # One Swahili word among names and loanwords is enough.
    assert GUARD.foreign_language("Trump atoka hospitalini") is None
    assert GUARD.foreign_language("Facebook yazindua app mpya") is None
    # Nothing to judge.
    assert GUARD.foreign_language("2024 - 15%") is None


def test_swahili_words_are_recognised_by_list_and_shape():
    swahili = ["na", "Kwamba", "alisema", "wamefika", "itajenga", "mwaka", "nyumba", "ng'ombe", "ng’ombe",
               "nchini", "afanya", "aapishwa"]
    english = ["hello", "from", "London", "the", "president", "arrived", "police", "was", "water", "news"]
    assert [word for word in swahili if not is_swahili_word(word)] == []
    assert [word for word in english if is_swahili_word(word)] == []


def test_a_long_foreign_text_is_refused_with_its_language():
    assert GUARD.foreign_language("\n\n".join([ENGLISH] * 50)) == "en"


def test_a_swahili_paragraph_after_a_long_foreign_opening_makes_the_text_acceptable():
    text = "\n\n".join([ENGLISH] * 30 + [SWAHILI])
    assert len(text) > 2 * SAMPLE_CHARS
    assert GUARD.foreign_language(text) is None
