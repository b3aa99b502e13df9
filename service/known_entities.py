"""A deployment's own list of entities (SPEC.md, "Known entities").

`HABARI_KNOWN_ENTITIES` names a JSONL file, one entity a line:
`{"id": "Q1234", "name": "...", "type": "PER"|"ORG"|"LOC", "aliases": [...], "country_code": "KE"}`.
The component `habari_known_entities` types every mention of a listed name or alias
(over what the NER said, and where it found nothing), and `kb_id_of` links an entity of
the response to the owner's id. Names are compared as the grouping compares them
(`normalize_name`: case, accents and punctuation ignored), and a mention must start with
a capital letter, so a listed "Simba" never claims the lion of "simba".

The file is read whole and checked before anything is used: a bad line raises
`KnownEntitiesError` naming the file and line, and nothing is half-loaded.

Matching is a dictionary walk over the doc's tokens, keyed by each name's first word,
rather than spaCy's PhraseMatcher: the PhraseMatcher needs every name tokenized into a
Doc first, which for 50,000 names took most of the 5-second load budget on this machine
(`benchmarks/known_entities.py` prints both).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from service.components.countries import normalize_name

TYPES = ("PER", "ORG", "LOC")
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")

if not Doc.has_extension("known_entities"):
    Doc.set_extension("known_entities", default=None)


class KnownEntitiesError(ValueError):
    pass


@dataclass(frozen=True)
class KnownEntity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country_code: str | None = None


def _parse_line(line: str) -> KnownEntity:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    unknown = set(item) - {"id", "name", "type", "aliases", "country_code"}
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    for key in ("id", "name"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ValueError(f'"{key}" must be a non-empty string')
    if item.get("type") not in TYPES:
        raise ValueError(f'"type" must be one of {", ".join(TYPES)}')
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise ValueError('"aliases" must be a list of non-empty strings')
    code = item.get("country_code")
    if code is not None and not (isinstance(code, str) and _COUNTRY_CODE.match(code)):
        raise ValueError('"country_code" must be two capital letters or null')
    return KnownEntity(item["id"], item["name"], item["type"], tuple(aliases), code)


class KnownEntities:
    """Lookup of listed names and aliases by their normalized words."""

    def __init__(self, entities: list[KnownEntity]):
        self.entities = entities
        by_key: dict[str, KnownEntity] = {}
        for entity in entities:
            by_key.setdefault(normalize_name(entity.name), entity)  # the first listed wins
        # An alias names its entity unless it is another entity's name, or the alias of
        # two entities (then it names neither).
        aliases: dict[str, KnownEntity | None] = {}
        for entity in entities:
            for alias in entity.aliases:
                key = normalize_name(alias)
                if key in by_key:
                    continue
                previous = aliases.setdefault(key, entity)
                if previous is not None and previous.id != entity.id:
                    aliases[key] = None
        by_key.update((key, entity) for key, entity in aliases.items() if entity is not None)
        by_key.pop("", None)
        self.by_key = by_key
        # first word -> [(all words, entity)], longest names first
        self._by_first_word: dict[str, list[tuple[tuple[str, ...], KnownEntity]]] = {}
        for key, entity in by_key.items():
            words = tuple(key.split())
            self._by_first_word.setdefault(words[0], []).append((words, entity))
        for candidates in self._by_first_word.values():
            candidates.sort(key=lambda c: -len(c[0]))

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike) -> KnownEntities:
        entities = []
        seen_ids: dict[str, int] = {}
        try:
            with open(path, encoding="utf-8") as lines:
                for number, line in enumerate(lines, start=1):
                    if not line.strip():
                        continue
                    try:
                        entity = _parse_line(line)
                    except ValueError as error:
                        raise KnownEntitiesError(f"{path}, line {number}: {error}") from None
                    if entity.id in seen_ids:
                        raise KnownEntitiesError(
                            f"{path}, line {number}: id {entity.id!r} already on line {seen_ids[entity.id]}")
                    seen_ids[entity.id] = number
                    entities.append(entity)
        except (OSError, UnicodeDecodeError) as error:
            raise KnownEntitiesError(f"{path}: cannot be read ({error})") from None
        return cls(entities)

    def lookup(self, text: str) -> KnownEntity | None:
        return self.by_key.get(normalize_name(text))

    def matches(self, doc: Doc) -> list[tuple[int, int, KnownEntity]]:
        """(start, end, entity) token spans of listed names, longest first, no overlaps."""
        found = []
        words = [normalize_name(token.text) for token in doc]
        i = 0
        while i < len(doc):
            candidates = self._by_first_word.get(words[i]) if doc[i].text[:1].isupper() else None
            match = None
            for name_words, entity in candidates or ():
                end, j = i, 0
                while end < len(doc) and j < len(name_words):
                    if not words[end]:  # punctuation inside a name: "Kim Jong-un"
                        end += 1
                        continue
                    if words[end] != name_words[j]:
                        break
                    end, j = end + 1, j + 1
                if j == len(name_words):
                    match = (i, end, entity)
                    break
            if match:
                found.append(match)
                i = match[1]
            else:
                i += 1
        return found


class KnownEntityTagger:
    def __init__(self, known: KnownEntities):
        self.known = known

    def __call__(self, doc: Doc) -> Doc:
        doc._.known_entities = self.known
        listed = [Span(doc, start, end, label=entity.type, kb_id=entity.id)
                  for start, end, entity in self.known.matches(doc)]
        if listed:
            others = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in listed)]
            doc.ents = filter_spans(listed + others)
        return doc


def kb_id_of(doc: Doc, entity) -> str | None:
    """The owner's id for a grouped entity: that of a listed name among its mentions."""
    known: KnownEntities | None = doc._.known_entities
    if known is None:
        return None
    for mention in entity.mentions:
        listed = known.lookup(mention.text)
        if listed is not None and listed.type == entity.label:
            return listed.id
    return None


@Language.factory(
    "habari_known_entities",
    assigns=["doc.ents", "doc._.known_entities"],
    requires=["doc.ents"],
    default_config={"path": None},
)
def make_known_entity_tagger(nlp: Language, name: str, path: str | None) -> KnownEntityTagger:
    if not path:
        raise KnownEntitiesError("habari_known_entities needs the path of a JSONL file")
    return KnownEntityTagger(KnownEntities.from_jsonl(path))
