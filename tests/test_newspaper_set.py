"""The newspaper sentence sets of dev/entities: frozen blind half, well-formed spans, scorer."""
import hashlib
import json
import re
from pathlib import Path

import pytest

from dev.entities import newspaper

README = Path(newspaper.__file__).with_name("README.md")


def test_blind_half_is_the_frozen_one():
    digest = hashlib.sha256(newspaper.HALVES["blind"].read_bytes()).hexdigest()
    assert re.search(r"SHA-256\s+`([0-9a-f]{64})`", README.read_text()).group(1) == digest


@pytest.mark.parametrize("half", sorted(newspaper.HALVES))
def test_spans_are_well_formed(half):
    records = [json.loads(line) for line in newspaper.HALVES[half].open()]
    assert len({r["line"] for r in records}) == len(records)
    for record in records:
        spans = sorted(tuple(s) for s in record["entities"])
        assert all(s < e and label in newspaper.LABELS for s, e, label in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_halves_share_no_sentence():
    lines = [{json.loads(x)["line"] for x in path.open()} for path in newspaper.HALVES.values()]
    assert not lines[0] & lines[1]


@pytest.mark.skipif(not newspaper.SENTENCES.exists(), reason="needs ../shared")
def test_spans_lie_on_word_boundaries_of_the_stored_text():
    for record, text in newspaper.load("dev"):
        for start, end, _ in record["entities"]:
            assert end <= len(text) and text[start:end] == text[start:end].strip()


def test_exact_and_overlap_matching():
    gold = [(0, 10, "ORG"), (20, 25, "DATE")]
    predicted = [(0, 10, "ORG"), (20, 30, "DATE"), (40, 45, "PER")]
    assert newspaper.match(gold, predicted, exact=True) == [(gold[0], predicted[0])]
    assert len(newspaper.match(gold, predicted, exact=False)) == 2
    # another label never matches, however much it overlaps
    assert newspaper.match([(0, 10, "LOC")], [(0, 10, "PER")], exact=False) == []
