"""Who a noun phrase names as a speaker: a person, a body, a place that speaks for its
government, a role or a document pointing back at whoever it stands for."""
from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, Optional

from service.components.quotes.marks import WORD
from service.components.quotes.records import SpeakerMention
from service.components.roles import entity_for_role
from service.lang.sw.function_words import (
    ASSOCIATIVES,
    DAY_WORDS,
    DEMONSTRATIVES,
    GENITIVES,
    NON_SUBJECT_WORDS,
    PERSON_DEMONSTRATIVES,
    PLACE_ADJUNCTS,
    POSSESSIVES,
    TWO_WORD_DISCOURSE_CONNECTIVES,
)
from service.lang.sw.nouns import (
    BODY_HEADS,
    DESCRIPTOR_HEADS,
    DOCUMENT_HEADS,
    IDENTIFIED_BODY_HEADS,
    OFFICIAL_HEADS,
    PERSON_OFFICE_HEADS,
    PERSON_PLURAL_PREFIX,
    PERSONAL_DOCUMENTS,
    PROFESSION_NOUNS,
    ROLE_WORDS,
    TITLE_WORDS,
)
from service.lang.sw.verbs import VERB_LOOKALIKE_NOUNS, is_finite_verb

if TYPE_CHECKING:
    from service.components.quotes.speakers import Reading


_ALL_BODY_HEADS = BODY_HEADS | IDENTIFIED_BODY_HEADS
_OWNING_BODIES = _ALL_BODY_HEADS | {"serikali"}
# Words that end a body's name ("Muungano wa madaktari hata hivyo", "polisi wa Ghana jana").
_NAME_ENDS = PLACE_ADJUNCTS | DAY_WORDS


def noun_phrase_speaker(art: Reading, start: int, end: int) -> tuple[bool, Optional[SpeakerMention]]:
    """Read text[start:end] as a noun phrase naming a speaker.

    Returns (names_someone, mention): names_someone is False when the phrase is only
    adverbs or pronouns, so that the speaker is the previous one; mention is None for
    a generic source ("wachambuzi", "maafisa wa afya", "ndugu wa familia ya X").
    """
    words = art.words(start, end)
    content = [w for w in words if w.group().lower() not in NON_SUBJECT_WORDS
               and not w.group().isdigit()]
    if not content:
        return False, None
    head = content[0].group().lower()
    head_at = next(i for i, w in enumerate(words) if w.start() == content[0].start())
    body_name = _body_name(art, words[head_at:]) if head in _ALL_BODY_HEADS else []
    found = art.mentions_in(start, end)
    found = sorted(found + _name_part_mentions(art,
        [w for w in content if not art.in_mention(w.start(), ("PER", "ORG"))]), key=lambda m: m.start)
    if body_name:
        # what follows a body's name is not its name ("Wizara ya habari kwenye ujumbe
        # wa [Twitter] inaeleza")
        found = [m for m in found if m.start < body_name[-1].end()]
    # A name after a genitive ("ndugu wa familia ya [George Floyd]") qualifies the
    # head noun, which is then the speaker; officials and named bodies speak for it.
    # A document speaks for whoever issued it ("taarifa ya Ikulu", "ripoti
    # iliyotolewa na HRW").
    own = [m for m in found if not after_genitive(art, m, start) or head in DOCUMENT_HEADS
           and not _addressee(art, m, start)
           or m.label == "ORG" and head in OFFICIAL_HEADS | BODY_HEADS | DESCRIPTOR_HEADS
           or m.label == "PER" and head in PERSON_OFFICE_HEADS]
    for label in ("PER", "ORG"):
        picked = [m for m in own if m.label == label]
        if picked:
            return True, picked[-1]
    locs = [m for m in found if m.label == "LOC"]
    if locs:
        before = [w.group().lower() for w in art.words(start, locs[0].start)
                  if w.group().lower() not in NON_SUBJECT_WORDS]
        # A place that speaks is the subject itself ("Washington ilisema"), its
        # government ("serikali ya Kenya"), or its officials ("maafisa wa Marekani").
        if not before or before[0] in OFFICIAL_HEADS | {"serikali"} and len(before) <= 2:
            loc = locs[0]
            if before == ["serikali"]:
                # The government speaks, not the country: the mention is the whole body
                # ("Serikali ya Kenya"), still linked to the place's entity.
                gov = next(w for w in art.words(start, loc.start) if w.group().lower() == "serikali")
                return True, SpeakerMention(gov.start(), loc.end, "ORG",
                                            art.span(gov.start(), loc.end), loc.entity)
            return True, loc
    demonstrative = any(w.group().lower() in DEMONSTRATIVES for w in words)
    # "wizara hiyo" points back at a body; "wizara ya afya ya nchi hiyo" does not.
    head_demonstrative = head_at + 1 < len(words) and words[head_at + 1].group().lower() in DEMONSTRATIVES
    if head in DOCUMENT_HEADS and head_demonstrative:
        # "ripoti hiyo": the body that published it; "ujumbe huo": whoever wrote it.
        if head in PERSONAL_DOCUMENTS:
            return True, _last_speaker(art, start)
        named = list(re.finditer(rf"\b{head}\s+(?:ya|la|za)\s+", art.text[:start], re.IGNORECASE))
        if named:
            # "ripoti ya polisi … kwa mujibu wa ripoti hiyo": that report's issuer.
            at = named[-1].end()
            stop = re.search(r"[,.;:]|$", art.text[at:art.sentence(at)[1]])
            return noun_phrase_speaker(art, named[-1].start(), at + stop.start())
        return True, _last_body_speaker(art, start) or _last_speaker(art, start) or _issuer(art, start)
    if head in DOCUMENT_HEADS:
        # "takwimu zilizotolewa na wizara ya afya": the body that issued it.
        body = next((w for w in content[1:] if w.group().lower() in BODY_HEADS), None)
        if body is not None:
            return noun_phrase_speaker(art, body.start(), end)
    if head in OFFICIAL_HEADS and len(content) > 1 and content[1].group().lower() in _OWNING_BODIES:
        # "Maafisa wa wizara ya afya nchini Sudan Kusini": officials speak for their body
        # where it is named ("maafisa wa benki" are no one in particular), a spokesman the
        # article names speaks for himself.
        holder = _role_holder(art, content[0].start(), end, head) if head in ROLE_WORDS else None
        if holder is None:
            owner = content[1].group().lower()
            if _qualified_name(owner).match(art.text, content[1].start()):
                return noun_phrase_speaker(art, content[1].start(), end)
            return True, _named_body(art, owner, start)
    if head == "serikali" and all(w.group().lower() in DEMONSTRATIVES for w in words[head_at + 1:]):
        # "serikali inasema" in an article that named "Serikali ya Algeria"
        return True, _named_body(art, head, start) or _bare_government(art, content[0], end)
    if body_name:
        # (a capital inside a sentence makes the bare head a name: "… na Ikulu ilisema")
        bare = all(w.group().lower() in DEMONSTRATIVES for w in body_name[1:]) and not (
            body_name[0].group()[0].isupper() and WORD.search(art.text, art.sentence(start)[0], start))
        if head_demonstrative or bare:
            # "Muungano huo", "Wizara imeeleza", "polisi walisema": the body under the
            # fullest name the article gave it before; a bare name no one qualified is
            # itself the speaker, unless only a qualifier makes it one ("polisi").
            named = _named_body(art, head, start)
            if head_demonstrative and head in BODY_HEADS:
                return True, _last_body_named(art, head, start, named)
            if named is not None or head in IDENTIFIED_BODY_HEADS:
                return True, named
        # A body the NER missed: "Tume ya uchaguzi", "Wizara ya Mambo ya Nje ya
        # Marekani"; the noun phrase is the speaker's mention.
        np = body_name
        # (its jurisdiction, "nchini X", does not make a name long)
        named_part = next((np[:k] for k, w in enumerate(np) if w.group().lower() == "nchini"), np)
        size = sum(w.group().lower() not in NON_SUBJECT_WORDS | GENITIVES for w in named_part)
        if np and (size <= 4 or np[0].group()[0].isupper() and size <= 9):
            return True, SpeakerMention(np[0].start(), np[-1].end(), "ORG",
                                  art.span(np[0].start(), np[-1].end()), None)
    if head_demonstrative and words[head_at + 1].group().lower() in ("hao", "hawa") and (
            head.startswith(("wa", "vi")) and head not in VERB_LOOKALIKE_NOUNS | {"watu"}):
        # "viongozi hao" after "viongozi wa Tigray …": the body they were named by.
        introduced = re.compile(rf"\b{re.escape(head)}\s+(?:wa|ya|la)\s+$", re.IGNORECASE)
        recent = art.sentences[max(0, art.sentence_index(start) - 2)][0]
        for m in reversed(art.mentions_in(recent, start)):
            if introduced.search(art.text, max(0, m.start - 30), m.start):
                return True, m
        # "wakuu hao", "viongozi hao": the people just named; any of them speaks.
        people = [m for m in art.mentions_in(0, start) if m.label == "PER"]
        return True, people[-1] if people else None
    # A person's role: "waziri huyo", "mchumi huyo wa Kenya", "kiongozi wa chama
    # hicho", or a bare "Rais".
    if any(w.group().lower() in PERSON_DEMONSTRATIVES for w in words) or (
            head in ROLE_WORDS and (demonstrative or len(content) <= 2)):
        holder = _role_holder(art, content[0].start(), end, head, forward=not demonstrative)
        if holder is None and head_demonstrative and head in ROLE_WORDS | PROFESSION_NOUNS:
            # "mwanasiasa huyo chipukizi": the person the text has been about, its
            # last speaker or the last person who opened a sentence.
            holder = _last_speaker(art, start, ("PER",))
            k = bisect.bisect_left(art.subject_starts, start) - 1
            if k >= 0 and (holder is None or art.subjects[k][0] > holder.start):
                holder = art.subjects[k][1]
        return True, holder
    return True, None


def _body_name(art: Reading, np: list[re.Match]) -> list[re.Match]:
    """The words of a body's name, from its head noun: a place adjunct, a day, a
    relative clause or a sentence adverb ends it ("Muungano wa madaktari hata hivyo
    umesema", "polisi wa Ghana jana"), except "nchini" and the country where no place
    named the body before: its jurisdiction ("Polisi nchini Uganda", "Chama … nchini
    Tanzania Chadema", not "Uongozi wa kijeshi wa Marekani nchini Qatar"); grammar words
    at its end are not part of it."""
    for k in range(len(np)):
        pair = (np[k].group().lower(), np[k + 1].group().lower() if k + 1 < len(np) else "")
        place = None
        if pair[0] == "nchini" and pair[1]:
            places = [m for m in art.mentions_in(np[0].start(), np[-1].end()) if m.label == "LOC"]
            place = next((m for m in places if m.start <= np[k + 1].start() < m.end), None)
        if place is not None and place is places[0]:
            name = next((m for m in art.mentions_in(place.end, np[-1].end()) if m.label == "ORG"
                         and not art.text[place.end:m.start].strip()), place)
            np = [w for w in np if w.end() <= name.end]
            break
        if pair[0] in _NAME_ENDS or pair in TWO_WORD_DISCOURSE_CONNECTIVES \
                or pair[0].startswith("amba"):
            np = np[:k]
            break
    while len(np) > 1 and np[-1].group() in GENITIVES | {"na"}:
        np = np[:-1]
    return np


@functools.lru_cache(maxsize=None)
def _qualified_name(head: str) -> re.Pattern:
    # ("cha"/"vya" join a ki-/vi- noun only: "kituo cha polisi cha Nalufenya" is the
    # station's; "kwa" is "by", not "of")
    joins = ASSOCIATIVES - {"kwa"} - (set() if head.startswith(("ki", "ch", "vi", "vy")) else {"cha", "vya"})
    return re.compile(rf"\b{re.escape(head)}\s+(?:{'|'.join(sorted(joins))}|nchini)\s+\w", re.IGNORECASE)


def _named_body(art: Reading, head: str, before: int) -> Optional[SpeakerMention]:
    """The nearest earlier name of a body with this head noun that qualifies it
    ("Muungano wa makanisa nchini Uganda", "polisi wa Ujerumani"), read up to its
    sentence's next verb or punctuation."""
    for m in reversed(list(_qualified_name(head).finditer(art.text, 0, before))):
        _, sentence_end = art.sentence(m.start())
        stop = re.search(r"[,.;:“”\"«»(]", art.text[m.start():sentence_end])
        end = m.start() + stop.start() if stop else sentence_end
        verbs = art.verb_words(m.end(), end)
        if verbs:
            end = verbs[0].start()
        _, mention = noun_phrase_speaker(art, m.start(), end)
        if mention is not None and mention.label != "PER":
            return mention
    return None


# A passive verb's agent, up to two adjunct words between and a describing noun before
# the name: "inayotolewa kila mwaka na taasisi ya [X]", "iliyochapishwa na [X]".
_AGENT_BEFORE = re.compile(r"\w+wa(?:\s+\w+){0,2}\s+na\s+(?:\w+\s+(?:ya|la|wa)\s+)?$", re.IGNORECASE)


def _issuer(art: Reading, before: int) -> Optional[SpeakerMention]:
    """"ripoti hiyo" in an article where no one has spoken yet: the body the article
    said issues something ("orodha … inayotolewa … na taasisi ya [X]")."""
    for m in reversed(art.mentions_in(0, before)):
        if m.label == "ORG" and _AGENT_BEFORE.search(art.text, max(0, m.start - 80), m.start):
            return m
    return None


# A class 9 (i-) verb in the narrative tense: i-ka-jibu, i-ka-tu-jibu.
_NARRATIVE_I = re.compile(r"ika[a-z]{3,}")


def _bare_government(art: Reading, word: re.Match, end: int) -> Optional[SpeakerMention]:
    """"…, serikali ilisema": a government the article qualifies nowhere speaks under
    that word, where it is the subject of the verb right after it (class 9, i-), not
    the agent of a passive ("televisheni inayodhibitiwa na serikali imeripoti"). The
    verb may be in the narrative tense, whose subject is written as any other's
    ("lakini serikali ikajibu kuwa …")."""
    verb = WORD.search(art.text, end)
    before = art.words(max(0, word.start() - 40), word.start())
    if verb is None or art.text[end:verb.start()].strip() or not verb.group().lower().startswith("i") \
            or not (is_finite_verb(verb.group()) or _NARRATIVE_I.fullmatch(verb.group().lower())):
        return None
    if len(before) >= 2 and before[-1].group().lower() == "na" and before[-2].group().lower().endswith("wa"):
        return None
    return SpeakerMention(word.start(), word.end(), "ORG", art.span(word.start(), word.end()), None)


def after_genitive(art: Reading, m: SpeakerMention, start: int) -> bool:
    prev = art.words(max(start, m.start - 30), m.start)
    if len(prev) >= 2 and prev[-1].group().lower() in POSSESSIVES \
            and prev[-2].group().lower() in OFFICIAL_HEADS | ROLE_WORDS | PROFESSION_NOUNS:
        return False  # a role, a possessive, a name: "msemaji wao [Ridwan Hajji]"
    if len(prev) >= 3 and prev[-1].group().lower() in TITLE_WORDS and prev[-2].group().lower() in GENITIVES \
            and people_of(prev[-3].group().lower()) and not art.text[prev[-1].end():m.start].strip(".").strip():
        return True  # people of someone, who is named with a title: "wakosoaji wa Rais [X]"
    return bool(prev) and prev[-1].group().lower() in GENITIVES and not art.text[
        prev[-1].end():m.start].strip()


def people_of(word: str) -> bool:
    """A plural noun of people (class 2, "wa-": "wakosoaji", "wafuasi") that is no role:
    a title after its genitive names whose people they are, not who they are
    ("msemaji wa katibu mkuu [X]" is X himself)."""
    return word.startswith(PERSON_PLURAL_PREFIX) and word not in ROLE_WORDS | OFFICIAL_HEADS | PROFESSION_NOUNS


def _addressee(art: Reading, m: SpeakerMention, start: int) -> bool:
    """"barua ya UCC kwa Google": whom a document was sent to, not who issued it
    ("kutoka kwa X" is its sender)."""
    prev = art.words(max(start, m.start - 30), m.start)
    return bool(prev) and prev[-1].group().lower() == "kwa" and not art.text[prev[-1].end():m.start].strip() \
        and not (len(prev) > 1 and prev[-2].group().lower() == "kutoka")


def _name_part_mentions(art: Reading, content: list[re.Match]) -> list[SpeakerMention]:
    """Capitalised words the NER left out, or put in a place's name, that are part
    of a person's or body's name found elsewhere ("Lakini Nyamu aliongeza" beside
    "Naitore Nyamu"; "msaidizi wa [Kremlin Yuri Ushakov]" beside "Ushakov")."""
    out = []
    for w in content:
        m = art.name_parts.get(w.group())
        if m is not None and w.group()[0].isupper() and not m.start <= w.start() < m.end:
            span = art.span(w.start(), w.end())
            out.append(SpeakerMention(w.start(), w.end(), m.label, span, m.entity))
    return out


def _role_holder(art: Reading, start: int, end: int, role: str, forward: bool = False) -> Optional[SpeakerMention]:
    """The person introduced earlier with this role ("waziri huyo" → the minister):
    the entities helper first, else the nearest earlier person whose sentence names
    the role next to them. A role without a demonstrative may also name a person the
    next sentences introduce ("Meya wa Atlanta anasema …. [Name], Meya wa Atlanta,")."""
    role_span = art.span(start, end)
    if role_span is None:
        return None
    entity = entity_for_role(art.doc, role_span)
    if entity is not None:
        return SpeakerMention(role_span.start_char, role_span.end_char, entity.label, role_span, entity)
    role_word = re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE)
    before = [m for m in reversed(art.mentions_in(0, start))]
    after = []
    if forward:
        last = art.sentences[min(len(art.sentences) - 1, art.sentence_index(end) + 2)][1]
        after = art.mentions_in(end, last)
    for m in before + after:
        if m.label == "PER" and _introduced_as(art, m, role_word):
            return SpeakerMention(role_span.start_char, role_span.end_char, "PER", role_span, m.entity)
    return None


def _introduced_as(art: Reading, m: SpeakerMention, role_word: re.Pattern) -> bool:
    """The role is written next to the person: "Waziri wa Fedha [X]" (no verb
    between) or "[X], mhadhiri katika …"."""
    s_start, s_end = art.sentence(m.start)
    lo = max(s_start, m.start - 80)
    found = None
    for found in role_word.finditer(art.text, lo, m.start):
        pass
    if found is not None and not art.has_verb_word(found.end(), m.start):
        return True
    # after the name only in an apposition: "[X], jaji wa …", not "[X] kuwasilisha ombi la
    # kumkataa jaji huyo", where the role is another person's
    after = role_word.search(art.text, m.end, min(s_end, m.end + 40))
    return after is not None and art.text.startswith(",", m.end) and not art.has_verb_word(m.end, after.start())


def _last_body_speaker(art: Reading, before: int) -> Optional[SpeakerMention]:
    """The last body that spoke, or that has since opened a sentence ("NEC
    imetupilia mbali …. Taarifa hiyo imeeleza …")."""
    speaker = _last_speaker(art, before, ("ORG", "LOC"))
    for m in reversed(art.mentions_in(speaker.end if speaker else 0, before)):
        if m.label == "ORG" and not WORD.search(art.text, art.sentence(m.start)[0], m.start):
            return m
    return speaker


def _last_speaker(art: Reading, before: int, labels=("PER", "ORG", "LOC")) -> Optional[SpeakerMention]:
    for start in sorted(art.events, reverse=True):
        ev = art.events[start]
        if start < before and ev.speaker is not None and ev.speaker.label in labels:
            return ev.speaker
    return None


def _last_body_named(art: Reading, head: str, before: int,
                     named: Optional[SpeakerMention] = None) -> Optional[SpeakerMention]:
    introduced = re.compile(rf"\b{re.escape(head)}\s+(?:ya|la|wa|cha|za)\s+$", re.IGNORECASE)
    for m in reversed(art.mentions_in(0, before)):
        if m.label == "ORG" and (art.text[m.start:m.end].lower().startswith(head)
                                 or introduced.search(art.text, max(0, m.start - 30), m.start)):
            return m
    return named or _last_body_speaker(art, before)


def appositive_person(art: Reading, pos: int) -> Optional[SpeakerMention]:
    """A person named right after a comma: "mkuu wa utafiti wa HRW, [Oryem Nyeko],"."""
    m = re.match(r"\s*,\s*", art.text[pos:pos + 10])
    if not m:
        return None
    start = pos + m.end()
    found = art.mentions_in(start, start + 60)
    if found and found[0].start == start and found[0].label in ("PER", "ORG"):
        after = art.text[found[0].end:found[0].end + 3].lstrip()
        if not after or after[0] in ",.;:":
            return found[0]
    return None


def sentence_subject(art: Reading, sentence_start: int) -> Optional[SpeakerMention]:
    """The person who opens the sentence starting there as its subject, if any."""
    i = bisect.bisect_left(art.subject_starts, sentence_start)
    if i < len(art.subjects) and art.subjects[i][0] < art.sentence(sentence_start)[1]:
        return art.subjects[i][1]
    return None
