"""Reported clauses the cue finder must not miss: a clause whose only verb is a negative
locative copula, a clause opened by a time adverb with "hivi", and a sentence-initial
attribution right after another attributed sentence; and none after an object and a
purpose conjunction ("… ili kuhakikisha kuwa …"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate


@pytest.mark.parametrize("text, content, speaker", [
    ("Juma Ali anasema serikali haiko tayari kwa mazungumzo.", "serikali haiko tayari kwa mazungumzo",
     "Juma Ali"),
    ("Juma Ali alisema hivi sasa wanafanya mipango ya kujenga shule.",
     "hivi sasa wanafanya mipango ya kujenga shule", "Juma Ali"),
    ("Juma Ali alielezea utaratibu wa kufuata ili kupata leseni haraka, kwamba mkulima atajaza fomu.",
     "mkulima atajaza fomu", "Juma Ali"),
    ("Juma Ali alieleza mpango wa kujenga maghala ili kulinda mavuno na kwamba ujenzi utaanza Machi.",
     "ujenzi utaanza Machi", "Juma Ali"),
    ("Juma Ali alisema kuwa ili kilimo kikue, wakulima wanahitaji mbolea.",
     "ili kilimo kikue, wakulima wanahitaji mbolea", "Juma Ali"),
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


@pytest.mark.parametrize("text, content", [
    # a verb that takes a bare clause only when a noun and a verb agreeing with it follow
    ("Juma Ali ni msemaji wa wizara. Ameeleza serikali imelazimika kufunga shule hizo.",
     "serikali imelazimika kufunga shule hizo"),
])
def test_a_noun_and_its_verb_after_eleza_are_a_clause(quotes_nlp, text, content):
    doc = annotate(quotes_nlp, text, per=["Juma Ali"])
    assert content in {doc.text[q.start:q.end] for q in doc._.quotes if q.kind == "indirect"}


@pytest.mark.parametrize("text", [
    "Juma Ali alieleza hali ilivyo katika hospitali hizo.",
    "Tume imetangaza halmashauri itakayosimamia uchaguzi huo.",
    # a complementizer after a purpose conjunction is its infinitive's, not the speech verb's
    "Wakulima wana muda wa kudai mbolea ili kuhakikisha kuwa mavuno yanaongezeka mwakani.",
    "Juma Ali aliwaeleza wenzake mpango huo ili kuonyesha kwamba ushirika unaweza kukopa.",
])
def test_a_noun_phrase_after_eleza_is_its_object(quotes_nlp, text):
    doc = annotate(quotes_nlp, text, per=["Juma Ali"])
    assert not [q for q in doc._.quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text, content", [
    # named papers listed after the verb are the reported clause's subject when a verb that
    # agrees with their plural head follows the list
    ("Shirika la Haki linasema magazeti ya lugha ya Kiswahili Kilima Leo, Sauti na Mwanga Kesho yote "
     "yalifungiwa kwa muda.",
     "magazeti ya lugha ya Kiswahili Kilima Leo, Sauti na Mwanga Kesho yote yalifungiwa kwa muda"),
])
def test_a_listed_plural_subject_after_the_verb_opens_the_clause(quotes_nlp, text, content):
    doc = annotate(quotes_nlp, text, org=["Shirika la Haki", "Kilima Leo", "Mwanga Kesho"])
    found = {doc.text[q.start:q.end]: q for q in doc._.quotes}
    assert content in found and found[content].speaker_entity.name == "Shirika la Haki"
