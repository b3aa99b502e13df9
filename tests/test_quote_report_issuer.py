""""Ripoti hiyo … ikieleza kwamba …" where no one has spoken yet: the report speaks for the
body the article said issues it (a passive verb's agent). Sentences written for these
tests, entities set by hand."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes


@pytest.mark.parametrize("text, org, speaker", [
    ("Orodha ya viwango vya elimu hutolewa kila mwaka na shirika la Elimu Kwanza. Ripoti hiyo ya "
     "mwaka huu inaeleza kwamba shule nyingi zimepanda.", ["Elimu Kwanza"], "Elimu Kwanza"),
    ("Utafiti mpya ulichapishwa jana na Baraza la Wakulima. Ripoti hiyo inasema kwamba mavuno "
     "yameshuka.", ["Baraza la Wakulima"], "Baraza la Wakulima"),
    # nothing issued by anyone: still no speaker
    ("Mvua kubwa imenyesha wiki hii. Ripoti hiyo inasema kwamba mavuno yameshuka.", [], None),
])
def test_a_report_speaks_for_its_issuer(quotes_nlp, text, org, speaker):
    found = quotes(annotate(quotes_nlp, text, org=org))
    assert len(found) == 1 and found[0][0] == "indirect"
    assert found[0][2] == speaker
