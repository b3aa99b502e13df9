"""Typing rules for names of Tanzanian and Kenyan newspapers (issue 17), run by
entity_types.py after its own rules, each switchable in the same ``rules`` config:

- ``title_acronyms``: an English acronym of a title is no name ("Inspekta Jenerali
  (IGP) Said Mwema", "Mtume Mohammed (SAW)", "DP Ruto"): docs/annotation.md keeps titles
  outside names; the NER calls them organizations.
- ``place_descriptors``: a one-word name after a lowercase place descriptor ("mjini
  Younde", "wilaya ya Kinondoni", "kijiji cha Mbande") is a place: 1,320 of the 1,323 names
  there in the MasakhaNER training data (v1 + v2), the other three a person after a
  constituency's "Mjini", always of two words; the NER calls small places it has not seen
  people.
- ``newspapers``: the names of East African newspapers are organizations (the NER takes
  "Tanzania Daima" for the country, "Raia Mwema" for a person); the ones that are also
  words ("Mwananchi" a citizen, "Mtanzania" a Tanzanian, "Uhuru" freedom) only where the
  verb after them agrees with "gazeti" (class 5, li-: "Mwananchi lilishuhudia").
- ``capital_surnames``: a surname set in capitals is part of the person's name ("Kofi
  ANNAN", "RECEP TAYYIP ERDOGAN", "Dominique de VILLEPIN"); the NER calls a word in
  capitals an acronym and cuts the name there.
- ``country_companies``: a country written before a company's name is part of it
  ("Tanzania Tea Blenders", "Kenya Power Lighting"), where the NER splits the two.
- ``company_names``: a company's name the NER cut to its last word ("Ikoda General
  [Enterprises]", typed a person) takes the capitalized words before it and is an
  organization (entity_types.py's ``companies`` rule types names of two words or more).
- ``nicknames``: a nickname in quotes after a name is no part of it ("Steven Mapunda
  'Garincha'"): the NER runs the name into the quotation's first word. One inside the
  name ("William "Billy" Evans", I-PER in the MasakhaNER data) stays.
- ``mainland``: "Bara" (the mainland) after a country is part of the place ("Tanzania
  Bara", 631 times in the Maneno Yetu sentences), and after a party a place of its own
  ("CUF [Bara]").
"""
from __future__ import annotations

import re

from spacy.attrs import IS_UPPER, ORTH
from spacy.strings import hash_string
from spacy.symbols import IDS
from spacy.tokens import Doc, Span

from service.components.addressees import replacing_inside
from service.components.countries import country_code, normalize_name
from service.components.gazetteer import Places
from service.components.mentions import is_title
from service.lang.sw.nouns import (
    COMPANY_NAME_WORDS,
    DESCRIPTOR_PHRASES,
    PLACE_HEADS,
    TITLE_ACRONYMS,
    TITLE_ACRONYMS_BEFORE_NAMES,
)
from service.lang.sw.verbs import is_finite_verb, is_verb
from service.language_id import COMMON_WORDS, is_swahili_word

OUTLET_RULES = ("title_acronyms", "place_descriptors", "newspapers", "capital_surnames", "country_companies",
                "company_names", "nicknames", "mainland")
_LABELS = frozenset({"PER", "ORG", "LOC"})


def _key(word: str) -> int:
    """The string store's key of `word`, as Doc arrays and Span.label hold it: spaCy's
    symbol for the few words that have one ("ORG"), else the word's hash."""
    return IDS.get(word, hash_string(word))


_PER, _ORG = _key("PER"), _key("ORG")  # Span.label, read without decoding label_

# As written (case matters: "Raia Mwema" is the paper, "raia mwema" a good citizen).
NEWSPAPERS = frozenset({
    "Tanzania Daima", "Raia Mwema", "Taifa Leo", "Taifa Jumapili", "HabariLeo", "Habari Leo",
    "Nipashe", "NIPASHE", "MwanaHALISI", "Mwanahalisi", "Mwanaspoti", "MTANZANIA", "MAJIRA",
    "The Citizen", "Daily News", "Sunday News", "Daily Nation", "Sunday Nation", "The East African",
    "The Standard", "Daily Monitor", "New Vision", "The Guardian",
})
# Papers whose name is a word too: a paper only before a verb of class 5.
NEWSPAPER_WORDS = frozenset("Mwananchi Mtanzania Majira Uhuru Rai Jamhuri Alasiri Bingwa".split())
# Each name as its words' keys, by its first word's key, longest first: names are found
# in the array of the document's word keys, not by searching the text.
def _by_first_word(names) -> dict[int, list[tuple[int, ...]]]:
    found: dict[int, list[tuple[int, ...]]] = {}
    for name in sorted(names, key=lambda name: -len(name.split())):
        words = tuple(_key(word) for word in name.split())
        found.setdefault(words[0], []).append(words)
    return found


_PAPER_NAMES = _by_first_word(NEWSPAPERS | NEWSPAPER_WORDS)
_NEWSPAPER_KEYS = frozenset(_PAPER_NAMES)
_PAPER_WORD_KEYS = frozenset(_key(word) for word in NEWSPAPER_WORDS)
# Subject prefix of class 5 (gazeti), and of 9 for a paper called by its name alone ("Raia Mwema imeyaona").
_PAPER_SUBJECTS = ("li", "la")
# a relative verb agrees with the noun before the name ("ubia kati ya X na Mtanzania lililopo")
_RELATIVE = re.compile(r"li(?:li|na|ta|taka|ki)?lo")

# Lowercase descriptors of a place (the one-word locatives and "<place head> wa/ya/la/cha").
_PLACE_DESCRIPTORS = frozenset(
    phrase for phrase in DESCRIPTOR_PHRASES if phrase[0] in PLACE_HEADS | {"kijiji"} or len(phrase) == 1
) | {("kata", "ya"), ("kaunti", "ya"), ("tarafa", "ya"), ("jimbo", "la")}
_DESCRIPTOR_LENGTHS = sorted({len(phrase) for phrase in _PLACE_DESCRIPTORS})
_DESCRIPTOR_ENDS = frozenset(phrase[-1] for phrase in _PLACE_DESCRIPTORS)

_PARTICLES = frozenset("de da di van von bin al".split())
_MIN_CAPITALS_SURNAME = 4
_VOWELS = frozenset("AEIOUY")


class OutletNames:
    """The rules of this module named in `rules`, over doc.ents being built.
    `lowercase_words`: the words the news writes lowercase more often (entity_types.py);
    `frequent`: the raw news's words, most frequent first; `places`: gazetteer.places()."""

    def __init__(self, rules: frozenset[str], lowercase_words: frozenset[str], frequent: list[str],
                 places: Places | None):
        self.rules = rules
        self.common = lowercase_words
        # words in capitals that are common words or acronyms, not surnames
        self.not_surnames = lowercase_words | capital_acronyms(frequent)
        self.places = places

    def __call__(self, doc: Doc, ents: list[Span]) -> list[Span]:
        # Each rule first looks for its words among the document's word keys (an array
        # read, no Token objects): most documents have none of them.
        rules, text = self.rules, doc._.text
        words = doc.to_array([ORTH, IS_UPPER])
        keys = _LOOKED_UP_KEYS.intersection(words[:, 0].tolist())
        if "title_acronyms" in rules and not keys.isdisjoint(_TITLE_ACRONYM_KEYS):
            ents = _without_title_acronyms(ents, self._as_place)
        ents = list(ents)
        if "place_descriptors" in rules:
            for k, e in enumerate(ents):
                if e.label == _PER and e.end - e.start == 1 and _after_place_descriptor(e):
                    ents[k] = Span(doc, e.start, e.end, label="LOC")
        papers = keys & _NEWSPAPER_KEYS
        if "newspapers" in rules and papers:
            for paper in _newspapers(doc, words[:, 0], papers):
                ents = replacing_inside(_dates_after(ents, paper), paper)
        if "capital_surnames" in rules:
            capitals = words[:, 1].nonzero()[0].tolist()
            if capitals:
                ents = _with_capital_surnames(doc, ents, capitals, self.not_surnames)
        if "country_companies" in rules:
            ents = _with_country_companies(doc, ents)
        if "company_names" in rules and not keys.isdisjoint(_COMPANY_WORD_KEYS):
            ents = _with_company_names(doc, ents, self.common)
        if "nicknames" in rules and any(quote in text for quote in _OPENING_QUOTES):
            for k, e in enumerate(ents):
                if e.label == _PER and _holds_quote(text, e):
                    ents[k] = _without_nickname(e)
        if "mainland" in rules and _MAINLAND_KEY in keys:
            ents = _with_mainland(doc, ents)
        return ents

    def _as_place(self, ent: Span) -> Span:
        """A place left after its title's acronym ("RPC [Singida]") is typed as one."""
        if ent.label_ == "LOC" or self.places is None:
            return ent
        if normalize_name(ent.text) in self.places.never_people or country_code(ent.text) is not None:
            return Span(ent.doc, ent.start, ent.end, label="LOC")
        return ent


def capital_acronyms(frequent: list[str]) -> frozenset[str]:
    """Words of a most-frequent-first list written in capitals more often than capitalized
    ("CHADEMA" ranks above "Chadema", "CCM" has no other form), lowercased: acronyms of
    bodies. A surname in capitals ranks below its capitalized form ("ANNAN", "Annan")."""
    rank: dict[str, int] = {}
    for i, word in enumerate(frequent):
        rank.setdefault(word, i)
    return frozenset(word.lower() for word, i in rank.items()
                     if word.isalpha() and word.isupper() and len(word) > 1
                     and i < rank.get(word.capitalize(), len(frequent)))


_TITLE_ACRONYM_KEYS = frozenset(_key(word) for word in TITLE_ACRONYMS | TITLE_ACRONYMS_BEFORE_NAMES)


def _without_title_acronyms(ents: list[Span], retype) -> list[Span]:
    """`ents` less title acronyms; a name they opened is kept without it, through `retype`."""
    kept = []
    for ent in ents:
        first, doc = ent[0], ent.doc
        before_name = ent.end < len(doc) and doc[ent.end].is_alpha and doc[ent.end].is_title
        title = ent.label_ in _LABELS and (first.text in TITLE_ACRONYMS or (
            first.text in TITLE_ACRONYMS_BEFORE_NAMES and (len(ent) > 1 or before_name)))
        if not title:
            kept.append(ent)
        elif len(ent) > 1:
            kept.append(retype(Span(doc, ent.start + 1, ent.end, label=ent.label_)))
    return kept


def _after_place_descriptor(ent: Span) -> bool:
    doc, i = ent.doc, ent.start
    if i == 0 or doc[i - 1].lower_ not in _DESCRIPTOR_ENDS:
        return False
    return any(n <= i and doc[i - n].is_lower and tuple(t.lower_ for t in doc[i - n:i]) in _PLACE_DESCRIPTORS
               for n in _DESCRIPTOR_LENGTHS)


def _newspapers(doc: Doc, orths, firsts: set[int]) -> list[Span]:
    """The papers' names in `orths` (the array of the document's word keys), starting with a word of `firsts`."""
    found = []
    for first in firsts:
        for i in (orths == first).nonzero()[0].tolist():
            words = next((words for words in _PAPER_NAMES[first]
                          if tuple(orths[i:i + len(words)].tolist()) == words), None)
            if words is None:
                continue
            end = i + len(words)
            if first in _PAPER_WORD_KEYS:
                after = doc[end] if end < len(doc) else None
                if after is None or not (is_finite_verb(after.text) and after.lower_.startswith(_PAPER_SUBJECTS)) \
                        or _RELATIVE.match(after.lower_):
                    continue
            found.append(Span(doc, i, end, label="ORG"))
    return found


def _is_capital_surname(token, common: frozenset[str]) -> bool:
    """A word in capitals shaped as a name rather than an acronym: a vowel in its last two
    letters ("ANNAN", "ERDOGAN", "MBOWE"; not "IEBC", "UNHCR")."""
    text = token.text
    return (len(text) >= _MIN_CAPITALS_SURNAME and text.isupper() and text.isalpha()
            and any(letter in _VOWELS for letter in text[-2:])
            and text.lower() not in common and text.lower() not in COMMON_WORDS
            and country_code(text) is None and not is_title(token))


def _is_given_name(token, owner: dict[int, Span], common: frozenset[str]) -> bool:
    """A capitalized word that may open a person's name: one the NER tagged as a person, a
    surname in capitals, or an untagged word that is no Swahili word ("Akizungumza")."""
    ent = owner.get(token.i)
    if _is_capital_surname(token, common):
        return ent is None or len(ent) == 1 or ent.label_ == "PER"
    if not (token.is_alpha and token.text[:1].isupper()) or is_title(token):
        return False
    if ent is not None:
        return ent.label_ == "PER"
    return (token.lower_ not in common and not is_swahili_word(token.text) and not is_verb(token.text)
            and country_code(token.text) is None)


def _with_capital_surnames(doc: Doc, ents: list[Span], capitals: list[int], common: frozenset[str]) -> list[Span]:
    """One PER over a run of names that holds a surname in capitals and either a person
    the NER found or a given name not in capitals ("Dominique de [VILLEPIN]"). The run
    stays within a line. `capitals`: the positions of the words in capitals."""
    surnames = {i for i in capitals if _is_capital_surname(doc[i], common)}
    if not surnames:
        return ents
    owner = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    near = {j for i in surnames for j in (i - 1, i, i + 1)}
    seeds = [e for e in ents if (e.start in near or e.end in near or e.end - 1 in near)
             and (e.label == _PER or (e.end - e.start == 1 and e.start in surnames))]

    def joined(i: int) -> bool:  # token i-1 and token i on one line
        return "\n" not in doc[i - 1].whitespace_ and not doc[i].is_space

    for seed in seeds:
        if owner.get(seed.start) is not seed:
            continue  # taken into a name found before
        start, end = seed.start, seed.end
        # given names come first: a word in capitals only before another ("RECEP TAYYIP
        # ERDOGAN"), never before a name in small letters ("Msemaji wa UNHCR Babar Baloch")
        while start > 0 and joined(start) and (
                (_is_given_name(doc[start - 1], owner, common)
                 and (doc[start].text.isupper() or not doc[start - 1].text.isupper()))
                or (doc[start - 1].lower_ in _PARTICLES and start > 1
                    and _is_given_name(doc[start - 2], owner, common) and not doc[start - 2].text.isupper())):
            start -= 1
        while end < len(doc) and joined(end) and _is_capital_surname(doc[end], common) \
                and (end not in owner or len(owner[end]) == 1):
            end += 1
        run = doc[start:end]
        person = seed.label_ == "PER" or any(owner.get(t.i) is None and not t.text.isupper() for t in run
                                             if t.lower_ not in _PARTICLES)
        if (start, end) == (seed.start, seed.end) or not person \
                or not any(_is_capital_surname(t, common) for t in run):
            continue
        inside = {owner[i] for i in range(start, end) if i in owner}
        if any(e.start < start or e.end > end for e in inside):
            continue
        name = Span(doc, start, end, label="PER")
        ents = [e for e in ents if e not in inside] + [name]
        owner.update(dict.fromkeys(range(start, end), name))
    return ents


def _with_country_companies(doc: Doc, ents: list[Span]) -> list[Span]:
    """A country, tagged or not, and an English-style company name right after it
    ("[Tanzania] [Tea Blenders]"): every word of the company capitalized, no connective
    ("Chama cha ...")."""
    text = doc._.text
    companies = [e for e in ents if e.label == _ORG and e.start > 0 and e.end - e.start > 1
                 and all(word.isalpha() and word.istitle() for word in text[e.start_char:e.end_char].split())]
    if not companies:
        return ents
    by_end = {ent.end: ent for ent in ents}
    for company in companies:
        before = by_end.get(company.start)  # a span holding the token before ends there
        if before is None:
            before = doc[company.start - 1:company.start]
        elif before.label_ != "LOC":
            continue
        if doc[before.end - 1].whitespace_ and country_code(before.text) is not None:
            ents = [e for e in ents if e is not before and e is not company] + \
                [Span(doc, before.start, company.end, label="ORG")]
    return ents


def _with_company_names(doc: Doc, ents: list[Span], common: frozenset[str]) -> list[Span]:
    """Names ending in a company word, continued back over the capitalized words before
    them that no other name holds and that are no common words ("Kampuni Ikoda ...")."""
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    kept = []
    for ent in ents:
        start = ent.start
        if doc[ent.end - 1].lower_ in COMPANY_NAME_WORDS:
            while start > 0 and start - 1 not in taken and doc[start - 1].is_alpha and doc[start - 1].is_title \
                    and doc[start - 1].whitespace_ and doc[start - 1].lower_ not in common:
                start -= 1
        if start < ent.start:
            ent = Span(doc, start, ent.end, label="ORG")
        kept.append(ent)
    return kept


def _dates_after(ents: list[Span], paper: Span) -> list[Span]:
    """A date the NER began inside the paper's name ("Tanzania [Daima jana]") cut to its part after it."""
    return [Span(e.doc, paper.end, e.end, label="DATE")
            if e.label_ == "DATE" and paper.start <= e.start < paper.end < e.end else e for e in ents]


_OPENING_QUOTES = ("'", "‘", '"', "“")
_CLOSING_QUOTES = ("'", "’", '"', "”")


def _holds_quote(text: str, ent: Span) -> bool:
    name = text[ent.start_char:ent.end_char]
    return any(quote in name for quote in _OPENING_QUOTES)


def _without_nickname(ent: Span) -> Span:
    """The name before a quotation that the span ends in (open, or closed on its last word)."""
    # an opening quote follows a blank; one glued to the word before closes or is an
    # apostrophe ("'Afande' Chuwa", "Mary's")
    opening = next((k for k in range(1, len(ent))
                    if ent[k].text.startswith(_OPENING_QUOTES) and ent[k - 1].whitespace_), None)
    if opening is None:
        return ent
    closing = next((k for k in range(opening, len(ent))
                    if ent[k].text.endswith(_CLOSING_QUOTES) and (k > opening or len(ent[k]) > 1)), None)
    if closing is not None and closing < len(ent) - 1:
        return ent  # a nickname inside the name: William "Billy" Evans
    return Span(ent.doc, ent.start, ent.start + opening, label="PER")


_MAINLAND = "Bara"
_MAINLAND_KEY = _key(_MAINLAND)
_COMPANY_WORD_KEYS = frozenset(_key(form) for word in COMPANY_NAME_WORDS for form in (word.capitalize(), word.upper()))
_LOOKED_UP_KEYS = _COMPANY_WORD_KEYS | _TITLE_ACRONYM_KEYS | _NEWSPAPER_KEYS | {_MAINLAND_KEY}


def _with_mainland(doc: Doc, ents: list[Span]) -> list[Span]:
    by_end = {ent.end: ent for ent in ents}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for i in (doc.to_array(ORTH) == _MAINLAND_KEY).nonzero()[0].tolist():
        before = by_end.get(i)
        if before is None or i in taken or not doc[i - 1].whitespace_:
            continue
        if before.label_ == "LOC" and country_code(before.text) is not None:
            ents = [e for e in ents if e is not before] + [Span(doc, before.start, i + 1, label="LOC")]
        elif before.label_ == "ORG":
            ents = ents + [Span(doc, i, i + 1, label="LOC")]
    return ents
