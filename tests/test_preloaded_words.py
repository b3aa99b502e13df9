"""The raw news's frequent words are loaded once, outside the service's memory zones."""
from __future__ import annotations

import pytest
import spacy

import service.lang.sw  # noqa: F401  (registers "sw")
from service.annotator import Annotator, Article
from service.nlp import DEFAULT_MODEL_PATH, FREQUENT_WORDS_FILE, preload_words

WORD_LIST = DEFAULT_MODEL_PATH / FREQUENT_WORDS_FILE
# Written for this test: frequent words, some with punctuation attached, a number, a name
# no news corpus has, and a quotation.
TEXT = ("Rais wa Tanzania, alisema jana kwamba serikali itajenga shule 12 mpya mjini Dodoma. "
        "“Tutaanza mwezi ujao,” aliongeza Bw. Zumbalulu Kitwitwi.")


def _token_attributes(doc):
    return [(t.text, t.whitespace_, t.norm_, t.shape_, t.prefix_, t.suffix_, t.is_punct, t.like_num)
            for t in doc]


def test_the_bundled_model_ships_its_word_list():
    words = WORD_LIST.read_text(encoding="utf-8").split()
    assert len(words) == len(set(words)) > 10_000
    assert {"ya", "na", "alisema"} <= set(words[:200])


def test_preloading_keeps_the_words_and_their_cache_entries_through_a_memory_zone(tmp_path):
    nlp = spacy.blank("sw")
    word_list = tmp_path / FREQUENT_WORDS_FILE
    word_list.write_text("alisema\nTanzania,\nDodoma.\n", encoding="utf-8")
    cache_size = nlp.tokenizer.max_cache_size
    assert preload_words(nlp, word_list) == 3
    assert nlp.tokenizer.max_cache_size == cache_size + 3
    with nlp.memory_zone():
        nlp("alisema Tanzania, Dodoma. Zumbalulu")
    vocab = nlp.vocab
    assert all(word in vocab for word in ("alisema", "Tanzania", ",", "Dodoma", "."))
    # A word first met inside the zone is gone with it.
    assert "Zumbalulu" not in vocab and "Zumbalulu" not in vocab.strings


def test_a_model_without_a_word_list_loads_as_before(tmp_path):
    nlp = spacy.blank("sw")
    cache_size = nlp.tokenizer.max_cache_size
    assert preload_words(nlp, tmp_path / FREQUENT_WORDS_FILE) == 0
    assert nlp.tokenizer.max_cache_size == cache_size


def test_preloaded_words_are_tokenized_as_a_fresh_tokenizer_would(nlp):
    fresh = spacy.blank("sw")
    with nlp.memory_zone():
        preloaded = _token_attributes(nlp.make_doc(TEXT))
    assert preloaded == _token_attributes(fresh(TEXT))


def test_the_service_pipeline_keeps_the_frequent_words_across_requests(nlp):
    annotator = Annotator(nlp)
    first = annotator.annotate(Article(TEXT))
    assert annotator.annotate(Article(TEXT)) == first
    for word in ("Tanzania", "alisema", "serikali"):
        assert word in nlp.vocab
    assert "Kitwitwi" not in nlp.vocab


@pytest.mark.parametrize("word", ["Tanzania,", "alisema", "mjini"])
def test_the_listed_words_are_in_the_vocabulary_before_any_request(nlp, word):
    assert word in WORD_LIST.read_text(encoding="utf-8").split()
    assert word.rstrip(",") in nlp.vocab
