"""habari_entities: the NER's PER/ORG/LOC mentions grouped into entities.

Writes ``doc._.entities`` (list of ``Entity``, in order of first mention) and
``span._.entity_id`` on every mention. DATE mentions are the dates component's.

Steps, each a small rule over the mention text (no model is trained for this):

1. Clean mention spans to the annotation convention: titles and roles ("Rais",
   "Waziri wa Mambo ya Nje wa Urusi", "Bw.", "Dkt.") and lowercase descriptors
   ("shirika la habari la AFP", "serikali ya Urusi") are cut off, and "Shirika la Afya
   Duniani (WHO)" becomes two mentions of one organization. ``doc.ents`` is rewritten
   with the cleaned spans so that both views agree.
2. Fix labels the name itself decides: a country name is a place (LOC) also when the
   NER called it an organization; a government named by its seat ("Kremlin", "Ikulu ya
   White House") is an organization (ORG). Mentions with the same normalized name get
   one label (the majority, ties to the earlier mention).
3. Group:
   - same normalized name (case, accents, hyphens and glued punctuation ignored);
   - places with the same country code ("Urusi" / "Russia", "Korea K." / "Korea
     Kaskazini");
   - organizations with their acronyms: from "Full Name (ACR)" in the article, from a
     table of well-known pairs ("UN", "UM" / "Umoja wa Mataifa"), or from the initials
     of exactly one full name in the article ("CCM" / "Chama cha Mapinduzi");
   - people over name parts: a name whose parts appear in order in a fuller name
     belongs to it ("Putin" / "Vladimir Putin", "Kim" / "Kim Jong Un"), while two full
     names neither of which contains the other stay apart ("Kim Jong Un" / "Kim
     Jong-il").
   Ambiguous short names (``ambiguous_names``): "Kim" after both "Kim Jong Un" and
   "Kim Jong Il" fits both. With "most_recent" (the default) it joins the one whose
   name appeared most recently before it, as a reader resolves it (with none before,
   the first one after it); with "separate" it stays an entity of its own.
4. ``name`` is the fullest form used (most name parts, then longest, mixed case
   preferred over all caps); ``country_code`` is ISO 3166-1 alpha-2 for countries
   (cities and regions: None); ``salience`` in [0, 1] from the mention count, the
   position of the first mention and speech verbs next to a mention (the quotes
   component runs later, so the speaker role is read from those cue words only).

Helpers for the quotes component: ``entity_for_span`` and ``entity_for_role``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from service.components.countries import MAX_NAME_WORDS, country_code, normalize_name

ENTITY_LABELS = ("PER", "ORG", "LOC")
_ID_PREFIX = {"PER": "per", "ORG": "org", "LOC": "loc"}

# Titles and honorifics written before a name (lowercased, with and without the
# abbreviation's period). Role nouns are here too: "Msemaji Peter Ndege" is a role +
# name, and the NER sometimes keeps the role inside the span.
TITLE_WORDS = frozenset(
    """
    rais makamu waziri naibu katibu mkuu msemaji mwenyekiti kiongozi mkurugenzi balozi
    gavana meya mbunge seneta spika jaji hakimu mwanasheria kamishna kamanda jenerali
    jen kanali meja luteni brigedia sajenti koplo kapteni kapt askofu kardinali padri
    mchungaji mch sheikh shekhe shehe imamu mufti papa mfalme malkia mwanamfalme
    binti mwalimu mwl profesa prof daktari dkt dk dr bw bwana bi bibi mhe mh
    mheshimiwa ndg ndugu mzee marehemu hayati mama mtukufu mkuu msaidizi mshauri afisa
    ofisa mratibu mtendaji mwenyekiti mhariri mwandishi mchambuzi mtaalamu
    mr mrs ms president minister general sir
    """.split()
)
# Role nouns that introduce a person and that a later "X huyo" phrase refers back to.
ROLE_WORDS = TITLE_WORDS - {"bw", "bwana", "bi", "bibi", "mhe", "mh", "ndg", "ndugu", "mr", "mrs", "ms", "sir"}

# A government or presidency named by its seat is an organization (ANNOTATION.md).
SEAT_NAMES = frozenset(
    normalize_name(name)
    for name in (
        "Kremlin",
        "Ikulu ya Kremlin",
        "White House",
        "Ikulu ya White House",
        "Ikulu ya Marekani",
        "Downing Street",
        "Pentagon",
    )
)

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
    "IMF": ("Shirika la Fedha la Kimataifa", "Shirika la Fedha Duniani", "International Monetary Fund"),
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
    acronym: frozenset(normalize_name(name) for name in names) for acronym, names in KNOWN_ACRONYMS.items()
}

# Connectives ("of", "and") that join a role to the office or country it serves.
_CONNECTIVES = frozenset("wa ya la za cha vya kwa mwa na".split())

# Head nouns of organization names ("Tume ya ...", "Baraza la ...").
_ORGANIZATION_HEADS = frozenset(
    """
    tume baraza bodi kamati wizara ofisi mahakama benki shirika jumuiya chama idara
    mamlaka taasisi kituo bunge halmashauri chuo umoja muungano mfuko
    """.split()
)

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

# Speech verbs (subject + tense prefix + stem): a mention next to one is probably a
# speaker, which raises salience. The quotes component does the real attribution.
_SPEECH_VERB = re.compile(
    r"^(?:a|wa|i|zi|li|ki|u|ya|vi)(?:li|me|na|ta|ki|nge)"
    r"(?:sema|sisitiza|ongeza|eleza|onya|dai|tangaza|bainisha|ambia|jibu|hoji|thibitisha|kiri)$"
)
# Subject + tense prefix of a finite verb ("alikutana", "wamesema"): no role noun
# starts this way, so it marks the end of a role phrase.
_VERB_LIKE = re.compile(r"^(?:a|wa|i|u|li|ki|zi|ya|vi)(?:li|me|na|ta|ki|nge)[a-z]{2,}$")
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


@dataclass(eq=False)
class _Mention:
    span: Span
    label: str
    parts: tuple[str, ...]  # normalized name parts, doubled letters collapsed
    acronym: str | None  # the letters when the mention is written as an acronym
    code: str | None  # country code of the mention text, used when the entity is a place

    @property
    def key(self) -> str:
        return "".join(self.parts)


_DOUBLED = re.compile(r"(\w)\1+")


def _name_parts(text: str) -> tuple[str, ...]:
    # "Sissi"/"Sisi", "Zelenskyy"/"Zelensky": transliterations differ in doubled letters
    return tuple(_DOUBLED.sub(r"\1", part) for part in normalize_name(text).split())


def _is_capitalized(text: str) -> bool:
    # "-Sissi" (a scraped "Al -Sissi") counts by its first letter
    letter = next((ch for ch in text if ch.isalnum()), "")
    return letter.isupper()


def _acronym(text: str) -> str | None:
    letters = text.strip("-–—.()[] ").replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper():
        return letters
    return None


def _initials(text: str) -> set[str]:
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    every = "".join(w[0] for w in words).upper()
    capitalized = "".join(w[0] for w in words if _is_capitalized(w)).upper()
    return {every, capitalized}


def _is_acronym_of(acronym: str, full_name: str) -> bool:
    return normalize_name(full_name) in _ACRONYM_NAMES.get(acronym, ()) or acronym in _initials(full_name)


def _country_prefix_length(tokens: Sequence) -> int:
    for length in range(min(MAX_NAME_WORDS, len(tokens)), 0, -1):
        if country_code(" ".join(t.text for t in tokens[:length])):
            return length
    return 0


def _is_title(token) -> bool:
    return token.lower_.rstrip(".") in TITLE_WORDS


def _organization_start(span: Span) -> int:
    """Start of an organization whose head noun the NER left out: "Tume ya [Umoja wa
    Afrika]" is the commission, not the union (ANNOTATION.md: named bodies whole)."""
    doc, i, start = span.doc, span.start, span.start
    for _ in range(3):
        if i < 2:
            break
        noun, connective = doc[i - 2], doc[i - 1]
        if connective.lower_ not in _CONNECTIVES or not _is_capitalized(noun.text) or noun.ent_type or connective.ent_type:
            break
        i -= 2
        if noun.lower_ in _ORGANIZATION_HEADS:
            start = i
    return start


def _clean_span(span: Span, label: str) -> list[Span]:
    """The name parts of an NER span, per the annotation convention (may be empty)."""
    doc = span.doc
    start, end = span.start, span.end
    if label == "ORG":
        # "Full Name (ACR)" or "Full Name ACR" as one span: two mentions of one organization.
        for i in range(start + 1, end - 1):
            if doc[i].text == "(" and doc[end - 1].text == ")" and _acronym(doc[i + 1 : end - 1].text):
                return [*_clean_span(doc[start:i], label), doc[i + 1 : end - 1]]
        last = _acronym(doc[end - 1].text)
        if end - start >= 3 and last and _is_acronym_of(last, doc[start : end - 1].text):
            return [*_clean_span(doc[start : end - 1], label), doc[end - 1 : end]]
        if not _acronym(span.text):
            start = _organization_start(span)
    name_start = next(
        (i for i in range(start, end) if _is_capitalized(doc[i].text) and not _is_title(doc[i])),
        None,
    )
    had_title = any(_is_title(doc[i]) for i in range(start, name_start if name_start is not None else end))
    if name_start is None:
        if had_title:
            return []
        # a name written in lowercase ("marekani", "shirika la afya duniani") stays whole
        name_start = start
    elif label == "PER" and had_title:
        # "Waziri wa Mambo ya Nje wa Urusi Sergey Lavrov": the name follows the last
        # connective and the country or office named after it.
        lowercase = [i for i in range(start, end) if not _is_capitalized(doc[i].text)]
        if lowercase and lowercase[-1] + 1 < end:
            name_start = lowercase[-1] + 1
            if doc[name_start - 1].lower_ in _CONNECTIVES:
                rest = end - name_start
                name_start += _country_prefix_length(doc[name_start:end]) or (1 if rest > 1 else 0)
    start = name_start
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        # a verb or connective the NER ran into ("Putin alisema"); a lowercase name part
        # stays ("Bobi wine", "Ned price": scraped text is not always capitalized)
        or (label == "PER" and end - 1 > start and _is_verb_or_connective(doc[end - 1].lower_))
    ):
        end -= 1
    return [doc[start:end]] if start < end else []


def _is_verb_or_connective(word: str) -> bool:
    return word in _CONNECTIVES or bool(_VERB_LIKE.match(word))


def _same_part(a: str, b: str) -> bool:
    # one typo in a long part ("Resoures"/"Resources") is still the same name part
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    return _within_one_edit(a, b)


def _within_one_edit(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


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
    def __init__(self, nlp: Language, name: str, labels: Iterable[str], ambiguous_names: str):
        if ambiguous_names not in ("most_recent", "separate"):
            raise ValueError(f"ambiguous_names must be 'most_recent' or 'separate', not {ambiguous_names!r}")
        self.labels = frozenset(labels)
        self.ambiguous_names = ambiguous_names

    def __call__(self, doc: Doc) -> Doc:
        mentions, paired = self._collect_mentions(doc)
        clusters = _Clusters(len(mentions))
        self._unify_labels(mentions, clusters)
        self._group_places(mentions, clusters)
        self._group_organizations(mentions, clusters, paired)
        self._group_aliases(doc, mentions, clusters)
        self._group_people(mentions, clusters)
        doc._.entities = self._build_entities(doc, mentions, clusters)
        return doc

    # -- mentions -------------------------------------------------------------------

    def _collect_mentions(self, doc: Doc) -> tuple[list[_Mention], list[tuple[int, int]]]:
        kept, mentions, paired = [], [], []
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                kept.append(ent)
                continue
            spans = _clean_span(ent, ent.label_)
            first_index = len(mentions)
            for span in spans:
                mentions.append(self._mention(span, ent.label_))
            if len(spans) == 2 and mentions[-1].acronym:
                paired.append((first_index, first_index + 1))
        # A full name followed by its acronym as a separate span: "... Duniani (WHO)".
        for i in range(len(mentions) - 1):
            left, right = mentions[i].span, mentions[i + 1].span
            if (
                mentions[i + 1].acronym
                and not mentions[i].acronym
                and right.start == left.end + 1
                and doc[left.end].text == "("
                and right.end < len(doc)
                and doc[right.end].text == ")"
            ):
                paired.append((i, i + 1))
        new_ents = kept + [Span(doc, m.span.start, m.span.end, label=m.label) for m in mentions]
        doc.ents = sorted(new_ents, key=lambda span: span.start)
        return mentions, paired

    @staticmethod
    def _mention(span: Span, ner_label: str) -> _Mention:
        parts = _name_parts(span.text)
        label = ner_label
        code = country_code(span.text)
        if " ".join(parts) in SEAT_NAMES:
            label = "ORG"
        elif code and ner_label == "ORG":
            label = "LOC"
        return _Mention(span=span, label=label, parts=parts, acronym=_acronym(span.text), code=code)

    # -- grouping -------------------------------------------------------------------

    @staticmethod
    def _unify_labels(mentions: list[_Mention], clusters: _Clusters) -> None:
        """One label per written name; same-name places and organizations join here
        (people join in _group_people, where a short name may be split up)."""
        by_key: dict[str, list[int]] = {}
        for i, mention in enumerate(mentions):
            by_key.setdefault(mention.key, []).append(i)
        for indices in by_key.values():
            votes: dict[str, int] = {}
            for i in indices:
                votes[mentions[i].label] = votes.get(mentions[i].label, 0) + 1
            # max() keeps the first label reaching the top count: ties go to the earlier mention
            label = max(votes, key=lambda lab: votes[lab])
            for i in indices:
                mentions[i].label = label
                if label != "PER":
                    clusters.union(indices[0], i)

    @staticmethod
    def _group_places(mentions: list[_Mention], clusters: _Clusters) -> None:
        first_by_code: dict[str, int] = {}
        for i, mention in enumerate(mentions):
            if mention.label == "LOC" and mention.code:
                clusters.union(first_by_code.setdefault(mention.code, i), i)

    @staticmethod
    def _group_organizations(mentions: list[_Mention], clusters: _Clusters, paired: list[tuple[int, int]]) -> None:
        for full, acronym in paired:
            if mentions[full].label == mentions[acronym].label == "ORG":
                clusters.union(full, acronym)
        full_names: dict[str, int] = {}  # one mention index per written full name
        for i, mention in enumerate(mentions):
            if mention.label == "ORG" and not mention.acronym and mention.parts:
                full_names.setdefault(mention.key, i)
        # the same multi-word name with a typo: "World Resources" / "World Resoures"
        names = [(mentions[i].parts, i) for i in full_names.values() if len(mentions[i].parts) > 1]
        for n, (parts, i) in enumerate(names):
            for other, j in names[n + 1 :]:
                if len(other) == len(parts) and all(map(_same_part, parts, other)):
                    clusters.union(i, j)
        for i, mention in enumerate(mentions):
            if mention.label != "ORG" or not mention.acronym:
                continue
            known = _ACRONYM_NAMES.get(mention.acronym, frozenset())
            matches = {clusters.find(j) for j in full_names.values() if normalize_name(mentions[j].span.text) in known}
            if not matches:
                matches = {
                    clusters.find(j)
                    for j in full_names.values()
                    if len(mentions[j].parts) > 1 and mention.acronym in _initials(mentions[j].span.text)
                }
            if len(matches) == 1:
                clusters.union(matches.pop(), i)

    @staticmethod
    def _group_aliases(doc: Doc, mentions: list[_Mention], clusters: _Clusters) -> None:
        """"Robert Kyagulanyi maarufu Bobi Wine": two names of one person."""
        people = [i for i, m in enumerate(mentions) if m.label == "PER"]
        for i, j in zip(people, people[1:]):
            gap = doc[mentions[i].span.end : mentions[j].span.start]
            between = tuple(t.lower_ for t in gap if not (t.is_punct or _is_title(t)))
            if between in _ALIAS_CUES:
                clusters.union(i, j)

    def _group_people(self, mentions: list[_Mention], clusters: _Clusters) -> None:
        by_key: dict[str, list[int]] = {}
        for i, mention in enumerate(mentions):
            if mention.label == "PER" and mention.parts:
                by_key.setdefault(mention.key, []).append(i)
        # Fullest names first: each shorter name is then compared with the entities the
        # fuller names founded. Distinct name forms are few, so this pairwise step
        # stays small even when an article has hundreds of mentions.
        roots: list[tuple[tuple[str, ...], int]] = []  # (fullest parts, a mention index)
        for key in sorted(by_key, key=lambda k: (-len(mentions[by_key[k][0]].parts), by_key[k][0])):
            indices = by_key[key]
            parts = mentions[indices[0]].parts
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
                self._attach_ambiguous(mentions, clusters, indices, candidates)

    @staticmethod
    def _attach_ambiguous(mentions, clusters: _Clusters, indices: list[int], candidates: list[int]) -> None:
        """Each mention joins the candidate entity mentioned most recently before it
        (with none before it, the one mentioned first)."""
        starts: dict[int, list[int]] = {clusters.find(c): [] for c in candidates}
        for i, mention in enumerate(mentions):
            root = clusters.find(i)
            if root in starts:
                starts[root].append(mention.span.start)
        for i in indices:
            position = mentions[i].span.start
            before = [(max(s for s in ss if s < position), root) for root, ss in starts.items() if min(ss) < position]
            target = max(before)[1] if before else min((min(ss), root) for root, ss in starts.items())[1]
            clusters.union(target, i)

    # -- output ---------------------------------------------------------------------

    def _build_entities(self, doc: Doc, mentions: list[_Mention], clusters: _Clusters) -> list[Entity]:
        groups: dict[int, list[_Mention]] = {}
        for i, mention in enumerate(mentions):
            groups.setdefault(clusters.find(i), []).append(mention)
        ordered = sorted(groups.values(), key=lambda ms: min(m.span.start for m in ms))
        counters = {label: 0 for label in ENTITY_LABELS}
        entities = []
        for members in ordered:
            members.sort(key=lambda m: m.span.start)
            label = members[0].label
            counters[label] = counters.get(label, 0) + 1
            entity = Entity(
                id=f"{_ID_PREFIX.get(label, label.lower())}-{counters[label]}",
                label=label,
                name=_canonical_name(members),
                mentions=[m.span for m in members],
                country_code=next((m.code for m in members if m.code), None) if label == "LOC" else None,
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
    return 2 if _is_capitalized(text) else 0


def _canonical_name(members: list[_Mention]) -> str:
    """The fullest form: most name parts, none abbreviated ("Korea K."), capitalized;
    then the form used most often, then the earliest."""
    counts: dict[str, int] = {}
    for m in members:
        counts[m.span.text] = counts.get(m.span.text, 0) + 1
    best = max(
        members,
        key=lambda m: (
            len(m.parts),
            all(len(p) > 1 for p in m.parts),
            _casing_rank(m.span.text),
            counts[m.span.text],
            -m.span.start,
        ),
    )
    return best.span.text


def _near_speech_verb(span: Span) -> bool:
    doc = span.doc
    for i in range(max(0, span.start - _SPEECH_WINDOW), min(len(doc), span.end + _SPEECH_WINDOW)):
        if _SPEECH_VERB.match(doc[i].lower_):
            return True
    return False


def _set_salience(doc: Doc, entities: list[Entity]) -> None:
    """Mentions weigh most, then how early the entity appears, then speech verbs nearby."""
    if not entities:
        return
    most_mentions = max(len(e.mentions) for e in entities)
    length = max(len(doc.text), 1)
    for entity in entities:
        share = len(entity.mentions) / most_mentions
        earliness = 1.0 - entity.mentions[0].start_char / length
        speaking = min(1.0, sum(_near_speech_verb(m) for m in entity.mentions) / 2)
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


def _roles_near(mention: Span) -> set[str]:
    """Role words introducing a person mention: "Waziri wa ... [Sergey Lavrov]" or the
    appositive "[Lavrov], waziri wa ...", within the same sentence."""
    doc = mention.doc
    roles = set()
    i = mention.start - 1
    # The role phrase runs up to the name: a punctuation mark, a verb or another person
    # ends it ("kiongozi wa chama, alikutana na [X]" does not make X a kiongozi).
    while i >= 0 and mention.start - i <= _ROLE_WINDOW:
        word = doc[i].lower_.rstrip(".")
        if word in ROLE_WORDS:
            roles.add(word)
        elif doc[i].is_punct or doc[i].ent_type_ == "PER" or _VERB_LIKE.match(word):
            break
        i -= 1
    i = mention.end
    if i < len(doc) and doc[i].text == ",":
        for j in range(i + 1, min(len(doc), i + 1 + 3)):
            word = doc[j].lower_
            if word in ROLE_WORDS:
                roles.add(word)
                break
    return roles


def entity_for_role(doc: Doc, role_span: Span) -> Entity | None:
    """The person most recently introduced, before `role_span`, with the role word the
    span names ("waziri huyo" → the last person written as "Waziri ... X"), else None."""
    role_words = [t.lower_ for t in role_span if t.lower_ in ROLE_WORDS]
    if not role_words:
        return None
    role = role_words[0]
    candidates = [
        (mention, entity)
        for entity in doc._.entities or ()
        if entity.label == "PER"
        for mention in entity.mentions
        if mention.end <= role_span.start
    ]
    for mention, entity in sorted(candidates, key=lambda c: c[0].start, reverse=True):
        if role in _roles_near(mention):
            return entity
    return None


@Language.factory(
    "habari_entities",
    default_config={"labels": list(ENTITY_LABELS), "ambiguous_names": "most_recent"},
)
def habari_entities(nlp: Language, name: str, labels: list[str], ambiguous_names: str) -> EntityGrouper:
    return EntityGrouper(nlp, name, labels, ambiguous_names)
