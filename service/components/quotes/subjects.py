"""The subject of a speech verb: written before it, after it ("…,” alisema Kim."), or
the main clause's for a participle; and the people who open sentences as subjects."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Optional

from service.components.quotes.cues import SpeechCue, is_dependent
from service.components.quotes.marks import WORD, after_abbreviation
from service.components.quotes.noun_phrases import after_genitive, appositive_person, noun_phrase_speaker
from service.components.quotes.records import SpeakerMention, SpeechEvent
from service.lang.sw.function_words import COMPLEMENTIZERS, NON_SUBJECT_WORDS, POST_ADJUNCT_WORDS
from service.lang.sw.nouns import DOCUMENT_HEADS, PLURAL_OFFICIAL_HEADS, ROLE_WORDS
from service.lang.sw.speech_verbs import QUOTED_PASSIVE
from service.lang.sw.verbs import (
    PEOPLE_VERB,
    PERSON_PREFIXES,
    PERSON_VERB,
    THING_VERB,
    is_finite_verb,
    is_relative_verb,
    is_verb,
)

if TYPE_CHECKING:
    from service.components.quotes.speakers import Reading

# Where a subject after the verb ends: punctuation, a complementizer, a quotation mark,
# a preposition or participle that starts an adjunct, or an amba- relative clause that
# describes it ("alisema Yonas ambaye chuo chake kipo …").
# (A comma between digits groups thousands: "watu 46,000".)
_POST_SUBJECT_END = re.compile(
    r"(?<!\d),|,(?!\d)|[.;:“”\"«»‘’(]|\b(?:kwamba|kuwa|kwa|katika|kwenye|kupitia|mbele|alipokuwa|akiwa|wakati|"
    r"baada|kabla|bila)\b|\b\w+ki(?:sema|ongeza|ongezea|eleza|elezea|mshukuru)\b|\bamba\w*", re.IGNORECASE)


def agrees(verb_prefix: str, noun: str, is_person: bool) -> bool:
    """Whether a noun can be the subject of a verb with this subject prefix, judged by
    the noun-class prefix of the noun (only the clear cases are told apart)."""
    noun = noun.lower()
    onsets = {"vi": ("vi", "vy"), "ki": ("ki", "ch"), "ya": ("ma",)}
    if verb_prefix in onsets:
        return noun.startswith(onsets[verb_prefix])
    person_like = is_person or noun in ROLE_WORDS
    if verb_prefix == "a":
        return person_like or noun.startswith(("m", "mw")) and not noun.startswith(("mi", "ma"))
    if verb_prefix == "wa":
        return person_like or not noun.startswith(("ki", "ch", "vi", "vy", "ma", "mi"))
    # Class 6 (ma-) takes "ya"; a few class 9 nouns only look like it.
    class_6 = noun.startswith("ma") and noun not in ("mamlaka", "mahakama", "maabara")
    return not person_like and not class_6 and not noun.startswith(("ki", "vi", "vy", "wa"))


def clause_start(art: Reading, pos: int) -> int:
    s = art.sentence(pos)[0]
    i = bisect.bisect_right(art.q_starts, pos) - 1
    if i >= 0:
        q = art.quotations[i]
        if q.close is not None and s <= q.close < pos and not _quoted_name(art, q):
            s = q.close + 1
    # a headline's topic before a colon is no part of the clause ("Mto Nile : Ethiopia yasema …")
    # when a subject may stand after it ("Mkapa: Hata hivyo alisema" has none)
    colon = art.text.rfind(": ", s, pos)
    if colon != -1 and any(w.group().lower() not in NON_SUBJECT_WORDS for w in art.words(colon, pos)):
        s = colon + 1
    words = art.words(s, pos)
    for k, m in enumerate(words):
        low = m.group().lower()
        # An amba- relative followed by a subject of its own opens that subject's
        # clause ("… video ambapo Trump anasema …", "siku ambayo tume ilitangaza …").
        if low in COMPLEMENTIZERS or low.startswith("amba") and any(
                w.group().lower() not in NON_SUBJECT_WORDS for w in words[k + 1:]) \
                and not art.has_verb_word(m.end(), pos, finite_only=True):
            s = m.end()
    return s


def _quoted_name(art: Reading, q) -> bool:
    """A name or nickname in quotation marks ("“Cor Unum” ilisema", "Edmund Sanga “Eddo”
    wamesema"): a name of at most three words, no closing punctuation, so part of the
    subject rather than what was said before it ("“Ndiyo” alisema Juma" is said)."""
    return len(art.words(q.start, q.end)) <= 3 and art.text[q.end - 1].isalnum() \
        and bool(art.mentions_in(q.start, q.end))


def _name_before_nickname(art: Reading, mention: Optional[SpeakerMention]) -> Optional[SpeakerMention]:
    """A quoted name right after a person's name is a nickname (`Halima Yahaya “Davina”
    alisema`): the speaker is the name."""
    q = art.quotation_at(mention.start) if mention is not None else None
    if q is None or not _quoted_name(art, q):
        return mention
    before = art.mentions_in(max(0, q.open - 80), q.open)
    if before and before[-1].label == "PER" and not art.text[before[-1].end:q.open].strip():
        return before[-1]
    return mention


def inside_report(art: Reading, pos: int) -> bool:
    """The verb at pos stands in the clause an earlier speech verb of its sentence reports."""
    s, _ = art.sentence(pos)
    return any(re.search(r"\b(?:kwamba|kuwa)\b", art.text[c.end:pos])
               for c in art.cues_between(s, pos))


def _subject_chunks(art: Reading, start: int, end: int, dependent: bool,
                    verb_prefix: str = "") -> list[tuple[int, int, bool]]:
    """Comma-separated chunks before a verb, nearest first, as (start, end, adjacent).

    A chunk with a finite verb of its own ends the search (its part before that verb
    may still be the subject: "Trump anaendelea kusema"); a participial phrase
    ("James Macharia wakati akizindua …") is skipped over; parentheses are asides.
    """
    text = art.text
    bounds = [start] + [start + m.end() for m in re.finditer(r"[,;:]", text[start:end])]
    chunks = []
    for i in range(len(bounds) - 1, -1, -1):
        b, e = bounds[i], (end if i == len(bounds) - 1 else bounds[i + 1] - 1)
        e = b + len(re.sub(r"\([^()]*\)?\s*$", "", text[b:e]))
        b = b + len(text[b:e]) - len(re.sub(r"^\s*\([^()]*\)", "", text[b:e]))
        adjacent = i == len(bounds) - 1
        if re.match(r"\s*amba\w*\b", text[b:e]) and (not adjacent or i > 0 and not dependent):
            # "X, ambayo ilihusika …, anasema": an aside about X (its closing
            # comma is often left out)
            continue
        if dependent and adjacent and verb_prefix == "":
            after = list(re.finditer(r"\b(?:baada|kabla)\s+ya\s+", text[b:e]))
            if after and not art.has_verb_word(b + after[-1].end(), e):
                chunks.append((b + after[-1].end(), e, adjacent))  # "baada ya AP kuripoti"
                break
        first = WORD.search(text, b, e)
        # "Taarifa iliyotolewa na X ilisema": a relative verb is inside the subject.
        nominal = first is not None and first.group().lower() in DOCUMENT_HEADS \
            or adjacent and _title_named_after_its_clause(art, b, e)
        finite = [w for w in art.verb_words(b, e, finite_only=True)
                  if not (nominal and is_relative_verb(w.group()))]
        if finite and not art.has_main_verb(b, e) and (not adjacent or i > 0 and _only_a_name(
                art, bounds[i - 1], bounds[i] - 1)):
            # "Amanda Iovino, mchambuzi anayeandaa …, alisema", "X, mtafiti ambaye
            # anaongoza …, anakiri": only a relative clause's verbs, a description
            # set off by commas; the subject may stand before it. Its closing comma
            # may be left out after a name ("X, mchambuzi anayeandaa … alisema").
            relative = re.search(r"\bamba\w*", text[b:finite[0].start()])
            cut = b + relative.start() if relative else finite[0].start()
            if cut > b:
                chunks.append((b, cut, adjacent))
            continue
        if finite:
            # "Blake yuko hospitali na madaktari wanasema": a subject of its own
            # after the other verb's clause; else the subject before that verb.
            tails = list(re.finditer(r"\b(?:na|lakini|huku|ila|kisha)\s+", text[finite[-1].end():e]))
            tail_start = finite[-1].end() + tails[-1].end() if tails else e
            tail_words = art.words(tail_start, e)
            # (a longer one when it names someone: "… umemalizika na muungano wa
            # upinzani kupitia msemaji wao X wamesema")
            named_tail = len(tail_words) <= 12 and any(
                m.label in ("PER", "ORG") for m in art.mentions_in(tail_start, e))
            # (or a role and what qualifies it: "… na mkuu wa polisi wa nchi hiyo alisema")
            role_tail = 0 < len(tail_words) <= 8 and tail_words[0].group().lower() in ROLE_WORDS
            own = list(re.finditer(r"\b(?:huku|naye|nao|nayo)\s+", text[finite[-1].end():e]))
            if adjacent and not dependent and (len(tail_words) <= 4 or named_tail or role_tail) and any(
                    w.group().lower() not in NON_SUBJECT_WORDS for w in tail_words):
                chunks.append((tail_start, e, adjacent))
            elif adjacent and dependent and own and art.words(finite[-1].end() + own[-1].end(), e):
                # "… huku msemaji … Dmitry Peskov akisema": a subject of its own after a
                # conjunction, as in a chunk with no verb
                chunks.append((finite[-1].end() + own[-1].end(), e, adjacent))
            elif adjacent and dependent and (joined := _joined_clause_subject(art, finite, verb_prefix)):
                # "Tanzania haijatoa idadi … na Rais X amekaririwa mara kadha akisema": the
                # participle goes on with the clause just before it, joined by a conjunction
                chunks.append((*joined, adjacent))
            elif adjacent and finite[0].start() > b and not (dependent and inside_report(art, finite[0].start())) \
                    and not prefixes_clash(verb_prefix, finite[0].group()):
                # (not for a verb in what an earlier verb reports: "X alikiri kuwa CAG
                # hajaanza kazi lakini akasisitiza …" goes on with X)
                chunks.append((b, finite[0].start(), adjacent))
            break
        participles = [w for w in art.verb_words(b, e) if not (nominal and is_relative_verb(w.group()))]
        if participles:
            intro = re.search(r"\b(?:wakati|alipokuwa|walipokuwa|huku)\s*$",
                              text[b:participles[0].start()])
            cut = b + intro.start() if intro else participles[0].start()
            if cut > b:
                chunks.append((b, cut, adjacent))
            if dependent and adjacent:
                break
            continue
        if dependent and adjacent:
            # "huku serikali ikisema": a subject of its own follows a conjunction;
            # a whole chunk set off by a comma must agree with the verb's noun class
            # (", vyama vya upinzani vikidai" but not ", kibiashara na kijeshi
            # akisisitiza", where the words end the main verb's object).
            conj = None
            for conj in re.finditer(r"\b(?:huku|wakati|naye|nao|nayo)\s+", text[b:e]):
                pass
            head = WORD.search(text, b, e)
            if conj is not None:
                chunks.append((b + conj.end(), e, adjacent))
            elif head and agrees(verb_prefix, head.group(), art.in_mention(head.start(), ("PER",))):
                chunks.append((b, e, adjacent))
            break
        chunks.append((b, e, adjacent))
    return chunks


# A conjunction that joins a main clause with a subject of its own.
_JOINED_CLAUSE = re.compile(r"\b(?:na|lakini|huku)\s+", re.IGNORECASE)


def _joined_clause_subject(art: Reading, finite: list[re.Match], verb_prefix: str) -> Optional[tuple[int, int]]:
    """The subject of the last of several finite verbs when a conjunction joins its clause
    to the one before (… na [Rais X] amekaririwa), and that verb agrees with the participle's
    prefix; not after a speech verb, whose report the clause may be ("X amesema ripoti …
    na wala tume haijathibitisha …, akisema" goes on with X)."""
    last = finite[-1]
    if len(finite) < 2 or is_relative_verb(last.group()) or prefixes_clash(verb_prefix, last.group()) \
            or art.cues_between(art.sentence(last.start())[0], last.start()):
        return None
    conj = None
    for conj in _JOINED_CLAUSE.finditer(art.text, finite[-2].end(), last.start()):
        pass
    if conj is None or _PASSIVE.fullmatch(finite[-2].group()) and not art.text[finite[-2].end():conj.start()].strip():
        return None  # "alipoulizwa na Alasiri …": a passive's agent, no clause of its own
    _, mention = noun_phrase_speaker(art, conj.end(), last.start())
    # (a subject that names someone: "na badala yake amekuwa akisisitiza" goes on as before)
    return (conj.end(), last.start()) if mention is not None else None


def prefixes_clash(prefix: str, verb: str) -> bool:
    """Whether a verb with this subject prefix and the finite verb `verb` cannot share a
    subject: one has a person's prefix, the other a body's or thing's ("Sudan Kusini
    ilipokea dozi … na hadi wakati huu anasema …": someone else speaks), or one is
    one person's and the other several people's."""
    verb = verb.lower()
    if prefix in PERSON_PREFIXES:
        return bool(THING_VERB.match(verb)) or _number_clash(prefix, _person_prefix(verb))
    return bool(prefix) and bool(PERSON_VERB.match(verb))


def _only_a_name(art: Reading, start: int, end: int) -> bool:
    """Whether text[start:end] holds a person's name and nothing else."""
    words = art.words(start, end)
    return bool(words) and all(art.in_mention(w.start(), ("PER",)) for w in words)


def _title_named_after_its_clause(art: Reading, b: int, e: int) -> bool:
    """"naibu katibu anayeshughulikia huduma za jamii X alisema": a title, a relative
    clause that qualifies it, and its holder's name right before the verb. Not when a name
    stands before the relative verb ("wakili X anayemtetea Y alidai": Y is its object) or
    the name follows the relative verb at once."""
    people = [m for m in art.mentions_in(b, e) if m.label == "PER"]
    if not people or art.text[people[-1].end:e].strip():
        return False
    relatives = [w for w in art.verb_words(b, people[-1].start, finite_only=True) if is_relative_verb(w.group())]
    return bool(relatives) and len(people) == 1 and bool(art.words(relatives[-1].end(), people[-1].start))


def pre_subject(art: Reading, cue: SpeechCue, dependent: bool) -> tuple[bool, Optional[SpeakerMention]]:
    """The subject written before the verb.

    Dependent verbs (a-ki-sema, a-ka-sema, ku-sema) take a subject only right before
    them ("huku serikali ikisema"); otherwise theirs is the main clause's.
    """
    chunks = _subject_chunks(art, clause_start(art, cue.start), cue.start, dependent, cue.subject)
    named, names = [], []
    for k, (b, e, adjacent) in enumerate(chunks):
        is_named, mention = noun_phrase_speaker(art, b, e)
        mention = _name_before_nickname(art, mention)
        if mention is not None and mention.label == "LOC" and k + 1 < len(chunks):
            before = art.mentions_in(*chunks[k + 1][:2])
            if before and before[-1].label == "LOC" and not art.text[before[-1].end:chunks[k + 1][1]].strip():
                continue  # "huko McAllen, Texas, wamesema": the state of a city
        # A generic noun phrase set off by commas is an adverbial ("Matokeo yake,
        # ilisema") unless its noun class agrees with the verb ("…,” mwandishi wa
        # familia, ameliambia"); a name or a role there is an appositive subject.
        head = WORD.search(art.text, b, e)
        if is_named and (adjacent or mention is not None or head is not None and not dependent
                         and agrees(cue.subject, head.group(), False)):
            named.append(mention)
            if mention is not None and mention.label == "PER" and _only_a_name(art, b, e):
                names.append(mention)
    if not named:
        return False, None
    if names:
        # "X, mshauri wa kiongozi wa Iran Y, ameapa": the description's name is
        # someone else's; the name set off alone is the subject.
        return True, names[0]
    for label in ("PER", "ORG", "LOC"):
        for mention in named:
            if mention is not None and mention.label == label:
                return True, mention
    return True, named[0]


def verb_opens_clause(art: Reading, cue: SpeechCue) -> bool:
    start = clause_start(art, cue.start)
    comma = max(art.text.rfind(",", start, cue.start), art.text.rfind(";", start, cue.start))
    lead = art.words(max(start, comma + 1), cue.start)
    return all(w.group().lower() in NON_SUBJECT_WORDS for w in lead)


def coordinated(art: Reading, cue: SpeechCue) -> bool:
    """"X wamechangia …, na sasa wanasema …": a second verb of the same subject."""
    s, _ = art.sentence(cue.start)
    return bool(re.search(r"\b(?:na|lakini|kisha|pia)\b[\w\s]{0,20}$", art.text[s:cue.start])) \
        and art.has_verb_word(s, cue.start, finite_only=True)


def main_clause_subject(art: Reading, cue: SpeechCue) -> tuple[bool, Optional[SpeakerMention]]:
    """"X alisema …, akiongeza kwamba …": the subject of the sentence's main verb,
    a reporting verb first ("X alisema"), else its first non-relative finite verb."""
    s, _ = art.sentence(cue.start)
    for earlier in reversed(art.cues_between(s, cue.start)):
        ev = art.events.get(earlier.start)
        if ev is not None and not is_dependent(art.text, earlier) and _agrees_with(earlier, ev, cue.subject) \
                and not _number_clash(cue.subject, earlier.subject):
            return True, ev.speaker
    # A verb inside a quotation is the quoted words', not the main clause's ("“… kesi yake
    # iko Kinondoni,” akaongeza.": the speaker is not named in what was said).
    finite = [w for w in art.verb_words(s, cue.start, finite_only=True)
              if not is_relative_verb(w.group()) and not art.inside_quotation(w.start())]
    if not finite:
        # "Akikiri kwamba …, Blinken alikataa …": the main clause follows.
        main = main_clause_start(art, s, art.sentence(s)[1])
        finite = art.main_verbs(main, art.sentence(s)[1]) if main > cue.start else []
        if not finite:
            return False, None
    agent = _passive_agent(art, finite[0], cue.start)
    if agent is not None:
        return True, agent
    if prefixes_clash(cue.subject, finite[0].group()):
        return False, None
    verb = SpeechCue(finite[0].start(), finite[0].end(), "", "a", False, "", False, False)
    return pre_subject(art, verb, dependent=False)


def _number_clash(prefix: str, other: str) -> bool:
    """One person's prefix (a-) and several people's (wa-): "Tairo alidai kuwepo watu …
    wakitangaza kuwa …" is the people's announcement, not Tairo's."""
    return {prefix, other} == {"a", "wa"}


def _person_prefix(verb: str) -> str:
    """a- or wa- where the finite verb has a person's prefix and a tense."""
    verb = verb.lower()
    return "a" if PERSON_VERB.match(verb) else "wa" if PEOPLE_VERB.match(verb) else ""


def _agrees_with(earlier: SpeechCue, ev: SpeechEvent, prefix: str) -> bool:
    """Whether a dependent verb with this subject prefix can go on with an earlier verb's
    speaker: a person's prefix (a-, wa-) never agrees with a body's or thing's subject,
    nor the other way round ("X amesema kuwa mahakama itamjibu …, akiongeza": the
    participle is X's, not the court's). The earlier verb's prefix and its speaker must
    both be of the other kind: a quoting verb's speech act is the quoted person's
    ("Taarifa inamnukuu msemaji X, akisema": X's), and an infinitive has no prefix."""
    if not prefix or not earlier.subject:
        return True
    person = prefix in PERSON_PREFIXES
    return (earlier.subject in PERSON_PREFIXES) == person or (
        ev.speaker is not None and (ev.speaker.label == "PER") == person)


# A passive verb: its extension -w- after a consonant or the -i-/-e- of -iwa/-ewa
# (ya-li-tangaz-w-a, a-li-amb-iw-a), not ku-wa "be".
_PASSIVE = re.compile(r"\w+(?:[^aeiou\W]|[ie])wa", re.IGNORECASE)


def _passive_agent(art: Reading, verb: re.Match, end: int) -> Optional[SpeakerMention]:
    """"Makubaliano hayo yalitangazwa … na kiongozi wa upinzani Yari Lapid baada ya
    kumuarifu rais …": the agent of a passive main verb is who does the rest, except
    a quoting one's (QUOTED_PASSIVE)."""
    if not _PASSIVE.fullmatch(verb.group()) or QUOTED_PASSIVE.fullmatch(verb.group()):
        return None
    by = re.search(r"\bna\s+", art.text[verb.end():end])
    if by is None:
        return None
    start = verb.end() + by.end()
    stop = re.search(r"[,.;:]|\b(?:baada|kabla)\s+ya\b", art.text[start:end])
    named, mention = noun_phrase_speaker(art, start, start + stop.start() if stop else end)
    return mention if named and mention is not None and mention.label in ("PER", "ORG") else None


def main_clause_start(art: Reading, s: int, e: int) -> int:
    """Where a sentence's main clause starts: after an opening participial clause
    ("Akizungumza na wanahabari, …"), else at the sentence start."""
    first = WORD.search(art.text, s, e)
    if first and is_verb(first.group()) and not is_finite_verb(first.group()):
        comma = art.text.find(",", first.end(), e)
        if comma > 0:
            return comma + 1
    return s


def post_subject(art: Reading, cue: SpeechCue) -> tuple[bool, Optional[SpeakerMention]]:
    """A subject after the verb: `,” alisema Kim.`, `alisema jaji huyo.`"""
    _, sent_end = art.sentence(cue.start)
    after = art.text[cue.end:sent_end]
    if after.lstrip()[:1] in (",", ":"):
        return False, None
    stop = _POST_SUBJECT_END.search(after)
    while stop and stop.group() == "." and after_abbreviation(art.text, cue.end + stop.start(), cue.end):
        stop = _POST_SUBJECT_END.search(after, stop.end())  # `alisema Bw. Haji.`
    end = cue.end + (stop.start() if stop else len(after))
    words = art.words(cue.end, end)
    for k, w in enumerate(words):
        if k and is_verb(w.group()) and not is_finite_verb(w.group()) \
                and art.in_mention(words[k - 1].start(), ("PER", "ORG")):
            # "amesema msemaji … Redwan Hussein akiendelea kusema": a new clause
            end, words = words[k - 1].end(), words[:k]
            break
    first_person = next((m for m in art.mentions_in(cue.end, end) if m.label == "PER"), None)
    if len(words) > 10 and first_person is not None and art.text[first_person.end:first_person.end + 4] != " na ":
        # A title and a name, then when or where it was said ("alisema Rais wa Tume ya
        # Ulaya Ursula von der Leyen mwanzoni mwa mazungumzo …"): the subject ends with
        # the person it names, unless another is joined to them.
        end = first_person.end
        words = art.words(cue.end, end)
    # A long title may stand before the name that ends it ("alisema Waziri wa Mafuta na
    # Uchimbaji Madini wa Sudan Kusini Stephen Dhieu Dau."), not a list ("… kati ya
    # Mwenge na Kariakoo").
    named_last = [m for m in art.mentions_in(cue.end, end) if m.label == "PER" and m.end == words[-1].end()] \
        if words else []
    longest = 16 if named_last and art.text[max(cue.end, named_last[0].start - 4):named_last[0].start] != " na " \
        else 10
    if not words or len(words) > longest or cue.has_object or art.cues_between(cue.end, end) \
            or all(w.group().lower() in POST_ADJUNCT_WORDS for w in words):
        # (after "ameliambia", the words are whom it was told; "Ameongeza kusema"
        # is one speech act; "Amesema wazi kuwa": an adverb)
        return False, None
    # Up to the next punctuation, complementizer or speech verb, which start other clauses.
    clause_end = end + re.search(r"[,.;:“”\"«»]|\b(?:kwamba|kuwa)\b|$", art.text[end:sent_end]).start()
    later = art.cues_between(end, clause_end)
    clause_end = later[0].start if later else clause_end
    if art.has_verb_word(cue.end, end) or art.has_main_verb(end, clause_end):
        return False, None  # a clause follows, not a subject
    if stop and stop.group() == "," and _plural_subject_of_later_verb(art, words, end, sent_end):
        return False, None  # "inasema magazeti ya X, Y na Z yalifungiwa": the clause's subject
    if cue.subject == "a" and words[0].group().lower() in PLURAL_OFFICIAL_HEADS:
        return False, None  # "amesema viongozi wa X …": one person's verb, several people's noun
    named, mention = noun_phrase_speaker(art, cue.end, end)
    if named and mention is None and (not _can_follow_as_subject(cue.subject, words)
                                      or _quoted_predicate_follows(art, end, sent_end)):
        return False, None  # the verb's object or the reported clause's subject
    if named and (mention is None or mention.label != "PER"):
        mention = appositive_person(art, end) or mention
    return named, mention


def _plural_subject_of_later_verb(art: Reading, words: list, end: int, sent_end: int) -> bool:
    """A plural noun of things opening the words after the verb, and after the comma that
    ends them a list going on to a finite verb that agrees with that noun (class 6 "ya-",
    8 "vi-", 10 "zi-"): the noun phrase is the reported clause's subject."""
    head = words[0].group()
    if not head.islower():
        return False
    verb = next(art.each_main_verb(end, sent_end), None)
    if verb is None or not is_finite_verb(verb.group()):
        return False
    prefix = verb.group().lower()[:2]
    return prefix in ("ya", "vi", "zi") and agrees(prefix, head, False) and (prefix != "zi" or head[:1] not in "mw")


def _quoted_predicate_follows(art: Reading, end: int, sent_end: int) -> bool:
    """'akisema serikali “imeelemewa.”': a quotation opening with a finite verb goes on
    with the clause whose subject the words before it are."""
    if art.text[end:end + 1] not in "“«":
        return False
    opened = WORD.search(art.text, end + 1, sent_end)
    return opened is not None and opened.start() == end + 1 and is_finite_verb(opened.group())


def _can_follow_as_subject(verb_prefix: str, words: list[re.Match]) -> bool:
    """Whether the unnamed noun phrase after a verb can be its subject by agreement:
    never an infinitive ("Amedai kuwepo mipango …": what was claimed), and for a
    body's or thing's prefix only a noun of an agreeing class ("Inasema watu …")."""
    head = next((w.group().lower() for w in words if w.group().lower() not in NON_SUBJECT_WORDS
                 and not w.group()[0].isdigit()), None)
    if head is None or verb_prefix == "":
        return True
    if head.startswith("ku") and not is_verb(head):
        return False
    return verb_prefix in PERSON_PREFIXES or agrees(verb_prefix, head, False)


def sentence_subjects(art: Reading) -> list[tuple[int, SpeakerMention]]:
    """Persons that open a sentence as its subject, for verbs with none written."""
    out = []
    for s, e in art.sentences:
        s = main_clause_start(art, s, e)
        first = next(art.each_main_verb(s, e), None)
        if first is not None:
            people = [m for m in art.mentions_in(s, first.start()) if m.label == "PER"
                      and not after_genitive(art, m, s) and not art.inside_quotation(m.start)]
            if people:
                out.append((people[-1].start, people[-1]))
    return out
