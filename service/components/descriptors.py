"""A body's name after the noun that only says what kind of body it is.

docs/annotation.md leaves the descriptor before a body's own name out of the span
("shirika la habari la [AFP]"), and so does the MasakhaNER training data: a name after
"kampuni ya", "kundi la" or "shirika la" starts after them about nine times in ten (v2
and v1 training files: about 235 such names after the head, 26 with it). The
NER mostly follows, but keeps the head where the name is one it has not seen ("[shirika
la Airbus]", "[Jumuiya ya American Civil Liberties]"). Where everything after the head
and its connective is a capitalized name in another language (by the news's casing and,
for half its words at least, by its shape), the head is cut off.
A Swahili name stays whole ("Shirika la Afya Duniani", "Jumuiya ya Kimataifa"), and so
does one with a place in it ("Jumuiya ya Ulaya"): those are the body's own name, which
the news and the data write with the head.
"""
from __future__ import annotations

import re
from collections.abc import Collection

from babel import Locale
from spacy.tokens import Span

from service.components.countries import country_code, normalize_name
from service.components.gazetteer import Places
from service.lang.sw.function_words import CONNECTIVES
from service.lang.sw.nouns import DESCRIBING_ORGANIZATION_HEADS, DESCRIPTOR_HEADS
from service.language_id import is_swahili_word

_HEADS = DESCRIBING_ORGANIZATION_HEADS | DESCRIPTOR_HEADS
_CLASS_PREFIXED = re.compile(r"(?:Ki|Wa|Vi|Mw)[a-z]{4,}$")
# Words of CLDR's Swahili names of countries and regions ("Afrika", "Mashariki", "Ulaya"):
# a body named with a place keeps its head ("Jumuiya ya Afrika Mashariki").
_PLACE_WORDS = frozenset(word.lower() for name in Locale("sw").territories.values() for word in name.split())


def without_descriptor(ent: Span, lowercase_words: Collection[str], places: Places) -> Span:
    """`ent` without its descriptor head when the rest is a foreign name, else `ent`."""
    if ent.label_ != "ORG" or len(ent) < 3 or ent[0].lower_ not in _HEADS or ent[1].lower_ not in CONNECTIVES:
        return ent
    name = ent[2:]
    words = [token.text for token in name]
    text = name.text  # Span.text joins the tokens anew on each access
    if all(_may_be_foreign(word, lowercase_words) for word in words) \
            and 2 * sum(not is_swahili_word(word) for word in words) >= len(words) \
            and normalize_name(text) not in places.dateline_cities and country_code(text) is None:
        return Span(ent.doc, name.start, name.end, label="ORG")
    return ent


def _may_be_foreign(word: str, lowercase_words: Collection[str]) -> bool:
    """Not a word the news writes in lowercase ("Kimataifa", "Maendeleo"), of a place, or
    of a Swahili noun class that names peoples, religions and languages ("Waislamu",
    "Kikristo", "Kifaransa")."""
    return (word[:1].isupper() and word.isalpha() and word.lower() not in lowercase_words
            and word.lower() not in _PLACE_WORDS and not _CLASS_PREFIXED.match(word))
