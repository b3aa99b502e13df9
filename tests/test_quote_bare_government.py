"""A bare "serikali" that speaks is the government, under the fullest name the article
gives it; where the article names none, under the word itself, not null. A "serikali"
followed by a quotation that opens with its verb is that clause's subject, not the
speaker. Sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes


@pytest.mark.parametrize("text, per, loc, speaker", [
    ("Mfalme wa Lesotho amerejea nyumbani baada ya matibabu, serikali ilisema katika taarifa.",
     [], ["Lesotho"], "serikali"),
    ("Mvua imeharibu barabara nyingi. Serikali imesema kwamba ukarabati utaanza mwezi ujao.",
     [], [], "serikali"),
    ("Serikali ya Lesotho ilifunga mipaka. Serikali imesema kwamba mipaka itafunguliwa kesho.",
     [], ["Lesotho"], "Lesotho"),
    # the narrative tense (i-ka-), and a participle of saying right after it
    ("Wakulima waliomba mbolea, lakini serikali ikajibu kwamba bei itapanda.", [], [], "serikali"),
    ("Wakulima waliomba mbolea, lakini serikali ikatujibu ikisema bei itapanda mwakani.",
     [], [], "serikali"),
    ("Mbunge Teboho Mokoena alizungumza bungeni akisema serikali “imeshindwa kulinda raia.”",
     ["Teboho Mokoena"], [], "Teboho Mokoena"),
])
def test_a_bare_government_speaks(quotes_nlp, text, per, loc, speaker):
    found = quotes(annotate(quotes_nlp, text, per=per, loc=loc))
    assert found and (found[-1][2] or "").lower() == speaker.lower()
