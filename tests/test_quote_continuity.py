"""A quotation nothing around it attributes continues the last quote's speaker, within
two paragraphs: sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes

INTRODUCED = "Waziri Asha Juma amewaambia waandishi wa habari kwamba bei ya mafuta itashuka.\n"
ASIDE = "Hiyo ni kwa sababu ana imani na soko la dunia.\n"
QUOTATION = "“Tutaendelea kufuatilia hali hiyo kwa karibu sana.”"


@pytest.mark.parametrize("text, speaker", [
    # the paragraph after the one that introduced the speaker, and the one after that
    (INTRODUCED + QUOTATION, "Asha Juma"),
    (INTRODUCED + ASIDE + QUOTATION, "Asha Juma"),
    # three paragraphs on, the speaker is no longer the one the text goes on with
    (INTRODUCED + ASIDE + ASIDE + ASIDE + QUOTATION, None),
    # nobody quoted before: nobody to continue
    ("Bei ya mafuta imeshuka wiki hii.\n" + ASIDE + QUOTATION, None),
])
def test_an_unattributed_quotation_continues_the_last_speaker(quotes_nlp, text, speaker):
    direct = [q for q in quotes(annotate(quotes_nlp, text, per=["Asha Juma"])) if q[0] == "direct"]
    assert direct == [("direct", QUOTATION.strip("“”"), speaker)]


DIALOGUE = ("Baraza lilikutana jana. Juma Ali baadaye katika mazungumzo hayo anapendekeza “siku nane.”\n"
            "Asha Said anaendelea kuuliza, “siku nane kwa kila mtu?”\n")


@pytest.mark.parametrize("next_line, second", [
    # the next line names a speaker whose verb introduces a quotation of its own
    ("Juma Ali anajibu : “Ndiyo, kila mmoja.”", "Asha Said"),
    # a next line that only attributes (no quotation of its own) still attributes
    ("Asha Said alisema jana.", "Asha Said"),
])
def test_a_dialogue_turn_keeps_its_own_speaker(quotes_nlp, next_line, second):
    found = [q for q in quotes(annotate(quotes_nlp, DIALOGUE + next_line, per=["Juma Ali", "Asha Said"]))
             if q[0] == "direct"]
    assert found[0] == ("direct", "siku nane.", "Juma Ali")
    assert found[1] == ("direct", "siku nane kwa kila mtu?", second)
