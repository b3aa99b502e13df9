"""Who speaks for a body: a government named by its country ("Serikali ya Kenya", linked to
the country's entity), a body without a proper name, officials. Sentences written for these
tests, entities set by hand."""
from __future__ import annotations

import pytest

from service.components.quotes.speakers import Reading
from tests.test_quotes import annotate


@pytest.mark.parametrize("text, speaker", [
    ("Rais Amina Ali amesema mpango huo ni mzuri. "
     "Serikali ya Ghana imesema kwamba itaongeza bajeti ya afya.", "Serikali ya Ghana"),
    ("Serikali ya Ghana ilisema Jumatatu kwamba itaongeza bajeti ya afya.", "Serikali ya Ghana"),
    # the country itself speaking keeps its own name
    ("Ghana imesema kwamba itaongeza bajeti ya afya.", "Ghana"),
])
def test_a_government_speaks_as_the_whole_body(quotes_nlp, text, speaker):
    doc = annotate(quotes_nlp, text, per=["Amina Ali"], loc=["Ghana"])
    last = doc._.quotes[-1]
    assert last.kind == "indirect"
    assert last.speaker is not None and last.speaker.text == speaker
    assert last.speaker_entity is not None and last.speaker_entity.name == "Ghana"


# A body the article identifies speaks under the fullest name it gave it, also where the
# verb's subject is the bare head noun or the head and a demonstrative; a bare "polisi"
# or "mamlaka" that nothing identifies is an unnamed source (dev/quotes/README.md, 4 Dec).
@pytest.mark.parametrize("text, speaker", [
    ("Muungano wa wakulima nchini Ghana umetoa taarifa leo. "
     "Muungano huo umesema kwamba bei ya mbolea imepanda.", "Muungano wa wakulima nchini Ghana"),
    ("Wizara ya maji na nishati ilitoa ripoti jana. "
     "Wizara imeeleza kwamba mabwawa yamejaa.", "Wizara ya maji na nishati"),
    ("Mtu mmoja alikamatwa na polisi wa Ghana jana mjini Accra. "
     "Polisi walisema kwamba uchunguzi unaendelea.", "polisi wa Ghana"),
    ("Polisi nchini Ghana wamesema watu watatu wamekamatwa.", "Polisi nchini Ghana"),
    ("Mamlaka ya bandari imesema kwamba meli mbili zimechelewa.", "Mamlaka ya bandari"),
    ("Ofisi ya mkuu wa wilaya imesema kwamba barabara imefungwa.", "Ofisi ya mkuu wa wilaya"),
    # what follows the body's name is not its name
    ("Wizara ya afya kwenye ujumbe wa Twitter inaeleza kwamba chanjo zimefika.", "Wizara ya afya"),
])
def test_a_body_speaks_under_the_name_the_article_gave_it(quotes_nlp, text, speaker):
    doc = annotate(quotes_nlp, text, loc=["Ghana", "Accra"], org=["Twitter"])
    last = doc._.quotes[-1]
    assert last.kind == "indirect"
    assert last.speaker is not None and last.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "Watu wawili walijeruhiwa jana. Polisi walisema kwamba uchunguzi unaendelea.",
    "Barabara hiyo imefungwa. Mamlaka imesema kwamba matengenezo yataanza kesho.",
])
def test_a_bare_body_no_one_identified_is_an_unnamed_source(quotes_nlp, text):
    doc = annotate(quotes_nlp, text)
    last = doc._.quotes[-1]
    assert last.kind == "indirect"
    assert last.speaker is None


@pytest.mark.parametrize("text, speaker", [
    # officials speak for the body they are named with
    ("Maafisa wa wizara ya kilimo nchini Ghana walisema kwamba mvua imechelewa.",
     "wizara ya kilimo nchini Ghana"),
    # a bare "serikali" is the government the article named before
    ("Serikali ya Ghana imefunga shule zote. Serikali inasema kwamba wanafunzi watarudi mwezi ujao.",
     "Serikali ya Ghana"),
])
def test_officials_and_a_bare_government_speak_for_the_body_named(quotes_nlp, text, speaker):
    doc = annotate(quotes_nlp, text, loc=["Ghana"])
    last = doc._.quotes[-1]
    assert last.kind == "indirect"
    assert last.speaker is not None and last.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "Maafisa wa benki walisema kwamba riba itapanda.",
    "Maafisa wa jeshi na waasi walisema kwamba watu kumi wamejeruhiwa.",
])
def test_officials_of_a_body_no_one_named_are_unnamed(quotes_nlp, text):
    last = annotate(quotes_nlp, text)._.quotes[-1]
    assert last.kind == "indirect"
    assert last.speaker is None


def test_a_reading_keeps_its_mention_over_a_nearer_one_of_the_same_entity(quotes_nlp):
    # the rules read the government as the verb's subject; the abbreviation in brackets,
    # nearer the verb and of the same entity, must not stand for that candidate
    text = "Serikali ya Jamhuri ya Kidemokrasia ya Kongo (DRC) imetangaza kwamba shule zitafunguliwa."
    doc = annotate(quotes_nlp, text, loc=["Jamhuri ya Kidemokrasia ya Kongo", "DRC"])
    trace: dict = {}
    Reading(doc, doc._.text, None, trace)
    (candidates,) = trace.values()
    spans = [c.mention.span.text for c in candidates if c.mention is not None]
    assert "Serikali ya Jamhuri ya Kidemokrasia ya Kongo" in spans
