"""Indirect quotes: the clause a speech verb reports ("alisema kwamba …", "alisema
Moscow inafanya …"), and the content before a sentence-final attribution
("…, polisi wamesema.")."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from service.components.quotes.cues import SpeechCue, is_dependent
from service.components.quotes.marks import MARKS, WORD, trim_blanks
from service.components.quotes.records import Item, SpeechEvent
from service.components.quotes.speakers import Reading
from service.components.quotes.subjects import agrees, post_subject
from service.lang.sw.function_words import (
    ADDRESSEE_DETERMINERS,
    ADDRESSEE_TIMES,
    CLAUSE_MODAL_ADVERBS,
    COMPLEMENTIZERS,
    GENITIVES,
    NON_SUBJECT_WORDS,
    OBJECT_PRONOUNS,
    POST_ADJUNCT_WORDS,
    PURPOSE_CONJUNCTIONS,
    TIME_ADVERB_PAIRS,
)
from service.lang.sw.nouns import CONTENT_NOUNS
from service.lang.sw.speech_verbs import TELLING_STEMS
from service.lang.sw.verbs import (
    A_PRESENT,
    FIRST_PERSON_SUBJECTS,
    PERSON_PREFIXES,
    SUBJECTS,
    TENSES,
    alternation,
    is_finite_verb,
    is_relative_verb,
)

_HEADLINE_VERB = re.compile(rf"(?:{alternation(A_PRESENT, without=('twa',))})[a-z]{{4,}}")


def clause_after(art: Reading, cue: SpeechCue) -> Optional[int]:
    """Where the reported clause of a speech verb starts, or None (no clause)."""
    text = art.text
    _, limit = art.sentence(cue.start)
    if PARENTHETICAL_END.match(text, cue.end, limit):
        return None
    later = [c for c in art.cues_between(cue.end, limit) if not c.negated]
    if later:
        limit = later[0].start  # the next verb reports its own clause
    words = art.words(cue.end, limit)
    # the first main verb of the reported clause (the others are not read)
    verb = next((w for w in art.each_main_verb(cue.end, limit) if _reporters_verb(art, cue, w.start())), None)
    first_finite = verb.start() if verb is not None else limit
    purpose = None  # where a purpose conjunction after the verb ends
    for i, w in enumerate(words[:14]):
        low = w.group().lower()
        if w.start() >= first_finite or MARKS.search(text[cue.end:w.start()].replace("’", "")):
            break  # the clause has begun without a complementizer
        if low in COMPLEMENTIZERS and purpose is not None and "," not in text[purpose:w.start()] \
                and words[i - 1].group().lower() != "na":
            # "wana muda wa kudai marekebisho ili kuhakikisha kuwa …": the purpose clause's;
            # after a comma or "na" it is the speech verb's again ("alielezea utaratibu …
            # ili kufanikisha huduma, kwamba …", "… ili kuharakisha maendeleo na kwamba …")
            return None
        if i and low in PURPOSE_CONJUNCTIONS:
            purpose = w.end()
        if low == "kuwa" and (i and words[i - 1].group().lower() == "kwa" or (
                i + 1 < len(words) and words[i + 1].group().lower() == "na")):
            continue  # "kwa kuwa" (because), "kuwa na" (to have): not a complementizer
        if low in COMPLEMENTIZERS:
            if i and (words[0].group().lower() in CONTENT_NOUNS
                      or words[i - 1].group().lower() in CONTENT_NOUNS):
                # "alieleza furaha kwamba …": the clause belongs to the noun; "ameeleza
                # azma yake … na kwamba atashiriki": the second clause is the verb's.
                again = re.search(r"\bna\s+(?:kwamba|kuwa)\b", text[w.end():limit])
                return w.end() + again.end() if again else None
            # ("kuwa huenda …", "kuwa uamuzi huo huenda usiwe …": perhaps, so a clause)
            modal = any(v.group().lower() in CLAUSE_MODAL_ADVERBS
                        for v in words[i + 1:i + 6] if not re.search(r"[,;:.]", text[w.end():v.start()]))
            if low == "kuwa" and not modal and not art.has_main_verb(w.end(), limit) and not any(
                    not is_finite_verb(v.group()) for v in art.verb_words(w.end(), limit)):
                return None  # "alikubali kuwa mgombea", "ilimtangaza kuwa mshindi": to be
            return w.end()
    if verb is None and cue.headline_present:
        # Headlines use the "a"-present on both verbs: "X yasema Marekani yachochea vita".
        present = [w for w in words[:4] if _HEADLINE_VERB.fullmatch(w.group())
                   and not art.in_mention(w.start())]
        return cue.end if present else None
    if verb is None:
        return None
    if not cue.takes_bare_clause or cue.has_object:
        # Other verbs report a bare clause only when it starts right away, without a
        # subject ("likieleza ni kutokana na …", "limeonya Jumatatu hapatakuwa …"); a
        # noun there is their object.
        lead = next((w for w in words if w.group().lower() not in NON_SUBJECT_WORDS), None)
        if lead is not None and verb.start() == lead.start():
            return cue.end
        if lead is not None and not cue.has_object and cue.subject and _subject_and_verb(art, lead, verb):
            # "Ameeleza serikali imelazimika …": a noun and a verb that agrees with it
            return cue.end
        if cue.has_object and cue.stem in TELLING_STEMS and lead is not None:
            return _clause_after_addressee(art, words, lead, verb)
        return None
    named, mention = post_subject(art, cue)
    if mention is not None:
        return None  # "alisema Kim …": a subject after the verb, not a clause
    if cue.relative and cue.relative not in ("ye", "o"):
        return None  # "kile alichosema": the verb is inside a noun phrase
    first = words[0].group().lower()
    second = words[1].group().lower() if len(words) > 1 else ""
    if first in OBJECT_PRONOUNS and (first, second) not in TIME_ADVERB_PAIRS or first in COMPLEMENTIZERS:
        return None
    if cue.subject == "" and text[cue.start:cue.start + 2].lower() in ("ku", "kw"):
        # An infinitive reports a bare clause only after a verb ("aliendelea kusema …",
        # "alimalizia kwa kusema …") or as the narrative "na kusema" after one ("alikanusha
        # madai hayo na kusema ni …"); elsewhere it is a purpose ("kwa ajili ya kudai
        # fidia …").
        before = art.words(art.sentence(cue.start)[0], cue.start)
        narrative = bool(before) and before[-1].group().lower() == "na" and art.has_verb_word(
            art.sentence(cue.start)[0], before[-1].start(), finite_only=True)
        if before and before[-1].group().lower() == "kwa":
            before = before[:-1]
        if not narrative and (not before or not is_finite_verb(before[-1].group())):
            return None
    return cue.end


def _clause_after_addressee(art: Reading, words: list[re.Match], lead: re.Match,
                            verb: re.Match) -> Optional[int]:
    """"ameihakikishia nchi yake [dawa zaidi zitawasili]", "aliiambia VOA [serikali
    itaendelea …]": a verb of telling, its addressee, then a clause with its own subject."""
    k = next(i for i, w in enumerate(words) if w.start() == lead.start())
    mention = next((m for m in art.mentions_in(lead.start(), verb.start()) if m.start == lead.start()), None)
    if mention is not None:
        while k < len(words) and words[k].start() < mention.end:
            k += 1
    else:
        k += 1
    while k < len(words) and words[k].start() < verb.start():
        low = words[k].group().lower()
        if re.fullmatch(r"\s*\(", art.text[words[k - 1].end():words[k].start()]):
            k += 1  # "Sauti ya Amerika (VOA)"
        elif low in ADDRESSEE_DETERMINERS:
            k += 1
        elif low in ("wa", "ya", "la", "cha", "za", "vya"):
            k += 2  # "waandishi wa habari"
        else:
            break
    while k < len(words) and words[k].start() < verb.start() and words[k].group().lower() in ADDRESSEE_TIMES:
        k += 1  # a time after the addressee: "waandishi wa habari siku ya Jumapili"
    if k >= len(words) or words[k].start() >= verb.start():
        return None  # no subject of its own: the words were the addressee's phrase
    if re.search(r"[,;:(]", art.text[words[k - 1].end():words[k].start()]):
        return None  # "aliwaambia wanahabari, lakini …", "alimwambia afisa …, Waziri …"
    subject = words[k:]
    subject = subject[:next(i for i, w in enumerate(subject) if w.start() == verb.start())]
    # The subject may carry a relative clause ("waasi walioanzisha mashambulio …").
    if len(subject) > 12 or subject[0].group().lower() in NON_SUBJECT_WORDS | GENITIVES | {"wala", "au"} \
            or subject[0].group().isdigit() or any(
            not is_relative_verb(v.group()) for v in art.verb_words(subject[0].start(), verb.start())):
        return None
    return subject[0].start()


# The future relative -taka-/-tako-/-takacho-… ("itakayosimamia"), which is_relative_verb leaves.
_FUTURE_RELATIVE = re.compile(r"^\w{1,2}taka(?:ye|yo|o|cho|vyo|lo|zo|po|ko|mo)")
_VERB_SUBJECT = re.compile(rf"(?:{alternation(SUBJECTS)})(?=(?:{alternation(TENSES)})\w{{2,}})", re.IGNORECASE)


def _subject_and_verb(art: Reading, noun: re.Match, verb: re.Match) -> bool:
    """`noun` right before the finite `verb`, whose subject prefix agrees with it."""
    if art.text[noun.end():verb.start()].strip() or art.in_mention(noun.start()):
        return False
    word = verb.group().lower()
    if is_relative_verb(word) or word.endswith(("vyo", "po", "ko", "mo")) or _FUTURE_RELATIVE.search(word):
        return False  # "hali ilivyo", "halmashauri itakayosimamia …": noun phrases
    prefix = _VERB_SUBJECT.match(word)
    return prefix is not None and prefix.group().lower() not in PERSON_PREFIXES \
        and agrees(prefix.group().lower(), noun.group(), False)


def _reporters_verb(art: Reading, cue: SpeechCue, pos: int) -> bool:
    """Whether a verb at `pos` belongs to the reported clause rather than to a direct
    quotation: outside quotation marks, or inside a quoted phrase that the reporter's
    own words surround ("amesema hukumu hiyo “inaonyesha …”", "“…” mpaka alipoota")."""
    q = art.quotation_at(pos)
    if q is None:
        return True
    lead = [w.group().lower() for w in art.words(cue.end, q.open)]
    if lead and lead[0] not in POST_ADJUNCT_WORDS:
        return True
    if q.close is None:
        return False
    return len(art.words(q.close + 1, art.sentence(q.close + 1)[1])) >= 2


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim_blanks(text, start, end)
    while start < end and text[start] in ",:;–-":
        start, end = trim_blanks(text, start + 1, end)
    while end > start and text[end - 1] in ".,;:!?":
        end = trim_blanks(text, start, end - 1)[1]
    return start, end


def indirect_quotes(art: Reading, direct: list[Item]) -> list[Item]:
    text = art.text
    direct_starts = sorted(d.start for d in direct)
    clauses = {}
    for cue in art.cues:
        if cue.negated or cue.start not in art.events:
            continue
        at = clause_after(art, cue)
        if at is not None:
            clauses[cue.start] = at
    items = []
    for cue in art.cues:
        ev = art.events.get(cue.start)
        if ev is None:
            continue
        s_start, s_end = art.sentence(cue.start)
        at = clauses.get(cue.start)
        if at is None:
            item = _sentence_final(art, cue, ev, clauses)
            if item is not None:
                items.append(item)
            continue
        end = s_end
        # The clause stops where the next reporting verb starts its own clause
        # ("…, akionya kwamba …") or where a direct quotation begins.
        for later in art.cues_between(at, s_end):
            if later.negated:
                continue
            if later.start in clauses:
                end = _boundary_before(text, at, later.start)
                break
            if is_dependent(text, later) and re.search(r",\s*$", text[at:later.start]):
                end = _boundary_before(text, at, later.start)  # "…, ukinukuu tamko …"
                break
            comma = final_attribution_comma(art, later)
            if comma is not None and comma > at:
                end = comma  # "…, shirika la habari liliripoti": the outer source
                break
        d = bisect.bisect_left(direct_starts, at)
        if d < len(direct_starts) and direct_starts[d] < end:
            end = min(end, _boundary_before(text, at, direct_starts[d]))
        start, end = trim_content(text, at, end)
        if direct_starts and _starts_direct(text, start, direct_starts):
            continue  # "akisema kwamba “…”": a direct quotation, not an extra item
        if len(art.words(start, end)) >= 2 and (
                end >= s_end - 2 or art.has_main_verb(start, end) or art.inside_quotation(start)):
            # (cut short before the next speaker, it must still say something: "…
            # liliripoti kwamba maseneta 51 wamesema …" leaves only the inner source)
            items.append(Item(start, end, "indirect", ev))
    return items


def _starts_direct(text: str, start: int, direct_starts: list[int]) -> bool:
    d = bisect.bisect_left(direct_starts, start)
    return d < len(direct_starts) and not text[start:direct_starts[d]].strip(" “\"«‘'")


def _boundary_before(text: str, lo: int, pos: int) -> int:
    """Cut before `pos` and the comma or conjunction that links it, or before the
    words since the last comma when they have no verb (the next speaker: "…,
    siku mbili baada ya shirika la AP kuripoti kuwa …")."""
    head = text[lo:pos]
    m = re.search(r"(?:[,;]?\s*\b(?:na|huku|lakini|ila|kisha|wakati)\b)?[\s,;]*[“\"«‘]?$", head)
    cut = lo + (m.start() if m else len(head))
    comma = text.rfind(",", lo, cut)
    if comma > lo and not any(is_finite_verb(w) for w in WORD.findall(text, comma, cut)):
        return comma
    return cut


# A comma and a conjunction right after a speech verb: the attribution was an aside and
# the writer's sentence goes on.
PARENTHETICAL_END = re.compile(r"\s*,\s*(?:lakini|ila|ingawa|ingawaje|japo|huku)\b", re.IGNORECASE)


def final_attribution_comma(art: Reading, cue: SpeechCue) -> Optional[int]:
    """The comma before a sentence-final attribution (`…, polisi wamesema.`,
    `…, alisema X.`), or None when the verb is not one."""
    text = art.text
    if cue.relative or is_dependent(text, cue):
        return None
    s_start, s_end = art.sentence(cue.start)
    comma = text.rfind(",", s_start, cue.start)
    if comma < 0:
        return None
    subject = [w.group().lower() for w in art.words(comma, cue.start)]
    if len(subject) > 12 or art.has_verb_word(comma, cue.start) or any(w.startswith("amba") for w in subject):
        return None  # (", tishio ambalo linakumbusha …": a relative clause, no attribution)
    tail_end = s_end
    if PARENTHETICAL_END.match(text, cue.end, s_end):
        # "<content>, Facebook imesema, lakini …": the attribution is an aside
        tail_end = text.index(",", cue.end)
    tail = art.words(cue.end, tail_end)
    # A relative verb there describes whom it was told or where ("…, X aliuambia mkutano
    # ulioandaliwa na Qatar."), unless an infinitive object comes first ("…, lakini
    # Wairitrea waliahidi kuondoka baada ya … walipofanikiwa …": a promise to act).
    infinitive_object = bool(tail) and not art.text[cue.end:tail[0].start()].strip() and \
        tail[0].group().lower().startswith(("ku", "kw")) and tail[0].group().lower() not in POST_ADJUNCT_WORDS
    if len(tail) > 16 or any(infinitive_object or not is_relative_verb(w.group())
                             for w in art.verb_words(cue.end, tail_end, finite_only=True)):
        return None
    if not [w for w in subject if w not in NON_SUBJECT_WORDS]:
        if not tail:
            # "…, imeongeza.": a verb that ends the sentence is the last speaker's: a third
            # person's ("…, nitajibu." is the speaker's own), after words that are one
            # sentence and hold no quotation, which would give them another shape
            one_sentence = not re.search(r"[.?!]\s+\S|[?!]\S", text[s_start:comma])
            third_person = cue.subject not in FIRST_PERSON_SUBJECTS + ("m", "mu")  # (u- is also a class)
            return comma if third_person and one_sentence and not MARKS.search(text, s_start, cue.start) else None
        # "…, alisema X.": the words after the verb must name the speaker.
        named, mention = post_subject(art, cue)
        if not named or (mention is None and len(tail) > 6):
            return None
    return comma


def _sentence_final(art: Reading, cue: SpeechCue, ev: SpeechEvent, clauses: dict) -> Optional[Item]:
    """`<content>, polisi wamesema.`: the content is what precedes the comma. When the
    content reports speech itself ("wizara ilisema kwamba …, shirika la habari
    liliripoti"), only the innermost source counts (docs/annotation.md): nothing is added."""
    text = art.text
    comma = final_attribution_comma(art, cue)
    s_start, _ = art.sentence(cue.start)
    if comma is None or any(c.start in clauses for c in art.cues_between(s_start, comma)):
        return None
    start, end = trim_content(text, s_start, comma)
    between = text[end:cue.start]
    closing = re.match(r"[\s,]*[”\"’»][\s,]*", between)
    if art.inside_quotation(start) or text[start] in "“\"«‘”" or MARKS.search(between) and not (
            # "… utakuwa “ni fursa …,” amesema X" (or "…,” msemaji wa X amesema"): a
            # quoted phrase ends the content
            closing and not MARKS.search(between, closing.end()) and art.inside_quotation(end - 1)):
        return None
    if len(art.words(start, end)) < 3 or not art.has_verb_word(start, end, finite_only=True):
        return None
    return Item(start, end, "indirect", ev)
