import numpy
import pytest
from spacy.strings import StringStore
from spacy.vectors import Vectors

from service.vectors import CachedFloretVectors

FLORET = dict(mode="floret", minn=2, maxn=3, hash_count=2)
WORDS = ["Rais", "alisema", "Dodoma", "Rais", "", "ya", "alisema", "Nairobi", "ya"]


def _tables(capacity):
    strings = StringStore(WORDS)
    rows = numpy.random.default_rng(7).standard_normal((97, 6)).astype("float32")
    cached = CachedFloretVectors(strings=strings, capacity=capacity, data=rows, **FLORET)
    plain = Vectors(strings=strings, data=rows.copy(), **FLORET)
    return cached, plain, strings


@pytest.mark.parametrize("capacity", [2, 100])
def test_cached_vectors_equal_floret_vectors_on_every_call(capacity):
    cached, plain, strings = _tables(capacity)
    keys = numpy.asarray([strings[word] for word in WORDS], dtype="uint64")
    for batch in (keys, keys[::-1], keys[2:5]):
        assert numpy.array_equal(cached.get_batch(batch), plain.get_batch(batch))
    assert len(cached._slots) == min(capacity, len(set(WORDS)))


def test_string_keys_are_looked_up_like_hashes():
    cached, plain, strings = _tables(100)
    assert numpy.array_equal(cached.get_batch(["Dodoma", "ya"]), plain.get_batch(["Dodoma", "ya"]))


def test_cache_is_allocated_once_and_reset_on_load():
    cached, plain, _ = _tables(100)
    cached.get_batch(["Rais"])
    buffer = cached._cached
    cached.get_batch(["Nairobi", "Dodoma"])
    assert cached._cached is buffer
    cached.from_bytes(plain.to_bytes(exclude=["strings"]), exclude=["strings"])
    assert cached._slots == {}


def test_pipeline_reads_its_floret_table_into_the_cached_vectors(nlp):
    assert isinstance(nlp.vocab.vectors, CachedFloretVectors)
    assert nlp.vocab.vectors.mode == "floret"
    assert nlp.vocab.vectors.shape[0] > 0
