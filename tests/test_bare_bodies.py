"""A state body named by its head alone ("Bunge", "Jeshi"): an organization of the API, doc.ents unchanged."""
import pytest

from tests.test_entities import annotate


@pytest.mark.parametrize("marked, body", [
    ("Waziri wa Fedha aliliambia Bunge kwamba bajeti itasomwa wiki ijayo.", "Bunge"),
    ("Bunge hilo litakutana tena mwezi ujao mjini Dodoma.", "Bunge"),
    ("Jeshi limesema kwamba wanajeshi watatu walijeruhiwa.", "Jeshi"),
])
def test_a_bare_body_is_an_organization_of_the_api_only(nlp, marked, body):
    doc = annotate(nlp, marked)
    assert [e.name for e in doc._.entities if e.label == "ORG"] == [body]
    assert body not in [ent.text for ent in doc.ents]


@pytest.mark.parametrize("marked", [
    # the head of a longer name: the country is the mention (MasakhaNER and the dev sets)
    "Bunge la [Kenya|LOC] limepitisha sheria mpya.",
    # a body inside a title is the office's, not a mention
    "Amiri Jeshi Mkuu alihudhuria sherehe hizo.",
    "Kamanda wa Jeshi aliwaonya wananchi.",
    # lowercase: the common noun
    "Wabunge walikutana bungeni na jeshi lilikuwa nje.",
])
def test_no_bare_body(nlp, marked):
    assert [e.name for e in annotate(nlp, marked)._.entities if e.label == "ORG"] == []
