"""The candidates the learned speaker model ranks for one speech verb, and their features.

Candidates are exact, rule-made readings of the text: every subject reading the rules
compute for the cue (before the verb, after it, the main clause's, a message's sender,
an earlier coordinated verb's), the speaker carried over from before (person or body),
every PER/ORG/LOC mention of the cue's sentence and the one before it, and "no speaker".
Several readings naming one entity merge into one candidate with all their flags.

The features are the ones that carry across articles: does the verb's subject prefix
(a-/wa- people; i-/li-/ki-/u-/zi-/ya- bodies and things) agree with the candidate's kind,
was a subject written for the verb, how far the candidate stands (sentences, characters,
before or after the verb, inside a quotation), who spoke last, who was introduced last,
and how often the article names the candidate. Grouped as FEATURE_GROUPS for ablation.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from service.components.quotes.records import SpeakerMention
from service.lang.sw.verbs import PERSON_PREFIXES

if TYPE_CHECKING:
    from service.components.quotes.speakers import SpeakerCandidates, SpeakerChoice

# Readings of the rules (SpeakerCandidates attributes) offered as candidates.
READINGS = ("before_verb", "after_verb", "main_clause", "sender")
WINDOW_SENTENCES = 1  # mentions of the cue's sentence and of this many before it

FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "kind": ("none", "per", "org", "loc"),
    "agreement": ("agree_person", "agree_body", "clash", "no_prefix", "none_person_prefix",
                  "dependent"),
    "readings": ("r_before_verb", "r_after_verb", "r_main_clause", "r_sender", "r_coordinated",
                 "r_carried", "none_rule_generic", "written_subject"),
    # the rule cascade's own pick (speakers.choose_speaker), a candidate like the others
    "verdict": ("rule_choice", "none_rule_choice"),
    "position": ("same_sentence", "prev_sentence", "after_cue", "log_distance", "in_quotation",
                 "none_no_mention_near"),
    "continuity": ("last_speaker", "last_introduced", "opens_sentence"),
    "salience": ("log_mentions", "salience"),
}
FEATURES: tuple[str, ...] = tuple(f for group in FEATURE_GROUPS.values() for f in group)


@dataclass
class Candidate:
    mention: Optional[SpeakerMention]  # None: "no speaker"
    sources: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)

    def names(self) -> list[str]:
        """The names a gold speaker is compared with (as dev/quotes/evaluate.py does)."""
        if self.mention is None:
            return []
        names = [self.mention.entity.name] if self.mention.entity is not None else []
        if self.mention.span is not None:
            names.append(self.mention.span.text)
        return names


def _key(m: Optional[SpeakerMention]):
    if m is None:
        return None
    return ("entity", id(m.entity)) if m.entity is not None else ("span", m.start, m.end)


def build_candidates(c: SpeakerCandidates, rule: SpeakerChoice) -> list[Candidate]:
    """Every candidate for the cue of `c`, with its features; the first is "no speaker".

    Only the readings the rule cascade already computed are offered: the others would
    cost as much again as the cascade itself (the component's largest step), and with
    the cascade's pick as a feature they did not change the cross-validated accuracy."""
    art, cue = c.art, c.cue
    by_key: dict = {None: Candidate(None)}

    def offer(mention: Optional[SpeakerMention], source: str) -> None:
        key = _key(mention)
        cand = by_key.get(key)
        if cand is None:
            cand = by_key[key] = Candidate(mention)
        elif mention is not None and abs(mention.start - cue.start) < abs(cand.mention.start - cue.start) \
                and not cand.mention.start <= mention.start < mention.end <= cand.mention.end \
                and (source != "window" or cand.sources == {"window"}):
            # The entity's mention nearest the verb stands for it, unless it lies inside
            # the one offered ("Kenya" in "Serikali ya Kenya": the government speaks) or
            # a reading offered that one ("Serikali ya Jamhuri … (DRC)": not "DRC").
            cand.mention = mention
        cand.sources.add(source)

    computed = c.__dict__  # cached_property keeps what was read there
    written = generic = False
    for reading in READINGS:
        if reading in computed and computed[reading][0]:
            offer(computed[reading][1], reading)
            written = True
            generic |= computed[reading][1] is None
    if "coordinated_event" in computed and computed["coordinated_event"] is not None:
        offer(computed["coordinated_event"].speaker, "coordinated")
        written = True
    for person in (True, False):
        carried = c.carried_over(person)
        if carried is not None:
            offer(carried, "carried")
    offer(rule.mention, "rule_choice")
    si = art.sentence_index(cue.start)
    for m in art.mentions_in(art.sentences[max(0, si - WINDOW_SENTENCES)][0], art.sentences[si][1]):
        offer(m, "window")
    candidates = list(by_key.values())
    _featurize(c, candidates, si, written, generic)
    return candidates


def _featurize(c: SpeakerCandidates, candidates: list[Candidate], si: int, written: bool,
               generic: bool) -> None:
    """Sparse features: only the non-zero ones are stored (the model reads 0 for the rest);
    written out flat because this runs for every candidate of every cue."""
    art, cue = c.art, c.cue
    person_prefix = cue.subject in PERSON_PREFIXES
    body_prefix = cue.subject != "" and not person_prefix
    last = {p: _key((c._last_speaker[p] or (-1, None))[1]) for p in (True, False)}
    k = bisect.bisect_left(art.m_starts, cue.start) - 1
    while k >= 0 and art.mentions[k].label != "PER":
        k -= 1
    introduced = _key(art.mentions[k]) if k >= 0 else None
    common = {"dependent": 1.0} if c.dependent else {}
    if written:
        common["written_subject"] = 1.0
    for cand in candidates:
        f = dict(common)
        m = cand.mention
        if m is None:
            f["none"] = 1.0
            if person_prefix:
                f["none_person_prefix"] = 1.0
            if generic:
                f["none_rule_generic"] = 1.0
            if "rule_choice" in cand.sources:
                f["none_rule_choice"] = 1.0
            if not any(x.label in ("PER", "ORG") for x in art.mentions_in(*art.sentences[si])):
                f["none_no_mention_near"] = 1.0
            cand.features = f
            continue
        label, key, entity = m.label, _key(m), m.entity
        per = label == "PER"
        f[label.lower()] = 1.0
        if person_prefix:
            f["agree_person" if per else "clash"] = 1.0
        elif body_prefix:
            f["clash" if per else "agree_body"] = 1.0
        else:
            f["no_prefix"] = 1.0
        for source in cand.sources:
            if source != "window":
                f["r_" + source if source != "rule_choice" else source] = 1.0
        ms = art.sentence_index(m.start)
        if ms == si:
            f["same_sentence"] = 1.0
        elif ms == si - 1:
            f["prev_sentence"] = 1.0
        if m.start >= cue.end:
            f["after_cue"] = 1.0
        f["log_distance"] = math.log1p(abs(m.start - cue.start) / 10)
        if art.inside_quotation(m.start):
            f["in_quotation"] = 1.0
        if key == last[per]:
            f["last_speaker"] = 1.0
        if key == introduced:
            f["last_introduced"] = 1.0
        opened = art.opener_first.get(key)
        if opened is not None and opened < cue.start:
            f["opens_sentence"] = 1.0
        if entity is not None:
            f["log_mentions"] = math.log1p(len(entity.mentions))
            if entity.salience:
                f["salience"] = float(entity.salience)
        cand.features = f


def opener_positions(subjects: list[tuple[int, Optional[SpeakerMention]]]) -> dict:
    """Each speaker's first position as a sentence's subject (Reading.subjects)."""
    first: dict = {}
    for pos, mention in subjects:
        if mention is not None:
            first.setdefault(_key(mention), pos)
    return first
