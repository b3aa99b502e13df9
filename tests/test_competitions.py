"""A continent closing a competition's or award's name is no place of the API; doc.ents keep the NER's."""
import pytest

from tests.test_entities import annotate


@pytest.mark.parametrize("marked", [
    "Timu hiyo itashiriki Kombe la Mataifa ya [Afrika|LOC] mwaka ujao.",
    "Simba itacheza Ligi ya Mabingwa [Afrika|LOC] dhidi ya Zamalek.",
])
def test_a_continent_in_a_competition_name_is_no_place(nlp, marked):
    doc = annotate(nlp, marked)
    assert "Afrika" not in [e.name for e in doc._.entities]
    assert "Afrika" in [ent.text for ent in doc.ents]


@pytest.mark.parametrize("marked", [
    # a lowercase head, or words that are not the name's, between: the place
    "Wao ni mabingwa mara tano wa [Afrika|LOC] kwa sasa.",
    "Kombe hilo lilichukuliwa na timu kutoka [Afrika|LOC] mwaka jana.",
])
def test_a_continent_elsewhere_is_a_place(nlp, marked):
    assert "Afrika" in [e.name for e in annotate(nlp, marked)._.entities]


@pytest.mark.parametrize("marked", [
    "Timu hiyo itashiriki [Kisiwani Cup|ORG] mwezi ujao.",
    "Mwanariadha huyo alishinda [Mwambao Marathon|PER] mwaka jana.",
])
def test_an_event_name_is_no_entity(nlp, marked):
    doc = annotate(nlp, marked)
    assert doc._.entities == [] and not [ent for ent in doc.ents if ent.label_ in ("ORG", "PER")]
