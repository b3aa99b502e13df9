"""Football clubs among the NER's names (habari_entity_types' ``clubs`` rule).

Club names are often people's or places' names too ("Simba", "Coastal"), so the words
around a name decide; the ones listed in ``CLUBS_ALWAYS`` name nothing else.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from service.components.countries import country_code, normalize_name
from service.components.mentions import bar_separated, is_title, names_pattern
from service.lang.sw.function_words import TOWN_LOCATIVES
from service.lang.sw.nouns import CLUB_NAME_WORDS, LOCATIVE_DESCRIPTORS, PLACE_HEADS, SPORT_WORDS

# Football clubs and bodies of East African news. Those in CLUBS_ALWAYS name nothing else;
# the others are also people's names, places or common words, so they need football
# words around them.
CLUBS_ALWAYS = bar_separated(
    """yanga|young africans|azam|azam fc|mtibwa sugar|kagera sugar|coastal union|ruvu shooting|
    mbeya city|singida united|stand united|gor mahia|afc leopards|sofapaka|ulinzi stars|kcca|
    zamalek|al ahly|ahly|tp mazembe|esperance|taifa stars|harambee stars|manchester united|
    manchester city|arsenal|chelsea|liverpool|real madrid|barcelona|fifa|caf|cecafa|tff|african lyon|
    toto african|toto africans"""
)
CLUBS_IN_CONTEXT = frozenset(
    "simba coastal prisons stars polisi ruvu mtibwa moro toto tusker vipers apr mazembe fat mlandege leverkusen "
    "united".split()
)
_FOOTBALL_BODIES = frozenset("fifa caf cecafa tff fat yanga simba azam".split())
_CONTEXT_WINDOW = 20  # tokens each side; a doc without sentence boundaries has no better unit


def is_club(ent: Span) -> bool:
    # the name's own tests first: they turn away almost every span, cheaply
    key = normalize_name(ent.text)
    always = key in CLUBS_ALWAYS
    if not always and key not in CLUBS_IN_CONTEXT and not _named_as_club(ent):
        return False
    if _after_place_word(ent):
        return False  # "jijini Liverpool": the city, not its club
    if always:
        return True
    if ent.start > 0 and is_title(ent.doc[ent.start - 1]):
        return False
    doc = ent.doc
    window = doc[max(0, ent.start - _CONTEXT_WINDOW): ent.end + _CONTEXT_WINDOW]
    # another club or football body nearby is football context too ("deni la Simba" beside "FAT")
    return any(token.lower_ in SPORT_WORDS or (token.i not in range(ent.start, ent.end)
                                              and token.lower_ in _FOOTBALL_BODIES)
               for token in window)


# Capitalized ones only.
_CLUB_NAMES = names_pattern(CLUBS_ALWAYS, capitalized=True)


def untagged_clubs(doc: Doc, ents: list[Span]) -> list[Span]:
    """Capitalized names of CLUBS_ALWAYS the NER left untagged or tagged in part ("[Gor]
    Mahia"), not as a whole ORG; searched in the text, as they are rare, rather than
    word by word."""
    matches = list(_CLUB_NAMES.finditer(doc._.text))
    if not matches:
        return []
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    people = {i for ent in ents if ent.label_ == "PER" for i in range(ent.start, ent.end)}
    # a full name the NER tagged right after the club is the club's player ("Azam FC [Lusajo
    # Mwaikenda]"), not the rest of the club's name
    full_names = {ent.start for ent in ents if ent.label_ == "PER" and len(ent) > 1}
    whole = {(ent.start, ent.end) for ent in ents}
    found = []
    for match in matches:
        club = doc.char_span(match.start(), match.end())
        if club is None or (club.start, club.end) in whole or _after_place_word(club):
            continue
        # a capitalized neighbour that is no date or place makes it part of a longer name
        # ("Chelsea Clinton"); "Jumanne Yanga" is a day and a club
        if any(0 <= i < len(doc) and doc[i].is_title and (i not in taken or i in people)
               and not (i == club.end and i in full_names)
               for i in (club.start - 1, club.end)):
            continue
        found.append(Span(doc, club.start, club.end, label="ORG"))
    return found


def club_then_person(ent: Span) -> list[Span] | None:
    """A player's or coach's club run into his name after his role ("Mshambuliaji wa
    [Harambee Stars Michael Olunga]", "Kocha wa [Gor Mahia Sergio Traguil]"): the club, then
    the person, where two capitalized words or more follow a name of CLUBS_ALWAYS, or one of
    CLUBS_IN_CONTEXT after a football word ("Kocha wa [Simba Fadlu Davids]")."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ not in ("wa", "ya"):
        return None
    match = _CLUB_NAMES.match(ent.text)
    club = match and doc.char_span(ent.start_char, ent.start_char + match.end())
    if not club and ent[0].lower_ in CLUBS_IN_CONTEXT and ent.start > 1 and doc[ent.start - 2].lower_ in SPORT_WORDS:
        club = ent[0:1]
    if not club or ent.end - club.end < 2 or not all(t.is_alpha and t.is_title for t in doc[club.end:ent.end]):
        return None
    return [Span(doc, club.start, club.end, label="ORG"), Span(doc, club.end, ent.end, label="PER")]


def _after_place_word(ent: Span) -> bool:
    """After a locative ("jijini", "mjini") or a place's head ("mji wa", "jiji la"); a one-word
    name after "huko" too ("huko Leverkusen"; "ugenini huko Norwich City" is at the club)."""
    doc, i = ent.doc, ent.start
    return (i > 0 and (doc[i - 1].lower_ in LOCATIVE_DESCRIPTORS or (doc[i - 1].lower_ in TOWN_LOCATIVES and len(ent) == 1))) or \
        (i > 1 and doc[i - 2].lower_ in PLACE_HEADS and doc[i - 1].lower_ in ("wa", "la", "ya", "cha"))


def _named_as_club(ent: Span) -> bool:
    """A name shaped as a club's, whatever the name: a word of club names at either end
    ("Ruvu Stars", "SSC Reutlingen"), or a name followed by its home place ("Zamalek ya
    Misri", "Uchira ya Kilimanjaro"). A country is its national team, a place (MasakhaNER)."""
    doc, end = ent.doc, ent.end
    shaped = ((len(ent) > 1 and (ent[0].lower_ in CLUB_NAME_WORDS or ent[-1].lower_ in CLUB_NAME_WORDS))
              or (end + 1 < len(doc) and doc[end].lower_ == "ya" and doc[end + 1].ent_type_ == "LOC"
                  and doc[end + 1].ent_iob_ == "B"))
    return shaped and country_code(ent.text) is None
