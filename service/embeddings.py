"""Word embeddings computed once per distinct word instead of once per token.

spaCy's `Tok2Vec.v2` is `chain(embed, encode)`. `embed` (MultiHashEmbed) looks at one
token at a time: hash embeddings of its NORM, PREFIX, SUFFIX and SHAPE plus its floret
vector, mixed by a Maxout layer. Its output is therefore a function of the token's ORTH
(the string, from which PREFIX, SUFFIX, SHAPE and the vector follow) and NORM, and
news repeats the same few thousand words: on the bundled model `embed` was a third of
tok2vec's time, spent recomputing them. spaCy has no such cache (it is an inference-only
shortcut, useless in training), so `cache_word_embeddings` wraps `embed` in one.

The cache keeps the first `capacity` distinct (ORTH, NORM) pairs it meets, in an array
allocated and written once (the process does not grow as it fills), and computes the
others each time. Words missing from it are embedded in batches of a fixed size, so a
word's embedding is the same whenever and beside whatever words it is computed: the
annotations depend on the text alone, never on what the process saw before. (BLAS picks
its kernels by matrix size, and a different kernel may round the last bit differently.)

The wrapper is for inference only: a pipeline saved after wrapping (`nlp.to_disk`) has
one more node than its config builds. The model is saved as trained
(training/finalize.py loads it with `spacy.load`, unwrapped).
"""
from __future__ import annotations

import threading

import numpy
from spacy.attrs import IDS, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

# Attributes an embedding may read for the cache to be exact: lexeme attributes follow
# from ORTH; NORM is the only one a token can set apart from its lexeme.
_WORD_ATTRS = {IDS[name] for name in ("ORTH", "NORM", "LOWER", "PREFIX", "SUFFIX", "SHAPE")}
# Rows per batch of uncached words: fixed (see the module docstring), and small, since an
# article brings a dozen or so words the cache lacks.
BATCH_ROWS = 16
_LOW_64_BITS = (1 << 64) - 1


def cache_word_embeddings(nlp: Language, capacity: int = 16384) -> bool:
    """Wrap the `embed` half of the pipeline's tok2vec in a per-word cache.

    Returns False, changing nothing, if the tok2vec is not a chain whose first layer
    reads only word-level attributes (another architecture, or context features).
    """
    if "tok2vec" not in nlp.pipe_names:
        return False
    tok2vec = nlp.get_pipe("tok2vec").model
    if len(tok2vec.layers) != 2 or not _reads_only_words(tok2vec.layers[0]):
        return False
    tok2vec.layers[0] = CachedEmbedding(tok2vec.layers[0], capacity)
    return True


def _reads_only_words(embed: Model) -> bool:
    saw_features = False
    for node in embed.walk():
        if node.name == "extract_features":
            saw_features = True
            columns = {IDS[c.upper()] if isinstance(c, str) else c for c in node.attrs["columns"]}
            if not columns <= _WORD_ATTRS:
                return False
        elif node.name == "static_vectors" and node.attrs.get("key_attr", "ORTH") != "ORTH":
            return False
    return saw_features


def CachedEmbedding(embed: Model, capacity: int) -> Model:
    return Model("cached_embedding", _forward, layers=[embed],
                 attrs={"table": _EmbeddingTable(capacity, embed.get_dim("nO"))},
                 dims={"nO": embed.get_dim("nO")})


def _forward(model: Model, docs: list[Doc], is_train: bool):
    embed = model.layers[0]
    if is_train:
        # Training updates the weights the cache would hold: never through the cache.
        return embed(docs, is_train)
    table: _EmbeddingTable = model.attrs["table"]
    return [table.lookup(doc, embed) for doc in docs], _inference_only


def _inference_only(_d_outputs):
    raise NotImplementedError("cached_embedding is for inference; train the unwrapped model")


class _EmbeddingTable:
    def __init__(self, capacity: int, width: int) -> None:
        self.capacity = capacity
        self._slots: dict[int, int] = {}
        # numpy.full writes every page now; numpy.zeros would leave them to be mapped
        # as the cache fills, and the process would grow.
        self._rows = numpy.full((capacity, width), 0.0, dtype="float32")
        self._lock = threading.Lock()

    def lookup(self, doc: Doc, embed: Model) -> numpy.ndarray:
        # One int per word (ORTH in the high 64 bits, NORM in the low): a third of the
        # memory of a tuple key, over 16,384 entries.
        keys = [orth << 64 | norm for orth, norm in doc.to_array([ORTH, NORM]).tolist()]
        slots = self._slots
        new_keys = list(dict.fromkeys(key for key in keys if key not in slots))
        uncached = {}
        if new_keys:
            computed = self._compute(new_keys, doc.vocab, embed)
            with self._lock:
                for key, row in zip(new_keys, computed):
                    if key in slots:
                        continue
                    if len(slots) < self.capacity:
                        slot = len(slots)
                        self._rows[slot] = row
                        slots[key] = slot
                    else:
                        uncached[key] = row
        rows = self._rows[[slots.get(key, 0) for key in keys]]
        if uncached:
            for i, key in enumerate(keys):
                if key in uncached:
                    rows[i] = uncached[key]
        return rows

    @staticmethod
    def _compute(keys: list[int], vocab, embed: Model) -> numpy.ndarray:
        """Embeddings of words keyed as in `lookup`, BATCH_ROWS words per call, padded."""
        batches = []
        for start in range(0, len(keys), BATCH_ROWS):
            batch = keys[start:start + BATCH_ROWS]
            padded = batch + [batch[0]] * (BATCH_ROWS - len(batch))
            words = Doc(vocab, words=[vocab.strings[key >> 64] for key in padded],
                        spaces=[False] * BATCH_ROWS)
            for token, key in zip(words, padded):
                token.norm_ = vocab.strings[key & _LOW_64_BITS]
            batches.append(embed.predict([words])[0][:len(batch)])
        return numpy.concatenate(batches)
