"""training/self_train.py: the silver data's confidence, labels and exclusions."""
from __future__ import annotations

import json

import pytest

from service.nlp import load_pipeline
from training.self_train import MoveConfidence, referenced, silver_doc, text_key

SENTENCE = "Waziri Mkuu Kassim Majaliwa aliwasili Mwanza Jumatatu akitokea Dodoma."


@pytest.fixture(scope="module")
def teacher():
    # Its own pipeline: MoveConfidence wraps the NER of the pipeline it is given.
    nlp = load_pipeline()
    return nlp, MoveConfidence(nlp)


def test_one_probability_per_word_and_the_same_entities(teacher, nlp):
    recording, confidence = teacher
    doc = recording(SENTENCE)
    weakest = confidence.weakest(doc)
    assert 0.0 < weakest <= 1.0
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in nlp(SENTENCE).ents]
    # The record starts afresh for the next document.
    other = recording("Habari njema.")
    assert 0.0 < confidence.weakest(other) <= 1.0


def test_silver_doc_keeps_the_words_and_entities(teacher):
    recording, confidence = teacher
    doc = recording(SENTENCE)
    confidence.weakest(doc)
    silver = silver_doc(recording.vocab, doc)
    assert [t.text for t in silver] == [t.text for t in doc]
    assert silver.text == doc.text
    assert [(e.start, e.end, e.label_) for e in silver.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents]
    assert silver.ents


def test_a_sentence_without_entities_gives_no_silver_doc(teacher):
    recording, confidence = teacher
    doc = recording("Mvua ilinyesha sana.")
    confidence.weakest(doc)
    assert not doc.ents
    assert silver_doc(recording.vocab, doc) is None


def test_dev_references_are_read_without_labels(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"line": 7, "entities": []}) + "\n" + json.dumps({"article": 3, "quotes": []}) + "\n",
        encoding="utf-8")
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    assert referenced([tmp_path]) == ({7}, {3})


def test_tokenized_and_raw_text_share_a_key():
    assert text_key("Rais Samia Suluhu , Dodoma .") == text_key("rais Samia Suluhu, Dodoma.")
    assert text_key("Dodoma") != text_key("Dodo ma yetu")
