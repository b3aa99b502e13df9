"""Habari's spaCy components over the NER output.

Importing this package registers their factories and the extensions they write:

- ``Doc._.published`` (``datetime.date | None``): set by the caller before the pipeline
  runs (``nlp.pipe`` accepts Docs); the anchor for relative dates.
- ``Doc._.text`` (``str``): ``doc.text``, built once per Doc and kept in
  ``doc.user_data``; the components read the whole text several times per document. A
  caller that holds the text the Doc was made from may set it and save the building;
  the service's tokenizer does (service/lang/sw/tokenizer.py).
- ``habari_dates`` → ``doc.spans["dates"]`` (text order, no overlaps), each span with
  ``span._.date_value`` (ISO 8601 string or None) and ``span._.date_granularity``;
  ``doc._.document_date`` (``(iso_value, source)`` with source "request" or "text", or None).
- ``habari_entities`` → ``doc._.entities``: list of ``Entity`` (see entities.py), each
  with its mention Spans; ``span._.entity_id`` on every mention.
- ``habari_quotes`` → ``doc._.quotes``: list of ``Quote`` (see quotes/__init__.py).

Every component must also work on a bare ``Doc(nlp.vocab, words=...)``.
"""
from spacy.tokens import Doc

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


def _cached_text(doc: Doc) -> str:
    # Doc.text joins the tokens anew on every access, creating a Token object for each;
    # the text of a Doc never changes once it is tokenized (merging tokens keeps it).
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _keep_text(doc: Doc, text: str) -> None:
    doc.user_data[_TEXT_KEY] = text


_TEXT_KEY = "habari.text"
if not Doc.has_extension("text"):
    Doc.set_extension("text", getter=_cached_text, setter=_keep_text)

from service.components import dates, entities, entity_types, quotes  # noqa: E402,F401
