"""A role phrase ("jaji huyo") speaks as the person introduced with that role: written
next to the name ("Jaji X", "X, jaji wa …"), not a role of someone else that happens to
follow the name. Sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes


@pytest.mark.parametrize("text, per, speaker", [
    # the judge is unnamed: the lawyer's sentence only mentions a judge after his name
    ("Uamuzi huo ulisababisha wakili Juma Said kuwasilisha ombi la kumkataa jaji huyo na jaji "
     "huyo baadaye alijitoa na akasema kwamba hakuogopa shinikizo lolote.", ["Juma Said"], None),
    # the judge introduced in an apposition after her name
    ("Amina Msuya, jaji wa mahakama kuu, aliwasili mapema. Jaji huyo alisema kwamba kesi "
     "itaendelea wiki ijayo.", ["Amina Msuya"], "Amina Msuya"),
    # and before it
    ("Jaji Amina Msuya aliwasili mapema. Jaji huyo alisema kwamba kesi itaendelea wiki ijayo.",
     ["Amina Msuya"], "Amina Msuya"),
])
def test_a_role_phrase_speaks_as_the_person_introduced_with_it(quotes_nlp, text, per, speaker):
    found = quotes(annotate(quotes_nlp, text, per=per))
    assert len(found) == 1
    assert found[0][2] == speaker
