"""Maxout layers of the tok2vec with their weights transposed once, for inference.

thinc's Maxout computes `X @ W.T` with W stored (nO * nP, nI), a transposed view. OpenBLAS
packs the right-hand matrix on every call, and packing a transposed view costs about as
much as the product itself when X has few rows: for the encoder's 384 x 384 weights, a
9-row product took 107 us against 49 us with a contiguous copy of W.T, a 208-row one
(a 200-word article) 656 against 598 us, while 3,300 rows (a batch of 16 articles) cost
the same either way (numpy 2.4 with OpenBLAS 0.3.31, one thread, this project's VM). The
service annotates one to a few articles per pipeline call, so the per-call packing showed:
tok2vec on one article at a time went from 3.39 to 3.06 CPU ms per VOA article.

thinc has no inference mode that keeps such a copy (its weights change in training), so
`transpose_maxout_weights` wraps each Maxout in a layer that holds one. Like the
embedding cache (service/embeddings.py) it is for inference only: training goes through
the wrapped layer, and the model is saved as trained.
"""
from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import Model


def transpose_maxout_weights(nlp: Language) -> int:
    """Wrap every Maxout layer of the pipeline's tok2vec; returns how many were wrapped."""
    if "tok2vec" not in nlp.pipe_names:
        return 0
    return _wrap_maxouts(nlp.get_pipe("tok2vec").model)


def _wrap_maxouts(parent: Model) -> int:
    wrapped = 0
    for i, child in enumerate(parent.layers):
        if child.name == "maxout" and child.has_param("W") and child.has_param("b"):
            parent.layers[i] = _TransposedMaxout(child)
            wrapped += 1
        else:
            wrapped += _wrap_maxouts(child)
    return wrapped


def _TransposedMaxout(maxout: Model) -> Model:
    n_out, n_pieces, n_in = maxout.get_param("W").shape
    return Model(
        "maxout_transposed",
        _forward,
        layers=[maxout],
        dims={"nO": n_out, "nI": n_in},
        attrs={
            "weights_t": numpy.ascontiguousarray(maxout.get_param("W").reshape(n_out * n_pieces, n_in).T),
            "bias": maxout.get_param("b").reshape(n_out * n_pieces),
            "pieces": n_pieces,
        },
    )


def _forward(model: Model, X, is_train: bool):
    if is_train:
        return model.layers[0](X, is_train)
    scores = numpy.dot(X, model.attrs["weights_t"])
    scores += model.attrs["bias"]
    best, _which = model.ops.maxout(scores.reshape(scores.shape[0], model.get_dim("nO"), model.attrs["pieces"]))
    return best, _inference_only


def _inference_only(_d_best):
    raise NotImplementedError("maxout_transposed is for inference; train the unwrapped model")
