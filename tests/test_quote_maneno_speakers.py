"""Speaker errors of newspaper sentences (issue 16, dev/quotes/fresh15_maneno.jsonl).
Sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

from service.components.quotes.cues import find_speech_cues
from tests.test_quotes import annotate, quotes


@pytest.mark.parametrize("text, per, loc, speaker", [
    # the only subjects before a narrative verb are inside the quotation: no one is named
    ("“Sasa amerudishwa nyumbani na shauri lake liko Morogoro,” akaongeza.", ["Morogoro"], [], None),
    ("“Sasa amerudishwa nyumbani na shauri lake liko Morogoro,” akaongeza.", [], ["Morogoro"], None),
    ("“Tayari amepewa dhamana na anaishi kwa Juma Ali,” akasema.", ["Juma Ali"], [], None),
    # outside the quotation the main clause still names the speaker
    ("Juma Ali alisema mvua imenyesha. “Mazao yameharibika,” akaongeza.", ["Juma Ali"], [], "Juma Ali"),
])
def test_a_name_inside_the_quotation_does_not_say_it(quotes_nlp, text, per, loc, speaker):
    doc = annotate(quotes_nlp, text, per=per, loc=loc)
    assert quotes(doc)[-1][2] == speaker


@pytest.mark.parametrize("text, stem", [
    ("Mshambuliaji huyo alitamba kuwa timu yake itashinda kesho.", "tamba"),
    ("Kocha alijigamba kwamba wachezaji wake wako tayari.", "jigamba"),
    ("Mtuhumiwa alijitetea kuwa hakuwepo nyumbani siku hiyo.", "tetea"),
    ("Mkaguzi alifichua kuwa fedha hizo hazikuonekana.", "fichua"),
    ("Mkuu wa wilaya aliutangazia umma kwamba barabara itafunguliwa.", "tangazia"),
    ("Mzee huyo anasimulia kuwa shamba hilo lilikuwa la babu yake.", "simulia"),
    ("Waziri aliweka wazi kuwa bei ya mafuta haitapanda.", "weka wazi"),  # two words, one verb
    ("Chama kimeweka bayana kwamba hakitashiriki uchaguzi huo.", "weka bayana"),
    # no clause after them: they defend, expose, announce to someone, and are no speech
    ("Shirika la kutetea haki za wanawake limeanza kazi.", None),
    ("Polisi wanajaribu kuwafichua watu wanaodaiwa kuwa wezi.", None),
    ("Mashabiki walianza kuitetea timu yao kana kwamba imeshinda.", None),
    ("Aliwatangazia wanakijiji habari hiyo jana.", None),
    ("Mkandarasi aliweka wazi michoro yote ya mradi.", None),
])
def test_verbs_that_report_only_before_kuwa_or_kwamba(text, stem):
    stems = [c.stem for c in find_speech_cues(text)]
    assert stems == ([stem] if stem else [])


def test_a_boast_with_a_clause_is_reported_speech(quotes_nlp):
    doc = annotate(quotes_nlp, "Kocha Juma Ali alitamba kuwa timu yake itashinda mechi ya kesho.", per=["Juma Ali"])
    assert quotes(doc) == [("indirect", "timu yake itashinda mechi ya kesho", "Juma Ali")]


@pytest.mark.parametrize("text, org, per, speaker", [
    # a name in quotation marks is the subject, not what was said
    ("Shirika la “Msaada Kwanza” limesema kwamba litajenga visima kumi mwaka huu.",
     ["Msaada Kwanza"], [], "Msaada Kwanza"),
    ("“Tumaini Group” ilieleza kuwa wanachama wake wameongezeka.", ["Tumaini Group"], [], "Tumaini Group"),
    # a word said, with no name in it, still ends the clause before the verb
    ("“Hapana” alisema kwa sauti, kisha akaondoka.", [], [], None),
])
def test_a_quoted_name_before_the_verb_is_its_subject(quotes_nlp, text, org, per, speaker):
    doc = annotate(quotes_nlp, text, org=org, per=per)
    assert quotes(doc)[-1][2] == speaker


@pytest.mark.parametrize("text, per, speaker", [
    # a title of more than ten words before the name that ends the sentence
    ("“Mradi utaanza mwezi ujao,” alisema Mkurugenzi wa Maji na Usafi wa Mazingira wa Halmashauri ya "
     "Wilaya ya Kilosa Juma Ali.", ["Juma Ali"], "Juma Ali"),
    # a list of places is no title: the speaker stays unnamed
    ("“Nauli haitapanda,” alisema dereva mmoja wa basi la njia ya kati ya mji wa Kibaha na Mlandizi.",
     ["Mlandizi"], None),
])
def test_a_long_title_before_the_name_after_the_verb(quotes_nlp, text, per, speaker):
    doc = annotate(quotes_nlp, text, per=per)
    assert quotes(doc)[-1][2] == speaker


def test_a_quoted_nickname_after_the_name_is_not_the_speaker(quotes_nlp):
    text = "Mwanamuziki mkongwe, Hamisi Rajabu “Babu Kubwa” alisema kwamba bendi yake itarudi jukwaani."
    doc = annotate(quotes_nlp, text, per=["Hamisi Rajabu", "Babu Kubwa"])
    assert quotes(doc)[-1][2] == "Hamisi Rajabu"


@pytest.mark.parametrize("text, org, per, speaker", [
    # an office of a person, and its spokesman, speak as that person
    ("Ofisi ya Juma Ali imesema kuwa ziara hiyo itaendelea kama ilivyopangwa.", [], ["Juma Ali"], "Juma Ali"),
    ("Msemaji katika ofisi ya Juma Ali amesema kuwa ziara hiyo imeahirishwa.", [], ["Juma Ali"], "Juma Ali"),
    # an office named by its role, no person, stays the office
    ("Ofisi ya Mkurugenzi wa Mashtaka imesema kuwa kesi hiyo itaendelea.", [], [],
     "Ofisi ya Mkurugenzi wa Mashtaka"),
])
def test_an_office_of_a_person_speaks_as_that_person(quotes_nlp, text, org, per, speaker):
    doc = annotate(quotes_nlp, text, org=org, per=per)
    assert quotes(doc)[-1][2] == speaker


@pytest.mark.parametrize("text, org, loc, per, speaker", [
    # a body's leaders speak for it, as its officials do
    ("Viongozi wa Chama cha Wakulima walisema kuwa bei ya mbolea imepanda.", ["Chama cha Wakulima"], [], [],
     "Chama cha Wakulima"),
    ("Viongozi wa Zanzibar wamesema kuwa bandari mpya itajengwa.", [], ["Zanzibar"], [], "Zanzibar"),
    # after one person's verb, several leaders are what was said, not who said it
    ("Juma Ali alitoa hotuba. Anasema viongozi wa Zanzibar, pamoja na wadau wengine, watakutana kesho.",
     [], ["Zanzibar"], ["Juma Ali"], "Juma Ali"),
])
def test_leaders_of_a_body_speak_for_it(quotes_nlp, text, org, loc, per, speaker):
    doc = annotate(quotes_nlp, text, org=org, loc=loc, per=per)
    assert quotes(doc)[-1][2] == speaker
