"""Where a name starts and ends inside one NER span: the title, role, descriptor,
verb or glued boilerplate before or after it cut off, a place or country run into it
made a mention of its own.
"""
from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Span

from service.components.countries import (
    MAX_NAME_WORDS,
    country_code,
    may_end_country_name,
    normalize_name,
)
from service.components.mentions import (
    DASHES,
    DESCRIPTORS_BY_FIRST_WORD,
    GLUE_WORDS,
    NAMES_OF_THEIR_OWN,
    SEATS,
    Mention,
    acronym,
    is_capitalized,
    is_title,
    name_of,
    name_text,
    opens_sentence,
)
from service.lang.sw.function_words import CONNECTIVES
from service.lang.sw.nouns import (
    COMPASS_WORDS,
    DESCRIBING_ORGANIZATION_HEADS,
    NAMED_AFTER_HEADS,
    ORGANIZATION_HEADS,
    PLACE_PREFIXES,
)
from service.lang.sw.speech_verbs import is_speech_verb
from service.lang.sw.verbs import VERB_LIKE, VERB_LOOKALIKE_NOUNS


def clean(span: Span, label: str, is_acronym_of) -> list[Mention]:
    split = (_second_person_start(span) or _person_after_owner(span)) if label == "PER" else None
    if split:
        doc = span.doc
        return clean(doc[span.start : split], label, is_acronym_of) + clean(doc[split : span.end], label, is_acronym_of)
    mentions = _clean_span(span, label, is_acronym_of)
    if label == "PER" and len(mentions) == 1 and mentions[0].label == "PER":
        return _place_before_name(span, mentions[0].span.start) + mentions
    return mentions


def _second_person_start(span: Span) -> int | None:
    """Where a second person starts in a span the NER ran over two full names sharing a
    given name ("rais Paul Kagame Paul Rusesabagina", a comma lost): the span's first
    word again, with two words or more on each side, and the first person's last name
    also written elsewhere in the article. Names that repeat a part ("Mohamed Abdullahi
    Mohamed") fail these tests."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 4 or not is_capitalized(words[0].text):
        return None
    for k in range(2, len(words) - 1):
        if words[k].text == words[0].text:
            surname = words[k - 1]
            elsewhere = any(t.text == surname.text and not (span.start <= t.i < span.end) for t in span.doc)
            return words[k].i if elsewhere else None
    return None


def _person_after_owner(span: Span) -> int | None:
    """Where the person starts in a span the NER ran over a role's owner and the person
    in the role: Swahili writes the role, its owner and then the name with no comma
    between ("wakili wa [Bobi Wine Robert Amsterdam]", "msemaji wa rais [Cyril Ramaphosa
    Khusela Diko]"). Split after the longest owner that the article also writes alone
    (no capitalized word after it) when two capitalized words or more follow it, unless
    the article writes the whole span again where no role comes before it."""
    doc, before = span.doc, span.start - 1
    if before >= 0 and is_title(doc[before]):
        before -= 1  # "wa rais [Cyril Ramaphosa …]"
    if before < 0 or doc[before].lower_ not in ("wa", "ya"):
        return None
    text, name = doc._.text, span.text
    # the name's first character before the test of the one before it: the regex engine
    # then skips to that character instead of testing every position of the article
    whole = re.compile(re.escape(name[0]) + r"(?<![\w-][\s\S])" + re.escape(name[1:]) + r"(?![\w-])")
    if any(m.start() != span.start_char and not _AFTER_ROLE_OF.search(text, max(0, m.start() - 40), m.start())
           for m in whole.finditer(text)):
        return None  # the article writes the whole elsewhere, in no role: one name ("[Kim Jong Un]")
    words = [t for t in span if t.is_alpha]
    for k in range(len(words) - 2, 0, -1):
        if not all(is_capitalized(t.text) for t in words[k:]):
            continue
        owner = text[words[0].idx : words[k - 1].idx + len(words[k - 1])]
        # a one-word owner must be someone's last name elsewhere ("Nelson Mandela"), not
        # a first name the article also uses alone ("Kim" for "[Kim Jong Un]")
        before_owner = r"(?<![\w-])[A-Z][\w'-]*\s+" if k == 1 else r"(?<![\w-])"
        alone = re.compile(before_owner + "(" + re.escape(owner) + r")(?![\w-])(?!\s+[A-Z])")
        if any(not span.start_char <= m.start(1) < span.end_char for m in alone.finditer(text)):
            return words[k].i
    return None


# "wa" or "ya", and at most one word (a title), right before a position.
_AFTER_ROLE_OF = re.compile(r"(?<![\w-])(?:wa|ya)\s+(?:\w+\.?\s+)?$")


def _place_before_name(span: Span, name_start: int) -> list[Mention]:
    """A seat of government or a country the NER ran into a person's span and the name
    rules cut off ("Msemaji wa Kremlin Dmitry Peskov", "Waziri wa Urusi Sergey Lavrov"):
    an entity of its own (docs/annotation.md annotates both)."""
    doc = span.doc
    for length in range(min(MAX_NAME_WORDS, name_start - span.start), 0, -1):
        piece = doc[name_start - length : name_start]
        # a piece starting with a comma is the same place with the comma ("Putin ,
        # Kremlin Rais"): the shorter piece will be tried
        if no_word(piece[0]) or not is_capitalized(piece.text):
            continue
        if normalize_name(piece.text) in SEATS:
            return [Mention(piece, "ORG", name_text(piece))]
        if country_code(piece.text):
            return [Mention(piece, "LOC", name_text(piece))]
    return []


def _clean_span(span: Span, label: str, is_acronym_of) -> list[Mention]:
    doc = span.doc
    start, end = span.start, span.end
    if label == "PER":
        head = _head_start(span, NAMED_AFTER_HEADS)
        if head < start:
            return [Mention(doc[head:end], NAMED_AFTER_HEADS[doc[head].lower_], doc[head:end].text)]
    if label == "ORG":
        # "Full Name (ACR)" or "Full Name ACR" as one span: two mentions of one organization.
        for i in range(start + 1, end - 1):
            if doc[i].text == "(" and doc[end - 1].text == ")" and acronym(doc[i + 1 : end - 1].text):
                return _with_acronym(clean(doc[start:i], label, is_acronym_of), doc[i + 1 : end - 1])
        last = acronym(doc[end - 1].text)
        # a dash before it introduces it whatever its letters ("... ya Jinai -ICC")
        introduced = doc[end - 1].text.startswith(DASHES)
        if end - start >= 3 and last and (introduced or is_acronym_of(last, doc[start : end - 1].text)):
            mentions = _with_acronym(clean(doc[start : end - 1], label, is_acronym_of), doc[end - 1 : end])
            # without parentheses the MasakhaNER data tags name and acronym as one span
            # (64 of 66 such names; "Full Name (ACR)" is two spans there, 116 of 116)
            return _as_one_span(mentions[:-1], mentions[-1:], "ORG") if mentions[0].label == "ORG" else mentions
    ner_end = end
    if label == "LOC":
        split = _country_after_place(span)
        if split:
            # "Nairobi Kenya": two places, one span in the MasakhaNER data (51 of 51)
            place, country = clean(doc[start:split], label, is_acronym_of), clean(doc[split:end], label, is_acronym_of)
            return _as_one_span(place, country, label)
        end = _place_end(span)
    start = _name_start(doc, start, end, label)
    if start is None:
        return []
    if label == "ORG":
        start = _after_head_of_named_body(doc, _after_lowercase_descriptor(doc, start, end), end)
    # a name does not run on past a speech verb ("Shirika la ... la kuhudumia wakimbizi
    # linasema mzozo wa silaha")
    end = next((i for i in range(start + 1, end) if is_speech_verb(doc[i].text)), end)
    while start < end and (no_word(doc[start]) or _glued_boilerplate(doc, start, start + 1, end)):
        start += 1
    while end > start and (
        no_word(doc[end - 1])
        or _glued_boilerplate(doc, end - 1, start, end - 1)
        # a connective or verb the NER ran into ("Chama cha Kikomunisti cha", "Putin
        # alisema"); a lowercase name part stays ("Bobi wine": scraped text)
        or (end - 1 > start and (doc[end - 1].text in CONNECTIVES or _is_verb(doc[end - 1])))
    ):
        end -= 1
    if start >= end:
        return []
    name = doc[start:end]
    text = name.text
    if not name_of(text):
        return []
    if end > ner_end > start:
        # the place's continuation ("[Afrika] Mashariki") is the entity's only: the
        # MasakhaNER data tags "Afrika" alone there too
        return [Mention(name, label, name_of(text), ner_span=doc[start:ner_end])]
    ents_label = None
    if normalize_name(text) in SEATS and label != "ORG":
        # a government named by its seat is an organization (docs/annotation.md), whatever the
        # NER said; doc.ents keeps the NER's place, as the MasakhaNER data often has it
        label, ents_label = "ORG", label if label == "LOC" else None
    head = _head_start(name, ORGANIZATION_HEADS) if label == "ORG" and not acronym(text) else start
    if head < start:
        # The entity is the whole body ("Tume ya Umoja wa Afrika", docs/annotation.md), but
        # doc.ents keeps the NER's span: the MasakhaNER data leaves such heads out.
        return [Mention(doc[head:end], label, name_text(doc[head:end]), ner_span=name, ents_label=ents_label)]
    return [Mention(name, label, name_of(text), ents_label=ents_label)]



def _place_end(span: Span) -> int:
    """End of a place the NER cut short: a country name that goes on after the span
    ("[Korea] K.", "[Afrika] Kusini", "[Sudan] Kusini"), or a region that is not a
    country followed by a capitalized compass word ("[Afrika] Mashariki"). Only words
    outside any other entity are taken."""
    doc, end = span.doc, span.end
    free = 0
    while free < MAX_NAME_WORDS and end + free < len(doc) and not doc[end + free].ent_type and not no_word(doc[end + free]):
        free += 1
    # The text of the span with each number of free words, as Span.text gives it (the
    # last token without its whitespace), from one pass over the tokens.
    tokens = [(t.text_with_ws, t.text) for t in doc[span.start : end + free]]
    for extra in range(free, 0, -1):
        last = len(span) + extra - 1
        spaced = tokens[last - 1][0] != tokens[last - 1][1]  # the word is a word of its own
        if spaced and not may_end_country_name(tokens[last][1]):
            continue
        if country_code("".join(with_ws for with_ws, _ in tokens[:last]) + tokens[last][1]):
            return end + extra
    if free and doc[end].text in COMPASS_WORDS and not country_code(span.text):
        return end + 1
    return end


def _after_lowercase_descriptor(doc: Doc, start: int, end: int) -> int:
    """Start of the capitalized name after a lowercase descriptive phrase ("shirika la
    kutoa misaada la [Hestia]", "shirika la wakimbizi la [Umoja wa Mataifa]"), else
    `start`. A lowercase head with its connective alone stays ("wizara ya Mambo ya
    Nje"): that is the body's name written in lowercase."""
    i = start
    # the head capitalized because it opens the sentence ("Shirika la ndege la [South
    # Supreme]") describes as much as a lowercase one
    if doc[i].lower_ in DESCRIBING_ORGANIZATION_HEADS and opens_sentence(doc, i):
        i += 1
    while i < end and doc[i].is_alpha and not is_capitalized(doc[i].text):
        i += 1
    # "Shirika la kuhudumia wakimbizi la Umoja wa Mataifa" is the agency's own name
    if (
        i - start >= 4
        and i < end
        and doc[i - 1].lower_ in CONNECTIVES
        and normalize_name(doc[i:end].text) not in NAMES_OF_THEIR_OWN
    ):
        return i
    return start


def _after_head_of_named_body(doc: Doc, start: int, end: int) -> int:
    """Start of "[IGAD]" in "Jumuia ya IGAD", "[Umoja wa Mataifa]" in "shirika la Umoja wa
    Mataifa": a head noun that only says what kind of body a name of its own is (an
    acronym, or the full name of a well-known one) stays outside it, as in the MasakhaNER
    training data (9 of the 10 such spans there), else `start`."""
    if (
        end - start < 3
        or doc[start].lower_ not in DESCRIBING_ORGANIZATION_HEADS
        or doc[start + 1].lower_ not in CONNECTIVES
    ):
        return start
    rest = doc[start + 2 : end]
    if (len(rest) == 1 and acronym(rest.text)) or normalize_name(rest.text) in NAMES_OF_THEIR_OWN:
        return start + 2
    return start


def no_word(token) -> bool:
    """Punctuation, blanks, and symbols spaCy does not count as punctuation ("|" is Sm)."""
    if token.is_alpha:
        return False  # most tokens: letters are neither punctuation nor blanks, one flag says it
    return token.is_punct or token.is_space or not any(ch.isalnum() for ch in token.text)


def _glued_boilerplate(doc: Doc, i: int, rest_start: int, rest_end: int) -> bool:
    """A page word (token i) written together with the name beside it in the span
    ("Putin" + "Picha"); doc[rest_start:rest_end] is the rest of the span, made only for
    the rare page word (a Span per token tried costs more than the test)."""
    token = doc[i]
    if token.lower_ not in GLUE_WORDS or rest_start >= rest_end:
        return False
    rest = doc[rest_start:rest_end]
    left = rest[-1] if rest[-1].i < token.i else token
    neighbour = rest[-1] if rest[-1].i < token.i else rest[0]
    return not left.whitespace_ and neighbour.is_alpha


def _with_acronym(full: list[Mention], acronym_span: Span) -> list[Mention]:
    return [*full, Mention(acronym_span, "ORG", name_text(acronym_span), names_previous=bool(full))]


def _as_one_span(first: list[Mention], second: list[Mention], label: str) -> list[Mention]:
    """The mentions of two names the NER tagged as one span: separate for the grouping,
    one `label` span in doc.ents when each is a single mention and nothing but a dash
    lies between them."""
    if len(first) == 1 and len(second) == 1 and first[0].ents is None and second[0].ents is None:
        a, b = first[0], second[0]
        doc = a.span.doc
        if all(token.text in DASHES for token in doc[a.span.end : b.span.start]):
            a.ents = (Span(doc, (a.ner_span or a.span).start, (b.ner_span or b.span).end, label=label),)
            b.ents = ()
    return first + second


def _name_start(doc: Doc, start: int, end: int, label: str) -> int | None:
    """First token of the name, None if there is none. Cut off: titles and roles ("Rais
    [Putin]"), what follows a title up to the name ("Waziri wa Mambo ya Nje wa Urusi
    [Sergey Lavrov]"), lowercase descriptors ("shirika la habari la [AFP]", "serikali ya
    [Urusi]"). Other lowercase words stay, as in the MasakhaNER data ("benki ya Dunia",
    "mto Nile", "al-Sistani", a name written in lowercase)."""
    i, had_title = start, False
    while i < end:
        token = doc[i]
        if is_title(token):
            had_title = True
            i += 1
        elif token.is_punct or token.is_space or (had_title and not is_capitalized(token.text)) or _is_verb(token):
            i += 1
        elif descriptor := _descriptor_length(doc, i, end):
            i += descriptor
        else:
            break
    if i == end:
        return None if had_title else start
    name_start = i
    if label != "PER":
        return name_start
    if had_title:
        # "Waziri wa Mambo ya Nje wa Urusi Sergey Lavrov": the name follows the last
        # connective and the country or office named after it.
        lowercase = [j for j in range(start, end) if not is_capitalized(doc[j].text)]
        if lowercase and lowercase[-1] + 1 < end:
            name_start = lowercase[-1] + 1
            if doc[name_start - 1].lower_ in CONNECTIVES:
                skip = _country_prefix_length([t.text for t in doc[name_start:end]]) or 1
                name_start += skip if end - name_start > skip else 0
    # "Kremlin Yuri Ushakov" (an aide of the Kremlin), "Korea Kaskazini Kim Jong Un": a
    # seat of government or a country the NER ran into the name
    skip = _seat_or_country_prefix_length([t.text for t in doc[name_start:end]])
    if skip and end - name_start > skip:
        name_start += skip
    return name_start


def _is_verb(token) -> bool:
    """A finite verb the NER ran into a name ("akishindwa Kitgum", "Amesema Nsereko"):
    any lowercase verb form, and speech verbs also capitalized. Nouns of that shape are
    not verbs: they end names in the MasakhaNER data ("Shirika la … la kuhudumia
    wakimbizi", "serikali ya umoja wa kitaifa") or are names ("Amerika Kusini")."""
    if token.lower_ in VERB_LOOKALIKE_NOUNS:
        return False
    return bool(VERB_LIKE.match(token.text) or is_speech_verb(token.text))


def _descriptor_length(doc: Doc, i: int, end: int) -> int:
    """Length of a lowercase descriptor phrase starting at token i with a name after it."""
    for phrase in DESCRIPTORS_BY_FIRST_WORD.get(doc[i].text, ()):
        n = len(phrase)
        if i + n < end and all(doc[i + k].text == word for k, word in enumerate(phrase)):
            return n
    return 0


def _head_start(span: Span, heads) -> int:
    """Start of a name whose head noun the NER left out: "Tume ya [Umoja wa Afrika]"
    is the commission, "Uwanja wa [Kim Il Sung]" a stadium."""
    doc, i, start = span.doc, span.start, span.start
    for _ in range(3):
        if i < 2:
            break
        noun, connective = doc[i - 2], doc[i - 1]
        if connective.lower_ not in CONNECTIVES or not is_capitalized(noun.text) or noun.ent_type or connective.ent_type:
            break
        i -= 2
        if noun.lower_ in heads:
            start = i
    return start


def _country_prefix_length(words: Sequence[str]) -> int:
    for length in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        if country_code(" ".join(words[:length])):
            return length
    return 0


def _seat_or_country_prefix_length(words: Sequence[str]) -> int:
    # A one-word country before a one-word rest stays: it is a given name ("Jordan
    # Henderson" keeps "Jordan"); before a full name it is not ("Marekani Matthew Miller").
    for length in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        text = " ".join(words[:length])
        if normalize_name(text) in SEATS or (country_code(text) and (length > 1 or len(words) - length > 1)):
            return length
    return 0


def _country_after_place(span: Span) -> int | None:
    """Where a country name starts at the end of a longer place span that is no
    country itself ("Toronto Canada", a caption's "Xi Vietnam"), else None."""
    doc = span.doc
    if len(span) < 2 or country_code(span.text):
        return None
    for length in range(min(MAX_NAME_WORDS, len(span) - 1), 0, -1):
        split = span.end - length
        before = doc[split - 1]
        if (
            country_code(doc[split : span.end].text)
            and is_capitalized(before.text)
            and before.lower_ not in PLACE_PREFIXES
            and before.lower_ not in CONNECTIVES
        ):
            return split
    return None
