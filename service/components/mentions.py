"""NER spans → name mentions, per the span conventions of docs/annotation.md.

The NER follows the MasakhaNER data, but on news text it still keeps a title inside a
person span, runs two names together across a caption separator, leaves out the head
noun of an organization, or swallows boilerplate the page glued to a name. These rules
fix such spans before grouping; each says which convention it restores. Rules rather
than a model: each case is rare in the NER's training data, and the rules are short.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from service.components.countries import (
    ONE_WORD_NAMES,
    country_code,
    normalize_name,
)
from service.lang.sw.function_words import CONNECTIVES
from service.lang.sw.nouns import (
    DESCRIPTOR_PHRASES,
    NAMED_BODY_HEADS,
    ORGANIZATION_DESCRIPTORS,
    ORGANIZATION_HEADS,
    STATE_BODY_HEADS,
    TITLE_WORDS,
)

# Words a scraped page glues to a name: a photo credit ("PutinPicha:") or the DW
# section name before a headline ("SiasaKorea Kaskazini").
GLUE_WORDS = frozenset("picha siasa uchumi michezo utamaduni ulimwengu".split())

_GLUE_SUFFIX = re.compile(r"(?<=[a-z])(" + "|".join(w.capitalize() for w in GLUE_WORDS) + r")$")

_GLUE_PREFIX = re.compile(r"^(" + "|".join(w.capitalize() for w in GLUE_WORDS) + r")(?=[A-Z])")

DESCRIPTORS_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}

for _phrase in DESCRIPTOR_PHRASES:
    DESCRIPTORS_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)

# Bodies with a name of their own that news writes after such a head.
NAMES_OF_THEIR_OWN = frozenset(
    normalize_name(name) for name in ("Umoja wa Mataifa", "Umoja wa Ulaya", "Umoja wa Afrika")
)

ORGANIZATION_DESCRIPTOR_LENGTHS = sorted({len(phrase) for phrase in ORGANIZATION_DESCRIPTORS})

ORGANIZATION_DESCRIPTOR_ENDS = frozenset(phrase[-1] for phrase in ORGANIZATION_DESCRIPTORS)

# Caption separators scraped pages glue to words: "Korea Kaskazini| Pyongyang|".
SEPARATORS = ("|", "•")

# Words a name never ends with (Swahili connectives, English and French particles).
FUNCTION_WORDS = CONNECTIVES | frozenset("for of and the de la du des".split())

# Governments named by their seat (organizations, docs/annotation.md), each name → the seat,
# so that "Ikulu ya Kremlin" and "Kremlin" are one organization.
_SEAT_NAMES = {
    "kremlin": ("Kremlin", "Ikulu ya Kremlin"),
    "white house": ("White House", "Ikulu ya White House", "Ikulu ya Marekani"),
    "downing street": ("Downing Street", "10 Downing Street"),
    "pentagon": ("Pentagon",),
}

SEATS = {normalize_name(name): seat for seat, names in _SEAT_NAMES.items() for name in names}

# Country names that are also Swahili words: "mali" (property) is always a common word
# when lowercase in the MasakhaNER training data, other lowercase country names there
# are the countries ("marekani", "kenya", "ujerumani").
_COMMON_WORD_COUNTRIES = frozenset({"mali"})


@dataclass(eq=False)
class Mention:
    span: Span
    label: str
    text: str  # the name as written, without glued boilerplate or separators
    names_previous: bool = False  # an acronym introduced by the previous mention: "X (ACR)"
    ner_span: Span | None = None  # the span for doc.ents when it differs from `span`
    # labelled spans doc.ents keeps instead of this mention: the NER's mentions inside an
    # organization name it did not tag ("Wizara ya Mambo ya Nje ya [Marekani]")
    ents: tuple[Span, ...] | None = None
    # the label doc.ents keeps when it differs from the entity's: LOC for a seat of
    # government the NER called a place (the MasakhaNER data tags "White House" 40 times
    # LOC, 32 times ORG)
    ents_label: str | None = None


def ents_of(mention: Mention, label: str) -> tuple[Span, ...]:
    """The spans doc.ents keeps for a mention whose entity has `label`."""
    if mention.ents is not None:
        return mention.ents
    span = mention.ner_span or mention.span
    return (Span(span.doc, span.start, span.end, label=mention.ents_label or label),)


def bar_separated(text: str) -> frozenset[str]:
    """The entries of a "|"-separated list of names; entries may continue on the next
    line, whose indentation is no part of them."""
    return frozenset(entry.strip() for entry in text.split("|"))


def names_pattern(names: Iterable[str], capitalized: bool = False) -> re.Pattern:
    """Whole occurrences of `names` in a text: longest first (so that "Azam FC" is found
    whole rather than as "Azam"), any run of blanks between their words, no word
    character or hyphen on either side. `capitalized`: lowercase names found in any case
    after a capital first letter (A-Z).

    Each name's first letter comes before the test of the character before it: the regex
    engine then skips to the letters that open a name instead of trying the test at every
    position of the text (a third of the time of the plain scan)."""
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        first, rest = name[0], re.escape(name[1:]).replace(r"\ ", r"\s+")
        if capitalized:
            if not "a" <= first <= "z":
                continue  # no capital can open it
            first, rest = first.upper(), f"(?i:{rest})"
        alternatives.append(re.escape(first) + r"(?<![\w-].)" + rest)
    return re.compile("(?:" + "|".join(alternatives) + r")(?![\w-])")


def is_capitalized(text: str) -> bool:
    if text[:1].isalnum():
        return text[0].isupper()  # most texts: the first character is the one to test
    # "-Sissi" (a scraped "Al -Sissi") counts by its first letter
    letter = next((ch for ch in text if ch.isalnum()), "")
    return letter.isupper()


# Titles that are also given names ("Jen Psaki": every "Jen" in the MasakhaNER data):
# titles only written with their period ("Jen." for Jenerali).
_TITLES_ONLY_WITH_PERIOD = frozenset({"jen"})


def is_title(token) -> bool:
    word = token.lower_
    # the list first: it turns away almost every word, before the acronym test
    return word.rstrip(".") in TITLE_WORDS and word not in _TITLES_ONLY_WITH_PERIOD \
        and not _is_acronym_not_title(token)


def _is_acronym_not_title(token) -> bool:
    """A short title word in capitals with no period after it: "DR Congo" (the one such
    word in the MasakhaNER training data, tagged B-LOC), not "DR. Slaa", whose period
    the tokenizer splits off."""
    text = token.text
    if not (text.isalpha() and text.isupper() and len(text) <= 3):
        return False
    following = token.i + 1
    return following == len(token.doc) or token.doc[following].text != "."


def acronym(text: str) -> str | None:
    letters = text.strip("-–—.()[]|• ").replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper():
        return letters
    return None


def name_text(span: Span) -> str:
    return name_of(span.text)


def name_of(text: str) -> str:
    """name_text of a span whose text is `text`: Span.text joins the tokens anew on
    each access, so callers that hold the text already pass it."""
    text = _GLUE_SUFFIX.sub("", _GLUE_PREFIX.sub("", text))
    return text.strip("".join(SEPARATORS) + " -–—:;,")


def _token_texts(doc: Doc) -> list[str]:
    """Every token's text, read through an array: rules that look at every word of an
    article would otherwise make a Token object per word."""
    strings = doc.vocab.strings
    return [strings[key] for key in token_keys(doc)]


def token_keys(doc: Doc, attr: int = ORTH) -> list[int]:
    """Every token's string-store key of `attr`: compared with keys_of, no string is
    decoded per token. Read once per Doc and attribute (several rules of the entities
    component read them; the tokens do not change) and kept in doc.user_data: do not
    change the list."""
    keys = doc.user_data.get((_KEYS, attr))
    if keys is None:
        keys = doc.user_data[(_KEYS, attr)] = doc.to_array(attr).tolist()
    return keys


_KEYS = "habari.token_keys"


def keys_of(doc: Doc, words: Iterable[str]) -> set[int]:
    # Looking a string's key up does not add the string to the store.
    strings = doc.vocab.strings
    return {strings[word] for word in words}


DASHES = ("-", "–", "—")


def repeated_name_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions the NER missed: other occurrences of a name it found elsewhere in the
    article ("Kiev" tagged once of twice), with the label it got most often, the
    surname alone of a person it found by full name, the other names of a seat of
    government it found ("Kremlin" after "Ikulu ya Kremlin"), and a country name
    written in lowercase ("kwa urusi").

    A news article repeats its names, and the NER, reading each sentence on its own,
    misses some repeats. Only a whole name counts: an occurrence inside a longer run of
    capitalized words ("Kim" in "Uwanja wa Kim Il Sung") is left alone, and so is a
    one-word name the article also writes in lowercase (then it is a common word)."""
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    surnames = set()
    for mention in mentions:
        words = tuple(t.text for t in mention.span)
        if is_capitalized(words[0]) and not (len(words) == 1 and (is_title(mention.span[0]) or len(words[0]) < 2)):
            label_votes = votes.setdefault(words, {})
            label_votes[mention.label] = label_votes.get(mention.label, 0) + 1
        if mention.label == "PER" and len(words) > 1 and len(words[-1]) > 2 and words[-1].isalpha():
            surnames.add(words[-1])
        seat = SEATS.get(normalize_name(mention.text))
        for other in _SEAT_NAMES.get(seat, ()):
            votes.setdefault(tuple(other.split()), {"ORG": 1})
    # A person named in full is then named by surname ("Naitore Nyamu" ... "alisema Nyamu").
    for surname in surnames:
        votes.setdefault((surname,), {"PER": 1})
    texts = _token_texts(doc)
    lowercase = {text for text in texts if text[:1].islower()}
    for text in _country_words(lowercase):
        votes.setdefault((text,), {"LOC": 1})
    if not votes:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(votes, key=len, reverse=True):
        if len(words) == 1 and words[0].lower() in lowercase and not _is_country_word(words[0]):
            continue
        by_first.setdefault(words[0], []).append(words)
    # cleaned mentions may cover tokens outside the NER's spans ("Uwanja wa" + a name)
    taken = {i for mention in mentions for i in range(mention.span.start, mention.span.end)}
    found = []
    i, n = 0, len(doc)
    while i < n:
        candidates = by_first.get(texts[i])
        length = next((len(w) for w in candidates if _is_free_name(doc, i, w, taken)), 0) if candidates else 0
        if length:
            words = doc[i : i + length]
            label_votes = votes[tuple(t.text for t in words)]
            label = max(label_votes, key=lambda lab: label_votes[lab])
            found.append(Mention(words, label, name_text(words)))
            i += length
        else:
            i += 1
    return found


def _country_words(words: Iterable[str]) -> list[str]:
    """The words for which _is_country_word holds: an ASCII word by a set lookup of its
    lowercase form (most words of an article; a call per word cost more than the rest of
    repeated_name_mentions), any other by _is_country_word."""
    return [word for word in words
            if (word.lower() in _ONE_WORD_COUNTRY_NAMES if word.isascii() else _is_country_word(word))]


# What _is_country_word accepts of an ASCII word, lowercased.
_ONE_WORD_COUNTRY_NAMES = frozenset(name for name in ONE_WORD_NAMES if len(name) >= 4) - _COMMON_WORD_COUNTRIES


def _is_country_word(text: str) -> bool:
    return text.isalpha() and len(text) >= 4 and text.lower() not in _COMMON_WORD_COUNTRIES and bool(country_code(text))


def _is_free_name(doc: Doc, i: int, words: tuple[str, ...], taken: set[int]) -> bool:
    """`words` occur at token i, outside any entity and mention, as a whole name."""
    end = i + len(words)
    if end > len(doc) or any(
        doc[i + k].text != word or doc[i + k].ent_type or i + k in taken for k, word in enumerate(words)
    ):
        return False
    before = doc[i - 1] if i else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.is_alpha and is_capitalized(before.text) and not is_title(before):
        # a capitalized word before it belongs to the same name, unless it opens the
        # sentence ("Baadaye Neema Mushi aliondoka")
        opens_sentence = i == 1 or doc[i - 2].is_punct or doc[i - 2].is_space
        if not opens_sentence:
            return False
    glued_page_word = after is not None and after.lower_ in GLUE_WORDS and not doc[end - 1].whitespace_
    # a capitalized word after it continues the name, unless the NER put it in another
    # entity ("Msemaji wa Kremlin [Dmitry Peskov]")
    return (
        after is None
        or glued_page_word
        or bool(after.ent_type)
        or not (after.is_alpha and is_capitalized(after.text))
    )


def opens_sentence(doc: Doc, i: int) -> bool:
    before = doc[i - 1] if i else None
    return before is None or "\n" in before.text or before.text in (".", "!", "?", ":", "“", '"', "|")


_NAME_LABELS = frozenset({"PER", "ORG", "LOC"})

_UNTAGGED_HEADS = (ORGANIZATION_HEADS - {"ikulu", "umoja", "muungano"}) | STATE_BODY_HEADS

# Companies news names as channels ("ujumbe wa Twitter"), organizations in docs/annotation.md;
# the MasakhaNER data tags them about half the time, so doc.ents leaves them out.
_PLATFORMS = frozenset("Twitter Facebook YouTube Youtube Instagram WhatsApp Whatsapp TikTok Telegram".split())


def names_ending_in_a_country(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name the NER ended before the country it closes with: a country's formal name
    ("[Shirikisho] la [Urusi]": one place, as "Jamhuri ya …"), and an organization whose
    head's own connective comes again before the country ("[Chama cha Wafanyakazi wa
    Nyumbani] cha [Kenya]", "[Tume ya Uchaguzi] ya [Kenya]"): one organization
    (docs/annotation.md: named bodies whole), doc.ents keeping the NER's two spans."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        span = mention.span
        code = (country_code(mention.text) if previous is not None and mention.label == "LOC"
                and previous.span.end + 1 == span.start and doc[previous.span.end].lower_ in CONNECTIVES
                else None)
        if code is None:
            out.append(mention)
            continue
        whole = doc[previous.span.start : span.end]
        if country_code(whole.text) == code:
            out[-1] = Mention(whole, "LOC", name_text(whole))
        elif (previous.label == "ORG" and len(previous.span) > 2
              and doc[previous.span.end].lower_ == previous.span[1].lower_
              # a lowercase description ("shirika la ndege la Kenya") is the country's
              and all(is_capitalized(t.text) for t in previous.span if t.is_alpha and t.lower_ not in CONNECTIVES)):
            out[-1] = Mention(whole, "ORG", name_text(whole), ents=ents_of(previous, "ORG") + ents_of(mention, "LOC"))
        else:
            out.append(mention)
    return out


def untagged_organizations(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the organization names the NER left untagged added: social
    media companies written capitalized, and a
    capitalized head noun followed by capitalized words, each after a connective or
    not, and places ("Wizara ya Mambo ya Nje ya Marekani", "Mahakama Kuu ya Kenya",
    "Kituo cha Televisheni cha Taifa cha Somalia"). docs/annotation.md makes such a body one
    organization; the MasakhaNER data mostly leaves it untagged except for the place inside,
    so doc.ents keeps that place, except under a head that data tags whole
    (NAMED_BODY_HEADS: "Tume ya Taifa ya Uchaguzi"). The name ends before a person (the body's spokesman) and
    anything lowercase; one followed by another organization is that organization's
    descriptor ("Shirika la Habari la [Reuters]")."""
    by_start = {m.span.start: m for m in mentions}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    found: list[Mention] = []
    absorbed: set[int] = set()
    keys, lowers = token_keys(doc), token_keys(doc, LOWER)
    platforms, heads = keys_of(doc, _PLATFORMS), keys_of(doc, _UNTAGGED_HEADS)
    i, n = 0, len(doc)
    while i < n:
        if i not in taken and keys[i] in platforms:
            found.append(Mention(doc[i : i + 1], "ORG", doc[i].text, ents=()))
            i += 1
            continue
        if i in taken or lowers[i] not in heads or not is_capitalized(doc[i].text):
            i += 1
            continue
        token = doc[i]
        end, inner, words = i + 1, [], 0
        while end < n:
            # "na" after a place joins another name to the body's ("Bunge la Marekani na
            # Waendesha mashtaka"), not a part of it
            if doc[end].lower_ == "na" and inner and inner[-1].span.end == end:
                break
            j = end + 1 if doc[end].lower_ in CONNECTIVES and end not in taken else end
            if j >= n:
                break
            mention = by_start.get(j)
            if mention is not None:
                if mention.label != "LOC":
                    break
                inner.append(mention)
                end = mention.span.end
            elif j not in taken and doc[j].is_alpha and is_capitalized(doc[j].text) and not doc[j].ent_type and not is_title(doc[j]):
                words += 1
                end = j + 1
            else:
                break
        follows_organization = (
            end + 1 < n and doc[end].lower_ in CONNECTIVES and (m := by_start.get(end + 1)) is not None and m.label == "ORG"
        )
        # at a sentence start a capital says nothing: "Jeshi la Ethiopia" there may be the
        # lowercase "jeshi la [Ethiopia]" of docs/annotation.md
        state_body = inner and token.lower_ in STATE_BODY_HEADS and not opens_sentence(doc, i)
        if (words or state_body) and not follows_organization:
            span = doc[i:end]
            spans = [m.ner_span or m.span for m in inner]
            ents = tuple(Span(doc, s.start, s.end, label=m.label) for s, m in zip(spans, inner))
            # a name of its own after a head the MasakhaNER data keeps: one ORG span there too
            # ...unless a date or other span the entities leave alone lies inside it
            whole = (words and token.lower_ in NAMED_BODY_HEADS
                     and not any(t.ent_type_ and t.ent_type_ not in _NAME_LABELS for t in span))
            found.append(Mention(span, "ORG", name_text(span), ents=None if whole else ents))
            absorbed.update(id(m) for m in inner)
            i = end
        else:
            i += 1
    return with_found(mentions, found, absorbed)


def with_found(mentions: list[Mention], found: list[Mention], absorbed: set[int]) -> list[Mention]:
    """`mentions` in text order with `found` added and those whose id() is in `absorbed`
    (taken into a found one) left out."""
    if not found:
        return mentions
    kept = [m for m in mentions if id(m) not in absorbed]
    return sorted(kept + found, key=lambda m: m.span.start)
