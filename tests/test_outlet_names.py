"""The rules of outlet_names.py, run through habari_entity_types on spans given as the NER's output."""
import pytest

from service.components.entity_types import RULES, EntityTyper
from service.components.gazetteer import places
from tests.test_entity_types import _ents, _with_ents


@pytest.fixture(scope="module")
def typer():
    return EntityTyper(list(RULES))


def _typed(nlp, typer, text: str, spans: list[tuple[str, str]]):
    return _ents(typer(_with_ents(nlp, text, spans)))


@pytest.mark.parametrize("text, given, expected", [
    ("Kamishna Jenerali (IGP) Ali Saidi alitoa amri.", [("IGP", "ORG"), ("Ali Saidi", "PER")],
     [("Ali Saidi", "PER")]),
    ("Ripoti ya Mtume Ibrahim (SAW) ilisomwa.", [("Ibrahim", "PER"), ("SAW", "ORG")], [("Ibrahim", "PER")]),
    ("Alikutana na AG Juma Kassim jana.", [("AG Juma Kassim", "PER")], [("Juma Kassim", "PER")]),
    # DP before a name is a title; alone, after a comma, it may be a party
    ("Alisema DP Mwangi kwenye mkutano.", [("DP", "ORG"), ("Mwangi", "PER")], [("Mwangi", "PER")]),
    ("Chama cha DP, kwa upande wake, kilikataa.", [("DP", "ORG")], [("DP", "ORG")]),
])
def test_title_acronyms_are_not_names(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected


@pytest.mark.parametrize("text, given, expected", [
    ("Mkutano ulifanyika mjini Kisoma jana.", [("Kisoma", "PER")], [("Kisoma", "LOC")]),
    ("Diwani wa kata ya Mbugani alifika.", [("Mbugani", "PER")], [("Mbugani", "LOC")]),
    # a full name after a constituency's "mjini" is the member, and a capitalized head is part of a name
    ("Mbunge wa Kondo mjini Juma Sefu alisema.", [("Kondo", "LOC"), ("Juma Sefu", "PER")],
     [("Kondo", "LOC"), ("Juma Sefu", "PER")]),
    ("Alisema Mjini Sefu kwamba.", [("Sefu", "PER")], [("Sefu", "PER")]),
])
def test_one_word_after_a_place_descriptor_is_a_place(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected


@pytest.mark.parametrize("text, given, expected", [
    ("Akizungumza na Raia Mwema, mkuu huyo alisema.", [("Raia Mwema", "PER")], [("Raia Mwema", "ORG")]),
    ("Habari zilizoandikwa na Tanzania Daima zilisomwa.", [("Tanzania", "LOC")], [("Tanzania Daima", "ORG")]),
    ("Gazeti la kila siku, Mwananchi lilichapisha taarifa hiyo.", [], [("Mwananchi", "ORG")]),
    # the same words as common nouns: a citizen, a good citizen
    ("Mwananchi aliyefika alisema.", [], []),
    ("Kila raia mwema atalipa kodi.", [], []),
])
def test_newspapers_are_organizations(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected


@pytest.mark.parametrize("text, given, expected", [
    ("Katibu Mkuu Pedro ALMEIDA alisema.", [("Pedro", "PER")], [("Pedro ALMEIDA", "PER")]),
    ("Waziri HASSAN OMARI KIPINDU aliwasili.", [("HASSAN", "ORG"), ("KIPINDU", "PER")],
     [("HASSAN OMARI KIPINDU", "PER")]),
    ("Waziri Jean de LAVALLE alisema.", [("LAVALLE", "ORG")], [("Jean de LAVALLE", "PER")]),
    # an acronym of a body after a name, a word of the text in capitals, or one on the next line stays out
    ("Juma Ali wa TANESCO alisema.", [("Juma Ali", "PER"), ("TANESCO", "ORG")],
     [("Juma Ali", "PER"), ("TANESCO", "ORG")]),
    ("Amesema Juma Ali\nMOMBASA ni mji.", [("Juma Ali", "PER")], [("Juma Ali", "PER")]),
])
def test_surnames_in_capitals_stay_in_the_name(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected


@pytest.mark.parametrize("text, given, expected", [
    ("Wafanyakazi wa Kenya Paper Mills walilalamika.", [("Paper Mills", "ORG")], [("Kenya Paper Mills", "ORG")]),
    ("Wafanyakazi wa Uganda Sugar Works walilalamika.", [("Uganda", "LOC"), ("Sugar Works", "ORG")],
     [("Uganda Sugar Works", "ORG")]),
    # a body's Swahili name after a country is another name
    ("Nchini Kenya Chama cha Walimu kiligoma.", [("Kenya", "LOC"), ("Chama cha Walimu", "ORG")],
     [("Kenya", "LOC"), ("Chama cha Walimu", "ORG")]),
])
def test_a_country_before_a_company_is_part_of_its_name(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected


def test_east_african_towns_are_never_people():
    towns = places().never_people
    assert {"kibaigwa", "tarime", "mkuranga"} <= towns  # GeoNames towns under 100,000 people
    assert "muhanga" not in towns  # a person in the MasakhaNER data


@pytest.mark.parametrize("text, given", [
    # an acronym before a full name is the person's body, not a given name
    ("Msemaji wa UNICEF Amani Moyo alisema.", [("UNICEF", "ORG"), ("Amani Moyo", "PER")]),
    # an acronym after a country, and one that ends in consonants
    ("Tume ya uchaguzi nchini Kenya IEBC imesema.", [("IEBC", "ORG")]),
])
def test_acronyms_next_to_names_are_not_surnames(nlp, typer, text, given):
    assert _typed(nlp, typer, text, given) == given


def test_a_place_left_after_a_title_acronym_is_a_place(nlp, typer):
    assert _typed(nlp, typer, "Kamanda ni RPC Mombasa sasa.", [("RPC Mombasa", "PER")]) == [("Mombasa", "LOC")]


def test_a_relative_verb_after_a_paper_word_agrees_with_another_noun(nlp, typer):
    text = "Ubia kati ya mgeni na Mtanzania lililoanzishwa mwaka huo."
    assert _typed(nlp, typer, text, []) == []


def test_capital_acronyms_are_written_in_capitals_more_often():
    from service.components.outlet_names import capital_acronyms

    frequent = ["na", "CHAMAKU", "Omondi", "Chamaku", "OMONDI", "TUKUTA"]
    assert capital_acronyms(frequent) == {"chamaku", "tukuta"}


@pytest.mark.parametrize("text, given, expected", [
    ("Winga Juma Said 'Kiboko' alifunga.", [("Juma Said 'Kiboko", "PER")], [("Juma Said", "PER")]),
    ("Winga Juma Said 'Kiboko' alifunga.", [("Juma Said 'Kiboko'", "PER")], [("Juma Said", "PER")]),
    ('Kiongozi Mary "Mama" Wanjiru alifika.', [('Mary "Mama" Wanjiru', "PER")], [('Mary "Mama" Wanjiru', "PER")]),
])
def test_a_nickname_after_a_name_is_no_part_of_it(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected


@pytest.mark.parametrize("text, given, expected", [
    ("Wajumbe kutoka Tanzania Bara walifika.", [("Tanzania", "LOC")], [("Tanzania Bara", "LOC")]),
    ("Katibu wa CUF Bara alisema.", [("CUF", "ORG")], [("CUF", "ORG"), ("Bara", "LOC")]),
    ("Tukio la Bara la Afrika.", [("Afrika", "LOC")], [("Afrika", "LOC")]),
])
def test_the_mainland_after_a_country_or_a_party(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected


def test_a_date_run_into_a_paper_is_cut_to_the_date(nlp, typer):
    text = "Akizungumza na Tanzania Daima jana, alisema."
    assert _typed(nlp, typer, text, [("Tanzania", "LOC"), ("Daima jana", "DATE")]) == \
        [("Tanzania Daima", "ORG"), ("jana", "DATE")]


@pytest.mark.parametrize("text, given", [
    ("Mkuu wa 'Kibaka' Sefu alifika.", [("Kibaka' Sefu", "PER")]),
    ("Walimu wa St. Mary's Kibaoni walifika.", [("Mary's Kibaoni", "PER")]),
])
def test_a_quote_glued_to_the_word_before_opens_no_nickname(nlp, typer, text, given):
    assert _typed(nlp, typer, text, given) == given


@pytest.mark.parametrize("text, given, expected", [
    ("Kampuni ya Mbuyu General Enterprises imeahidi.", [("Enterprises", "PER")], [("Mbuyu General Enterprises", "ORG")]),
    ("Wakala wa Kilima Motors walifika.", [("Motors", "LOC")], [("Kilima Motors", "ORG")]),
    # a name the NER tagged before it is another name
    ("Alisema Juma Ali Enterprises ilikataa.", [("Juma Ali", "PER"), ("Enterprises", "ORG")],
     [("Juma Ali", "PER"), ("Enterprises", "ORG")]),
])
def test_a_company_cut_to_its_last_word_takes_its_name(nlp, typer, text, given, expected):
    assert _typed(nlp, typer, text, given) == expected
