"""A speech verb whose subject stands before a description set off by commas, the
description holding only a relative clause's verbs: sentences written for these tests,
entities set by hand."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes


@pytest.mark.parametrize("text, speaker", [
    # an amba- relative clause in the description
    ("Neema Juma, mtafiti ambaye anaongoza mradi wa maji wa chuo hicho, anasema kwamba "
     "visima vingi vimekauka.", "Neema Juma"),
    # a relative verb form in the description
    ("Baraka Said, mkulima aliyepoteza mazao yake yote, alisema kwamba mvua zimechelewa.",
     "Baraka Said"),
    # a description with a verb of its own (not a relative one) is a clause, not an aside
    ("Neema Juma alifika mapema, wakulima wengi walisema kwamba mvua zimechelewa.", None),
])
def test_subject_before_a_relative_description(quotes_nlp, text, speaker):
    found = quotes(annotate(quotes_nlp, text, per=["Neema Juma", "Baraka Said"]))
    assert [(kind, who) for kind, _, who in found] == [("indirect", speaker)]


def test_pro_drop_verb_after_the_described_subject(quotes_nlp):
    # the next sentence's verb has only its person prefix: the person just introduced
    text = ("Neema Juma, mtafiti ambaye anaongoza mradi wa maji, anakiri umuhimu wa visima.\n"
            "Amesema kwamba serikali itachimba visima vipya mwakani.")
    found = quotes(annotate(quotes_nlp, text, per=["Neema Juma"]))
    assert [(kind, who) for kind, said, who in found if said.startswith("serikali")] \
        == [("indirect", "Neema Juma")]
