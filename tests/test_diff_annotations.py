"""The refactoring check (scripts/diff_annotations.py) tells a changed document from one
whose only change is an entity's salience."""
from __future__ import annotations

import json

from scripts.diff_annotations import diff, main


def _write(path, results):
    path.write_text("".join(json.dumps({"line": n, "result": r}) + "\n" for n, r in enumerate(results)))
    return path


def _person(salience, start=0):
    return {"id": "per-1", "name": "Amina Juma", "salience": salience,
            "mentions": [{"text": "Amina Juma", "start": start, "end": start + 10}]}


def test_diff_counts_changes_per_kind_and_salience_apart(tmp_path):
    before = _write(tmp_path / "a.jsonl", [
        {"people": [_person(0.5)], "dates": []},
        {"people": [_person(0.5)], "dates": []},
        {"people": [_person(0.5)], "dates": []},
    ])
    after = _write(tmp_path / "b.jsonl", [
        {"people": [_person(0.5)], "dates": []},
        {"people": [_person(0.7)], "dates": []},
        {"people": [_person(0.5, start=3)], "dates": [{"text": "jana"}]},
    ])
    report = diff(before, after)
    assert report["documents"] == 3
    assert report["changed"] == [2]
    assert report["salience_only"] == [1]
    assert report["per_kind"] == {"people": 1, "dates": 1}


def test_snapshot_without_the_articles_says_it_skipped(tmp_path, capsys):
    assert main(["snapshot", str(tmp_path / "out.jsonl"), "--articles", str(tmp_path / "absent.jsonl")]) == 0
    assert "skipped" in capsys.readouterr().out
    assert not (tmp_path / "out.jsonl").exists()
