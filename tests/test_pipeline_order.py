"""The components declare what they read and write, so that spaCy checks their order."""
from __future__ import annotations

import spacy

import service.lang.sw  # noqa: F401  (registers "sw")
from service import components  # noqa: F401  (registers the factories)


def test_the_service_pipeline_has_every_component_after_what_it_reads(nlp):
    problems = nlp.analyze_pipes()["problems"]
    assert all(not found for found in problems.values()), problems


def test_quotes_before_the_entities_they_read_is_reported():
    blank = spacy.blank("sw")
    blank.add_pipe("habari_quotes")
    blank.add_pipe("habari_entities")
    assert blank.analyze_pipes()["problems"]["habari_quotes"] == ["doc._.entities"]


def test_each_entry_point_names_the_function_spacy_registered_for_its_factory():
    """pyproject.toml's spacy_factories are what `pip install .` gives spaCy: each must
    point at the very function the decorator registered, and the functions are named alike."""
    import importlib
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    entry_points = pyproject["project"]["entry-points"]["spacy_factories"]
    import service.greedy_ner  # noqa: F401  (registers the factories outside components/)
    import service.known_entities  # noqa: F401
    for factory, target in entry_points.items():
        module, function = target.split(":")
        assert function.startswith("make_"), target
        registered = spacy.registry.factories.get(factory)
        assert getattr(importlib.import_module(module), function) is registered, factory
