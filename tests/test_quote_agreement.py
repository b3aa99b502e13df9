"""A speech verb does not share its subject with a verb of the other kind: a person's
prefix (a-, wa-) and a body's or thing's (i-, li-, ki-, vi-, zi-, ya-), nor one person's
(a-) with several people's (wa-). Sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

from service.components.quotes.subjects import prefixes_clash
from tests.test_quotes import annotate


@pytest.mark.parametrize("prefix, verb, clash", [
    ("a", "ilipokea", True),
    ("wa", "limekanusha", True),
    ("i", "alitangaza", True),
    ("a", "alisema", False),
    ("i", "imetangaza", False),
    ("wa", "alidai", True),
    ("a", "walisema", True),
    ("wa", "wamesema", False),
    ("a", "umechelewa", False),  # u- is also "you": no verdict
    ("", "ilipokea", False),  # an infinitive has no prefix
])
def testprefixes_clash(prefix, verb, clash):
    assert prefixes_clash(prefix, verb) is clash


def test_a_person_verb_goes_on_with_the_last_person_not_the_thing_before_it(quotes_nlp):
    text = ("Daktari Juma Ali ni msimamizi wa chanjo katika wilaya hiyo. Alisema kwamba dozi zimefika. "
            "Wilaya ilipokea dozi elfu kumi mwezi Machi lakini mpango huo umechelewa na hadi wakati huu "
            "anasema ni watu mia moja tu waliochanjwa.")
    doc = annotate(quotes_nlp, text, per=["Juma Ali"])
    last = doc._.quotes[-1]
    assert doc.text[last.start:last.end].startswith("ni watu mia moja")
    assert last.speaker_entity is not None and last.speaker_entity.name == "Juma Ali"


@pytest.mark.parametrize("text, per, speaker", [
    # a plural participle is not one named person's act
    ("Bw. Kombo alidai kuwepo vijana ambao wamekuwa wakizunguka sokoni wakitangaza kuwa yeye ni mwizi.",
     ["Kombo"], None),
    ("Halima Mussa alieleza kuwa mvua imeharibu mazao, akiongeza kuwa bei itapanda.",
     ["Halima Mussa"], "Halima Mussa"),
    ("Halima Mussa na Juma Kombo walieleza kuwa mvua imeharibu mazao, wakiongeza kuwa bei itapanda.",
     ["Halima Mussa", "Juma Kombo"], ("Halima Mussa", "Juma Kombo")),  # joint speakers: either
])
def test_a_participle_agrees_in_number_with_its_speaker(quotes_nlp, text, per, speaker):
    doc = annotate(quotes_nlp, text, per=per)
    last = doc._.quotes[-1]
    assert doc.text[last.start:last.end].endswith("itapanda") or "mwizi" in doc.text[last.start:last.end]
    name = last.speaker_entity.name if last.speaker_entity is not None else None
    assert name in (speaker if isinstance(speaker, tuple) else (speaker,))
