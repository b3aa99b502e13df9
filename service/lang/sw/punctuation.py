"""Swahili tokenizer punctuation rules (prefixes, infixes, suffixes)."""
from __future__ import annotations

from spacy.lang.char_classes import ALPHA, ALPHA_UPPER
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES

# Scraped news glues words that the page showed apart. Split only where that is safe:
# - "2024.Picha": a period between a digit and a capital starts a new sentence (dates
#   and decimals never put a capital right after the period);
# - "asubuhiPicha", "PutinPicha": a photo credit "Picha:" glued to the caption's last
#   word. A general lowercase→uppercase split would break "JavaScript", "WhatsApp",
#   "McDonald", so only this credit word is split off.
# - quotation marks run into the words around them ("Mwema”,gazeti", ',”alisema',
#   'alisema."Alisisitiza'): a double mark or guillemet never belongs inside a word, so it
#   is split wherever it is, with the punctuation next to it. Single marks also serve as
#   apostrophes ("ng'ombe", "Matiang’i"), so they are split only beside punctuation;
# - a comma between a number and a word ("2013,toleo", "Machi,2024"), which spaCy's
#   letter-only comma rule leaves whole; a pipe separating caption parts ("Kaskazini|").
_DOUBLE_QUOTES = "\"“”„«»"
_ANY_QUOTES = _DOUBLE_QUOTES + "‘’'"
TOKENIZER_INFIXES = TOKENIZER_INFIXES + [
    rf"(?<=[0-9])\.(?=[{ALPHA_UPPER}])",
    r"(?<=[a-z])(?=Picha\b)",
    rf"[{_DOUBLE_QUOTES}]",
    rf"(?<=[{ALPHA}0-9])[,.!?;:](?=[{_ANY_QUOTES}])",
    rf"(?<=[{_ANY_QUOTES}])[,.!?;:]",
    rf"(?<=[,.!?;:])[‘’'](?=[{ALPHA}])",
    rf"(?<=[0-9]),(?=[{ALPHA}])|(?<=[{ALPHA}]),(?=[0-9])",
    r"\|",
]
# "tangu 2008- 2010": a dash left hanging after a year is not part of it; "Pyongyang|":
# a caption's pipe at either end of a word.
TOKENIZER_SUFFIXES = TOKENIZER_SUFFIXES + [r"(?<=[0-9])[-–—]", r"\|"]
TOKENIZER_PREFIXES = TOKENIZER_PREFIXES + [r"\|"]
