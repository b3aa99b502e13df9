"""The learned speaker chooser of habari_quotes (issue 16), on sentences written for these tests."""
from __future__ import annotations

import json

import pytest

import service.lang.sw  # noqa: F401  (registers "sw")
from schemas.annotate import SpeakerSchema
from service import components  # noqa: F401  (registers the factories)
from service.components.quotes import find_quotes
from service.components.quotes.candidates import FEATURES
from service.components.quotes.model import SpeakerModel, load_model
from tests.test_quotes import annotate

DROPPED_SUBJECT = ("Waziri wa Afya Bi. Neema Juma alizungumza na wanahabari jana. "
                   "Alitahadharisha kwamba dawa hizo si salama kwa watoto.")


def _model(**weights: float) -> SpeakerModel:
    """A model that scores only the named features."""
    return SpeakerModel({"features": list(FEATURES), "mean": [0.0] * len(FEATURES),
                         "scale": [1.0] * len(FEATURES), "intercept": 0.0,
                         "coef": [weights.get(f, 0.0) for f in FEATURES]})


def test_shipped_model_names_the_person_of_a_dropped_subject(quotes_nlp):
    doc = annotate(quotes_nlp, DROPPED_SUBJECT, per=["Neema Juma"])
    [quote] = doc._.quotes
    assert quote.speaker_entity.name == "Neema Juma"
    assert 0.5 < quote.confidence <= 1.0


def test_the_model_not_the_rules_decides(quotes_nlp):
    doc = annotate(quotes_nlp, DROPPED_SUBJECT, per=["Neema Juma"])
    [quote] = find_quotes(doc, _model(none=5.0))
    assert quote.speaker is None
    assert quote.confidence > 0.9  # "no one" won by a wide margin


def test_equal_scores_share_the_probability(quotes_nlp):
    doc = annotate(quotes_nlp, DROPPED_SUBJECT, per=["Neema Juma"])
    [quote] = find_quotes(doc, _model())  # every candidate scores 0: a tie
    assert quote.confidence == pytest.approx(0.5)  # two candidates: Neema Juma, no one


def test_rules_alone_give_no_confidence(quotes_nlp):
    doc = annotate(quotes_nlp, DROPPED_SUBJECT, per=["Neema Juma"])
    [quote] = find_quotes(doc, None)
    assert quote.speaker_entity.name == "Neema Juma"
    assert quote.confidence is None


def test_agreement_features_follow_the_noun_class_of_the_verb(quotes_nlp):
    text = "Tume ya Uchaguzi ilisema kwamba Juma Ali ameshinda kiti hicho."
    doc = annotate(quotes_nlp, text, per=["Juma Ali"], org=["Tume ya Uchaguzi"])
    by_agreement = _model(agree_body=5.0, clash=-5.0)
    [quote] = find_quotes(doc, by_agreement)
    assert quote.speaker_entity.name == "Tume ya Uchaguzi"


def test_model_file_round_trip(tmp_path):
    params = {"features": ["none"], "mean": [0.5], "scale": [2.0], "coef": [1.0], "intercept": 0.25}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(params))
    model = load_model(str(path))
    # standardisation folded in: (x - 0.5) / 2 * 1 + 0.25
    assert model.bias == pytest.approx(0.0)
    assert model.weights == pytest.approx([0.5])
    assert load_model(str(tmp_path / "absent.json")) is None


@pytest.mark.parametrize("confidence, valid", [(0.93, True), (None, True), (1.5, False)])
def test_speaker_confidence_is_optional_in_the_schema(confidence, valid):
    speaker = {"name": "Neema Juma", "entity": "per-1", "mention": None}
    if confidence is not None:
        speaker["confidence"] = confidence
    assert (SpeakerSchema().validate(speaker) == {}) is valid
