"""spaCy's entity recognizer with its greedy decoding loop driven from Python.

Why this exists: spaCy's `Parser.greedy_parse` runs its loop in C with the GIL released,
but spaCy's wheels for Python 3.11 are compiled with Cython profiling (setup.py turns it
on below 3.12), and the inline helpers that loop calls (thinc's `Vec.arg_max`, the
`StateC` accessors, the moves' `is_valid`) take and release the GIL on every call to
check for a profiler. That was most of the NER's time (`perf`: 594 of 710 samples in
`PyGILState_Ensure`/`Release`); Python 3.12's wheels, without the hooks, ran the same
model nearly three times as fast (0.35 against 0.95 s per 300 articles). No setting
switches the hooks off, so this class decodes the same way with the GIL held, where
taking it again costs nothing.

It changes only where the scores come from, not the decisions:

- the transition system is spaCy's own: `transition_states` checks which moves are valid
  (entity spans, preset entities, sentence starts, whitespace), takes the best valid one
  and applies it, as `greedy_parse` does;
- the scores are computed as spaCy's `predict_states` computes them for the NER's three
  state features (the next word; the first word of the open entity and the word before
  the next, both padding when no entity is open), summed in the same order. While no
  entity is open the features depend on the position alone, so those scores are
  computed for all words at once; the others one step at a time.

Any other model shape (more state features, no hidden-to-output layer, classes not seen
in training, dropout) goes to spaCy's loop unchanged.
"""
from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.factories import register_factories

# The NER state features of spaCy's `StateC.set_context_tokens` for three features.
_NER_STATE_FEATURES = 3


class GreedyEntityRecognizer(EntityRecognizer):
    def greedy_parse(self, docs, drop=0.0):
        if drop or not self._decodable():
            return super().greedy_parse(docs, drop=drop)
        self._ensure_labels_are_added(docs)
        states = self.moves.init_batch(docs)
        scorer = _StateScorer(self.model, docs)
        offset = 0
        for doc, state in zip(docs, states):
            while not state.is_final():
                word = offset + state.B(0)
                if state.entity_is_open():
                    scores = scorer.open_entity(word, offset + state.E(0))
                else:
                    scores = scorer.no_open_entity(word)
                self.transition_states([state], scores)
            offset += len(doc)
        return states

    def _decodable(self) -> bool:
        model = self.model
        return (model.attrs.get("has_upper", False)
                and not model.attrs.get("unseen_classes")
                and model.get_ref("lower").get_dim("nF") == _NER_STATE_FEATURES)


class _StateScorer:
    """Move scores of a batch's NER states, from its words' precomputed features."""

    def __init__(self, model, docs) -> None:
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        # Row 0 is the padding (one vector per feature), word i of the batch is row i + 1:
        # the layout spaCy's precompute_hiddens uses.
        self._features = lower.predict(model.get_ref("tok2vec").predict(docs))
        self._bias = lower.get_param("b")
        self._weights_t = upper.get_param("W").T
        self._output_bias = upper.get_param("b")
        padding = self._features[0]
        self._without_entity = self._scores(self._features[1:, 0] + padding[1] + padding[2])

    def no_open_entity(self, word: int) -> numpy.ndarray:
        return self._without_entity[word:word + 1]

    def open_entity(self, word: int, entity_start: int) -> numpy.ndarray:
        features = self._features
        return self._scores(features[word + 1, 0][None] + features[entity_start + 1, 1]
                            + features[word, 2])

    def _scores(self, summed_features: numpy.ndarray) -> numpy.ndarray:
        # Maxout over the pieces, then the hidden-to-output layer.
        hidden = (summed_features + self._bias).max(axis=-1)
        return hidden @ self._weights_t + self._output_bias


# spaCy registers its own factories when the first Language is made; the "ner" one is
# needed now, to offer the same settings under this class.
register_factories()
_NER_FACTORY = Language.get_factory_meta("ner")


@Language.factory(
    "habari_greedy_ner",
    assigns=_NER_FACTORY.assigns,
    default_config=_NER_FACTORY.default_config,
    default_score_weights=_NER_FACTORY.default_score_weights,
)
def make_greedy_ner(nlp, name, model, moves, update_with_oracle_cut_size, incorrect_spans_key,
                    scorer):
    return GreedyEntityRecognizer(
        nlp.vocab, model, name=name, moves=moves,
        update_with_oracle_cut_size=update_with_oracle_cut_size,
        incorrect_spans_key=incorrect_spans_key, scorer=scorer,
    )
