"""People the NER left untagged, found by the words around them (the ``people`` rule of
habari_entity_types), and peoples that are no entities (its ``peoples`` rule).

A capitalized word the raw news does not write in lowercase is a person where it is the
subject of a person's speech verb, where it opens a sentence before any verb of one
person, where the relative of people (`ambaye`) follows it, or where it follows a title
or a title's body or place. A day name that is also
a personal name ("Jumanne Maghembe", "Bi. Neema Juma") is one where a name runs on from it.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from service.components.countries import country_code, normalize_name
from service.components.mentions import SEATS, is_title
from service.lang.sw.common_words import COMMON_WORDS
from service.lang.sw.date_words import MONTHS, WEEKDAYS
from service.lang.sw.function_words import DISCOURSE_CONNECTIVES, GENITIVES
from service.lang.sw.nouns import (
    HONORIFICS,
    ORGANIZATION_HEADS,
    PARTY_MEMBER_STEMS,
    PERSONAL_DAY_NAMES,
    PLACE_HEADS,
    TITLE_WORDS,
)
from service.lang.sw.speech_verbs import is_speech_verb
from service.lang.sw.verbs import PERSON_VERB, is_finite_verb


class PeopleFinder:
    """`lowercase_words`: words the raw news writes lowercase more often than not;
    `places`: the gazetteer (gazetteer.places())."""

    def __init__(self, lowercase_words: frozenset[str], places):
        self.lowercase_words = lowercase_words
        self.places = places

    def by_context(self, doc: Doc, ents: list[Span]) -> list[Span]:
        found = []
        for word, before, after in untagged_words(doc, _CAPITALIZED_WORD, ents):
            if self._is_word_or_known_place(word):
                continue
            if before is not None and is_title(before):
                before = doc[before.i - 1] if before.i else None
            opens_clause = before is None or not before.is_alpha or before.lower_ in DISCOURSE_CONNECTIVES
            says = opens_clause and _says(after)
            said_by = before is not None and _says(before) and after.text in (".", ",")
            # any verb of a person, not only a speech verb: only where a sentence opens,
            # since a comma before is an apposition ("Chuck Schumer, Mdemokrat, alisema")
            acts = (_opens_sentence(word) and not is_finite_verb(word.text) and not is_people(word.text)
                    and _acts(_past_comma(after)))
            # the class 1 relative describes a person: "Mtikila ambaye pia ni mwenyekiti …";
            # after a genitive it may describe the head before ("mfanyakazi wa Shanta ambaye"),
            # and after a comma the word is an apposition ("Mondale, Mliberali ambaye")
            described = (_past_comma(after) is not None and _past_comma(after).lower_ == "ambaye"
                         and not is_people(word.text)
                         and (before is None or before.text != "," and before.lower_ not in GENITIVES))
            if says or said_by or acts or described:
                found.append(Span(doc, word.i, word.i + 1, label="PER"))
        return found

    def after_roles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Untagged capitalized words after a title ("IGP Mwema", "Jaji Mrima"), or after
        a title's body or place ("Katibu Mkuu wa Umoja wa Mataifa Kofi Annan", "Gavana wa
        New York Andrew Cuomo"): the role comes before the name (docs/annotation.md)."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        starts = [ent.end for ent in ents if ent.label_ in ("ORG", "LOC") and _after_role_of(ent)]
        for match in _WORD_BEFORE_CAPITAL.finditer(doc._.text):
            if match.group(1).lower() not in TITLE_WORDS:
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                starts.append(span.end)
        found = []
        for start in sorted(set(starts)):
            end = start
            while end < len(doc) and end - start < _MAX_NAME_WORDS and end not in taken and is_title(doc[end]):
                start = end = end + 1  # "Waziri Mkuu Pinda": the name starts after the titles
            while (end < len(doc) and end - start < _MAX_NAME_WORDS and end not in taken
                   and self._may_be_name(doc[end])):
                end += 1
            if end > start and not (end < len(doc) and doc[end].is_title and not doc[end].is_sent_start):
                found.append(Span(doc, start, end, label="PER"))
                taken.update(range(start, end))
        return found

    def day_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A DATE "Jumanne" or "Juma" before a name ("Profesa Jumanne Maghembe"), or after
        a given name ("Padri Crispin Jumanne", "Bi. Neema Juma"), is part of that person's
        name."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        by_start, by_end = {e.start: e for e in ents}, {e.end: e for e in ents}
        merged: dict[int, Span] = {}  # start of each span replaced -> the person
        for ent in ents:
            # the NER's date may hold the family name already ("[Jumanne Mrisho]" DATE)
            if not (ent.label_ == "DATE" and ent[0].lower_ in PERSONAL_DAY_NAMES and ent[0].is_title
                    and all(self._may_be_name(t) and not _is_date_word(t) for t in ent[1:])):
                continue
            start, end = ent.start, ent.end
            following, preceding = by_start.get(end), by_end.get(start)
            if following is not None and following.label_ == "PER":
                end = following.end
            while end not in taken and end - ent.start <= _MAX_NAME_WORDS and end < len(doc) \
                    and self._may_be_name(doc[end]) and not _is_date_word(doc[end]):
                end += 1
            if end == ent.start + 1:
                # after a given name ("Padri Crispin Jumanne"), not after a full name, whose
                # day it is ("Karanja Kibicho Jumanne alisema")
                if preceding is not None and preceding.label_ == "PER" and len(preceding) == 1:
                    start = preceding.start
                # a given name may be a word too ("Neema", grace): the honorific vouches for
                # it. Not before "Jumanne": "Bw Kimaiyo Jumanne alisema" is his Tuesday.
                elif (ent[0].lower_ == "juma" and start > 1 and start - 1 not in taken
                      and doc[start - 1].is_alpha and doc[start - 1].is_title
                      and not is_title(doc[start - 1])
                      and (is_title(doc[start - 2]) or doc[start - 2].lower_.rstrip(".") in HONORIFICS)):
                    start -= 1
            if end - start > 1:  # a name ran on from the day name
                person = Span(doc, start, end, label="PER")
                for other in (ent, following, preceding):
                    if other is not None and start <= other.start and other.end <= end:
                        merged[other.start] = person
        if not merged:
            return ents
        kept = [ent for ent in ents if ent.start not in merged]
        return kept + list({(p.start, p.end): p for p in merged.values()}.values())

    def _may_be_name(self, token) -> bool:
        return (token.is_alpha and token.is_title and not self._is_word_or_known_place(token)
                and normalize_name(token.text) not in SEATS and not is_people(token.text)
                and token.lower_ not in ORGANIZATION_HEADS and token.lower_ not in PLACE_HEADS)

    def _is_word_or_known_place(self, token) -> bool:
        """A common word, a title, a connective, a country or a place that is never a
        person: no name, however it is written. The word lists, not is_swahili_word's
        shapes: those take names for words (Mbatia)."""
        return (token.lower_ in self.lowercase_words or token.lower_ in COMMON_WORDS or is_title(token)
                or token.lower_ in DISCOURSE_CONNECTIVES or country_code(token.text) is not None
                or normalize_name(token.text) in self.places.never_people)


# Only words that a speech verb (a-…) or a clause's end follows can be the subject the
# ``people`` rule looks for: the lookahead spares it most capitalized words of a text.
# The capital comes first and the test of the character before it after: the regex
# engine then skips to capitals instead of trying every position; "++" tries no shorter
# run of letters, which a letter would follow.
_CAPITALIZED_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[a-z]{2,}+(?![\w-])(?=\s+[aA]|\s*[.,])")


def untagged_words(doc: Doc, pattern: re.Pattern, ents: list[Span]):
    """(token, token before or None, token after) for each one-token match of `pattern`
    outside `ents` that some token follows. Found by a regex over the text rather than a
    walk over every token."""
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for match in pattern.finditer(doc._.text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1 or span.start in taken or span.end >= len(doc):
            continue
        yield span[0], doc[span.start - 1] if span.start else None, doc[span.end]


_MAX_NAME_WORDS = 3
# A word (a title, if TITLE_WORDS has it) before a capitalized one; a set lookup after a
# plain pattern is three times faster than an alternation of every title. Possessive
# ("++", "?+"): a shorter run of letters, which a letter follows, never matches, and
# not trying each one halves the scan.
_WORD_BEFORE_CAPITAL = re.compile(r"(?<![\w-])([^\W\d_]++)\.?+(?=\s+[A-Z][a-z])")


def _after_role_of(ent: Span) -> bool:
    """A body or place that a title's "wa"/"ya"/"la" introduces ("Katibu Mkuu wa [Umoja wa Mataifa]")."""
    doc, i = ent.doc, ent.start
    return (i > 1 and doc[i - 1].lower_ in ("wa", "ya", "la")
            and any(is_title(doc[k]) for k in range(max(0, i - 4), i - 1)))


def _is_date_word(token) -> bool:
    return token.lower_ in MONTHS or token.lower_ in WEEKDAYS


def _says(token) -> bool:
    """A speech verb whose subject is one person: "alisema", "aliongeza", "anasema"."""
    return bool(PERSON_VERB.match(token.lower_)) and is_speech_verb(token.text)


def _acts(token) -> bool:
    """Any finite verb whose subject is one person ("aliwashukuru", "alijipata"), or its
    -ki- form for what the person was doing ("Tuju, akizungumza …")."""
    return token is not None and (bool(PERSON_VERB.match(token.lower_)) and is_finite_verb(token.text)
                                  or bool(_WHILE_VERB.match(token.lower_)))


_WHILE_VERB = re.compile(r"^aki[a-z]{3,}$")


def _opens_sentence(token) -> bool:
    i = token.i
    return i == 0 or token.doc[i - 1].text in _SENTENCE_ENDS or "\n" in token.doc[i - 1].whitespace_ \
        or token.doc[i - 1].is_space


_SENTENCE_ENDS = frozenset('.!?:"”')


def _past_comma(token):
    """The token after a comma ("Mgaya, alizitaka …"), or the token itself."""
    if token.text != ",":
        return token
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


def is_people(text: str) -> bool:
    """"Wakenya", "Mtanzania", "Waingereza", "Wakorea Kaskazini": Wa-/M- + a country, or a
    party ("Mrepublican", "Wademokrat"); and
    their languages, Ki- + a country ("Kituruki", "Kiingereza": O in the MasakhaNER data)."""
    for prefix in ("Wa", "M", "Ki"):
        if text.startswith(prefix) and len(text) > len(prefix) + 2 and text[len(prefix)].islower():
            stem = text[len(prefix):]
            if prefix != "Ki" and stem.startswith(PARTY_MEMBER_STEMS):
                return True
            for candidate in (stem.capitalize(), "U" + stem):
                if country_code(candidate) is not None:
                    return True
    return False


