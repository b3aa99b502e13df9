"""Turns article text into Habari's annotations: plain Python over the spaCy pipeline.

Knows nothing of HTTP: the routes validate input, call `Annotator`, and serialize what it
returns with the response schemas.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from service import runtime
from service.kinds import KINDS
from service.known_entities import kb_id_of
from service.language_id import LanguageGuard

_ENTITY_KIND_LABEL = {"people": "PER", "organizations": "ORG", "places": "LOC"}

# What each kind needs beyond the NER; the rest is switched off for the request.
_COMPONENTS_FOR_KIND = {
    "people": {"habari_entities"},
    "organizations": {"habari_entities"},
    "places": {"habari_entities"},
    "dates": {"habari_dates"},
    "quotes": {"habari_entities", "habari_quotes"},
}
_OPTIONAL_COMPONENTS = set().union(*_COMPONENTS_FOR_KIND.values())


# Control characters other than tab, line feed and carriage return (NUL, ESC, DEL, the C1
# range...) mean nothing in news text, but the tokenizer keeps them inside a word:
# "Samia\x00Suluhu" was one token and the name was lost. Each becomes one space for the
# pipeline, so every offset still indexes the text as sent; returned texts are cut from it.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text_for_pipeline(text: str) -> str:
    """`text` with each control character other than tab and newlines replaced by a space."""
    return _CONTROL_CHARACTERS.sub(" ", text)


@dataclass(frozen=True)
class Article:
    text: str
    published: dt.date | None = None


class Annotator:
    """Annotates articles with one loaded pipeline; safe to share within a process."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.language_guard = LanguageGuard(expected=nlp.lang)
        runtime.settle_loaded_objects()
        self.model = {
            "name": f"{nlp.meta.get('lang', 'sw')}_{nlp.meta.get('name', 'pipeline')}",
            "version": nlp.meta.get("version", "0.0.0"),
        }

    def foreign_language(self, text: str) -> str | None:
        """The language `text` is confidently written in, if not the pipeline's."""
        return self.language_guard.foreign_language(text)

    def annotate(self, article: Article, include: Iterable[str] = KINDS) -> dict:
        return self.annotate_many([article], include)[0]

    def annotate_many(self, articles: Sequence[Article], include: Iterable[str] = KINDS) -> list[dict]:
        """Annotate articles together through `nlp.pipe`, results in input order."""
        include = [kind for kind in KINDS if kind in set(include)]
        needed = set().union(*(_COMPONENTS_FOR_KIND[kind] for kind in include))
        disable = [name for name in self.nlp.pipe_names if name in _OPTIONAL_COMPONENTS - needed]
        # memory_zone frees the strings each request adds to the shared vocabulary, so
        # a long-running worker does not grow; results must be plain data before it ends.
        try:
            with self.nlp.memory_zone(), self.nlp.select_pipes(disable=disable):
                docs = []
                for article in articles:
                    text = text_for_pipeline(article.text)
                    doc = self.nlp.make_doc(text)  # keeps `text` as doc._.text
                    doc._.published = article.published
                    docs.append(doc)
                results = []
                for doc, article in zip(self.nlp.pipe(docs), articles):
                    results.append(self._serialize(doc, article, include))
                    # The components' extensions hold Spans, which hold their Doc: a cycle
                    # only the collector would free. Cut, the Doc and its arrays go now.
                    doc.user_data.clear()
                return results
        finally:
            runtime.release_freed_memory()

    def _serialize(self, doc: Doc, article: Article, include: list[str]) -> dict:
        result: dict = {
            "language": self.nlp.lang,
            "model": self.model,
            "document_date": _document_date(doc, article, "dates" in include),
        }
        for kind in include:
            if kind in _ENTITY_KIND_LABEL:
                label = _ENTITY_KIND_LABEL[kind]
                result[kind] = [_entity(article.text, entity, doc) for entity in doc._.entities if entity.label == label]
            elif kind == "dates":
                result["dates"] = [_date(article.text, span) for span in doc.spans.get("dates", [])]
            elif kind == "quotes":
                # Doc.text would join every token anew for each quote; the tokenizer keeps
                # the article's text character for character, so the offsets index it.
                result["quotes"] = [_quote(article.text, quote) for quote in doc._.quotes]
        return result


def _document_date(doc: Doc, article: Article, dates_ran: bool) -> dict | None:
    if dates_ran and doc._.document_date is not None:
        value, source = doc._.document_date
        return {"value": value, "source": source}
    if article.published is not None:
        return {"value": article.published.isoformat(), "source": "request"}
    return None


def _mention(text: str, span: Span) -> dict:
    return {"text": text[span.start_char:span.end_char], "start": span.start_char, "end": span.end_char}


def _entity(text: str, entity, doc: Doc) -> dict:
    return {
        "id": entity.id,
        "name": entity.name,
        "mentions": [_mention(text, span) for span in entity.mentions],
        "country_code": entity.country_code,
        "salience": entity.salience,
        "kb_id": kb_id_of(doc, entity),
    }


def _date(text: str, span: Span) -> dict:
    return {**_mention(text, span), "value": span._.date_value, "granularity": span._.date_granularity}


def _quote(text: str, quote) -> dict:
    speaker = None
    if quote.speaker is not None or quote.speaker_entity is not None:
        entity = quote.speaker_entity
        speaker = {
            "name": quote.speaker_name,
            "entity": entity.id if entity is not None else None,
            "mention": _mention(text, quote.speaker) if quote.speaker is not None else None,
        }
        if quote.confidence is not None:
            speaker["confidence"] = round(quote.confidence, 4)
    return {
        "text": text[quote.start:quote.end],
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker": speaker,
        "cue": _mention(text, quote.cue) if quote.cue is not None else None,
    }
