"""The components declare what they read and write, so that spaCy checks their order."""
from __future__ import annotations

import spacy

from service import components, language  # noqa: F401  (registers "sw" and the factories)


def test_the_service_pipeline_has_every_component_after_what_it_reads(nlp):
    problems = nlp.analyze_pipes()["problems"]
    assert all(not found for found in problems.values()), problems


def test_quotes_before_the_entities_they_read_is_reported():
    blank = spacy.blank("sw")
    blank.add_pipe("habari_quotes")
    blank.add_pipe("habari_entities")
    assert blank.analyze_pipes()["problems"]["habari_quotes"] == ["doc._.entities"]
