import numpy
import pytest
import spacy
from spacy.tokens import Doc

import service.lang.sw  # noqa: F401  (registers "sw")
from service.annotator import Annotator, Article
from service.embeddings import cache_word_embeddings

TEXTS = [
    "Rais Samia Suluhu Hassan alisema jana mjini Dodoma kwamba shule mpya zitajengwa.",
    "Waziri wa Fedha alisema bajeti ya mwaka huu itasomwa bungeni Dodoma mwezi Juni.",
    "Timu ya Simba ilishinda mabao mawili kwa moja dhidi ya Yanga jijini Dar es Salaam.",
]


def assert_same_vectors(actual, expected):
    # Equal up to float32 rounding, not bit for bit: OpenBLAS picks its kernels per CPU,
    # and some sum in another order for another batch size (terms up to ~2 in size).
    numpy.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-5)


def _tok2vec_pipeline(attrs=("NORM", "PREFIX", "SUFFIX", "SHAPE")):
    nlp = spacy.blank("sw")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 32, "attrs": list(attrs),
                  "rows": [500] * len(attrs), "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": 2,
                   "window_size": 1, "maxout_pieces": 3},
    }})
    nlp.initialize()
    return nlp


def _embed(nlp, text):
    return nlp.get_pipe("tok2vec").model.predict([nlp.make_doc(text)])[0]


def test_cached_embeddings_match_the_uncached_model():
    nlp = _tok2vec_pipeline()
    expected = [_embed(nlp, text) for text in TEXTS]
    assert cache_word_embeddings(nlp, capacity=1000)
    for text, vectors in zip(TEXTS, expected):
        assert_same_vectors(_embed(nlp, text), vectors)


@pytest.mark.parametrize("capacity", [5, 1000])
def test_a_text_gets_the_same_vectors_whatever_came_before(capacity):
    # Whether its words are cached, computed beside other words, or past the capacity:
    # the annotations depend on the text alone.
    first, second = _tok2vec_pipeline(), _tok2vec_pipeline()
    second.get_pipe("tok2vec").model.from_bytes(first.get_pipe("tok2vec").model.to_bytes())
    cache_word_embeddings(first, capacity=capacity)
    cache_word_embeddings(second, capacity=capacity)
    cold = _embed(first, TEXTS[2])
    for text in TEXTS:
        _embed(second, text)
    assert_same_vectors(_embed(second, TEXTS[2]), cold)
    table = second.get_pipe("tok2vec").model.layers[0].attrs["table"]
    words = {(token.orth, token.norm) for text in TEXTS for token in second.make_doc(text)}
    assert len(table._slots) == min(capacity, len(words))


def test_a_token_with_its_own_norm_is_a_different_word():
    nlp = _tok2vec_pipeline()
    cache_word_embeddings(nlp, capacity=1000)
    embed = nlp.get_pipe("tok2vec").model.layers[0]
    plain = Doc(nlp.vocab, words=["Bw.", "Juma", "amefika", "leo", "Bw.", "Ali"])
    titled = Doc(nlp.vocab, words=["Bw.", "Juma", "amefika", "leo", "Bw.", "Ali"])
    titled[0].norm_ = "bwana"
    titled[4].norm_ = "bwana"
    before, after = embed.predict([plain])[0], embed.predict([titled])[0]
    assert not numpy.allclose(before[0], after[0])
    assert_same_vectors(after[0], after[4])
    assert_same_vectors(before[1:4], after[1:4])


def test_an_embedding_reading_context_is_left_alone():
    nlp = _tok2vec_pipeline(attrs=("NORM", "ENT_IOB"))
    model = nlp.get_pipe("tok2vec").model
    before = model.layers[0]
    assert not cache_word_embeddings(nlp)
    assert model.layers[0] is before


def test_the_service_pipeline_caches_its_embeddings(nlp):
    assert nlp.get_pipe("tok2vec").model.layers[0].name == "cached_embedding"


def test_an_article_gets_the_same_annotations_whatever_the_service_saw_before(nlp):
    article = Article(TEXTS[0] + " " + TEXTS[2])
    cold = Annotator(nlp).annotate(article)
    warmed = Annotator(nlp)
    warmed.annotate_many([Article(text) for text in TEXTS * 3])
    assert warmed.annotate(article) == cold
