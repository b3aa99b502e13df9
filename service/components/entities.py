"""habari_entities: the NER's PER/ORG/LOC mentions grouped into entities.

Writes ``doc._.entities`` (list of ``Entity``, in order of first mention) and
``span._.entity_id`` on every mention. DATE mentions are the dates component's.

Steps, each a small rule over the mention text (no model is trained for this):

1. Mentions (mentions.py): NER spans cut to the annotation convention: titles, roles
   and lowercase descriptors off ("Rais [Putin]", "shirika la habari la [AFP]"),
   "Shirika la Afya Duniani (WHO)" as two mentions, a left-out head noun put back
   ("Tume ya Umoja wa Afrika", "Uwanja wa Kim Il Sung" as a place), glued page
   boilerplate and caption separators off the name, a verb the NER ran in cut off, a
   name split after a function word joined, a place cut short continued ("[Afrika]
   Kusini"), a country or seat of government run into a person's span made a mention
   of its own. Config ``find_repeated_names`` (default on): other occurrences of a name
   the NER found, which it missed, become mentions too (also "Kremlin" after "Ikulu ya
   Kremlin", and lowercase country names). Organization names the NER left untagged
   are found by their head noun ("Wizara ya Mambo ya Nje ya Marekani"). ``doc.ents`` is
   rewritten with these spans, except where the MasakhaNER data tags otherwise: a
   widening to a head noun or a place's continuation, and an untagged organization
   (doc.ents keeps the places inside it), go to the entity only; a name with its
   acronym ("National Resistance Movement NRM") and a place with its country ("Nairobi
   Kenya") stay one span there, and a seat of government keeps the NER's label.
2. Labels the name itself decides: a country is a place (LOC) also when the NER called
   it an organization; a government named by its seat ("Kremlin", "Ikulu ya White
   House") is an organization (ORG). Mentions of one written name get one label (the
   majority, ties to the earlier mention).
3. Grouping, within one article:
   - the same name, ignoring case, accents, hyphens, glued punctuation, doubled
     letters ("Sisi"/"Sissi") and connectives ("Wizara ya Mambo ya Nje [ya] Marekani");
   - the same name with one typo in a long part ("World Resources"/"World Resoures",
     "Benjamini"/"Benjamin"); never for two countries;
   - places with the same country code ("Urusi"/"Russia", "Korea K."/"Korea
     Kaskazini"), and a place with its "Ukanda wa"/"Jimbo la"/"Mkoa wa" form;
   - organizations with their acronyms: from "Full Name (ACR)" in the article, from a
     table of well-known pairs ("UN", "UM" / "Umoja wa Mataifa"), from the initials
     of exactly one full name in the article ("CCM" / "Chama cha Mapinduzi"), or from
     exactly one name that begins with the acronym ("ACT" / "ACT Wazalendo"); and a
     short form with exactly one fuller name it begins ("Chama cha Kikomunisti" /
     "Chama cha Kikomunisti cha Vietnam");
   - people over name parts: a name whose parts appear in order in a fuller name
     belongs to it ("Putin" / "Vladimir Putin", "Kim" / "Kim Jong Un"), two full names
     neither of which contains the other stay apart ("Kim Jong Un" / "Kim Jong-il");
     "X maarufu (kama) Y" makes X and Y one person.
   Ambiguous short names (config ``ambiguous_names``): "Kim" after both "Kim Jong Un"
   and "Kim Jong-il" fits both. "most_mentioned" (default): it joins the one named more
   often before it (ties: the more recent), because news writes a secondary person's
   full name and keeps the short name for its main actor; "most_recent": the one named
   last before it; "separate": it stays an entity of its own. With no candidate named
   before it, it joins the first one named after it.
4. ``name``: the fullest form used (most name parts, none abbreviated, capitalized;
   then the most frequent; for a country its CLDR Swahili name when the article uses
   it); ``country_code``: ISO 3166-1 alpha-2 for countries (cities, regions: None);
   ``salience`` in [0, 1]: mention count, position of the first mention, and speech
   verbs next to a mention (the quotes component runs later, so the speaker role is
   read from those cue words only).

Helpers for the quotes component: ``entity_for_span`` (the entity of a mention that
overlaps a span) and ``entity_for_role`` ("waziri huyo" → the person last introduced with
that role).
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Iterable

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.countries import (
    close_country_code,
    country_code,
    normalize_name,
    one_edit_apart,
    swahili_name,
)
from service.components.mentions import (
    CONNECTIVES,
    ORGANIZATION_HEADS,
    SEATS,
    SPEECH_VERB,
    TITLE_WORDS,
    VERB_LIKE,
    Mention,
    acronym,
    clean_mentions,
    is_capitalized,
    repeated_name_mentions,
    untagged_organizations,
)

ENTITY_LABELS = ("PER", "ORG", "LOC")
_ID_PREFIX = {"PER": "per", "ORG": "org", "LOC": "loc"}
AMBIGUITY_RULES = ("most_mentioned", "most_recent", "separate")

# Role nouns that introduce a person and that a later "X huyo" phrase refers back to.
ROLE_WORDS = TITLE_WORDS - {"bw", "bwana", "bi", "bibi", "mhe", "mh", "ndg", "ndugu", "mr", "mrs", "ms", "sir"}

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

# "Ukanda wa Gaza" is Gaza, "Jimbo la Tigray" Tigray.
_PLACE_HEADS = frozenset("ukanda jimbo mkoa wilaya mji jiji kisiwa visiwa kaunti eneo manispaa".split())

# Head nouns that only say what kind of body the name after them is.
_DESCRIBING_HEADS = frozenset("chama kundi kikundi kampuni vuguvugu".split())

# Words between two names of one person: "Robert Kyagulanyi maarufu Bobi Wine".
_ALIAS_CUES = frozenset(
    {
        ("maarufu",),
        ("almaarufu",),
        ("maarufu", "kama"),
        ("anayejulikana", "kama"),
        ("anayejulikana", "zaidi", "kama"),
        ("ajulikanaye", "kama"),
        ("aliyejulikana", "kama"),
    }
)

# Name particles that never identify a person on their own.
_NAME_PARTICLES = frozenset("bin binti ibn al el de da di van von der la le mc st".split())

# A mention next to a speech verb (mentions.SPEECH_VERB) is probably a speaker, which
# raises salience. The quotes component does the real attribution.
_SPEECH_WINDOW = 3
_ROLE_WINDOW = 10

_MENTION_WEIGHT, _POSITION_WEIGHT, _SPEAKER_WEIGHT = 0.5, 0.25, 0.25


@dataclass(eq=False)
class Entity:
    """One person, organization or place of a document, with all its mentions."""

    id: str
    label: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    country_code: str | None = None
    salience: float = 0.0


if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)
if not Span.has_extension("entity_id"):
    Span.set_extension("entity_id", default=None)


_DOUBLED = re.compile(r"(\w)\1+")


def _name_parts(text: str) -> tuple[str, ...]:
    # "Sissi"/"Sisi", "Zelenskyy"/"Zelensky": transliterations differ in doubled letters
    return tuple(_DOUBLED.sub(r"\1", part) for part in normalize_name(text).split())


@dataclass(eq=False)
class _Name:
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


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    position = 0
    for part in short:
        while position < len(long) and not _same_part(part, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


class _Clusters:
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


class EntityGrouper:
    def __init__(
        self, nlp: Language, name: str, labels: Iterable[str], ambiguous_names: str, find_repeated_names: bool
    ):
        if ambiguous_names not in AMBIGUITY_RULES:
            raise ValueError(f"ambiguous_names must be one of {AMBIGUITY_RULES}, not {ambiguous_names!r}")
        self.labels = frozenset(labels)
        self.ambiguous_names = ambiguous_names
        self.find_repeated_names = find_repeated_names

    def __call__(self, doc: Doc) -> Doc:
        mentions = clean_mentions(doc, self.labels, is_acronym_of)
        if self.find_repeated_names:
            mentions = sorted(mentions + repeated_name_mentions(doc, mentions), key=lambda m: m.span.start)
        mentions = untagged_organizations(doc, mentions)
        names = [self._name(m) for m in mentions]
        ents = [ent for ent in doc.ents if ent.label_ not in self.labels]
        for name in names:
            if name.mention.ents is not None:
                ents.extend(name.mention.ents)
            else:
                span = name.mention.ner_span or name.span
                ents.append(Span(doc, span.start, span.end, label=name.mention.ents_label or name.label))
        doc.ents = sorted(ents, key=lambda s: s.start)
        clusters = _Clusters(len(names))
        _relabel_surnames(names)
        _unify_labels(names, clusters)
        _group_typos(names, clusters)
        _group_places(names, clusters)
        _group_organizations(names, clusters)
        _group_aliases(doc, names, clusters)
        self._group_people(names, clusters)
        doc._.entities = _build_entities(doc, names, clusters)
        return doc

    @staticmethod
    def _name(mention: Mention) -> _Name:
        parts = _name_parts(mention.text)
        label = mention.label
        code = country_code(mention.text) or (close_country_code(mention.text) if label == "LOC" else None)
        if normalize_name(mention.text) in SEATS:
            label = "ORG"
        elif code and label == "ORG":
            label = "LOC"
        return _Name(mention, label, parts, acronym(mention.text), code)

    def _group_people(self, names: list[_Name], clusters: _Clusters) -> None:
        by_key: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            if name.label == "PER" and name.parts:
                by_key.setdefault(name.key, []).append(i)
        # Fullest names first: each shorter name is then compared with the entities the
        # fuller names founded. Distinct name forms are few, so this pairwise step
        # stays small even when an article has hundreds of mentions.
        roots: list[tuple[tuple[str, ...], int]] = []  # (fullest parts, a mention index)
        for key in sorted(by_key, key=lambda k: (-len(names[by_key[k][0]].parts), by_key[k][0])):
            indices = by_key[key]
            parts = names[indices[0]].parts
            if len(parts) == 1 and (parts[0] in _NAME_PARTICLES or len(parts[0]) < 2):
                candidates = []
            else:
                candidates = [root for root_parts, root in roots if _is_subsequence(parts, root_parts)]
            candidates = list({clusters.find(c): c for c in candidates}.values())
            if not candidates or (len(candidates) > 1 and self.ambiguous_names == "separate"):
                roots.append((parts, indices[0]))
                for i in indices:
                    clusters.union(indices[0], i)
            elif len(candidates) == 1:
                for i in indices:
                    clusters.union(candidates[0], i)
            else:
                self._attach_ambiguous(names, clusters, indices, candidates)

    def _attach_ambiguous(self, names, clusters: _Clusters, indices: list[int], candidates: list[int]) -> None:
        starts: dict[int, list[int]] = {clusters.find(c): [] for c in candidates}  # sorted
        for i, name in enumerate(names):
            root = clusters.find(i)
            if root in starts:
                starts[root].append(name.span.start)
        for i in indices:
            position = names[i].span.start
            # (mentions before it, the last of them) per candidate
            before = {root: (n, ss[n - 1]) for root, ss in starts.items() if (n := bisect_left(ss, position))}
            if not before:
                target = min((ss[0], root) for root, ss in starts.items())[1]
            elif self.ambiguous_names == "most_recent":
                target = max((last, root) for root, (_, last) in before.items())[1]
            else:
                target = max((count, last, root) for root, (count, last) in before.items())[2]
            clusters.union(target, i)
            insort(starts[target], position)  # counts for the next short mention


def _relabel_surnames(names: list[_Name]) -> None:
    """A one-word organization or place that is the surname of a person named in full
    in the article is that person ("David Malpass" ... "[Malpass|ORG] alisema")."""
    surnames = {n.parts[-1] for n in names if n.label == "PER" and len(n.parts) > 1}
    for name in names:
        if (
            name.label != "PER"
            and len(name.parts) == 1
            and name.parts[0] in surnames
            and not (name.acronym or name.code or normalize_name(name.text) in SEATS)
        ):
            name.label = "PER"


def _unify_labels(names: list[_Name], clusters: _Clusters) -> None:
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


def _group_typos(names: list[_Name], clusters: _Clusters) -> None:
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


def _group_places(names: list[_Name], clusters: _Clusters) -> None:
    first_by_code: dict[str, int] = {}
    for i, name in enumerate(names):
        if name.label == "LOC" and name.code:
            clusters.union(first_by_code.setdefault(name.code, i), i)
    _join_head_forms(names, clusters, "LOC", _PLACE_HEADS)


def _join_head_forms(names: list[_Name], clusters: _Clusters, label: str, heads: frozenset[str]) -> None:
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


def _group_organizations(names: list[_Name], clusters: _Clusters) -> None:
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
    _join_head_forms(names, clusters, "ORG", _DESCRIBING_HEADS)
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


def _expansion(letters: str, names: list[_Name], full_names: dict[str, int], clusters: _Clusters) -> int | None:
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


def _group_aliases(doc: Doc, names: list[_Name], clusters: _Clusters) -> None:
    """"Robert Kyagulanyi maarufu Bobi Wine": two names of one person."""
    people = [i for i, name in enumerate(names) if name.label == "PER"]
    longest_cue = max(map(len, _ALIAS_CUES)) + 2  # with a title and a comma
    for i, j in zip(people, people[1:]):
        if names[j].span.start - names[i].span.end > longest_cue:
            continue
        gap = doc[names[i].span.end : names[j].span.start]
        between = tuple(t.lower_ for t in gap if not (t.is_punct or t.lower_.rstrip(".") in TITLE_WORDS))
        if between in _ALIAS_CUES:
            clusters.union(i, j)


def _build_entities(doc: Doc, names: list[_Name], clusters: _Clusters) -> list[Entity]:
    groups: dict[int, list[_Name]] = {}
    for i, name in enumerate(names):
        groups.setdefault(clusters.find(i), []).append(name)
    ordered = sorted(groups.values(), key=lambda members: min(m.span.start for m in members))
    counters = {label: 0 for label in ENTITY_LABELS}
    entities = []
    for members in ordered:
        members.sort(key=lambda m: m.span.start)
        label = members[0].label
        counters[label] = counters.get(label, 0) + 1
        code = next((m.code for m in members if m.code), None) if label == "LOC" else None
        entity = Entity(
            id=f"{_ID_PREFIX.get(label, label.lower())}-{counters[label]}",
            label=label,
            name=_canonical_name(members, code),
            mentions=[m.span for m in members],
            country_code=code,
        )
        for span in entity.mentions:
            span._.entity_id = entity.id
        entities.append(entity)
    _set_salience(doc, entities)
    return entities


def _casing_rank(text: str) -> int:
    """Names as written in running text beat all-caps headlines, which beat lowercase."""
    if text.isupper():
        return 1
    return 2 if is_capitalized(text) else 0


def _canonical_name(members: list[_Name], code: str | None) -> str:
    """A country's CLDR Swahili name when the article uses it; else the fullest form:
    most name parts, none abbreviated ("Korea K."), capitalized; then the form used
    most often, then the earliest."""
    if code:
        standard = normalize_name(swahili_name(code) or "")
        for member in members:
            if normalize_name(member.text) == standard and is_capitalized(member.text):
                return member.text
    counts: dict[str, int] = {}
    for m in members:
        counts[m.text] = counts.get(m.text, 0) + 1
    best = max(
        members,
        key=lambda m: (
            len(m.parts),
            all(len(p) > 1 for p in m.parts),
            _casing_rank(m.text),
            counts[m.text],
            -m.span.start,
        ),
    )
    return best.text


def _speech_verb_positions(doc: Doc) -> list[int]:
    """Token indices of speech verbs, found once per distinct word of the document."""
    lowers = doc.to_array([LOWER]).tolist()
    verbs = {key for key in set(lowers) if SPEECH_VERB.match(doc.vocab.strings[key])}
    return [i for i, key in enumerate(lowers) if key in verbs] if verbs else []


def _near_speech_verb(span: Span, verbs: list[int]) -> bool:
    i = bisect_left(verbs, span.start - _SPEECH_WINDOW)
    return i < len(verbs) and verbs[i] < span.end + _SPEECH_WINDOW


def _set_salience(doc: Doc, entities: list[Entity]) -> None:
    """Mentions weigh most, then how early the entity appears, then speech verbs nearby."""
    if not entities:
        return
    verbs = _speech_verb_positions(doc)
    most_mentions = max(len(e.mentions) for e in entities)
    last = doc[-1]
    length = max(last.idx + len(last.text_with_ws), 1)  # len(doc.text) without building it
    for entity in entities:
        share = len(entity.mentions) / most_mentions
        earliness = 1.0 - entity.mentions[0].start_char / length
        speaking = min(1.0, sum(_near_speech_verb(m, verbs) for m in entity.mentions) / 2)
        salience = _MENTION_WEIGHT * share + _POSITION_WEIGHT * earliness + _SPEAKER_WEIGHT * speaking
        entity.salience = round(min(1.0, max(0.0, salience)), 4)


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


# "kiongozi huyo" (that leader) may stand for a person introduced as president, prime
# minister, chairman ...; other role words stand for themselves.
_ROLE_FAMILIES = {
    "kiongozi": frozenset(
        "kiongozi rais waziri mwenyekiti katibu mkuu mfalme malkia spika gavana meya kamanda jenerali".split()
    ),
}
_DEMONSTRATIVES = frozenset("huyo huyu yule hao hawa wale".split())


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
    accepted = _ROLE_FAMILIES.get(role, frozenset({role}))
    qualifiers = {
        _qualifier(t.text)
        for t in role_span[position + 1 :]
        if t.is_alpha and t.lower_ not in _DEMONSTRATIVES and t.lower_ not in CONNECTIVES and t.lower_ not in ROLE_WORDS
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


@Language.factory(
    "habari_entities",
    default_config={"labels": list(ENTITY_LABELS), "ambiguous_names": "most_mentioned", "find_repeated_names": True},
)
def habari_entities(
    nlp: Language, name: str, labels: list[str], ambiguous_names: str, find_repeated_names: bool
) -> EntityGrouper:
    return EntityGrouper(nlp, name, labels, ambiguous_names, find_repeated_names)
