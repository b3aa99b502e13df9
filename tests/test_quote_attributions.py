"""Reported speech the cue finder must not miss: a clause that opens with a modal
adverb ("perhaps"), and a sentence-final attribution whose addressee a relative clause
describes (but not a relative clause or a promise after a comma); and the speaker of a
participle after a second clause joined by "na". Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes


@pytest.mark.parametrize("text, content", [
    ("Amina Hassan alieleza kuwa huenda mvua ikaharibu mazao mwaka huu.",
     "huenda mvua ikaharibu mazao mwaka huu"),
    ("Amina Hassan alisema kuwa mradi huo huenda usiwe na faida kwa wakulima.",
     "mradi huo huenda usiwe na faida kwa wakulima"),
    ("Amina Hassan ameonya kuwa labda bei ikapanda tena.", "labda bei ikapanda tena"),
])
def test_a_modal_adverb_after_kuwa_opens_a_clause(quotes_nlp, text, content):
    doc = annotate(quotes_nlp, text, per=["Amina Hassan"])
    assert ("indirect", content, "Amina Hassan") in quotes(doc)


@pytest.mark.parametrize("text", [
    "Amina Hassan alikubali kuwa mgombea wa chama hicho.",
    "Amina Hassan alikubali kuwa mgombea, huenda kwa sababu ya shinikizo.",
])
def test_kuwa_before_a_noun_is_still_to_be(quotes_nlp, text):
    doc = annotate(quotes_nlp, text, per=["Amina Hassan"])
    assert not [q for q in doc._.quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text, content", [
    ("Bei ya mahindi itapanda mwezi ujao, Amina Hassan aliuambia mkutano ulioandaliwa na wakulima.",
     "Bei ya mahindi itapanda mwezi ujao"),
    ("Shule zitafunguliwa Jumatatu, Amina Hassan aliwaambia wazazi waliokusanyika shuleni.",
     "Shule zitafunguliwa Jumatatu"),
])
def test_an_addressee_described_by_a_relative_clause_ends_the_attribution(quotes_nlp, text, content):
    doc = annotate(quotes_nlp, text, per=["Amina Hassan"])
    assert ("indirect", content, "Amina Hassan") in quotes(doc)


@pytest.mark.parametrize("text", [
    # a relative clause after a comma, not an attribution
    "Mvua kubwa imenyesha mjini, tukio ambalo linakumbusha mafuriko yaliyotokea mwaka jana.",
    # a promise to act: its infinitive is the verb's object
    "Jeshi litaondoka mjini, lakini Amina Hassan aliahidi kurudi baada ya wanajeshi waliotumwa kufika.",
])
def test_no_sentence_final_attribution(quotes_nlp, text):
    doc = annotate(quotes_nlp, text, per=["Amina Hassan"])
    assert not [q for q in doc._.quotes if q.kind == "indirect" and q.start == 0]


@pytest.mark.parametrize("text, content, speaker", [
    ("Wizara haijatoa takwimu mpya tangu Mei na Waziri Amina Hassan amesikika mara kadhaa akisema "
     "hakuna tena wagonjwa nchini.", "hakuna tena wagonjwa nchini", "Amina Hassan"),
    ("Wanafunzi walirudi nyumbani mwezi Machi na mwalimu mkuu Juma Ali amekuwa akidai kwamba shule "
     "itafunguliwa Julai.", "shule itafunguliwa Julai", "Juma Ali"),
])
def test_a_participle_goes_on_with_the_joined_clause_before_it(quotes_nlp, text, content, speaker):
    doc = annotate(quotes_nlp, text, per=["Amina Hassan", "Juma Ali"])
    assert ("indirect", content, speaker) in quotes(doc)


@pytest.mark.parametrize("text, content, speaker", [
    # the joined clause is what the first speech verb reports
    ("Juma Ali amesema ripoti hizo si rasmi na wala tume haijazipokea, akisema kwamba watafanya uchunguzi.",
     "watafanya uchunguzi", "Juma Ali"),
])
def test_a_participle_after_a_reported_clause_keeps_the_speaker(quotes_nlp, text, content, speaker):
    doc = annotate(quotes_nlp, text, per=["Juma Ali"])
    assert ("indirect", content, speaker) in quotes(doc)


def test_a_verb_that_ends_the_sentence_attributes_it_to_the_last_speaker(quotes_nlp):
    doc = annotate(quotes_nlp, "Amina Hassan alisema kwamba mvua imechelewa. "
                               "Mbolea itagawiwa bure mwezi ujao, aliongeza.", per=["Amina Hassan"])
    assert ("indirect", "Mbolea itagawiwa bure mwezi ujao", "Amina Hassan") in quotes(doc)


@pytest.mark.parametrize("text", [
    "Kama Juma Ali atarudia tuhuma hizo, nitajibu.",  # the speaker's own words
    "Juma Ali alisimama kwenye jukwaa. Wananchi walishangilia, “Tutashinda uchaguzi huu,” alisema.",
])
def test_no_attribution_by_a_first_person_verb_or_after_a_quotation(quotes_nlp, text):
    doc = annotate(quotes_nlp, text, per=["Juma Ali"])
    assert not [q for q in doc._.quotes if q.kind == "indirect"]
