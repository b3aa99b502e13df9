"""habari_entity_types' club_phrases: clubs told by grammar in football context."""
import pytest

from service.components.entity_types import RULES, EntityTyper
from tests.test_entity_types import _ents, _with_ents


@pytest.fixture(scope="module")
def typer():
    return EntityTyper(list(RULES))


@pytest.mark.parametrize("text, given, club", [
    # a name "klabu"/"timu" owns, tagged or not
    ("Mchezaji huyo amejiunga na klabu yake mpya ya Kilwarika baada ya majaribio.", [("Kilwarika", "PER")],
     "Kilwarika"),
    ("Kocha wa timu ya soka ya Ngorotwe amesema mechi ya kesho ni ngumu.", [], "Ngorotwe"),
    # a place playing: the subject of a verb agreeing with "timu"
    ("Ndolezi imeifunga Majimaji mabao mawili katika mechi ya ligi.", [("Ndolezi", "LOC")], "Ndolezi"),
])
def test_a_club_by_its_phrase(nlp, typer, text, given, club):
    assert (club, "ORG") in _ents(typer(_with_ents(nlp, text, given)))


@pytest.mark.parametrize("text, given", [
    # a country is its national team, a place; a continent after a locative is the place
    ("Kenya imeifunga Uganda mabao mawili katika mechi ya kirafiki.", [("Kenya", "LOC")]),
    ("Idadi ya mashabiki wa soka barani Afrika imeongezeka.", [("Afrika", "LOC")]),
    # no football around
    ("Ndolezi imepata mvua nyingi mwaka huu.", [("Ndolezi", "LOC")]),
    # a verb ends the club noun's phrase; a longer name after "ya" is not the club's
    ("Timu hiyo ilivurunda michuano ya Kombe la Kagame.", []),
    ("Wachezaji wa timu ya Waandishi wa Habari walifika kwenye mechi.", []),
])
def test_no_club(nlp, typer, text, given):
    assert "ORG" not in [label for _, label in _ents(typer(_with_ents(nlp, text, given)))]
