"""floret vectors that remember the words they have already built."""
from __future__ import annotations

import threading
from typing import Callable, Iterable

import numpy
from spacy.util import registry
from spacy.vectors import Mode, Vectors
from spacy.vocab import Vocab


class CachedFloretVectors(Vectors):
    """A floret `Vectors` table whose `get_batch` keeps the vectors it builds.

    A floret vector is not stored: `Vectors.get_batch` hashes every character n-gram of
    the word and averages those rows, in Python, for each distinct word of every call.
    On the bundled model that was ~15% of the pipeline's time on news articles, spent
    rebuilding the same frequent words in every document. spaCy offers no cache for it,
    so this subclass keeps the first `capacity` distinct words it builds in a fixed
    array and builds the others as before. A word's vector is computed by the same
    `Vectors.get_batch` arithmetic either way (one mean per word), so the annotations
    are unchanged; only repeated work is skipped.

    The array is allocated and written once when the table is loaded, so the process
    does not grow as it fills (the memory soak of benchmarks/soak.py). Only
    `get_batch` uses the cache, which is all spaCy's `StaticVectors` layer calls.
    """

    def __init__(self, *, capacity: int = 16384, **kwargs) -> None:
        super().__init__(**kwargs)
        self.capacity = capacity
        # Serving uses one thread per worker, but a threaded server must not let two
        # requests claim the same slot.
        self._lock = threading.Lock()
        self._reset_cache()

    def from_disk(self, path, *, exclude: Iterable[str] = tuple()):
        loaded = super().from_disk(path, exclude=exclude)
        self._reset_cache()
        return loaded

    def from_bytes(self, data, *, exclude: Iterable[str] = tuple()):
        loaded = super().from_bytes(data, exclude=exclude)
        self._reset_cache()
        return loaded

    def _reset_cache(self) -> None:
        self._slots: dict[int, int] = {}
        if self.mode != Mode.floret:
            self._cached = None
            return
        # numpy.full writes every page now, unlike numpy.zeros, whose pages the kernel
        # maps only when first written, as the cache fills.
        self._cached = numpy.full((self.capacity, self.data.shape[1]), 0.0, dtype=self.data.dtype)

    def get_batch(self, keys):
        if self._cached is None:
            return super().get_batch(keys)
        if isinstance(keys, numpy.ndarray):
            keys = keys.tolist()
        keys = [self.strings.as_int(key) if isinstance(key, str) else key for key in keys]
        slots = self._slots
        new_keys = list(dict.fromkeys(key for key in keys if key not in slots))
        uncached = {}
        if new_keys:
            built = super().get_batch(new_keys)
            with self._lock:
                for key, vector in zip(new_keys, built):
                    if key in slots:
                        continue
                    if len(slots) < self.capacity:
                        slot = len(slots)
                        self._cached[slot] = vector
                        slots[key] = slot
                    else:
                        uncached[key] = vector
        vectors = self._cached[[slots.get(key, 0) for key in keys]]
        if uncached:
            for i, key in enumerate(keys):
                if key in uncached:
                    vectors[i] = uncached[key]
        return vectors


@registry.vectors("habari.CachedFloretVectors.v1")
def create_cached_floret_vectors(capacity: int = 16384) -> Callable[[Vocab], Vectors]:
    def vectors_factory(vocab: Vocab) -> Vectors:
        return CachedFloretVectors(strings=vocab.strings, capacity=capacity)

    return vectors_factory
