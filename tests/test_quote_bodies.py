"""A government named by its country speaks as the whole body ("Serikali ya Kenya"), still
linked to the country's entity: sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

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
