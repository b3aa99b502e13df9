"""Which mentions of an article name one entity: the rules of step 3 in entities.py
(the same name, a typo, a country code, an acronym, name parts, an alias).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from service.components.countries import (
    CACHE_SIZE,
    normalize_name,
    one_edit_apart,
)
from service.components.mentions import SEATS, Mention, is_capitalized
from service.lang.sw.function_words import ALIAS_CUES, CONNECTIVES
from service.lang.sw.nouns import DESCRIBING_HEADS, ORGANIZATION_HEADS, PLACE_HEADS, TITLE_WORDS

# Acronyms of organizations that Swahili news pairs with a Swahili full name, or with an
# English one the initials of the Swahili name do not give.
KNOWN_ACRONYMS: dict[str, tuple[str, ...]] = {
    "UN": ("Umoja wa Mataifa", "United Nations"),
    "UM": ("Umoja wa Mataifa",),
    "WHO": ("Shirika la Afya Duniani", "Shirika la Afya la Umoja wa Mataifa", "World Health Organization"),
    "EU": ("Umoja wa Ulaya", "European Union"),
    "AU": ("Umoja wa Afrika", "African Union"),
    "EAC": ("Jumuiya ya Afrika Mashariki", "East African Community"),
    "SADC": ("Jumuiya ya Maendeleo Kusini mwa Afrika",),
    "IMF": ("Shirika la Fedha la Kimataifa", "Shirika la Kimataifa la Fedha", "Shirika la Fedha Duniani", "International Monetary Fund"),
    "ICC": ("Mahakama ya Kimataifa ya Uhalifu", "Mahakama ya Kimataifa ya Makosa ya Jinai", "International Criminal Court"),
    "NATO": ("Jumuiya ya Kujihami ya NATO", "Jumuiya ya Kujihami ya Nchi za Magharibi", "Jumuiya ya Kujihami ya Atlantiki Kaskazini"),
    "UNICEF": ("Shirika la Umoja wa Mataifa la Kuhudumia Watoto", "Shirika la Kuhudumia Watoto la Umoja wa Mataifa"),
    "UNHCR": ("Shirika la Umoja wa Mataifa la Kuhudumia Wakimbizi", "Shirika la Kuhudumia Wakimbizi la Umoja wa Mataifa"),
    "WFP": ("Shirika la Chakula Duniani", "Mpango wa Chakula Duniani"),
    "CHADEMA": ("Chama cha Demokrasia na Maendeleo",),
    "NEC": ("Tume ya Taifa ya Uchaguzi",),
    "TAKUKURU": ("Taasisi ya Kuzuia na Kupambana na Rushwa",),
}

_ACRONYM_NAMES = {
    letters: frozenset(normalize_name(name) for name in names) for letters, names in KNOWN_ACRONYMS.items()
}

# Name particles that never identify a person on their own.
NAME_PARTICLES = frozenset("bin binti ibn al el de da di van von der la le mc st".split())

_DOUBLED = re.compile(r"(\w)\1+")


@lru_cache(maxsize=CACHE_SIZE)  # an article repeats its names, and the news its people
def name_parts(text: str) -> tuple[str, ...]:
    # "Sissi"/"Sisi", "Zelenskyy"/"Zelensky": transliterations differ in doubled letters
    return tuple(_DOUBLED.sub(r"\1", part) for part in normalize_name(text).split())


@dataclass(eq=False)
class MentionName:
    """A mention with what grouping compares."""

    mention: Mention
    label: str
    parts: tuple[str, ...]
    acronym: str | None
    code: str | None  # of the mention text; used when the entity is a place

    @property
    def span(self) -> Span:
        return self.mention.span

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def key(self) -> str:
        return "".join(self.parts)

    @property
    def loose_key(self) -> str:
        return "".join(p for p in self.parts if p not in CONNECTIVES)


def _initials(text: str) -> set[str]:
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    every = "".join(w[0] for w in words).upper()
    capitalized = "".join(w[0] for w in words if is_capitalized(w)).upper()
    return {every, capitalized}


def is_acronym_of(letters: str, full_name: str) -> bool:
    return normalize_name(full_name) in _ACRONYM_NAMES.get(letters, ()) or letters in _initials(full_name)


def _same_part(a: str, b: str) -> bool:
    # one typo in a long part ("Resoures"/"Resources") is still the same name part
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    return one_edit_apart(a, b)


def is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    position = 0
    for part in short:
        while position < len(long) and not _same_part(part, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


class Clusters:
    """Union-find over mention indices."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            # the earlier mention stays the root, so roots are first mentions
            self.parent[max(ri, rj)] = min(ri, rj)


def relabel_surnames(names: list[MentionName]) -> None:
    """A one-word organization or place that is the surname of a person named in full
    in the article is that person ("David Malpass" ... "[Malpass|ORG] alisema")."""
    # a lowercase last word is no surname ("Miss kinondoni", a contest the NER took for a person)
    surnames = {n.parts[-1] for n in names
                if n.label == "PER" and len(n.parts) > 1 and n.text.split()[-1][:1].isupper()}
    for name in names:
        if (
            name.label != "PER"
            and len(name.parts) == 1
            and name.parts[0] in surnames
            and not (name.acronym or name.code or normalize_name(name.text) in SEATS)
        ):
            name.label = "PER"


def unify_labels(names: list[MentionName], clusters: Clusters) -> None:
    """One label per written name; same-name places and organizations join here
    (people join in _group_people, where a short name may be split up)."""
    by_key: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        by_key.setdefault(name.loose_key, []).append(i)
    for indices in by_key.values():
        votes: dict[str, int] = {}
        for i in indices:
            votes[names[i].label] = votes.get(names[i].label, 0) + 1
        # max() keeps the first label reaching the top count: ties go to the earlier mention
        label = max(votes, key=lambda lab: votes[lab])
        for i in indices:
            names[i].label = label
            if label != "PER":
                clusters.union(indices[0], i)


def group_typos(names: list[MentionName], clusters: Clusters) -> None:
    """Organizations and places (not countries) written with one typo in a long part."""
    firsts: dict[tuple[str, int, str], list[int]] = {}  # (label, part count, first letter)
    seen: set[str] = set()
    for i, name in enumerate(names):
        if name.label == "PER" or name.acronym or not name.parts or name.code or name.key in seen:
            continue
        seen.add(name.key)
        firsts.setdefault((name.label, len(name.parts), name.key[0]), []).append(i)
    for indices in firsts.values():
        for n, i in enumerate(indices):
            for j in indices[n + 1 :]:
                if all(map(_same_part, names[i].parts, names[j].parts)):
                    clusters.union(i, j)


def group_person_typos(names: list[MentionName], clusters: Clusters) -> None:
    """People whose names of three parts or more differ by one typo in one part, short
    parts too ("Emy Coney Barrett" / "Amy Coney Barrett"): the other parts make it safe."""
    by_rest: dict[tuple, list[int]] = {}  # (part index, the other parts) -> names
    seen: set[str] = set()  # one mention per name form: _group_people joins the rest to it
    for i, name in enumerate(names):
        if name.label == "PER" and len(name.parts) > 2 and name.key not in seen:
            seen.add(name.key)
            for k in range(len(name.parts)):
                by_rest.setdefault((k, name.parts[:k] + name.parts[k + 1 :]), []).append(i)
    for (k, _), indices in by_rest.items():
        for n, i in enumerate(indices):
            for j in indices[n + 1 :]:
                a, b = names[i].parts[k], names[j].parts[k]
                if a != b and one_edit_apart(a, b):
                    clusters.union(i, j)


def group_places(names: list[MentionName], clusters: Clusters) -> None:
    first_by_code: dict[str, int] = {}
    for i, name in enumerate(names):
        if name.label == "LOC" and name.code:
            clusters.union(first_by_code.setdefault(name.code, i), i)
    _join_head_forms(names, clusters, "LOC", PLACE_HEADS)


def _join_head_forms(names: list[MentionName], clusters: Clusters, label: str, heads: frozenset[str]) -> None:
    """A name of `label` written after one of `heads` and a connective is that name:
    "Ukanda wa Gaza" / "Gaza"."""
    first_by_key: dict[str, int] = {}
    for i, name in enumerate(names):
        if name.label == label:
            first_by_key.setdefault(name.key, i)
    for i, name in enumerate(names):
        parts = name.parts
        if name.label == label and len(parts) > 2 and parts[0] in heads and parts[1] in CONNECTIVES:
            named = first_by_key.get("".join(parts[2:]))
            if named is not None:
                clusters.union(named, i)


def group_organizations(names: list[MentionName], clusters: Clusters) -> None:
    first_by_seat: dict[str, int] = {}
    for i, name in enumerate(names):
        seat = SEATS.get(normalize_name(name.text))
        if seat and name.label == "ORG":
            clusters.union(first_by_seat.setdefault(seat, i), i)
    for i, name in enumerate(names):
        if name.mention.names_previous and name.label == names[i - 1].label == "ORG":
            clusters.union(i - 1, i)
    full_names: dict[str, int] = {}  # one mention index per written full name
    for i, name in enumerate(names):
        if name.label == "ORG" and not name.acronym and name.parts:
            full_names.setdefault(name.key, i)
    # "Chama cha Chadema" is Chadema, "Kundi la Al-Shabaab" al-Shabaab (a head that
    # describes, unlike "Tume ya Umoja wa Afrika", a body of its own)
    _join_head_forms(names, clusters, "ORG", DESCRIBING_HEADS)
    # a short form begins exactly one fuller name: "Chama cha Kikomunisti [cha Vietnam]"
    for i in full_names.values():
        parts = names[i].parts
        if len(parts) < 2:
            continue
        longer = {
            clusters.find(j)
            for j in full_names.values()
            if len(names[j].parts) > len(parts) + 1
            and names[j].parts[: len(parts)] == parts
            and names[j].parts[len(parts)] in CONNECTIVES
        }
        if len(longer) == 1:
            clusters.union(longer.pop(), i)
    expansions: dict[str, int | None] = {}  # acronym → a mention of its one full name
    for i, name in enumerate(names):
        if name.label != "ORG" or not name.acronym:
            continue
        if name.acronym not in expansions:
            expansions[name.acronym] = _expansion(name.acronym, names, full_names, clusters)
        if expansions[name.acronym] is not None:
            clusters.union(expansions[name.acronym], i)


def _expansion(letters: str, names: list[MentionName], full_names: dict[str, int], clusters: Clusters) -> int | None:
    """The one organization of the article an acronym stands for, if exactly one fits."""
    known = _ACRONYM_NAMES.get(letters, frozenset())
    matches = {clusters.find(j) for j in full_names.values() if normalize_name(names[j].text) in known}
    if not matches:
        matches = {
            clusters.find(j)
            for j in full_names.values()
            if len(names[j].parts) > 1 and letters in _initials(names[j].text)
        }
    if not matches:
        # a name that begins with the acronym itself, after a head noun the name may
        # carry: "ACT" / "(Chama cha) ACT Wazalendo"; not one that ends with it ("Baraza
        # la Usalama la UN" is not the UN)
        matches = {clusters.find(j) for j in full_names.values() if _first_name_word(names[j].text) == letters}
    return matches.pop() if len(matches) == 1 else None


def _first_name_word(text: str) -> str | None:
    words = text.split()
    if len(words) > 2 and words[0].lower() in ORGANIZATION_HEADS and words[1].lower() in CONNECTIVES:
        words = words[2:]
    return words[0] if len(words) > 1 else None


def group_aliases(doc: Doc, names: list[MentionName], clusters: Clusters) -> None:
    """"Robert Kyagulanyi maarufu Bobi Wine": two names of one person."""
    people = [i for i, name in enumerate(names) if name.label == "PER"]
    longest_cue = max(map(len, ALIAS_CUES)) + 2  # with a title and a comma
    for i, j in zip(people, people[1:]):
        if names[j].span.start - names[i].span.end > longest_cue:
            continue
        gap = doc[names[i].span.end : names[j].span.start]
        between = tuple(t.lower_ for t in gap if not (t.is_punct or t.lower_.rstrip(".") in TITLE_WORDS))
        if between in ALIAS_CUES:
            clusters.union(i, j)
