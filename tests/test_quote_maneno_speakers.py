"""Speaker errors of newspaper sentences (issue 16, dev/quotes/fresh15_maneno.jsonl).
Sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

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
