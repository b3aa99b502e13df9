"""Direct quotes: quotations that open a clause, with the verb, name or context that
says whose words they are; quotations inside a clause are left for partial.py."""
from __future__ import annotations

import re
from typing import Optional

from service.components.quotes.indirect import clause_after
from service.components.quotes.marks import MARKS, WORD, Quotation, after_abbreviation
from service.components.quotes.noun_phrases import sentence_subject
from service.components.quotes.records import Item, SpeechEvent
from service.components.quotes.speakers import Reading
from service.components.quotes.subjects import inside_report
from service.lang.sw.function_words import (
    COMPLEMENTIZERS,
    GENITIVES,
    NAMING_WORDS,
    NON_SUBJECT_WORDS,
    POST_ADJUNCT_WORDS,
    PREDICATE_STARTS,
)
from service.lang.sw.nouns import CHARGE_NOUNS, CHARGE_STEM
from service.lang.sw.speech_verbs import QUOTING_VERB
from service.lang.sw.verbs import AUXILIARY_ENDINGS, is_finite_verb, is_verb


def direct_quotes(art: Reading) -> tuple[list[Item], list[Quotation]]:
    """Quotations that are someone's words, and the embedded ones left for partials."""
    text = art.text
    items: list[Item] = []
    embedded: list[Quotation] = []
    for q in art.quotations:
        sent_start, sent_end = art.sentence(q.open)
        before = text[sent_start:q.open].rstrip()
        before_words = art.words(sent_start, q.open)
        last_word = before_words[-1].group().lower() if before_words else ""
        cue = _introducing_cue(art, sent_start, q)
        label = None if cue else _label_speaker(art, sent_start, q.open)
        after = _attribution_after(art, q) or _name_after(art, q)
        clause_initial = (
            not q.opened
            or not before_words
            or before.endswith((":", ".", "!", "?"))
            or last_word in COMPLEMENTIZERS
            or cue is not None
            or label is not None
        )
        if clause_initial and q.close is not None and after is None and q.opened and before_words:
            # Words go on after the closing mark: the quotation is part of a sentence.
            rest = art.words(q.close + 1, art.sentence(q.close + 1)[1])
            clause_initial = len(rest) < 2 or MARKS.search(text[q.close + 1:rest[0].start()]) is not None
        if last_word in NAMING_WORDS and not _called_by_speaker(before_words) or _charge_wording(before_words):
            continue  # a name, label, gloss or charge: "kama “…”", "mashtaka … kwa “…”"
        if not clause_initial:
            embedded.append(q)
            continue
        if _title(art, q) and label is None and after is None:
            continue
        if len(art.words(q.start, q.end)) < 3 and after is None and cue is None and label is None \
                and not text[q.start:q.end].endswith((".", "!", "?")):
            continue  # a quoted title or word: nobody's speech (a sentence ends in . ! ?)
        if after is not None and after.speaker is None and cue is not None and cue.speaker is not None:
            # `X alisema “…”, vimeeleza vyanzo vya habari`: the innermost source is named
            after = None
        event = after or cue or label or _context_speaker(art, q, items)
        items.append(Item(q.start, q.end, "direct", event))
    # A quotation with nobody named around it, right before another one that has its
    # speaker, is that speaker's first paragraph.
    for it, nxt in zip(reversed(items[:-1]), reversed(items[1:])):
        if (it.event is None or it.event.speaker is None and it.event.end == it.event.start) \
                and nxt.event is not None and text.count("\n", it.end, nxt.start) <= 2 \
                and len(art.words(it.end, nxt.start)) == 0:
            it.event = nxt.event
    return items, embedded


def _called_by_speaker(before_words: list) -> bool:
    """"aliwataja kama “…”", "aliwataja waandamanaji kama “…”": what someone calls a
    thing, within three words of the verb, is their words, not a name the writer gives."""
    return len(before_words) >= 2 and before_words[-1].group().lower() == "kama" \
        and any(QUOTING_VERB.fullmatch(w.group()) for w in before_words[-4:-1])


def _charge_wording(before_words: list) -> bool:
    """The quotation follows a charge and its genitive ("alishtakiwa kwa “…”",
    "walimfungulia mashtaka Bobi Wine kwa “…”", "kosa la “…”")."""
    words = [w.group().lower() for w in before_words[-5:]]
    return bool(words) and words[-1] in GENITIVES and any(
        CHARGE_STEM in w or w in CHARGE_NOUNS for w in words[:-1])


def _title(art: Reading, q: Quotation) -> bool:
    """Two to six words, each capitalised, no call or question: a title ("kuandika
    “The Star Spangled Banner.”"), not speech, which has lower-case words."""
    words = art.words(q.start, q.end)
    return 2 <= len(words) <= 6 and all(w.group()[0].isupper() for w in words) \
        and not art.text[q.start:q.end].endswith(("!", "?"))


def _introducing_cue(art: Reading, start: int, q: Quotation) -> Optional[SpeechEvent]:
    """The speech verb that introduces a quotation ("alisema: “", "akisema kwamba “").

    Not when a clause of the reporter's comes in between ("alisema kwamba dunia “ni
    …”", "amesema hukumu hiyo “inaonyesha …”"): the quotation is then a partial one.
    """
    cues = [c for c in art.cues_between(start, q.open) if c.start in art.events]
    if not cues:
        return None
    cue = cues[-1]
    stop = re.search(r"[.!?]", art.text[cue.end:q.open])
    if stop is not None and not after_abbreviation(art.text, cue.end + stop.start(), cue.end):
        return None  # "walidai kuhusika.“…": the verb's sentence has ended
    between_words = art.words(cue.end, q.open)
    if all(art.in_mention(w.start()) or w.group().lower() in NON_SUBJECT_WORDS for w in between_words):
        return art.events[cue.start]  # “A,” alisema Juma, “B.”: only the speaker between
    between = [w.group().lower() for w in between_words]
    if art.has_main_verb(cue.end, q.open) or len(between) > 20:
        return None
    first = WORD.match(art.text, q.start)
    first = first.group().lower() if first else ""
    # A colon right before the quotation opens it as the speaker's own sentence, whatever
    # adjunct stands between ("amesema katika mahojiano na redio X jana: “Tutajenga …”").
    colon = art.text[cue.end:q.open].rstrip().endswith(":")
    if between and between[-1] not in COMPLEMENTIZERS:
        if any(w in COMPLEMENTIZERS for w in between) or is_finite_verb(first) and not colon:
            return None
    elif any(w not in POST_ADJUNCT_WORDS for w in between[:-1]) and first in PREDICATE_STARTS:
        return None  # "ameelezea shambulizi hilo kuwa “ni ukiukaji …”": a predicate only
    return art.events[cue.start]


def _label_speaker(art: Reading, start: int, pos: int) -> Optional[SpeechEvent]:
    """A name with no verb before the quotation: "Abebe, “…" or "Rais Xi: “…"."""
    before = art.text[start:pos].rstrip()
    if not before.endswith((",", ":", "-", "–")):
        return None
    if any(is_verb(w.group()) for w in art.words(start, pos)):
        return None
    found = [m for m in art.mentions_in(start, pos) if m.label in ("PER", "ORG")]
    if not found:
        return None
    return SpeechEvent(found[0].start, found[0].start, found[0])


_DASH = re.compile(r"[ \t]*[-–—:][ \t]*")


def _name_after(art: Reading, q: Quotation) -> Optional[SpeechEvent]:
    """A headline's "“Hatutakubali kuonewa” – Mbowe": a dash (or colon) after the closing
    mark, then only a name to the end of the line."""
    if q.close is None:
        return None
    dash = _DASH.match(art.text, q.close + 1)
    if dash is None:
        return None
    line_end = art.text.find("\n", dash.end())
    line_end = len(art.text) if line_end == -1 else line_end
    found = [m for m in art.mentions_in(dash.end(), line_end) if m.label in ("PER", "ORG")]
    if not found or found[0].start != dash.end() or art.text[found[0].end:line_end].strip(" ."):
        return None
    return SpeechEvent(found[0].start, found[0].start, found[0])


def _attribution_after(art: Reading, q: Quotation) -> Optional[SpeechEvent]:
    """A speech verb right after the closing mark: `,” alisema Kim.` or the next
    sentence when it is only an attribution (`Msemaji … alisema Jumatatu.`)."""
    if q.close is None:
        return None
    pos = q.close + 1
    s_start, s_end = art.sentence(pos)
    if not art.text[pos:s_end].strip(" .,\t\n"):
        nxt = art.sentence_index(pos) + 1
        if s_end > pos + 2 or nxt >= len(art.sentences) or art.text.count(
                "\n", pos, art.sentences[nxt][0]) > 2:
            return None
        s_start, s_end = art.sentences[nxt]
        pos = s_start
    next_sentence = pos == s_start
    for cue in art.cues_between(pos, min(s_end, pos + 160)):
        if cue.start not in art.events:
            continue
        at = clause_after(art, cue)
        if at is not None and not MARKS.match(art.text[at:].lstrip(" ,:")):
            return None  # the verb reports a clause of its own, not a quotation
        if next_sentence:
            if any(cue.end <= other.start < s_end and _opens_right_after(art, cue.end, other.start)
                   for other in art.quotations) and art.words(pos, cue.start):
                # "Y anaendelea kuuliza, “…”": a named speaker's verb that introduces a
                # quotation of its own is that one's, not the previous quotation's.
                return None
            # A sentence of its own is an attribution only when short: subject, verb,
            # maybe a time or a place ("Msemaji … Matthew Miller alisema Jumatatu.").
            rest_end = min([c.start for c in art.cues_between(cue.end, s_end)] + [s_end])
            rest = [w for w in art.words(cue.end, rest_end) if not art.inside_quotation(w.start())]
            main = {w.start() for w in art.main_verbs(cue.end, rest_end)}
            if len(art.words(pos, cue.start)) > 12 or len(rest) > 14 or any(
                    w.start() in main for w in rest):
                return None
        if MARKS.search(art.text[pos:cue.start].replace("’", "")):
            return None
        # Only the speaker, or an auxiliary ("Ameendelea kusema"), before the verb.
        if any(not w.group().lower().endswith(AUXILIARY_ENDINGS)
               for w in art.main_verbs(pos, cue.start)):
            return None
        return art.events[cue.start]
    return None


def _opens_right_after(art: Reading, end: int, start: int) -> bool:
    """Only marks, blanks, a comma or colon, or a complementizer between a verb and a
    quotation's first word."""
    return re.fullmatch(r"[\s,:]*(?:(?:kwamba|kuwa)\s*)?\W*", art.text[end:start]) is not None


def _context_speaker(art: Reading, q: Quotation, items: list[Item]) -> Optional[SpeechEvent]:
    """No verb next to the quotation: the speaker of the sentence before it, which
    introduces it ("Rais … amesema" / "X ni mmoja wa wagombea.")."""
    si = art.sentence_index(q.open)
    if si == 0:
        return None
    prev_start, prev_end = art.sentences[si - 1]
    if items and items[-1].end >= prev_start - 2 and items[-1].event is not None:
        return items[-1].event
    for cue in reversed(art.cues_between(prev_start, prev_end)):
        # (the sentence's own speaker, not a source it reports: "Ameeleza kuwa Sanofi
        # imetangaza …" / "“…”" is Ameeleza's)
        if cue.start in art.events and not inside_report(art, cue.start):
            return art.events[cue.start]
    subject = sentence_subject(art, prev_start)
    first = WORD.search(art.text, prev_start, prev_end)
    if subject is None and si >= 2 and first is not None and is_finite_verb(first.group()):
        # "X ni mmoja wa …. Ni baba wa …. “…”": a sentence without a subject of its own
        # goes on about the person the one before it opened with.
        subject = sentence_subject(art, art.sentences[si - 2][0])
    return SpeechEvent(subject.start, subject.start, subject) if subject is not None else None
