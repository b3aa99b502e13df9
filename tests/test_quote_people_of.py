"""People of someone named with a title ("wakosoaji wa Rais X", "wafuasi wa Waziri X")
are not that someone; a role before the title ("msemaji wa katibu mkuu X") is X
himself. Sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

from service.components.quotes.noun_phrases import people_of
from tests.test_quotes import annotate, quotes


@pytest.mark.parametrize("text, per, speaker", [
    ("Mvua kubwa imenyesha mjini Lusaka. Wakosoaji wa Rais Hakainde Banda wanasema kwamba serikali "
     "imeshindwa kujenga mitaro.", ["Hakainde Banda"], None),
    ("Bunge lilikutana jana. Wafuasi wa Waziri Petro Moyo wamedai kwamba kura ziliibiwa.",
     ["Petro Moyo"], None),
    ("Msemaji wa katibu mkuu Anna Lindqvist amesema kwamba mazungumzo yataendelea.",
     ["Anna Lindqvist"], "Anna Lindqvist"),
    ("Waziri Petro Moyo amesema kwamba kura zilihesabiwa vizuri.", ["Petro Moyo"], "Petro Moyo"),
])
def test_people_of_a_titled_person_are_not_that_person(quotes_nlp, text, per, speaker):
    found = quotes(annotate(quotes_nlp, text, per=per))
    assert len(found) == 1
    assert found[0][0] == "indirect"
    assert found[0][2] == speaker


@pytest.mark.parametrize("word, people", [
    ("wakosoaji", True),
    ("wafuasi", True),
    ("wasemaji", False),  # officials speak for their owner
    ("wakili", False),  # a profession, singular
    ("waziri", False),  # a title
    ("msemaji", False),
])
def test_people_of(word, people):
    assert people_of(word) is people
