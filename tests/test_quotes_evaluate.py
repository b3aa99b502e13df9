"""The quotes evaluator reads gold records that point into sentence files as well as articles."""
from __future__ import annotations

import gzip
import hashlib
import json
from types import SimpleNamespace

import pytest

from dev.quotes.evaluate import BLIND, evaluate, load_gold, one_to_one


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def test_sentence_records_read_their_line_of_the_gzip_file(tmp_path):
    lines = ["Mvua ilinyesha jana.", "“Tutashinda,” alisema kocha Juma Ali."]
    sentences = tmp_path / "sentences.txt.gz"
    with gzip.open(sentences, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines))
    gold = tmp_path / "gold.jsonl"
    record = {"line": 1, "sha1": _sha(lines[1]),
              "quotes": [{"kind": "direct", "start": 1, "end": 12, "speaker": ["Juma Ali"]}]}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [loaded] = load_gold(gold, articles=tmp_path / "absent.jsonl", sentences=sentences)
    assert loaded["text"][1:12] == "Tutashinda,"
    assert loaded["article"] == "line 1"


def test_a_changed_sentence_is_refused(tmp_path):
    sentences = tmp_path / "sentences.txt.gz"
    with gzip.open(sentences, "wt", encoding="utf-8") as f:
        f.write("Alisema ndiyo.")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"line": 0, "sha1": _sha("Alisema hapana."), "quotes": []}) + "\n")
    with pytest.raises(SystemExit):
        load_gold(gold, sentences=sentences)


def test_matching_is_one_to_one_best_overlap_first():
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 30}]
    predicted = [{"start": 0, "end": 10}, {"start": 0, "end": 9}, {"start": 50, "end": 60}]
    assert one_to_one(gold, predicted, 0.8) == [(0, 0)]


@pytest.mark.parametrize("scored, indirect_predicted", [(None, 1), (["direct", "partial"], 0)])
def test_a_record_annotated_for_some_kinds_is_scored_for_those_only(scored, indirect_predicted):
    """fresh_spans*.jsonl hold direct and partial quotes only: an indirect prediction
    there is neither right nor spurious."""
    text = "“Tutashinda,” alisema Juma Ali. Aliongeza kuwa timu iko tayari."
    record = {"article": 0, "text": text,
              "quotes": [{"kind": "direct", "start": 1, "end": 12, "speaker": ["Juma Ali"]}]}
    if scored is not None:
        record["scored"] = scored
    predicted = [SimpleNamespace(kind="direct", start=1, end=12, speaker=None, speaker_name=None, confidence=None),
                 SimpleNamespace(kind="indirect", start=48, end=62, speaker=None, speaker_name=None, confidence=None)]
    pipeline = SimpleNamespace(pipe=lambda texts: [SimpleNamespace(_=SimpleNamespace(quotes=predicted))
                                                   for _ in texts])
    figures = evaluate(pipeline, [record])
    assert figures["direct+partial"]["tp"] == 1
    assert figures["indirect"]["pred"] == indirect_predicted


@pytest.mark.parametrize("path", BLIND, ids=lambda p: p.name)
def test_blind_files_are_the_frozen_ones(path):
    """The blind set's SHA-256 stands in dev/quotes/README.md; an edited file fails here."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    readme = path.with_name("README.md").read_text(encoding="utf-8")
    assert f"{digest}  dev/quotes/{path.name}" in readme


@pytest.mark.parametrize("path", BLIND, ids=lambda p: p.name)
def test_blind_quotes_are_well_formed(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for quote in record["quotes"]:
            assert quote["kind"] in ("direct", "partial", "indirect")
            assert 0 <= quote["start"] < quote["end"]
            assert quote["speaker"] is None or all(isinstance(n, str) and n for n in quote["speaker"])


def test_speakers_given_high_confidence_are_counted_with_how_many_are_right():
    text = "“Tutashinda,” alisema Juma Ali. “Tupo tayari,” alisema Neema."
    record = {"article": 0, "text": text, "quotes": [
        {"kind": "direct", "start": 1, "end": 12, "speaker": ["Juma Ali"]},
        {"kind": "direct", "start": 33, "end": 45, "speaker": ["Neema"]}]}
    predicted = [SimpleNamespace(kind="direct", start=1, end=12, speaker=None, confidence=0.95,
                                 speaker_name="Juma Ali"),
                 SimpleNamespace(kind="direct", start=33, end=45, speaker=None, confidence=0.97,
                                 speaker_name="Juma Ali")]
    pipeline = SimpleNamespace(pipe=lambda texts: [SimpleNamespace(_=SimpleNamespace(quotes=predicted))
                                                   for _ in texts])
    figures = evaluate(pipeline, [record])
    assert (figures["sure_speakers"], figures["sure_speakers_right"]) == (2, 1)
    # no speaker, however sure, is not an attribution a client is given a confidence for
    predicted[1].speaker_name = None
    figures = evaluate(pipeline, [record])
    assert (figures["sure_speakers"], figures["sure_speakers_right"]) == (1, 1)
    assert figures["speaker_accuracy"] == pytest.approx(0.5)
