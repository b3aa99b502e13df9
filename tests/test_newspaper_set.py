"""The newspaper sentence sets of dev/entities: frozen blind half, well-formed spans, scorer."""
import hashlib
import json
import re
from pathlib import Path

import pytest

from dev.entities import newspaper, newspaper_draw

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


def test_sets_share_no_sentence():
    lines = [{json.loads(x)["line"] for x in path.open()} for path in newspaper.HALVES.values()]
    assert sum(map(len, lines)) == len(set().union(*lines))


def test_sets_share_no_text():
    """The sentence file repeats some lines: no text may stand in two sets under two numbers."""
    digests = [{json.loads(x)["text_sha1"] for x in path.open()} for path in newspaper.HALVES.values()]
    assert sum(map(len, digests)) == len(set().union(*digests))


@pytest.mark.skipif(not newspaper.SENTENCES.exists(), reason="needs ../shared")
@pytest.mark.parametrize("half", ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7"])
def test_spans_lie_on_word_boundaries_of_the_stored_text(half):
    for record, text in newspaper.load(half):
        for start, end, _ in record["entities"]:
            assert end <= len(text) and text[start:end] == text[start:end].strip()


def test_exact_and_overlap_matching():
    gold = [(0, 10, "ORG"), (20, 25, "DATE")]
    predicted = [(0, 10, "ORG"), (20, 30, "DATE"), (40, 45, "PER")]
    assert newspaper.match(gold, predicted, exact=True) == [(gold[0], predicted[0])]
    assert len(newspaper.match(gold, predicted, exact=False)) == 2
    # another label never matches, however much it overlaps
    assert newspaper.match([(0, 10, "LOC")], [(0, 10, "PER")], exact=False) == []


def test_draw_topics_take_the_first_matching_stratum():
    assert newspaper_draw.topic_of("Kocha wa timu hiyo alisema mbunge atafika.") == "sport"
    assert newspaper_draw.topic_of("Diwani huyo alizungumzia bei ya sukari.") == "politics"
    assert newspaper_draw.topic_of("Benki hiyo imepunguza riba.") == "business"
    assert newspaper_draw.topic_of("Mvua kubwa ilinyesha jana usiku.") == "other"


def test_api_layer_scores_what_the_api_returns(nlp):
    # ANNOTATION.md types a ministry as one organization; doc.ents keeps MasakhaNER's
    # convention, so only the API layer can match such gold spans
    text = "Msemaji wa Wizara ya Fedha ya Tanzania Bw. Juma Hamisi alisema leo kwamba bei zitashuka."
    doc = nlp(text)
    api = {(text[s:e], label) for s, e, label in newspaper.predicted_spans(doc, "api")}
    ents = {(text[s:e], label) for s, e, label in newspaper.predicted_spans(doc, "ents")}
    assert ("Wizara ya Fedha ya Tanzania", "ORG") in api
    assert ("Wizara ya Fedha ya Tanzania", "ORG") not in ents
    assert {("Juma Hamisi", "PER"), ("leo", "DATE")} <= api & ents
