"""habari_entities: the NER's PER/ORG/LOC mentions grouped into entities.

Writes ``doc._.entities`` (list of ``Entity``, in order of first mention) and
``span._.entity_id`` on every mention. DATE mentions are the dates component's.

Steps, each a small rule over the mention text (no model is trained for this):

1. Mentions (mentions.py, mention_cleaning.py, name_spans.py): NER spans cut to the
   annotation convention: titles, roles and lowercase descriptors off ("Rais [Putin]", "shirika la habari la [AFP]"),
   "Shirika la Afya Duniani (WHO)" as two mentions, a left-out head noun put back
   ("Tume ya Umoja wa Afrika", "Uwanja wa Kim Il Sung" as a place), glued page
   boilerplate and caption separators off the name, a verb the NER ran in cut off, a
   name split after a function word joined, a place cut short continued ("[Afrika]
   Kusini"), a country or seat of government run into a person's span made a mention
   of its own. Config ``find_repeated_names`` (default on): other occurrences of a name
   the NER found, which it missed, become mentions too (also "Kremlin" after "Ikulu ya
   Kremlin", and lowercase country names). Organization names the NER left untagged
   are found by their head noun ("Wizara ya Mambo ya Nje ya Marekani"); a name the NER
   ended before the country that closes it is joined to it ("[Tume ya Uchaguzi] ya
   [Kenya]", "[Shirikisho] la [Urusi]"), and regions are places ("Mashariki ya Kati",
   regions.py). A body's name runs over the fields it lists and ends before a lowercase
   locative ("Wizara ya Habari, Utamaduni na Michezo", "[Tume ya Uchaguzi] nchini humo",
   body_names.py); a bare "Bunge" or "Jeshi" is an organization (bare_bodies.py); a
   continent closing a competition's name is no place ("Kombe la Mataifa ya Afrika",
   competitions.py; doc.ents keep it), and a cup's or race's name no entity ("Tusker
   Cup"). ``doc.ents`` is
   rewritten with these spans, except where the MasakhaNER data tags otherwise: a
   widening to a head noun or a place's continuation, and an untagged organization
   (doc.ents keeps the places inside it, unless its head is one the data tags whole:
   "Benki Kuu"), go to the entity only; a name with its
   acronym ("National Resistance Movement NRM") and a place with its country ("Nairobi
   Kenya") stay one span there, and a seat of government keeps the NER's label.
2. Labels the name itself decides: a country is a place (LOC) also when the NER called
   it an organization; a government named by its seat ("Kremlin", "Ikulu ya White
   House") is an organization (ORG). Mentions of one written name get one label (the
   majority, ties to the earlier mention).
3. Grouping (grouping.py), within one article:
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
     neither of which contains the other stay apart ("Kim Jong Un" / "Kim Jong-il"),
     but a name of three parts or more written in another order or with one typo in
     one part is one person ("Samia Hassan Suluhu", "Emy Coney Barrett");
     "X maarufu (kama) Y" makes X and Y one person.
   Ambiguous short names (config ``ambiguous_names``): "Kim" after both "Kim Jong Un"
   and "Kim Jong-il" fits both. "most_mentioned" (default): it joins the one named more
   often before it (ties: the more recent), because news writes a secondary person's
   full name and keeps the short name for its main actor; "most_recent": the one named
   last before it; "separate": it stays an entity of its own. With no candidate named
   before it, it joins the first one named after it. Before any of these, a title
   decides: "Rais Trump" joins the one candidate the text also calls "Rais".
4. ``name``: the fullest form used (most name parts, none abbreviated, capitalized;
   then the most frequent; for a country its CLDR Swahili name when the article uses
   it); ``country_code``: ISO 3166-1 alpha-2 for countries (cities, regions: None);
   ``salience`` in [0, 1]: mention count, position of the first mention, and speech
   verbs next to a mention (the quotes component runs later, so the speaker role is
   read from those cue words only).

Helpers for the quotes component (roles.py): ``entity_for_span`` (the entity of a mention that
overlaps a span) and ``entity_for_role`` ("waziri huyo" → the person last introduced with
that role).
"""
from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Iterable

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.bare_bodies import bare_bodies
from service.components.body_names import with_coordinated_fields
from service.components.competitions import closes_competition_name, names_an_event
from service.components.countries import (
    close_country_code,
    country_code,
    normalize_name,
    swahili_name,
)
from service.components.grouping import (
    NAME_PARTICLES,
    Clusters,
    MentionName,
    group_aliases,
    group_organizations,
    group_person_typos,
    group_places,
    group_typos,
    is_acronym_of,
    is_subsequence,
    name_parts,
    relabel_surnames,
    unify_labels,
)
from service.components.mention_cleaning import clean_mentions
from service.components.mentions import (
    SEATS,
    Mention,
    acronym,
    ents_of,
    is_capitalized,
    is_title,
    names_ending_in_a_country,
    repeated_name_mentions,
    token_keys,
    untagged_organizations,
)
from service.components.regions import untagged_regions
from service.lang.sw.speech_verbs import is_speech_verb

ENTITY_LABELS = ("PER", "ORG", "LOC")

_ID_PREFIX = {"PER": "per", "ORG": "org", "LOC": "loc"}

AMBIGUITY_RULES = ("most_mentioned", "most_recent", "separate")

# A mention next to a speech verb (lang/sw/speech_verbs.py, the quotes' definition) is
# probably a speaker, which raises salience. The quotes component does the real attribution.
_SPEECH_WINDOW = 3

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
        ner_ents = doc.ents  # read once: each read of doc.ents makes its Spans anew
        mentions = clean_mentions(doc, ner_ents, self.labels, is_acronym_of)
        if self.find_repeated_names:
            mentions = sorted(mentions + repeated_name_mentions(doc, mentions), key=lambda m: m.span.start)
        mentions = with_coordinated_fields(doc, untagged_organizations(doc, mentions))
        mentions = untagged_regions(doc, names_ending_in_a_country(doc, mentions))
        mentions = bare_bodies(doc, mentions)
        mentions = [m for m in mentions if not names_an_event(m)]
        names = [self._name(m) for m in mentions]
        # before doc.ents are written, so that they carry the person's label too
        relabel_surnames(names)
        ents = [ent for ent in ner_ents if ent.label_ not in self.labels]
        for name in names:
            ents.extend(ents_of(name.mention, name.label))
        doc.ents = sorted(ents, key=lambda s: s.start)
        names = [name for name in names if not closes_competition_name(name.mention)]
        clusters = Clusters(len(names))
        unify_labels(names, clusters)
        group_typos(names, clusters)
        group_places(names, clusters)
        group_organizations(names, clusters)
        group_aliases(doc, names, clusters)
        group_person_typos(names, clusters)
        self._group_people(names, clusters)
        doc._.entities = _build_entities(doc, names, clusters)
        return doc

    @staticmethod
    def _name(mention: Mention) -> MentionName:
        parts = name_parts(mention.text)
        label = mention.label
        code = country_code(mention.text) or (close_country_code(mention.text) if label == "LOC" else None)
        if normalize_name(mention.text) in SEATS:
            label = "ORG"
        elif code and label == "ORG":
            label = "LOC"
        return MentionName(mention, label, parts, acronym(mention.text), code)

    def _group_people(self, names: list[MentionName], clusters: Clusters) -> None:
        by_key: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            if name.label == "PER" and name.parts:
                # three parts or more in another order are the same person ("Samia Suluhu
                # Hassan" / "Samia Hassan Suluhu"); two may be a family name first
                order = sorted(name.parts) if len(name.parts) > 2 else name.parts
                by_key.setdefault("".join(order), []).append(i)
        # Fullest names first: each shorter name is then compared with the entities the
        # fuller names founded. Distinct name forms are few, so this pairwise step
        # stays small even when an article has hundreds of mentions.
        roots: list[tuple[tuple[str, ...], int]] = []  # (fullest parts, a mention index)
        for key in sorted(by_key, key=lambda k: (-len(names[by_key[k][0]].parts), by_key[k][0])):
            indices = by_key[key]
            parts = names[indices[0]].parts
            if len(parts) == 1 and (parts[0] in NAME_PARTICLES or len(parts[0]) < 2):
                candidates = []
            else:
                candidates = [root for root_parts, root in roots if is_subsequence(parts, root_parts)]
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

    def _attach_ambiguous(self, names, clusters: Clusters, indices: list[int], candidates: list[int]) -> None:
        starts: dict[int, list[int]] = {clusters.find(c): [] for c in candidates}  # sorted
        titles: dict[int, set[str]] = {root: set() for root in starts}  # written before a mention
        for i, name in enumerate(names):
            root = clusters.find(i)
            if root in starts:
                starts[root].append(name.span.start)
                titles[root].add(_title_before(name.span))
        for i in indices:
            position = names[i].span.start
            # (mentions before it, the last of them) per candidate
            before = {root: (n, ss[n - 1]) for root, ss in starts.items() if (n := bisect_left(ss, position))}
            title = _title_before(names[i].span)
            # "Rais Trump" is the one the text calls Rais ("Rais Donald Trump"), not a relative
            titled = [root for root, written in titles.items() if title in written] if title else []
            if len(titled) == 1:
                target = titled[0]
            elif not before:
                target = min((ss[0], root) for root, ss in starts.items())[1]
            elif self.ambiguous_names == "most_recent":
                target = max((last, root) for root, (_, last) in before.items())[1]
            else:
                target = max((count, last, root) for root, (count, last) in before.items())[2]
            clusters.union(target, i)
            insort(starts[target], position)  # counts for the next short mention
            titles[target].add(title)


def _title_before(span: Span) -> str:
    """The title or honorific written right before a name, lowercased ("" if none)."""
    return span.doc[span.start - 1].lower_.rstrip(".") if span.start and is_title(span.doc[span.start - 1]) else ""


def _build_entities(doc: Doc, names: list[MentionName], clusters: Clusters) -> list[Entity]:
    groups: dict[int, list[MentionName]] = {}
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


def _canonical_name(members: list[MentionName], code: str | None) -> str:
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
    """Token indices of speech verbs, each distinct word judged once per process."""
    lowers = token_keys(doc, LOWER)
    keys = set(lowers)
    # Most words of an article were met in earlier ones: set operations on their keys
    # spare decoding each word's string and asking is_speech_verb again.
    if len(_OTHER_WORD_KEYS) > _MAX_KNOWN_KEYS:
        _SPEECH_VERB_KEYS.clear()
        _OTHER_WORD_KEYS.clear()
    for key in keys.difference(_SPEECH_VERB_KEYS, _OTHER_WORD_KEYS):
        known = _SPEECH_VERB_KEYS if is_speech_verb(doc.vocab.strings[key]) else _OTHER_WORD_KEYS
        known.add(key)
    verbs = keys & _SPEECH_VERB_KEYS
    return [i for i, key in enumerate(lowers) if key in verbs] if verbs else []


# String-store keys of lowercase words (a word's key is its hash, the same in every Doc
# and memory zone) that are speech verbs and that are not; emptied past the bound. At
# 50,000 keys the sets held ~5 MiB when full and took the memory soak (1k → 100k
# documents) from +4.3% to +6.0% RSS (benchmarks/README.md).
_SPEECH_VERB_KEYS: set[int] = set()
_OTHER_WORD_KEYS: set[int] = set()
_MAX_KNOWN_KEYS = 8_192


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


@Language.factory(
    "habari_entities",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.entities", "span._.entity_id"],
    default_config={"labels": list(ENTITY_LABELS), "ambiguous_names": "most_mentioned", "find_repeated_names": True},
)
def make_entity_grouper(
    nlp: Language, name: str, labels: list[str], ambiguous_names: str, find_repeated_names: bool
) -> EntityGrouper:
    return EntityGrouper(nlp, name, labels, ambiguous_names, find_repeated_names)
