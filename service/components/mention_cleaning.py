"""NER spans cleaned into mentions by the annotation convention: titles and
descriptors off, acronyms and credits split, broken names joined (see entities.py).
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span

from service.components.countries import (
    MAX_NAME_WORDS,
    country_code,
    normalize_name,
)
from service.components.mentions import (
    DASHES,
    FUNCTION_WORDS,
    ORGANIZATION_DESCRIPTOR_ENDS,
    ORGANIZATION_DESCRIPTOR_LENGTHS,
    SEATS,
    SEPARATORS,
    Mention,
    acronym,
    is_capitalized,
    keys_of,
    name_text,
    token_keys,
)
from service.components.name_spans import clean, no_word
from service.lang.sw.function_words import CONNECTIVES
from service.lang.sw.nouns import NAMED_AFTER_HEADS, ORGANIZATION_DESCRIPTORS, ORGANIZATION_HEADS


def clean_mentions(doc: Doc, ents: Iterable[Span], labels: Iterable[str], is_acronym_of) -> list[Mention]:
    """The name mentions of the NER spans (`ents`: doc.ents) with a label in `labels`, in
    text order.

    `is_acronym_of(acronym, full_name)` decides whether "Full Name ACR" in one span is
    a name and its acronym."""
    labels = frozenset(labels)
    mentions: list[Mention] = []
    for ent in _join_broken_names([ent for ent in ents if ent.label_ in labels]):
        for piece in _split_at_separators(ent):
            mentions.extend(clean(piece, ent.label_, is_acronym_of))
    mentions = _join_head_nouns(mentions, labels)
    mentions = _with_dashed_acronyms(doc, mentions)
    mentions = _with_credit_lines(doc, mentions, labels)
    mentions = _without_trailing_surnames(mentions)
    mentions = _organizations_by_descriptor(doc, mentions)
    for previous, mention in zip(mentions, mentions[1:]):
        if acronym(mention.text) and not acronym(previous.text) and _introduces(previous.span, mention.span):
            mention.names_previous = True
    return mentions


def _organizations_by_descriptor(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A person or place the NER found right after an organization descriptor ("gazeti
    la [Politico]") is an organization, unless it is a country."""
    for mention in mentions:
        start = mention.span.start
        if (
            mention.label == "ORG"
            or start < 2
            or doc[start - 1].lower_ not in ORGANIZATION_DESCRIPTOR_ENDS
            or country_code(mention.text)
        ):
            continue
        if any(
            length <= start and tuple(t.lower_ for t in doc[start - length : start]) in ORGANIZATION_DESCRIPTORS
            for length in ORGANIZATION_DESCRIPTOR_LENGTHS
        ):
            mention.label = "ORG"
    return mentions


def _introduces(name: Span, short: Span) -> bool:
    """A full name followed by its acronym as a separate span: "... Duniani (WHO)",
    "Alliance for National Transformation -ANT", "Democratic party – DP"."""
    doc = name.doc
    gap = doc[name.end : short.start]
    if len(gap) == 1 and gap[0].text == "(":
        return short.end < len(doc) and doc[short.end].text == ")"
    if len(gap) == 1 and gap[0].text in DASHES:
        return True
    return not len(gap) and short.text.startswith(DASHES)


# A photo credit: "Picha: GAVRIIL GRIGOROV/AFP/Getty Images" (a photographer, agencies).
_CREDIT_CUES = frozenset({"Picha", "Photo", "Foto"})

_CREDIT_MAX_TOKENS = 20

# Credit jargon that names nobody ("Uncredited/Pool Sputnik", "KCNA via KNS").
_CREDIT_FILLERS = frozenset("uncredited pool handout via file".split())

# Words of agency names, which a photographer's name lacks.
_AGENCY_WORDS = frozenset("images image alliance agency service news press photo photos pictures media".split())


def _with_credit_lines(doc: Doc, mentions: list[Mention], labels: frozenset[str]) -> list[Mention]:
    """Every name of a photo credit (docs/annotation.md: a photographer PER, an agency ORG),
    which the NER, trained on running text, tags in pieces ("[GAVRIIL] GRIGOROV"). The
    credit's own mentions replace the NER's there; entities of other labels (a date in
    the credit) stay, and no name runs over them."""
    credits = []
    keys, cues, colon = token_keys(doc), keys_of(doc, _CREDIT_CUES), doc.vocab.strings[":"]
    for i in range(len(doc) - 2):
        if keys[i] in cues and keys[i + 1] == colon:
            end = i + 2
            while end < len(doc) and end - i <= _CREDIT_MAX_TOKENS and (doc[end].text == "/" or not no_word(doc[end])):
                end += 1
            # a credit names its sources with slashes and ends its line
            ends_line = end == len(doc) or "\n" in doc[end].text
            if end - i <= _CREDIT_MAX_TOKENS and ends_line and any(t.text == "/" for t in doc[i + 2 : end]):
                credits.append((i + 2, end))
    if not credits:
        return mentions
    found = []
    for start, end in credits:
        piece: list = []
        for token in [*doc[start:end], None]:
            if (
                token is None
                or token.text == "/"
                or token.lower_ in _CREDIT_FILLERS
                or (token.ent_type and token.ent_type_ not in labels)
            ):
                found.extend(_credit_names(doc, piece))
                piece = []
            else:
                piece.append(token)
    inside = {i for start, end in credits for i in range(start, end)}
    kept = [m for m in mentions if not any(i in inside for i in range(m.span.start, m.span.end))]
    return sorted(kept + found, key=lambda m: m.span.start)


def _credit_names(doc: Doc, tokens: list) -> list[Mention]:
    if not tokens or len(tokens) > MAX_NAME_WORDS or not all(t.is_alpha for t in tokens):
        return []
    span = doc[tokens[0].i : tokens[-1].i + 1]
    # "Sputnik Kremlin": an agency and the seat it photographed for
    for length in range(len(span) - 1, 0, -1):
        if normalize_name(span[-length:].text) in SEATS:
            return _credit_names(doc, list(span[:-length])) + [Mention(span[-length:], "ORG", span[-length:].text)]
    if normalize_name(span.text) in SEATS:
        return [Mention(span, "ORG", span.text)]
    if country_code(span.text):
        return [Mention(span, "LOC", span.text)]
    person = 2 <= len(span) <= 3 and all(is_capitalized(t.text) and t.lower_ not in _AGENCY_WORDS for t in span)
    return [Mention(span, "PER" if person else "ORG", span.text)]


def _without_trailing_surnames(mentions: list[Mention]) -> list[Mention]:
    """An organization or place span that ends with the surname of a person named in
    full elsewhere is the body and that person ("mkuu wa [Chama cha Kikomunisti Trong]"
    after "Nguyen Phu Trong"); one that ends with the whole name is named after the
    person ("Uwanja wa Kim Il Sung")."""
    people = {tuple(t.text for t in m.span) for m in mentions if m.label == "PER" and len(m.span) > 1}
    by_surname: dict[str, list[tuple[str, ...]]] = {}
    for words in people:
        by_surname.setdefault(words[-1], []).append(words)
    if not by_surname:
        return mentions
    result = []
    for mention in mentions:
        span = mention.span
        names = by_surname.get(span[-1].text, ()) if mention.label != "PER" and len(span) > 1 else ()
        named_after = any(tuple(t.text for t in span[-len(w) :]) == w for w in names)
        if names and not named_after and span[-2].lower_ not in CONNECTIVES and not mention.ents:
            body, person = span[:-1], span[-1:]
            result.append(Mention(body, mention.label, name_text(body)))
            result.append(Mention(person, "PER", name_text(person)))
        else:
            result.append(mention)
    return result


def _with_dashed_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An acronym the NER left untagged right after an organization and a dash, the
    writer's way to introduce it: "Shirika la Afya Duniani -WHO", "... Transformation
    – ANT"."""
    found = []
    for mention in mentions:
        i = mention.span.end
        if mention.label != "ORG" or i >= len(doc):
            continue
        if doc[i].text in DASHES and i + 1 < len(doc):
            i += 1
        elif not doc[i].text.startswith(DASHES):
            continue
        token = doc[i]
        if not token.ent_type and acronym(token.text) and token.text not in DASHES:
            found.append(Mention(doc[i : i + 1], "ORG", name_text(doc[i : i + 1])))
    return sorted(mentions + found, key=lambda m: m.span.start) if found else mentions


def _join_broken_names(ents: list[Span]) -> list[Span]:
    """"[Alliance for] [National Transformation]": a name does not end in a function
    word, so two spans of one label split after one are one name."""
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label_ == ent.label_
            and previous.end == ent.start
            and previous[-1].lower_ in FUNCTION_WORDS
        ):
            joined[-1] = Span(ent.doc, previous.start, ent.end, label=ent.label_)
        else:
            joined.append(ent)
    return joined


def _join_head_nouns(mentions: list[Mention], labels: frozenset[str]) -> list[Mention]:
    """"[Uwanja] wa [Kim Il Sung]" tagged as two entities is one stadium, "[Tume] ya
    [Umoja wa Afrika]" one commission. The connective between may have been in the
    NER's span of the head ("[Uwanja wa] [Kim Il Sung]"), not in another kind of span."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is not None and len(previous.span) == 1 and mention.label in ("PER", "ORG"):
            head = previous.span[0].lower_
            label = NAMED_AFTER_HEADS.get(head) or ("ORG" if head in ORGANIZATION_HEADS else None)
            gap = previous.span.doc[previous.span.end : mention.span.start]
            if (
                label
                and len(gap) == 1
                and gap[0].lower_ in CONNECTIVES
                and (not gap[0].ent_type or gap[0].ent_type_ in labels)
            ):
                span = previous.span.doc[previous.span.start : mention.span.end]
                joined[-1] = Mention(span, label, span.text)
                continue
        joined.append(mention)
    return joined


def _split_at_separators(span: Span) -> list[Span]:
    text = span.text
    if not any(mark in text for mark in SEPARATORS):
        return [span]
    doc, pieces, start = span.doc, [], span.start
    for i in range(span.start, span.end):
        if doc[i].text.endswith(SEPARATORS):
            pieces.append(doc[start : i + 1])
            start = i + 1
    pieces.append(doc[start : span.end])
    return [p for p in pieces if len(p) and name_text(p)]
