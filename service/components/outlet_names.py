"""Typing rules for names of Tanzanian and Kenyan newspapers (issue 17), run by
entity_types.py after its own rules, each switchable in the same ``rules`` config:

- ``title_acronyms``: an English acronym of a title is no name ("Inspekta Jenerali
  (IGP) Said Mwema", "Mtume Mohammed (SAW)", "DP Ruto"): ANNOTATION.md keeps titles
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
- ``nicknames``: a nickname in quotes after a name is no part of it ("Steven Mapunda
  'Garincha'"): the NER runs the name into the quotation's first word. One inside the
  name ("William "Billy" Evans", I-PER in the MasakhaNER data) stays.
- ``mainland``: "Bara" (the mainland) after a country is part of the place ("Tanzania
  Bara", 631 times in the Maneno Yetu sentences), and after a party a place of its own
  ("CUF [Bara]").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from service.components.addressees import replacing_inside
from service.components.countries import country_code, normalize_name
from service.components.gazetteer import Places
from service.components.mentions import is_title, names_alternation
from service.lang.sw.nouns import DESCRIPTOR_PHRASES, PLACE_HEADS, TITLE_ACRONYMS, TITLE_ACRONYMS_BEFORE_NAMES
from service.lang.sw.verbs import is_finite_verb, is_verb
from service.language_id import COMMON_WORDS, is_swahili_word

OUTLET_RULES = ("title_acronyms", "place_descriptors", "newspapers", "capital_surnames", "country_companies",
                "nicknames", "mainland")
_LABELS = frozenset({"PER", "ORG", "LOC"})

# As written (case matters: "Raia Mwema" is the paper, "raia mwema" a good citizen).
NEWSPAPERS = frozenset({
    "Tanzania Daima", "Raia Mwema", "Taifa Leo", "Taifa Jumapili", "HabariLeo", "Habari Leo",
    "Nipashe", "NIPASHE", "MwanaHALISI", "Mwanahalisi", "Mwanaspoti", "MTANZANIA", "MAJIRA",
    "The Citizen", "Daily News", "Sunday News", "Daily Nation", "Sunday Nation", "The East African",
    "The Standard", "Daily Monitor", "New Vision", "The Guardian",
})
# Papers whose name is a word too: a paper only before a verb of class 5.
NEWSPAPER_WORDS = frozenset("Mwananchi Mtanzania Majira Uhuru Rai Jamhuri Alasiri Bingwa".split())
_NEWSPAPER = re.compile(r"(?<![\w-])(?:" + names_alternation(NEWSPAPERS | NEWSPAPER_WORDS) + r")(?![\w-])")
# Subject prefix of class 5 (gazeti), and of 9 for a paper called by its name alone ("Raia Mwema imeyaona").
_PAPER_SUBJECTS = ("li", "la")
# a relative verb agrees with the noun before the name ("ubia kati ya X na Mtanzania lililopo")
_RELATIVE = re.compile(r"li(?:li|na|ta|taka|ki)?lo")

# Lowercase descriptors of a place (the one-word locatives and "<place head> wa/ya/la/cha").
_PLACE_DESCRIPTORS = frozenset(
    phrase for phrase in DESCRIPTOR_PHRASES if phrase[0] in PLACE_HEADS | {"kijiji"} or len(phrase) == 1
) | {("kata", "ya"), ("kaunti", "ya"), ("tarafa", "ya"), ("jimbo", "la")}
_DESCRIPTOR_LENGTHS = sorted({len(phrase) for phrase in _PLACE_DESCRIPTORS})

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
        # words in capitals that are common words or acronyms, not surnames
        self.not_surnames = lowercase_words | capital_acronyms(frequent)
        self.places = places

    def __call__(self, doc: Doc, ents: list[Span]) -> list[Span]:
        rules = self.rules
        if "title_acronyms" in rules:
            ents = _without_title_acronyms(ents, self._as_place)
        if "place_descriptors" in rules:
            ents = [Span(doc, e.start, e.end, label="LOC") if _after_place_descriptor(e) else e for e in ents]
        if "newspapers" in rules:
            for paper in _newspapers(doc):
                ents = replacing_inside(_dates_after(ents, paper), paper)
        if "capital_surnames" in rules:
            ents = _with_capital_surnames(doc, ents, self.not_surnames)
        if "country_companies" in rules:
            ents = _with_country_companies(doc, ents)
        if "nicknames" in rules:
            ents = [_without_nickname(e) for e in ents]
        if "mainland" in rules:
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
    if ent.label_ != "PER" or len(ent) != 1:
        return False
    doc, i = ent.doc, ent.start
    return any(n <= i and doc[i - n].is_lower and tuple(t.lower_ for t in doc[i - n:i]) in _PLACE_DESCRIPTORS
               for n in _DESCRIPTOR_LENGTHS)


def _newspapers(doc: Doc) -> list[Span]:
    found = []
    for match in _NEWSPAPER.finditer(doc._.text):
        paper = doc.char_span(match.start(), match.end())
        if paper is None:
            continue
        if match.group() in NEWSPAPER_WORDS:
            after = doc[paper.end] if paper.end < len(doc) else None
            if after is None or not (is_finite_verb(after.text) and after.lower_.startswith(_PAPER_SUBJECTS)) \
                    or _RELATIVE.match(after.lower_):
                continue
        found.append(Span(doc, paper.start, paper.end, label="ORG"))
    return found


def _is_capital_surname(token, common: frozenset[str]) -> bool:
    """A word in capitals shaped as a name rather than an acronym: a vowel in its last two
    letters ("ANNAN", "ERDOGAN", "MBOWE"; not "IEBC", "UNHCR")."""
    text = token.text
    return (token.is_alpha and text.isupper() and len(text) >= _MIN_CAPITALS_SURNAME
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


def _with_capital_surnames(doc: Doc, ents: list[Span], common: frozenset[str]) -> list[Span]:
    """One PER over a run of names that holds a surname in capitals and either a person
    the NER found or a given name not in capitals ("Dominique de [VILLEPIN]"). The run
    stays within a line."""
    owner = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    seeds = [e for e in ents if e.label_ == "PER" or (len(e) == 1 and _is_capital_surname(e[0], common))]

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
    owner = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    for company in [e for e in ents if e.label_ == "ORG" and len(e) > 1 and e.start > 0]:
        if not all(t.is_alpha and t.is_title for t in company):
            continue
        before = owner.get(company.start - 1)
        if before is None:
            before = doc[company.start - 1:company.start]
        elif before.label_ != "LOC":
            continue
        if before.end == company.start and doc[before.end - 1].whitespace_ and country_code(before.text) is not None:
            ents = [e for e in ents if e is not before and e is not company] + \
                [Span(doc, before.start, company.end, label="ORG")]
    return ents


def _dates_after(ents: list[Span], paper: Span) -> list[Span]:
    """A date the NER began inside the paper's name ("Tanzania [Daima jana]") cut to its part after it."""
    return [Span(e.doc, paper.end, e.end, label="DATE")
            if e.label_ == "DATE" and paper.start <= e.start < paper.end < e.end else e for e in ents]


_OPENING_QUOTES = ("'", "‘", '"', "“")
_CLOSING_QUOTES = ("'", "’", '"', "”")


def _without_nickname(ent: Span) -> Span:
    """The name before a quotation that the span ends in (open, or closed on its last word)."""
    if ent.label_ != "PER":
        return ent
    opening = next((k for k in range(1, len(ent)) if ent[k].text.startswith(_OPENING_QUOTES)), None)
    if opening is None:
        return ent
    closing = next((k for k in range(opening, len(ent))
                    if ent[k].text.endswith(_CLOSING_QUOTES) and (k > opening or len(ent[k]) > 1)), None)
    if closing is not None and closing < len(ent) - 1:
        return ent  # a nickname inside the name: William "Billy" Evans
    return Span(ent.doc, ent.start, ent.start + opening, label="PER")


_MAINLAND = re.compile(r"(?<![\w-])Bara(?![\w-])")


def _with_mainland(doc: Doc, ents: list[Span]) -> list[Span]:
    matches = list(_MAINLAND.finditer(doc._.text))
    if not matches:
        return ents
    by_end = {ent.end: ent for ent in ents}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for match in matches:
        word = doc.char_span(match.start(), match.end())
        before = by_end.get(word.start) if word is not None else None
        if before is None or word.start in taken or not doc[word.start - 1].whitespace_:
            continue
        if before.label_ == "LOC" and country_code(before.text) is not None:
            ents = [e for e in ents if e is not before] + [Span(doc, before.start, word.end, label="LOC")]
        elif before.label_ == "ORG":
            ents = ents + [Span(doc, word.start, word.end, label="LOC")]
    return ents
