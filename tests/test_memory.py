"""Freed memory goes back to the OS after requests, at a bounded rate."""
from __future__ import annotations

import gc

import service.runtime as runtime
from service.annotator import Annotator, Article


def test_memory_is_released_at_most_once_per_interval(monkeypatch):
    trims, collections = [], []
    clock = iter([100.0, 100.2, 100.9, 101.0, 101.5])
    monkeypatch.setattr(runtime, "_malloc_trim", trims.append)
    monkeypatch.setattr(runtime.gc, "collect", lambda: collections.append(True))
    monkeypatch.setattr(runtime, "_last_release", 0.0)
    monkeypatch.setattr(runtime.time, "monotonic", lambda: next(clock))
    for _ in range(5):
        runtime.release_freed_memory()
    assert trims == [0, 0] and len(collections) == 2  # at 100.0 and 101.0 s


def test_without_malloc_trim_garbage_is_still_collected(monkeypatch):
    collections = []
    monkeypatch.setattr(runtime, "_malloc_trim", None)
    monkeypatch.setattr(runtime.gc, "collect", lambda: collections.append(True))
    monkeypatch.setattr(runtime, "_last_release", 0.0)
    runtime.release_freed_memory()
    assert collections == [True]


def test_each_request_offers_to_release_memory_even_when_it_fails(nlp, monkeypatch):
    offered = []
    monkeypatch.setattr(runtime, "release_freed_memory", lambda: offered.append(True))
    annotator_ = Annotator(nlp)
    annotator_.annotate(Article("Rais Samia Suluhu Hassan alizungumza Dodoma jana."))
    try:
        annotator_.annotate(Article(None))
    except TypeError:
        pass
    else:
        raise AssertionError("a text of None was annotated")
    assert len(offered) == 2


def test_the_loaded_pipeline_is_frozen_out_of_the_collector(nlp):
    Annotator(nlp)
    assert gc.get_freeze_count() > 0


def test_trimming_is_harmless_where_it_is_available():
    if runtime._malloc_trim is not None:
        assert runtime._malloc_trim(0) in (0, 1)


def test_a_request_leaves_no_doc_for_the_collector(nlp, monkeypatch):
    monkeypatch.setattr(runtime, "release_freed_memory", lambda: None)
    annotator_ = Annotator(nlp)
    text = "“Tutajenga shule mpya,” alisema Waziri Amina Juma mjini Dodoma Jumatatu, 4 Machi 2024."
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        result = annotator_.annotate(Article(text))
        gc.collect()
        left = {type(item).__name__ for item in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert result["quotes"] and result["people"]
    assert not left & {"Doc", "Span", "Entity", "Quote"}


def test_malloc_thresholds_are_fixed_when_the_annotator_is_built(nlp, monkeypatch):
    calls = []
    monkeypatch.setattr(runtime, "_mallopt", lambda option, value: calls.append((option, value)))
    Annotator(nlp)
    size = runtime.MALLOC_THRESHOLD_BYTES
    assert sorted(calls) == [(-3, size), (-1, size)]
    monkeypatch.setattr(runtime, "_mallopt", None)
    Annotator(nlp)  # no glibc: nothing to set
