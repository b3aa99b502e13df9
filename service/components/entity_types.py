"""Typing rules on the NER's spans, before dates and grouping read them (issue 17).

The trained NER knows the outlets it was trained on; these rules fix what it gets wrong
on others, each from data or from a convention of docs/annotation.md, and each switchable in
the component's config so that its effect can be measured alone:

- ``hyphens``: a name written with a hyphen is one span ("Kim Jong-un",
  "Dlamini-Zuma"). The tokenizer splits "Jong-un" into three tokens, as MasakhaNER's
  CoNLL files do ("Akufo - Addo", all I-PER), and the NER often stops before the hyphen.
- ``connectives``: a sentence connective is no part of a name ("Isitoshe Juma", "Hata
  hivyo Juma") and no name alone ("Isitoshe," typed as a place): no entity of the
  MasakhaNER data begins with one.
- ``titles``: a place or organization does not end in a title that opens the next
  name ("Mkoa wa [Dar es Salaam] Luteni Yusuph Makamba").
- ``locatives``: a one-word locative opening a name is outside it ("Visiwani
  [Zanzibar]", "Jijini [Arusha]"), as the MasakhaNER data has it.
- ``peoples``: a people named from its country ("Wakenya", "Mtanzania", "Waingereza")
  or a party ("Wademokrat", "Mrepublican") is not an entity (docs/annotation.md:
  demonyms are not entities), nor its language ("Kituruki", "Kifaransa").
- ``furniture``: the words of blog widgets and bylines ("Popular", "Related Posts",
  "1 Min Read", "Soma pia") are not names.
- ``places``: a capital or a city of 100,000 people or more (gazetteer.py) or a
  country is never a person, unless a title before it says so ("Rais Kenya" is odd, but
  "Mufti Simba" is a person).
- ``grounds``: a name opening with "Uwanja wa" is a place ("Uwanja wa Taifa", which the
  NER calls an organization about one time in sixteen in the newspapers).
- ``datelines``: a capitalized word opening a story or paragraph before a full stop or
  colon ("DODOMA."), that GeoNames knows as a city, is a place.
- ``clubs``: a football club's name is an organization where the words around it are
  about football ("Simba", "Yanga", "Stars"); some club names are people's or places'
  names elsewhere ("Sophia Simba"), so the context decides. Beyond the listed clubs, a
  name shaped as a club's is one in that context: a club word at either end ("Ruvu
  Stars", "SSC Reutlingen") or its home place after "ya" ("Zamalek ya Misri"). A name
  that only ever names a club (``CLUBS_ALWAYS``, clubs.py) is one where the NER left it untagged
  too ("Yanga hawajafanya haki …"; the MasakhaNER data tags every capitalized one ORG).
- ``companies``: a name of two or more words ending in a word of company names is an
  organization ("Benchmark Productions", "Evans Electronic Supplies": the NER calls an
  unknown one a person), and so is one ending in the English word for a body ("Christian
  Social Union", "National Congress").
- ``capitals``: a word in capitals alone is not a name when the raw news writes it in
  lowercase more often than capitalized (the model's frequent-word list): Tanzanian
  papers set a story's first word in capitals ("TIMU ya …", "WANANCHI mkoani …",
  "LICHA ya …"), and the NER takes it for an acronym. "TANZANIA", "BUNGE" and "TUME"
  stay: the news capitalizes them more often than not.
- ``acronyms``: a word in capitals the NER left untagged is an organization when a
  verb agreeing with a body follows it ("WB inaongozwa na …", "TBC ilikibugiza …": the
  class 9, 5 or 7 subject prefix of a body, never a person's a-/wa-). Not a common
  word in capitals (the ``capitals`` list), a Swahili word, a country's code, a word of
  a headline in capitals, or one before a hyphen ("COVID-19").
- ``people``: a capitalized word the NER left untagged is a person where it is the
  subject of a speech verb whose subject is one person: opening a clause before it
  ("Ngyamukama aliongeza …", "Aidha, Tuju amesema …"), or after it at the end of a
  clause, a title between or not ("…," alisema Kamwaga. / alisema Jaji Munuo.). Not a
  Swahili word, a word the news writes lowercase, a title, a country or a city of the
  gazetteer; a word after "wa", "ya" or another word is a complement ("mkurugenzi wa
  Maabara ya Ruteda amesema"), not the subject. Where a sentence opens, any finite verb
  of one person will do ("Machano aliwashukuru …", "Mgaya, alizitaka …"): Tanzanian
  papers open sentences with a bare surname; not a people ("Mkenya") or a verb itself.
  Untagged capitalized words after a title ("Jaji Mrima") or after a title's body or
  place ("Katibu Mkuu wa Umoja wa Mataifa Kofi Annan") are a person too; not a party's
  member ("Seneta Mdemokrat"), a seat ("Ikulu") or a body's head word. The rule's code
  is in untagged_people.py.
- ``descriptors``: a descriptor head before a foreign body's name is left out ("shirika
  la [Airbus]"), as docs/annotation.md and the MasakhaNER data have it (descriptors.py).
- ``addressees``: the name after a verb that marks a body as the one told ("ameliambia
  Alasiri", "aliiambia BBC": object marker -li-/-i- + "ambia") is an organization
  (addressees.py).
- ``foreign_lines``: a line of three or more words with no Swahili word is another
  language's (a caption title of the outlet's own site: "Nordkoreas Führer Kim Jong Un").
  The model takes its capitalized nouns for parts of the name; a span there that holds a
  name of two or more words that the Swahili text names too is cut to that name, so that
  the caption's words never become an entity's name. Nothing is dropped: the names of
  English captions and credits are entities too, and only a lexicon of the other language
  could tell its nouns ("Geplantes Treffen") from names.
- ``club_phrases``: a name a club noun owns ("klabu yake mpya ya Amazulu") or the subject
  of a verb agreeing with "timu" ("Villa ikashinda mechi") is a club where the words around
  are about football (club_phrases.py).
- ``OUTLET_RULES``: names as Tanzanian and Kenyan papers write them (outlet_names.py).
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.addressees import addressed_bodies, replacing_inside
from service.components.club_phrases import clubs_by_phrase
from service.components.clubs import club_then_person, is_club, untagged_clubs
from service.components.countries import country_code, normalize_name
from service.components.descriptors import without_descriptor
from service.components.gazetteer import places
from service.components.mentions import bar_separated, is_title, token_keys
from service.components.outlet_names import OUTLET_RULES, OutletNames
from service.components.untagged_people import PeopleFinder, is_people, untagged_words
from service.lang.sw.function_words import CONNECTIVES, DISCOURSE_CONNECTIVES, TWO_WORD_DISCOURSE_CONNECTIVES
from service.lang.sw.nouns import (
    BODY_NAME_WORDS,
    COMPANY_NAME_WORDS,
    GROUND_HEADS,
    LOCATIVE_DESCRIPTORS,
)
from service.lang.sw.verbs import is_finite_verb
from service.language_id import WORD, is_swahili_word

RULES = ("hyphens", "connectives", "titles", "locatives", "peoples", "furniture", "places", "grounds", "datelines", "clubs",
         "companies", "capitals", "acronyms", "people", "descriptors", "addressees", "foreign_lines", "club_phrases", *OUTLET_RULES)
_LABELS = frozenset({"PER", "ORG", "LOC"})
_CONNECTIVE_FIRST_WORDS = DISCOURSE_CONNECTIVES | {pair[0] for pair in TWO_WORD_DISCOURSE_CONNECTIVES}

# Page furniture of news sites and blogs, compared in lowercase.
FURNITURE = bar_separated(
    """popular|popular posts|related posts|related|related articles|read more|soma pia|soma zaidi|
    share|tweet|advertisement|tangazo|comments|maoni|trending|latest|most read|breaking news|
    newsletter|subscribe|menu|home"""
)
_READING_TIME = re.compile(r"^\d+\s*min(ute)?s?\.?(\s+read)?$", re.IGNORECASE)

_ORGANIZATION_NAME_WORDS = COMPANY_NAME_WORDS | BODY_NAME_WORDS


class EntityTyper:
    def __init__(self, rules: list[str], frequent_words: str = ""):
        unknown = set(rules) - set(RULES)
        if unknown:
            raise ValueError(f"unknown rules {sorted(unknown)}; known: {RULES}")
        self.rules = frozenset(rules)
        self.places = places() if self.rules & {"places", "datelines", "people", "descriptors", "addressees",
                                                   "club_phrases"} else None
        words = Path(frequent_words) if frequent_words else None
        frequent = words.read_text(encoding="utf-8").split() if words and words.exists() else []
        self.lowercase_words = lowercase_words(frequent)
        self.people = PeopleFinder(self.lowercase_words, self.places)
        self.outlet_names = OutletNames(self.rules, self.lowercase_words, frequent, self.places)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if "hyphens" in self.rules:
            ents = _join_hyphenated(doc, ents)
        kept = []
        for ent in ents:
            if ent.label_ not in _LABELS:
                kept.append(ent)
                continue
            text = ent.text  # Span.text joins the tokens anew on each access
            if "furniture" in self.rules and _is_furniture(text):
                continue
            if "capitals" in self.rules and self._is_common_word_in_capitals(ent, text):
                continue
            if "peoples" in self.rules and is_people(text):
                continue
            if "connectives" in self.rules:
                ent = _without_connective(ent)
                if ent is None:
                    continue
            if "titles" in self.rules and ent.label_ != "PER":
                ent = _without_trailing_title(ent)
            if "locatives" in self.rules and len(ent) > 1 and ent[0].lower_ in LOCATIVE_DESCRIPTORS:
                ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
            if "places" in self.rules and ent.label_ == "PER" and self._is_place(ent):
                ent = Span(doc, ent.start, ent.end, label="LOC")
            if "grounds" in self.rules and ent.label_ != "LOC" and len(ent) > 2 and ent[0].lower_ in GROUND_HEADS \
                    and ent[1].lower_ in CONNECTIVES:
                ent = Span(doc, ent.start, ent.end, label="LOC")
            if "clubs" in self.rules and ent.label_ != "ORG":
                owner_and_person = club_then_person(ent)
                if owner_and_person:
                    kept += owner_and_person
                    continue
                if is_club(ent):
                    ent = Span(doc, ent.start, ent.end, label="ORG")
            if "companies" in self.rules and ent.label_ != "ORG" and len(ent) > 1 \
                    and ent[-1].lower_ in _ORGANIZATION_NAME_WORDS:
                ent = Span(doc, ent.start, ent.end, label="ORG")
            if "descriptors" in self.rules and self.lowercase_words:
                ent = without_descriptor(ent, self.lowercase_words, self.places)
            kept.append(ent)
        if "clubs" in self.rules:
            for club in untagged_clubs(doc, kept):
                kept = replacing_inside(kept, club)
        if "club_phrases" in self.rules:
            kept = clubs_by_phrase(doc, kept, self.places)
        if "datelines" in self.rules:
            kept = self._with_datelines(doc, kept)
        # both need the frequent words to tell a name from a common word
        if "acronyms" in self.rules and self.lowercase_words:
            kept += self._acronyms_acting_as_bodies(doc, kept)
        if "people" in self.rules and self.lowercase_words:
            kept = self.people.day_names(doc, kept)
            kept += self.people.by_context(doc, kept)
            kept += self.people.after_roles(doc, kept)
        if "addressees" in self.rules and self.lowercase_words:
            kept = addressed_bodies(doc, kept, self.lowercase_words, self.places)
        kept = self.outlet_names(doc, kept)
        if "foreign_lines" in self.rules:
            kept = _names_in_foreign_lines(doc, kept)
        doc.ents = sorted(kept, key=lambda span: span.start)
        return doc

    def _is_common_word_in_capitals(self, ent: Span, text: str) -> bool:
        # Short acronyms spell function words too: "AU" (the African Union) is "au" (or).
        return (len(ent) == 1 and len(text) >= _MIN_CAPITALS_WORD and text.isupper()
                and text.lower() in self.lowercase_words)

    def _acronyms_acting_as_bodies(self, doc: Doc, ents: list[Span]) -> list[Span]:
        found = []
        for word, before, after in untagged_words(doc, _CAPITALS_WORD, ents):
            if (word.lower_ in self.lowercase_words or is_swahili_word(word.text)
                    or country_code(word.text) is not None or after.text == "-"
                    or _in_capitals(before) or _in_capitals(after)):
                continue
            if is_finite_verb(after.text) and after.lower_.startswith(_BODY_SUBJECTS):
                found.append(Span(doc, word.i, word.i + 1, label="ORG"))
        return found

    def _is_place(self, ent: Span) -> bool:
        if ent.start > 0 and is_title(ent.doc[ent.start - 1]):
            return False
        text = ent.text
        return normalize_name(text) in self.places.never_people or country_code(text) is not None

    def _with_datelines(self, doc: Doc, ents: list[Span]) -> list[Span]:
        for i in _dateline_positions(doc):
            token = doc[i]
            if normalize_name(token.text) not in self.places.dateline_cities:
                continue
            ents = [e for e in ents if not (e.start <= i < e.end)]
            ents.append(Span(doc, i, i + 1, label="LOC"))
        return ents


_MIN_CAPITALS_WORD = 4

# The first capital before the test of the character before it, so that the regex
# engine skips to capitals (as untagged_people._CAPITALIZED_WORD).
_CAPITALS_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{1,5}+(?![\w-])")

# Subject prefixes of noun classes 9 (i-), 5 (li-) and 7 (ki-), the agreement of a body
# ("TRA imesema", "chama kimesema"); a person takes a- or wa-.
_BODY_SUBJECTS = ("i", "li", "ki")

def _in_capitals(token) -> bool:
    return token is not None and token.is_alpha and token.is_upper and len(token) > 1


def lowercase_words(frequent: list[str]) -> frozenset[str]:
    """The words of a most-frequent-first list that rank higher in lowercase than capitalized."""
    rank: dict[str, int] = {}
    for i, word in enumerate(frequent):
        rank.setdefault(word, i)
    return frozenset(word for word, i in rank.items()
                     if word.isalpha() and word.islower() and i < rank.get(word.capitalize(), len(frequent)))


_MIN_FOREIGN_LINE_WORDS = 3


def _foreign_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line with enough words and none of them Swahili."""
    lines, start = [], 0
    for line in text.split("\n"):
        # word by word: a Swahili line is told by its first word or two
        words = 0
        for word in WORD.finditer(line):
            if is_swahili_word(word.group()):
                break
            words += 1
        else:
            if words >= _MIN_FOREIGN_LINE_WORDS:
                lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def _names_in_foreign_lines(doc: Doc, ents: list[Span]) -> list[Span]:
    lines = _foreign_lines(doc._.text)
    if not lines:
        return ents

    def foreign(span: Span) -> bool:
        return any(start <= span.start_char < end for start, end in lines)

    named_elsewhere = {token.lower_ for ent in ents if ent.label_ in _LABELS and not foreign(ent)
                       for token in ent if token.is_alpha}
    kept = []
    for ent in ents:
        if ent.label_ in _LABELS and foreign(ent):
            start, end = _longest_run(ent, named_elsewhere)
            if end - start >= _MIN_NAME_WORDS and end - start < len(ent):
                ent = Span(doc, start, end, label=ent.label_)
        kept.append(ent)
    return kept


# One word named elsewhere ("Ahmed" in "Osman Ahmed") is not enough to cut the rest away.
_MIN_NAME_WORDS = 2


def _longest_run(ent: Span, words: set[str]) -> tuple[int, int]:
    """(start, end) of the longest run of the span's tokens whose lowercase form is in `words`."""
    best, run_start = (ent.start, ent.start), None
    for i in range(ent.start, ent.end + 1):
        if i < ent.end and ent.doc[i].lower_ in words:
            run_start = i if run_start is None else run_start
        elif run_start is not None:
            if i - run_start > best[1] - best[0]:
                best = (run_start, i)
            run_start = None
    return best


def _dateline_positions(doc: Doc):
    """Tokens in capitals that open the text or a paragraph and are followed by . or :"""
    # Found from the text's line starts: walking every token would create a Token object
    # for each, a large share of this component's time.
    text = doc._.text
    for start in [0] + [match.end() for match in _AFTER_NEWLINE.finditer(text)]:
        # A word in capitals of three letters or more opens with three letters none of
        # which is lowercase: most lines are turned away by them, before a span is made.
        opening_letters = text[start:start + 3]
        if not (len(opening_letters) == 3 and opening_letters.isalpha()) or any(map(str.islower, opening_letters)):
            continue
        opening = doc.char_span(start, start + 1, alignment_mode="expand")
        if opening is None or opening.start_char != start:
            continue
        token = opening[0]
        i = token.i
        if (token.is_alpha and token.is_upper and len(token) > 2
                and i + 1 < len(doc) and doc[i + 1].text in (".", ":", "—", "-", ",")):
            yield i


_AFTER_NEWLINE = re.compile(r"\n\s*")


def _join_hyphenated(doc: Doc, ents: list[Span]) -> list[Span]:
    """Extend a name across hyphens written without spaces ("Kim Jong" + "-un"; the NER
    also ends spans on the hyphen itself, "Moon Jae-")."""
    if doc.vocab.strings["-"] not in token_keys(doc):
        return ents  # most articles: no hyphen token, nothing to join
    by_start = {e.start: e for e in ents}
    out: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        if out and ent.start < out[-1].end:
            continue  # swallowed by the name before it
        end = ent.end
        while ent.label_ in _LABELS:
            if _glued_hyphen(doc, end):
                following_start = end + 1
            elif _glued_hyphen(doc, end - 1):
                following_start = end
            else:
                break
            following = by_start.get(following_start)
            if following is not None and following.label_ != ent.label_:
                break
            end = following.end if following is not None else following_start + 1
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_))
    return out


def _glued_hyphen(doc: Doc, i: int) -> bool:
    return (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i + 1].is_alpha)


def _is_furniture(text: str) -> bool:
    lowered = " ".join(text.lower().split())
    return lowered in FURNITURE or bool(_READING_TIME.match(lowered))


def _without_connective(ent: Span) -> Span | None:
    """The span without the sentence connective it opens with; None if it is one. No
    entity of the MasakhaNER data (1.0 and 2.0) holds one."""
    if ent.doc[ent.start].lower_ not in _CONNECTIVE_FIRST_WORDS:
        return ent  # most names: one token read, no slice
    first = ent[0].lower_
    if len(ent) >= 2 and (first, ent[1].lower_) in TWO_WORD_DISCOURSE_CONNECTIVES:
        skip = 2
    elif first in DISCOURSE_CONNECTIVES:
        skip = 1
    else:
        return ent
    if skip == len(ent):
        return None
    return Span(ent.doc, ent.start + skip, ent.end, label=ent.label_)


def _without_trailing_title(ent: Span) -> Span:
    """Only a title that a name follows, and that no connective ties to the span:
    "Ofisi ya Rais" keeps its last word."""
    doc, end = ent.doc, ent.end
    if not (end < len(doc) and doc[end].is_title):
        return ent
    while (end - ent.start > 1 and doc[end - 1].is_title and is_title(doc[end - 1])
           and doc[end - 2].lower_ not in CONNECTIVES):
        end -= 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


@Language.factory(
    "habari_entity_types",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"rules": list(RULES), "frequent_words": ""},
)
def make_entity_typer(nlp: Language, name: str, rules: list[str], frequent_words: str) -> EntityTyper:
    """`frequent_words`: the model's list of the raw news's words, most frequent first
    (service/nlp.py passes it); without it the ``capitals`` rule does nothing."""
    return EntityTyper(rules, frequent_words)
