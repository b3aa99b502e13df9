"""Quotation marks paired into quotations, and sentence ends, in Swahili news text.

No library pairs quotation marks the way scraped news needs it (straight and curly
marks mixed, marks used backwards, closing marks without opening ones, quotations
running over lines or paragraphs), so the scanner is written here: one pass over the
marks, with bisect lookups.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from service.lang.sw.function_words import BYLINE_OPENERS, FIRST_SECOND_PERSON_WORDS, POST_ADJUNCT_WORDS
from service.lang.sw.verbs import FIRST_PERSON_VERB, is_finite_verb, is_relative_verb

WORD = re.compile(r"\w[\w’'-]*")
# ("kwa mjibu wa" is a common misspelling.) Any case: the first letter as a class of its
# case forms (the Kelvin sign too, as IGNORECASE has it) before the word-boundary test, so
# that the regex engine skips to those letters instead of testing every position.
ATTRIBUTION_PHRASE = re.compile(r"[kK\u212a](?<!\w[kK\u212a])(?i:ulingana na|wa mu?jibu wa)\s+")
# A sentence ends at . ! ? (and any closing marks) before a capitalised word or an
# opening mark; a single capital ("Hamza S.") or a title ("Bw.") does not end one.
_SENTENCE_END = re.compile(r"[.!?]+(?:''|[”\"’»“'])?\s+(?=[“\"«‘'(]?[A-ZÀ-Ý0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bBw|\bBi|\bDkt|\bDk|\bDr|\bProf|\bMhe|\bMh|\bMwl|"
                           r"\bMch|\bNdg|\bJen|\bKapt|\bSt|\bMr|\bMrs|\bNa|\bNo)$")
# ASCII typing of curly marks (``…'') and the low single mark count as marks too.
MARKS = re.compile(r"``|''|[“”„\"«»‘’'‚]")
# Each mark read as the curly or straight mark it stands for.
_MARK_SHAPES = {"``": "“", "''": '"', "‚": "‘"}
_OPENING_ONLY = "“«„‘"
_CLOSING_ONLY = "”»’"
_SINGLE = "‘’'"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A letter written as an HTML entity in scraped text ("Schr&ouml;der", "Unm&uuml;ssig").
_LETTER_ENTITY = re.compile(r"&(?:[A-Za-z](?:uml|acute|grave|circ|tilde|cedil|ring|slash|caron)|szlig);")
# A closing mark after , . ! ? with no opening one closes a quotation when a speech verb
# follows within this many words: room for a speaker's name and title ("…,” Katibu mkuu
# wa chama hicho Juma Ali alisema).
_ATTRIBUTED_SUBJECT_WORDS = 10
_COMPLEMENTIZER = re.compile(r"\b(?:kwamba|kuwa)\b", re.IGNORECASE)
# The third person's past (a-li-, wa-li-) within this many words of a line's start.
_NARRATIVE_PAST = re.compile(r"w?ali")
_NARRATIVE_VERB_WINDOW = 6
# A closing mark further than this from its opening one belongs to another quotation.
_MAX_QUOTATION = 3000


@dataclass
class Quotation:
    open: int  # index of the opening mark (of the paragraph start when it is missing)
    close: Optional[int]  # index of the closing mark's last character, None when it is missing
    start: int  # content, outer blanks trimmed
    end: int
    opened: bool = True  # False: only the closing mark is written


def after_abbreviation(text: str, dot: int, floor: int = 0) -> bool:
    """Whether the period at text[dot] closes a title or an initial ("Bw.", "Hamza S.")."""
    return bool(_ABBREVIATION.search(text, max(floor, dot - 5), dot))


def split_sentences(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    s = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        for m in _SENTENCE_END.finditer(text, line_start, line_end):
            if after_abbreviation(text, m.start(), s):
                continue
            out.append((s, m.end()))
            s = m.end()
        # A line break after a title or an initial ("Dr.", "Hamza S.") is the scraper's,
        # not the end of the sentence.
        if text[line_end - 1:line_end] == "." and after_abbreviation(text, line_end - 1, s):
            continue
        if text[s:line_end].strip():
            out.append((s, line_end))
        s = pos
    if s < len(text) and text[s:].strip():
        out.append((s, len(text)))
    return out or [(0, len(text))]


def trim_blanks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_INTRODUCER_BEFORE = re.compile(r"(?:kwamba|kuwa|sema|eleza|ongeza)\s*[,:]$", re.IGNORECASE)


def _looks_opening(text: str, i: int, mark_end: Optional[int] = None) -> bool:
    mark_end = i + 1 if mark_end is None else mark_end
    before = text[i - 1] if i > 0 else " "
    after = text[mark_end] if mark_end < len(text) else " "
    if after.isspace() and _INTRODUCER_BEFORE.search(text, max(0, i - 12), i):
        return True  # "aliongeza kuwa,” …": a closing-shaped mark used to open
    return (before.isspace() or before in "([:—–-/,") and not after.isspace()


def find_quotations(text: str, cue_starts: list[int]) -> list[Quotation]:
    """Quotation marks paired into quotations, outermost only.

    A quotation with no closing mark runs to the end of its paragraph. Texts with blank
    lines have paragraphs; texts without them (one sentence a line, as scraped news
    often is) continue over the following lines up to the next line that holds a
    quotation mark or a speech verb, which is where attribution or narration resumes.
    A closing mark with no opening one, right before a speech verb, closes a quotation
    that began with its line (after the colon of a speech verb, when the line has one).
    """
    blank_lines = bool(_BLANK_LINE.search(text))
    if blank_lines:
        para_ends = [m.start() for m in _BLANK_LINE.finditer(text)] + [len(text)]
    line_ends = [m.start() for m in re.finditer(r"\n", text)] + [len(text)]

    def line_end(pos: int) -> int:
        return line_ends[bisect.bisect_left(line_ends, pos)]

    def paragraph_end(pos: int) -> int:
        if blank_lines:
            return para_ends[bisect.bisect_left(para_ends, pos)]
        li = bisect.bisect_left(line_ends, pos)
        end = line_ends[li]
        if not text[pos:end].rstrip().endswith((".", "!", "?", "…", ",", ":", ";")):
            return end  # the line stops mid-sentence: the mark was dropped at its end
        for further, nxt in enumerate(line_ends[li + 1:li + 3]):
            line = text[end + 1:nxt]
            c = bisect.bisect_left(cue_starts, end + 1)
            if MARKS.search(line.replace("’", "").replace("'", "")) or (
                    c < len(cue_starts) and cue_starts[c] < nxt) or not line.rstrip().endswith(
                    (".", "!", "?", "…")) or ATTRIBUTION_PHRASE.match(line.lstrip()) \
                    or line.lstrip().lower().startswith(BYLINE_OPENERS) \
                    or (not _speaks_in_person(line) and (further or _narrates(line))):
                break  # (a line in the third person's past, or any third line, is narration)
            end = nxt
        return end

    def add(open_at: int, close: Optional[int], end: int, opened: bool = True) -> None:
        s, e = trim_blanks(text, open_at + (open_width if opened else 0), end)
        if e > s:
            out.append(Quotation(open_at, close, s, e, opened))

    marks = [m for m in MARKS.finditer(text) if not _apostrophe(text, m)]
    out: list[Quotation] = []
    open_at, open_width, single = None, 1, False
    skip_to = 0
    for k, m in enumerate(marks):
        if k < skip_to:
            continue
        i, ch, mark_end = m.start(), _MARK_SHAPES.get(m.group(), m.group()), m.end()
        last = mark_end - 1  # a two-character mark is recorded by its last character
        prev = text[i - 1] if i > 0 else " "
        if open_at is not None and (i - open_at > _MAX_QUOTATION or text.count("\n", open_at, i) > 12):
            add(open_at, None, paragraph_end(open_at + 1))
            open_at = None
        if open_at is None:
            if ch in _OPENING_ONLY or _looks_opening(text, i, mark_end):
                open_at, open_width, single = i, mark_end - i, ch in _SINGLE
            elif ch in "”\"»" and not prev.isspace():
                # The quotation starts with its line, or after the sentence that
                # attributes a quotation before it on that line ("“A,” alisema X. B.”").
                line_start = text.rfind("\n", 0, i) + 1
                if out and out[-1].end >= line_start:
                    start = _next_sentence(text, out[-1].close or out[-1].end, i) if prev in ",.!?" else None
                else:
                    start = _introduced_at(text, line_start, i, cue_starts)
                    if start is None and _speech_follows(
                            text, mark_end, cue_starts, _ATTRIBUTED_SUBJECT_WORDS if prev in ",.!?" else 3):
                        start = line_start
                    if start is None and prev in ".!?" and not text[mark_end:line_end(mark_end)].strip():
                        start = _reported_from(text, line_start, i, cue_starts)
                if start is not None:
                    add(start, last, i, opened=False)
            continue
        if (ch in _SINGLE) != single:
            continue  # a nested quotation of the other kind
        opens = ch not in _CLOSING_ONLY and (ch in "\"'" or prev.isspace()) \
            and _looks_opening(text, i, mark_end) \
            and not _speech_follows(text, mark_end, cue_starts)  # (`… Tanzania, "alisema.` closes)
        if opens and _nested(text, marks, k, single):
            skip_to = k + 2  # “… “inner,” …”: the inner pair stays inside the outer one
            continue
        # A straight mark that opens (after a blank, before a word) on a later line than
        # the open quotation starts a new one: the open one lacks its closing mark.
        reopens = opens and ch in "\"'" and prev.isspace() and "\n" in text[open_at:i]
        if not reopens and (ch in _CLOSING_ONLY or ch in "\"'" or (ch in "“‘" and not prev.isspace())):
            add(open_at, last, i)
            open_at = None
        elif _looks_opening(text, i, mark_end):
            # A new quotation opens while one is open: the first lacks its closing mark.
            add(open_at, None, min(i, paragraph_end(open_at + 1)))
            open_at, open_width, single = i, mark_end - i, ch in _SINGLE
    if open_at is not None:
        add(open_at, None, paragraph_end(open_at + 1))
    return out


def _apostrophe(text: str, m: re.Match) -> bool:
    """ng’ombe, Ng'ang'a: a single mark between letters is part of the word."""
    return m.group() in "’'" and text[m.start() - 1:m.start()].isalnum() \
        and text[m.end():m.end() + 1].isalnum()


def _nested(text: str, marks: list[re.Match], k: int, single: bool) -> bool:
    """Whether the mark opening at marks[k], inside an open quotation of its own kind, is
    a quotation within it: it opens inside a line, not after a colon, and the next two
    marks of that kind both close, before the paragraph ends (“… kama vile “A,” na B.”).
    Otherwise the open quotation simply lacks its closing mark."""
    i = marks[k].start()
    before = text[text.rfind("\n", 0, i) + 1:i].rstrip()
    if not before or before.endswith(":"):
        return False  # at a line's start or after a colon a mark opens a quotation of its own
    closing = []
    for m in marks[k + 1:]:
        ch = _MARK_SHAPES.get(m.group(), m.group())
        if (ch in _SINGLE) != single:
            continue
        if _BLANK_LINE.search(text, i, m.start()) or ch in _OPENING_ONLY \
                or _looks_opening(text, m.start(), m.end()):
            return False
        closing.append(m)
        if len(closing) == 2:
            return True
    return False


def _next_sentence(text: str, pos: int, end: int) -> Optional[int]:
    """Where the last sentence of text[pos:end] starts, if one ends in between."""
    last = None
    for m in _SENTENCE_END.finditer(text, pos, end):
        last = m.end()
    return last


def _speaks_in_person(line: str) -> bool:
    """A first- or second-person word: narration, in the third person, resumes where
    a line has none."""
    return any(w.lower() in FIRST_SECOND_PERSON_WORDS or FIRST_PERSON_VERB.fullmatch(w)
               for w in WORD.findall(line))


def _narrates(line: str) -> bool:
    """A person's deeds in the past near the line's start ("Cyrille Ndayirukiye alikua
    miongoni mwa …", "Watekaji nyara waliwachukua …"): the writer's account resumes."""
    return any(_NARRATIVE_PAST.match(w.lower()) and is_finite_verb(w) and not is_relative_verb(w)
               for w in WORD.findall(line)[:_NARRATIVE_VERB_WINDOW])


def _reported_from(text: str, line_start: int, close: int, cue_starts: list[int]) -> Optional[int]:
    """Where a quotation whose opening mark is lost starts when its closing mark ends a
    line that reports speech: after the line's last speech verb or complementizer
    ("… akisema zinazoenda ….”", "… aliutaja mswaada huo kuwa wenye gharama ….”")."""
    starts = [m.end() for m in _COMPLEMENTIZER.finditer(text, line_start, close)]
    c = bisect.bisect_left(cue_starts, line_start)
    while c < len(cue_starts) and cue_starts[c] < close:
        word = WORD.match(text, cue_starts[c])
        starts.append(word.end() if word else cue_starts[c])
        c += 1
    if not starts:
        return None
    start = max(starts)
    while start < close and text[start] in " ,:":
        start += 1
    words = WORD.findall(text, start, close)
    # ("akilalamika katika mgao …": an adjunct, not yet what was said)
    return start if len(words) >= 2 and words[0].lower() not in POST_ADJUNCT_WORDS else None


def _introduced_at(text: str, line_start: int, close: int, cue_starts: list[int]) -> Optional[int]:
    """Where a quotation whose opening mark is lost starts when its line introduces it
    with a speech verb and a colon ("X anajibu : Jigawieni ….”"): after the colon."""
    colon = text.rfind(":", line_start, close)
    if colon < 0 or MARKS.search(text, colon, close):
        return None
    c = bisect.bisect_left(cue_starts, line_start)
    return colon + 1 if c < len(cue_starts) and cue_starts[c] < colon else None


def _speech_follows(text: str, pos: int, cue_starts: list[int], max_words: int = 3) -> bool:
    """A speech verb within the next few words ("….” Alisema X", "…,” X alisema")."""
    c = bisect.bisect_left(cue_starts, pos)
    if c == len(cue_starts):
        return False
    gap = text[pos:cue_starts[c]]
    return "\n" not in gap and len(WORD.findall(gap)) <= max_words and not MARKS.search(gap)


def mask_letter_entities(text: str) -> str:
    """The text with each letter entity turned into as many letters, so that offsets
    stay the same and its "&" and ";" do not read as punctuation: a ";" had ended the
    subject in "Kanzela Schr&ouml;der … amedai"."""
    if "&" not in text:
        return text
    return _LETTER_ENTITY.sub(lambda m: "x" * len(m.group()), text)
