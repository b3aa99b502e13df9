"""habari_quotes: direct, partial and indirect quotations with their speakers.

Runs after habari_entities and writes ``doc._.quotes`` (list of ``Quote``, text order).
What counts and where spans start and end follows docs/annotation.md (Quotes).

The work is done on the characters of ``doc.text``: quotation marks, sentence ends and
speech-verb morphology are all visible there, while tokenization of scraped news (glued
words, odd marks) is not always reliable. Spans become token Spans only at the end.
Patterns are compiled once at import; every step is a pass over the text or over the
cues found in it, with bisect lookups instead of rescans.

One module a step: marks.py pairs quotation marks and splits sentences, cues.py finds
speech verbs, text.py indexes the article for lookups, subjects.py, noun_phrases.py and
speakers.py decide who says each verb, and direct.py, indirect.py, sources.py and
partial.py turn quotations and reported clauses into quotes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.entities import Entity
from service.components.quotes.direct import direct_quotes
from service.components.quotes.headlines import headline_quotes
from service.components.quotes.indirect import indirect_quotes
from service.components.quotes.marks import mask_letter_entities
from service.components.quotes.model import SpeakerModel, load_model
from service.components.quotes.partial import partial_quotes
from service.components.quotes.records import Item, SpeechEvent
from service.components.quotes.sources import attribution_phrases
from service.components.quotes.speakers import Reading

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


@dataclass
class Quote:
    start: int
    end: int
    kind: str  # "direct" | "partial" | "indirect"
    cue: Optional[Span] = None
    speaker: Optional[Span] = None
    speaker_entity: Optional[Entity] = None
    confidence: Optional[float] = None  # the learned chooser's probability for the speaker

    @property
    def speaker_name(self) -> Optional[str]:
        """Who spoke, as the API names them: the entity's canonical name, or the mention
        where the entity is the place a government is named by ("Serikali ya Malawi
        imesema": docs/annotation.md gives a government's fullest name, the entity layer
        types "Serikali ya Malawi" as Malawi)."""
        entity, mention = self.speaker_entity, self.speaker
        if entity is None:
            return mention.text if mention is not None else None
        if (mention is not None and entity.label == "LOC" and len(mention.text) > len(entity.name)
                and mention.text.endswith(entity.name)):
            return mention.text
        return entity.name


@Language.factory("habari_quotes", requires=["doc._.entities"], assigns=["doc._.quotes"],
                  default_config={"speaker_model": ""})
def make_quote_finder(nlp: Language, name: str, speaker_model: str) -> "QuoteFinder":
    """`speaker_model`: JSON coefficients of the learned speaker chooser ("" : the shipped
    models/quote_speakers.json; the rule cascade alone where that file is absent)."""
    return QuoteFinder(load_model(speaker_model or None))


class QuoteFinder:
    def __init__(self, model: Optional[SpeakerModel] = None):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.model)
        return doc


def quote_items(art: Reading) -> list[Item]:
    """The article's quote items in text order, each with its speech event."""
    direct, embedded = direct_quotes(art)
    indirect = indirect_quotes(art, direct)
    indirect += attribution_phrases(art, direct, indirect)
    indirect += headline_quotes(art, direct + indirect)
    partial = partial_quotes(art, embedded, indirect)
    indirect = [it for it in indirect if it.end > it.start]
    items = sorted(direct + indirect + partial, key=lambda it: (it.start, it.end))
    carry_speakers(art, items)
    return items


# How far back a quotation with no attribution of its own still continues the last
# speaker: the paragraph before it and the one before that.
CARRY_PARAGRAPHS = 2


def carry_speakers(art: Reading, items: list[Item]) -> None:
    """A direct quotation that nothing around it attributes (no speech verb, no name, no
    speaker in the sentence before it) goes on with the last quote's speaker when that
    quote ended at most CARRY_PARAGRAPHS paragraphs before it: news gives a speaker's
    words in paragraphs of their own after the one that introduces them with a partial,
    indirect or direct quote.

    Tried and left out: giving a speech verb whose subject is only its person prefix
    ("alisema") the last quoted person too; it also named the unnamed speakers the
    rules leave null on purpose ("mmoja wa wakazi alisema"), −2 quotes over the dev files.
    """
    last: Item | None = None
    for it in items:
        if it.kind == "direct" and it.event is None and last is not None \
                and art.text.count("\n", last.end, it.start) <= CARRY_PARAGRAPHS:
            it.event = SpeechEvent(last.event.start, last.event.start, last.event.speaker)
        if it.event is not None and it.event.speaker is not None:
            last = it


def find_quotes(doc: Doc, model: Optional[SpeakerModel] = None) -> list[Quote]:
    text = doc._.text
    if not text.strip():
        return []
    art = Reading(doc, mask_letter_entities(text), model)
    quotes = []
    for it in quote_items(art):
        ev = it.event
        cue = speaker = entity = confidence = None
        if ev is not None:
            cue = art.span(ev.start, ev.end) if ev.end > ev.start else None
            if ev.speaker is not None:
                speaker, entity = ev.speaker.span, ev.speaker.entity
            confidence = ev.confidence
        quotes.append(Quote(it.start, it.end, it.kind, cue, speaker, entity, confidence))
    return quotes
