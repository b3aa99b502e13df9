"""Swahili number words and the lexical attributes built on them."""
from __future__ import annotations

# Cardinal numerals in their plain form, with their values.
NUMERAL_VALUES = {
    "moja": 1, "mbili": 2, "tatu": 3, "nne": 4, "tano": 5, "sita": 6, "saba": 7,
    "nane": 8, "tisa": 9, "kumi": 10, "ishirini": 20, "thelathini": 30, "arobaini": 40,
    "hamsini": 50, "sitini": 60, "sabini": 70, "themanini": 80, "tisini": 90, "mia": 100,
}

# Numerals that agree with their noun's class ("miaka minne", "majuma mawili", "watu
# wawili"), and "mosi" (first of the month).
AGREEING_NUMERAL_VALUES = {
    "mmoja": 1, "mosi": 1, "miwili": 2, "wawili": 2, "mawili": 2, "mitatu": 3,
    "matatu": 3, "minne": 4, "manne": 4, "mitano": 5, "matano": 5, "minane": 8,
    "manane": 8,
}

# Ordinals as months are numbered ("mwezi wa tatu" = March): "kwanza", "pili", then the
# plain numerals up to ten.
ORDINAL_VALUES = {"kwanza": 1, "pili": 2} | {
    word: value for word, value in NUMERAL_VALUES.items() if 3 <= value <= 10
}

# The tens, by their digit: "miaka ya tisini" = the 1990s.
TENS_DIGITS = {word: value // 10 for word, value in NUMERAL_VALUES.items() if 20 <= value <= 90}

# Words that are numbers to `like_num` besides the numerals: zero, the large units and
# the fractions.
OTHER_NUMBER_WORDS = frozenset("sifuri elfu laki milioni bilioni trilioni nusu robo".split())

CARDINAL_NUMBER_WORDS = frozenset(NUMERAL_VALUES) | OTHER_NUMBER_WORDS


def like_num(text: str) -> bool:
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        numerator, denominator = text.split("/")
        return numerator.isdigit() and denominator.isdigit()
    return text.lower() in CARDINAL_NUMBER_WORDS
