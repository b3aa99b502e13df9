"""Entities for the quotes component: the entity of a mention that overlaps a span,
and the person a role phrase ("waziri huyo") points back at.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from service.components.countries import (
    country_code,
)
from service.components.entities import Entity
from service.lang.sw.function_words import CONNECTIVES, PEOPLE_DEMONSTRATIVES
from service.lang.sw.nouns import ROLE_FAMILIES, ROLE_WORDS
from service.lang.sw.verbs import VERB_LIKE

_ROLE_WINDOW = 10

# -- helpers for the quotes component ----------------------------------------------


def entity_for_span(doc: Doc, span: Span) -> Entity | None:
    """The entity with a mention overlapping `span` (the largest overlap), else None."""
    best, best_overlap = None, 0
    for entity in doc._.entities or ():
        for mention in entity.mentions:
            overlap = min(mention.end_char, span.end_char) - max(mention.start_char, span.start_char)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best



def _role_context(mention: Span) -> tuple[set[str], set[str]]:
    """(role words, words) of the phrase that introduces a person mention: "Waziri wa
    Mambo ya Nje wa Urusi [Sergey Lavrov]" or the appositive "[Lavrov], waziri wa
    ...,", within its sentence. Countries are given as their code, so that "Urusi" and
    "Russia" agree."""
    doc = mention.doc
    roles, words = set(), set()
    i = mention.start - 1
    # The role phrase runs up to the name: a punctuation mark, a verb or another person
    # ends it ("kiongozi wa chama, alikutana na [X]" does not make X a kiongozi).
    while i >= 0 and mention.start - i <= _ROLE_WINDOW:
        token = doc[i]
        word = token.lower_.rstrip(".")
        if word in ROLE_WORDS:
            roles.add(word)
        elif token.is_punct or token.ent_type_ == "PER" or VERB_LIKE.match(token.text):
            break
        words.add(_qualifier(token.text))
        i -= 1
    i = mention.end
    if i < len(doc) and doc[i].text == ",":
        for token in doc[i + 1 : min(len(doc), i + 1 + _ROLE_WINDOW)]:
            if token.is_punct:
                break
            if token.lower_ in ROLE_WORDS:
                roles.add(token.lower_)
            words.add(_qualifier(token.text))
    return roles, words


def _qualifier(word: str) -> str:
    return country_code(word) or word.lower()


def entity_for_role(doc: Doc, role_span: Span) -> Entity | None:
    """The person most recently introduced, before `role_span`, with the role the span
    names, else None. "waziri huyo" → the last person written as "Waziri ... X" or "X,
    waziri ..."; words after the role must occur in that introduction too ("kiongozi
    huyo wa Urusi" → the leader introduced with Urusi, not the one with Korea); "kiongozi"
    also stands for a president, a prime minister, a chairman."""
    words = [t.lower_ for t in role_span]
    position = next((k for k, word in enumerate(words) if word in ROLE_WORDS), None)
    if position is None:
        return None
    role = words[position]
    accepted = ROLE_FAMILIES.get(role, frozenset({role}))
    qualifiers = {
        _qualifier(t.text)
        for t in role_span[position + 1 :]
        if t.is_alpha and t.lower_ not in PEOPLE_DEMONSTRATIVES and t.lower_ not in CONNECTIVES and t.lower_ not in ROLE_WORDS
    }
    candidates = [
        (mention, entity)
        for entity in doc._.entities or ()
        if entity.label == "PER"
        for mention in entity.mentions
        if mention.end <= role_span.start
    ]
    for mention, entity in sorted(candidates, key=lambda c: c[0].start, reverse=True):
        roles, context = _role_context(mention)
        if roles & accepted and qualifiers <= context:
            return entity
    return None
