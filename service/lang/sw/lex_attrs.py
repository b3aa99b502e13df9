"""Swahili lexical attributes."""
from __future__ import annotations

# Cardinal number words and the fractions nusu/robo: what `like_num` accepts besides digits.
CARDINAL_NUMBER_WORDS = frozenset(
    """
    sifuri moja mbili tatu nne tano sita saba nane tisa kumi ishirini thelathini
    arobaini hamsini sitini sabini themanini tisini mia elfu laki milioni bilioni
    trilioni nusu robo
    """.split()
)


def like_num(text: str) -> bool:
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        numerator, denominator = text.split("/")
        return numerator.isdigit() and denominator.isdigit()
    return text.lower() in CARDINAL_NUMBER_WORDS
