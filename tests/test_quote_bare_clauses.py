"""Reported clauses the cue finder must not miss: a clause whose only verb is a negative
locative copula, a clause opened by a time adverb with "hivi", and a sentence-initial
attribution right after another attributed sentence. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate


@pytest.mark.parametrize("text, content, speaker", [
    ("Juma Ali anasema serikali haiko tayari kwa mazungumzo.", "serikali haiko tayari kwa mazungumzo",
     "Juma Ali"),
    ("Juma Ali alisema hivi sasa wanafanya mipango ya kujenga shule.",
     "hivi sasa wanafanya mipango ya kujenga shule", "Juma Ali"),
    ("Juma Ali amesema kwamba mvua imenyesha. Kulingana na wizara ya afya ya Ghana, watu kumi wamefariki.",
     "watu kumi wamefariki", "wizara ya afya ya Ghana"),
])
def test_the_reported_clause_is_found(quotes_nlp, text, content, speaker):
    doc = annotate(quotes_nlp, text, per=["Juma Ali"], loc=["Ghana"])
    found = {doc.text[q.start:q.end]: q for q in doc._.quotes}
    assert content in found and found[content].kind == "indirect"
    q = found[content]
    name = q.speaker_entity.name if q.speaker_entity is not None else q.speaker.text
    assert name == speaker
