"""A speech verb does not share its subject with a verb of the other kind: a person's
prefix (a-, wa-) and a body's or thing's (i-, li-, ki-, vi-, zi-, ya-). Sentences written
for these tests, entities set by hand."""
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
