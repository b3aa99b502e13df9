"""The pieces of a Swahili date expression read off a lower-cased word list: day
numbers (digits or spelled), years and year offsets, numbered months, a day with its
month, a numeric date the tokenizer split at its hyphens. date_grammar.py builds whole
expressions from them.
"""
from __future__ import annotations

from service.lang.sw.date_words import (
    COMMA,
    DAY,
    MONTHS,
    NEXT_YEAR,
    THIS_WORDS,
    YEAR,
    YEAR_WORDS,
    is_next_word,
    is_past_word,
    number_value,
)
from service.lang.sw.lex_attrs import ORDINAL_VALUES


class DateWords:
    """A lower-cased word list and the date pieces that start at each position."""

    def __init__(self, words: list[str], spaced: list[bool] | None = None):
        self.words = words
        self.spaced = spaced  # whether whitespace follows each word
        self.n = len(words)

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def skip_comma(self, i: int) -> int:
        return i + 1 if self.word(i) in COMMA else i

    def day_number(self, i: int, spelled: bool = False) -> tuple[int, int] | None:
        """A day of the month: 1-31 in digits, "mosi" (the first), or after "tarehe" a
        number word ("tarehe mbili Januari"); elsewhere a number word is a count."""
        w = self.word(i)
        if DAY.match(w):
            return int(w), i + 1
        if w == "mosi":
            return 1, i + 1
        value = number_value(w) if spelled else None
        if value is not None and 1 <= value <= 31:
            return value, i + 1
        return None

    def year_part(self, i: int) -> tuple[int | None, int | None, int] | None:
        """`[,] [mwaka [wa]] YEAR`, `mwaka jana/huu/uliopita/ujao` or `mwakani`.

        Returns (year, year_offset, end) with exactly one of the first two set.
        """
        j = self.skip_comma(i)
        if self.word(j) == NEXT_YEAR:
            return None, 1, j + 1
        if self.word(j) == "mwaka":
            k = j + 1
            if self.word(k) == "wa" and YEAR.match(self.word(k + 1)):
                return int(self.word(k + 1)), None, k + 2
            if YEAR.match(self.word(k)):
                return int(self.word(k)), None, k + 1
            offset = self.year_offset(k)
            if offset is None:
                return None
            restated = self.restated_year(k + 1)
            if restated:
                return restated[0], None, restated[1]
            return None, offset, k + 1
        if YEAR.match(self.word(j)):
            return int(self.word(j)), None, j + 1
        return None

    def restated_year(self, i: int) -> tuple[int, int] | None:
        """The year a relative one is named again with ("Januari 14 mwaka ujao 2021",
        "mwaka huu wa 2021"): it fixes the year. Returns (year, end)."""
        j = i + 1 if self.word(i) == "wa" else i
        if YEAR.match(self.word(j)):
            return int(self.word(j)), j + 1
        return None

    def year_offset(self, i: int) -> int | None:
        w = self.word(i)
        if w in THIS_WORDS:
            return 0
        if w in YEAR_WORDS:
            return YEAR_WORDS[w]
        if is_past_word(w):
            return -1
        if is_next_word(w):
            return 1
        return None

    def numbered_month(self, i: int) -> tuple[int, int] | None:
        """`mwezi wa tatu` → (3, end); `mwezi wa kumi na mbili` → (12, end)."""
        if self.word(i) != "mwezi" or self.word(i + 1) != "wa":
            return None
        month = ORDINAL_VALUES.get(self.word(i + 2))
        if month is None:
            return None
        if month == 10 and self.word(i + 3) == "na" and self.word(i + 4) in ("moja", "mbili"):
            return 10 + number_value(self.word(i + 4)), i + 5
        return month, i + 3

    def day_and_month(self, i: int) -> tuple[int, int, int] | None:
        """`[tarehe] DAY [mwezi] MONTH`, `[tarehe] DAY mwezi wa ORDINAL` or
        `MONTH [tarehe] DAY` → (day, month, end)."""
        after_tarehe = self.word(i) == "tarehe"
        j = i + 1 if after_tarehe else i
        found = self.day_number(j, spelled=after_tarehe)
        if found:
            day, k = found
            numbered = self.numbered_month(k)
            if numbered:
                return (day, *numbered)
            # "tarehe 4 mwezi Julai"; without "tarehe", "1 mwezi Aprili" is a count.
            if after_tarehe and self.word(k) == "mwezi" and self.word(k + 1) in MONTHS:
                k += 1
            if self.word(k) in MONTHS:
                return day, MONTHS[self.word(k)], k + 1
            return None
        if not after_tarehe and self.word(i) in MONTHS:
            k = i + 1
            spelled = self.word(k) == "tarehe"
            # "Juni 2020" is month + year, not a day: days are 1-31.
            # A number word right after a month is its day ("Julai nne", "Januari sita
            # 2021", "Novemba tatu mwaka huu"): Swahili puts a count after what it counts.
            found = self.day_number(k + 1 if spelled else k, spelled=True)
            if found:
                day, end = found
                return day, MONTHS[self.word(i)], end
        return None

    # -- expressions ----------------------------------------------------------------

    def numeric_date(self, i: int) -> tuple[str, int]:
        """The numeric date starting at word i, rejoined where a tokenizer split it at its
        hyphens ("2024", "-", "01", "-", "01"), and the word after it."""
        if self.spaced is not None and self.word(i + 1) in ("-", "/", ".") and i + 4 < self.n:
            if not any(self.spaced[i:i + 4]):
                return "".join(self.words[i:i + 5]), i + 5
        return self.word(i), i + 1
