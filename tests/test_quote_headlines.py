"""Headlines that attribute a claim with no quotation marks and no speech verb."""
import pytest

from tests.test_quotes import annotate, quotes

BODY = "\n\nHabari zaidi zitafuata baadaye leo."


@pytest.mark.parametrize("headline, per, org, loc, expected", [
    ("Halima Juma: Tutajenga shule mpya Dodoma", ["Halima Juma"], [], ["Dodoma"],
     [("indirect", "Tutajenga shule mpya Dodoma", "Halima Juma")]),
    ("Waziri Halima Juma : Bajeti itasomwa mwezi ujao", ["Halima Juma"], [], [],
     [("indirect", "Bajeti itasomwa mwezi ujao", "Halima Juma")]),
    ("Tume ya Uchaguzi: Matokeo yatatangazwa kesho", [], ["Tume ya Uchaguzi"], [],
     [("indirect", "Matokeo yatatangazwa kesho", "Tume ya Uchaguzi")]),
    ("Hali ni ngumu lakini msaada unakuja – Halima Juma", ["Halima Juma"], [], [],
     [("indirect", "Hali ni ngumu lakini msaada unakuja", "Halima Juma")]),
])
def test_a_name_and_a_claim_in_a_headline_are_reported_speech(quotes_nlp, headline, per, org, loc, expected):
    assert quotes(annotate(quotes_nlp, headline + BODY, per=per, org=org, loc=loc)) == expected


@pytest.mark.parametrize("headline, per, org, loc", [
    # a place before the colon is the topic
    ("Kenya: Watu kumi wafariki katika ajali", [], [], ["Kenya"]),
    # a person told of in the third person is the topic
    ("Halima Juma: Mwanariadha huyo amevunja rekodi ya dunia", ["Halima Juma"], [], []),
    # a claim whose subject is another name is that one's news
    ("Tume ya Uchaguzi: Kenya itapiga kura mwezi ujao", [], ["Tume ya Uchaguzi"], ["Kenya"]),
    # a body after a dash is as often the outlet's name
    ("Mvua kubwa yanyesha jijini Nairobi – Radio Mashariki", [], ["Radio Mashariki"], ["Nairobi"]),
    # more than a name before the colon
    ("Mkutano wa Halima Juma: Tutajenga shule mpya", ["Halima Juma"], [], []),
])
def test_a_headline_topic_is_no_speaker(quotes_nlp, headline, per, org, loc):
    assert quotes(annotate(quotes_nlp, headline + BODY, per=per, org=org, loc=loc)) == []


@pytest.mark.parametrize("headline, expected_speaker", [
    # the subject after a headline's topic and its colon is the speaker, not the topic
    ("Mto Nile : Ethiopia yasema itaendelea kujaza maji katika bwawa", "Ethiopia"),
    # no subject after the colon: the name before it may still be one
    ("Abebe Kebede: Hata hivyo alisema maji yataendelea kujazwa", "Abebe Kebede"),
])
def test_a_subject_does_not_reach_back_past_a_headline_colon(quotes_nlp, headline, expected_speaker):
    doc = annotate(quotes_nlp, headline + BODY, per=["Abebe Kebede"], loc=["Mto Nile", "Ethiopia"])
    assert [speaker for _, _, speaker in quotes(doc)] == [expected_speaker]
