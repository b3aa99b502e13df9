"""Reported speech the cue finder must not miss: a clause that opens with a modal
adverb ("perhaps"). Sentences written for these tests."""
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
