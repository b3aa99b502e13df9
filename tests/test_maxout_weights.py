import numpy
import pytest
import spacy

import service.lang.sw  # noqa: F401  (registers "sw")
from service.maxout_weights import transpose_maxout_weights

TEXTS = [
    "Rais Samia Suluhu Hassan alisema jana mjini Dodoma kwamba shule mpya zitajengwa.",
    "Kocha wa Yanga alisema timu yake iko tayari.",
    "Habari",
]


def _tok2vec_pipeline(depth=2):
    nlp = spacy.blank("sw")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 32, "attrs": ["NORM", "SHAPE"],
                  "rows": [500, 50], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": depth,
                   "window_size": 1, "maxout_pieces": 3},
    }})
    nlp.initialize()
    return nlp


def _vectors(nlp, texts):
    return nlp.get_pipe("tok2vec").model.predict([nlp.make_doc(text) for text in texts])


def test_transposed_maxouts_give_the_same_vectors():
    nlp = _tok2vec_pipeline(depth=2)
    expected = _vectors(nlp, TEXTS)
    # the embedding's mixing layer and one per encoder layer
    assert transpose_maxout_weights(nlp) == 3
    for actual, wanted in zip(_vectors(nlp, TEXTS), expected):
        # float32 rounding only: another BLAS kernel may sum in another order
        numpy.testing.assert_allclose(actual, wanted, rtol=1e-5, atol=1e-5)


def test_training_goes_through_the_trained_layer():
    nlp = _tok2vec_pipeline(depth=1)
    transpose_maxout_weights(nlp)
    model = nlp.get_pipe("tok2vec").model
    vectors, backprop = model.begin_update([nlp.make_doc(TEXTS[0])])
    backprop([numpy.ones_like(vectors[0])])
    trained = [node for node in model.walk() if node.name == "maxout"]
    assert trained and all(node.has_grad("W") and numpy.abs(node.get_grad("W")).sum() > 0 for node in trained)


def test_the_inference_layer_has_no_backward_pass():
    nlp = _tok2vec_pipeline(depth=1)
    transpose_maxout_weights(nlp)
    layer = next(node for node in nlp.get_pipe("tok2vec").model.walk() if node.name == "maxout_transposed")
    _, backprop = layer(numpy.zeros((2, layer.get_dim("nI")), dtype="float32"), False)
    with pytest.raises(NotImplementedError):
        backprop(numpy.zeros((2, layer.get_dim("nO")), dtype="float32"))


def test_a_pipeline_without_tok2vec_is_left_alone():
    assert transpose_maxout_weights(spacy.blank("sw")) == 0


def test_the_service_pipeline_transposes_its_maxouts(nlp):
    names = [node.name for node in nlp.get_pipe("tok2vec").model.walk()]
    assert "maxout_transposed" in names and "maxout" in names  # the trained layers stay inside
