"""habari_quotes on sentences written for these tests (entities set by hand)."""
from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

from service import components, language  # noqa: F401  (registers "sw" and factories)
from service.components.speech_verbs import find_speech_cues


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("sw")
    nlp.add_pipe("habari_entities")
    nlp.add_pipe("habari_quotes")
    return nlp


def annotate(nlp, text, per=(), org=(), loc=()):
    """Run the quote pipeline with every occurrence of the given names as entities."""
    doc = nlp.make_doc(text)
    spans = []
    for label, names in (("PER", per), ("ORG", org), ("LOC", loc)):
        for name in names:
            for m in re.finditer(re.escape(name), text):
                span = doc.char_span(m.start(), m.end(), label=label)
                assert span is not None, name
                spans.append(span)
    doc.ents = spacy.util.filter_spans(spans)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def quotes(doc):
    """(kind, text, speaker entity name or mention text or None) for each quote."""
    out = []
    for q in doc._.quotes:
        if q.speaker_entity is not None:
            speaker = q.speaker_entity.name
        else:
            speaker = q.speaker.text if q.speaker is not None else None
        out.append((q.kind, doc.text[q.start:q.end], speaker))
    return out


# ---------------------------------------------------------------- speech verbs

@pytest.mark.parametrize("word,stem", [
    ("alisema", "sema"), ("wamesema", "sema"), ("iliandika", "andika"),
    ("akieleza", "eleza"), ("kuongeza", "ongeza"), ("aliwaambia", "ambia"),
    ("Alisisitiza", "sisitiza"), ("yasema", "sema"), ("wanaosema", "sema"),
    ("husema", "sema"), ("ameongezea", "ongezea"), ("zilidai", "dai"),
])
def test_speech_verbs_from_stems(word, stem):
    cues = list(find_speech_cues(f"Kisha {word} jambo."))
    assert [c.stem for c in cues] == [stem]
    assert not cues[0].negated


@pytest.mark.parametrize("word", ["hakusema", "hawakusema", "hajasema", "hatasema"])
def test_negated_speech_verbs_are_marked(word):
    cues = list(find_speech_cues(f"Yeye {word} lolote."))
    assert len(cues) == 1 and cues[0].negated


@pytest.mark.parametrize("word", ["madai", "maelezo", "taarifa", "semina", "ripoti", "wasemaji"])
def test_nouns_are_not_speech_verbs(word):
    assert list(find_speech_cues(f"Kuna {word} mpya.")) == []


# ---------------------------------------------------------------- direct quotes

def test_direct_quote_with_speaker_after(blank):
    text = "“Tutaendelea kujenga barabara mpya mwaka huu,” alisema Amina Juma."
    doc = annotate(blank, text, per=["Amina Juma"])
    assert quotes(doc) == [("direct", "Tutaendelea kujenga barabara mpya mwaka huu,", "Amina Juma")]
    q = doc._.quotes[0]
    assert q.cue.text == "alisema"
    assert q.speaker.text == "Amina Juma"


@pytest.mark.parametrize("open_mark,close_mark", [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")])
def test_all_quotation_marks(blank, open_mark, close_mark):
    text = f"Baraka Ali alisema: {open_mark}Hatutakubali ushuru huu mpya.{close_mark}"
    doc = annotate(blank, text, per=["Baraka Ali"])
    assert quotes(doc) == [("direct", "Hatutakubali ushuru huu mpya.", "Baraka Ali")]
