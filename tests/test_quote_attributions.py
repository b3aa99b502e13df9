"""Reported speech the cue finder must not miss, with its speaker: a clause that opens
with a modal adverb ("perhaps"), a sentence-final attribution whose addressee a relative
clause describes, a participle after a second clause joined by "na", a speech verb that
ends its sentence with no subject; and what none of these may turn into a report.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes

PEOPLE = ["Amina Hassan", "Juma Ali"]


@pytest.mark.parametrize("text, content, speaker", [
    # a modal adverb after kuwa: "that perhaps …", not "to be"
    ("Amina Hassan alieleza kuwa huenda mvua ikaharibu mazao mwaka huu.",
     "huenda mvua ikaharibu mazao mwaka huu", "Amina Hassan"),
    ("Amina Hassan alisema kuwa mradi huo huenda usiwe na faida kwa wakulima.",
     "mradi huo huenda usiwe na faida kwa wakulima", "Amina Hassan"),
    ("Amina Hassan ameonya kuwa labda bei ikapanda tena.", "labda bei ikapanda tena", "Amina Hassan"),
    # a relative clause after the addressee of a sentence-final attribution
    ("Bei ya mahindi itapanda mwezi ujao, Amina Hassan aliuambia mkutano ulioandaliwa na wakulima.",
     "Bei ya mahindi itapanda mwezi ujao", "Amina Hassan"),
    ("Shule zitafunguliwa Jumatatu, Amina Hassan aliwaambia wazazi waliokusanyika shuleni.",
     "Shule zitafunguliwa Jumatatu", "Amina Hassan"),
    # a participle goes on with the clause joined before it …
    ("Wizara haijatoa takwimu mpya tangu Mei na Waziri Amina Hassan amesikika mara kadhaa akisema "
     "hakuna tena wagonjwa nchini.", "hakuna tena wagonjwa nchini", "Amina Hassan"),
    ("Wanafunzi walirudi nyumbani mwezi Machi na mwalimu mkuu Juma Ali amekuwa akidai kwamba shule "
     "itafunguliwa Julai.", "shule itafunguliwa Julai", "Juma Ali"),
    # … but not with one that a speech verb reports
    ("Juma Ali amesema ripoti hizo si rasmi na wala tume haijazipokea, akisema kwamba watafanya uchunguzi.",
     "watafanya uchunguzi", "Juma Ali"),
    # a speech verb that ends the sentence: the last speaker's
    ("Amina Hassan alisema kwamba mvua imechelewa. Mbolea itagawiwa bure mwezi ujao, aliongeza.",
     "Mbolea itagawiwa bure mwezi ujao", "Amina Hassan"),
])
def test_the_reported_clause_and_its_speaker(quotes_nlp, text, content, speaker):
    assert ("indirect", content, speaker) in quotes(annotate(quotes_nlp, text, per=PEOPLE))


@pytest.mark.parametrize("text", [
    "Amina Hassan alikubali kuwa mgombea wa chama hicho.",  # kuwa: to be
    "Amina Hassan alikubali kuwa mgombea, huenda kwa sababu ya shinikizo.",
    # a relative clause after a comma, not an attribution
    "Mvua kubwa imenyesha mjini, tukio ambalo linakumbusha mafuriko yaliyotokea mwaka jana.",
    # a promise to act: its infinitive is the verb's object
    "Jeshi litaondoka mjini, lakini Amina Hassan aliahidi kurudi baada ya wanajeshi waliotumwa kufika.",
    "Kama Juma Ali atarudia tuhuma hizo, nitajibu.",  # the speaker's own words
    "Juma Ali alisimama kwenye jukwaa. Wananchi walishangilia, “Tutashinda uchaguzi huu,” alisema.",
])
def test_no_reported_clause(quotes_nlp, text):
    doc = annotate(quotes_nlp, text, per=PEOPLE)
    assert not [q for q in doc._.quotes if q.kind == "indirect"]
