"""Country names (Swahili and English) → ISO 3166-1 alpha-2 codes.

The names come from CLDR through babel (``Locale("sw").territories`` and
``Locale("en").territories``), so the table follows Unicode's curated translations
rather than a list kept here. CLDR gives one name per country and language; Swahili
news also uses older or English-derived spellings, abbreviations and headline
shortenings that CLDR lacks, listed in ``EXTRA_NAMES``. The lookup is built once, at
import.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from babel import Locale

from service.lang.sw.function_words import ASSOCIATIVES

# CLDR territory codes that are not country codes of ISO 3166-1: unions and groupings
# ("Umoja wa Mataifa" must stay an organization), the unknown region, pseudo-locales
# and codes ISO only reserves.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA"})

# Spellings in Swahili news that CLDR lacks. Bare "Kongo"/"Congo" is read as the DR
# Congo, by far the more frequent referent in East African news.
EXTRA_NAMES: dict[str, str] = {
    # Swahili variants and headline shortenings
    "China": "CN",
    "Jamhuri ya Watu wa China": "CN",
    "Vietnam": "VN",
    "Korea K.": "KP",
    "Korea ya Kaskazini": "KP",
    "Korea Kaskazin": "KP",
    "Korea ya Kusini": "KR",
    "Korea Kus.": "KR",
    "Uingereza": "GB",
    "Shirikisho la Urusi": "RU",
    "Rashia": "RU",
    "Urashia": "RU",
    "Marekani ya Amerika": "US",
    "Jamhuri ya Kidemokrasia ya Congo": "CD",
    "Kongo DR": "CD",
    "DR Kongo": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Kongo": "CD",
    "Congo": "CD",
    "Jamhuri ya Muungano wa Tanzania": "TZ",
    "Palestina": "PS",
    "Palestine": "PS",
    "Israel": "IL",
    "Ukraini": "UA",
    "Siria": "SY",
    "Uajemi": "IR",
    "Uhabeshi": "ET",
    "Uhindi": "IN",
    "Uholanzi": "NL",
    "Holland": "NL",
    "Pakistan": "PK",
    "Iraq": "IQ",
    "Yemen": "YE",
    "Algeria": "DZ",
    "Moroko": "MA",
    "Kamerun": "CM",
    "Cameroon": "CM",
    "Senegal": "SN",
    "Guinea": "GN",
    "Comoro": "KM",
    "Comoros": "KM",
    "Visiwa vya Komoro": "KM",
    "Madagascar": "MG",
    "Mauritius": "MU",
    "Shelisheli": "SC",
    "Lesotho": "LS",
    "Sierra Leone": "SL",
    "Djibouti": "DJ",
    "Burkina Faso": "BF",
    "Cuba": "CU",
    "Mexico": "MX",
    "Argentina": "AR",
    "Colombia": "CO",
    "Hungary": "HU",
    "Kazakhstan": "KZ",
    "Bahrain": "BH",
    "Vatican": "VA",
    "Saudi Arabia": "SA",
    "Saudi": "SA",
    "Falme za Kiarabu za Muungano": "AE",
    "Sudani": "SD",
    "Sudani Kusini": "SS",
    "Irani": "IR",
    "Uswizi": "CH",
    "Afghanistani": "AF",
    "Umoja wa Falme za Kiarabu": "AE",
    "Jamhuri ya Kidemokrasi ya Congo": "CD",
    "Jamhuri ya Kidemokrasi ya Kongo": "CD",
    "Hong Kong": "HK",
    "Macau": "MO",
    "Macao": "MO",
    # English variants and abbreviations
    "US": "US",
    "CAR": "CF",
    "USA": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    "United States of America": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "UAE": "AE",
    "Turkey": "TR",
    "Czech Republic": "CZ",
    "Ivory Coast": "CI",
    "Swaziland": "SZ",
    "Burma": "MM",
    "Russian Federation": "RU",
    "South Korea": "KR",
    "North Korea": "KP",
}

_NON_WORD = re.compile(r"[\W_]+")


# Words repeat within and across articles, but every new name or word would stay in a
# bigger cache for the life of the worker: 4,096 entries bound its memory and keep most
# of the hits (benchmarks/README.md, section 2).
CACHE_SIZE = 4096


@lru_cache(maxsize=CACHE_SIZE)
def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used as lookup key.

    "Korea K." → "korea k", "Côte d’Ivoire" → "cote d ivoire", "Kim Jong-un" →
    "kim jong un".
    """
    if text.isascii():
        # ASCII has no decompositions and no combining marks: most words and names of
        # an article skip the per-character pass (misses of the cache are many: every
        # distinct lowercase word is looked up as a possible country).
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(part for part in _NON_WORD.split(stripped.casefold()) if part)


def _cldr_variants(name: str) -> list[str]:
    # CLDR writes "Myanmar (Burma)" and "Kongo - Brazzaville": each part is used alone
    # in news, the dash form also as "Kongo-Brazzaville".
    variants = [name]
    if "(" in name:
        outer, _, inner = name.partition("(")
        variants += [outer.strip(), inner.rstrip(")").strip()]
    if " - " in name:
        variants.append(name.replace(" - ", "-"))
    return variants


def _build_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for locale in (Locale("en"), Locale("sw")):
        for code, name in locale.territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
                continue
            for variant in _cldr_variants(name):
                table[normalize_name(variant)] = code
    for name, code in EXTRA_NAMES.items():
        table[normalize_name(name)] = code
    table.pop("", None)
    return table


_CODE_BY_NAME = _build_table()
MAX_NAME_WORDS = max(len(key.split()) for key in _CODE_BY_NAME)
# Names of one plain word, lowercase: an ASCII word names a country when its lowercase
# form is one of them (country_code), which a set lookup tells without a call.
ONE_WORD_NAMES = frozenset(key for key in _CODE_BY_NAME if key.isascii() and key.isalpha())

# Swahili writes the connective of a long name either way ("Jamhuri ya Muungano wa
# Tanzania" / "... ya Tanzania"), so names of two or more words are also looked up
# without their connectives, where that key still names one country only.


def _without_connectives(key: str) -> str:
    return " ".join(word for word in key.split() if word not in ASSOCIATIVES)


def _build_loose_table() -> dict[str, str]:
    codes: dict[str, set[str]] = {}
    for key, code in _CODE_BY_NAME.items():
        if " " in key:
            codes.setdefault(_without_connectives(key), set()).add(code)
    return {key: found.pop() for key, found in codes.items() if len(found) == 1}


_CODE_BY_LOOSE_NAME = _build_loose_table()

# The last word of every name, exact or loose: a formal name ends with an exact one.
_LAST_WORDS = frozenset(key.rsplit(" ", 1)[-1] for key in (*_CODE_BY_NAME, *_CODE_BY_LOOSE_NAME))


def may_end_country_name(word: str) -> bool:
    """False when no text ending with " " + `word` can be a country name: the last word
    of its key ends no name (a connective may, left out of the loose key). A cheap test
    that spares building and looking up the longer texts."""
    key = normalize_name(word)
    if not key:
        return True
    last = key.rsplit(" ", 1)[-1]
    return last in _LAST_WORDS or last in ASSOCIATIVES


# A state's formal name ends with its common one: "Jamhuri ya Kiislamu ya Iran",
# "Jamhuri ya Afrika Kusini", "Jamhuri ya Kenya". "Jamhuri ya Congo", "Jamhuri ya China" and
# "Jamhuri ya Dominica" are other states than "Congo", "China" and "Dominica" are: left out.
_FORMAL_NAME = re.compile(r"^jamhuri (?:ya|wa) (?:(?:\w+ ){1,3}(?:ya|wa) (?P<after>.+)|(?P<name>.+))$")
_OTHER_STATE_THAN_USUAL = frozenset({"congo", "kongo", "china", "uchina", "dominica", "dominika"})


def _formal_name_code(key: str) -> str | None:
    match = _FORMAL_NAME.match(key)
    if match is None:
        return None
    if match.group("after"):
        return _CODE_BY_NAME.get(match.group("after"))
    name = match.group("name")
    return None if name in _OTHER_STATE_THAN_USUAL else _CODE_BY_NAME.get(name)


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name in Swahili or English, else None.

    Cities, regions and anything unknown give None.
    """
    if name.isascii() and name.isalpha():
        # One plain word, as every distinct lowercase word of an article is looked up:
        # its key is its lowercase form, a lookup cheaper than the cache's, which is
        # left to the names that need normalizing.
        return _CODE_BY_NAME.get(name.lower())
    return _normalized_country_code(name)


@lru_cache(maxsize=CACHE_SIZE)
def _normalized_country_code(name: str) -> str | None:
    key = normalize_name(name)
    code = _CODE_BY_NAME.get(key)
    if code is None and " " in key:
        code = _CODE_BY_LOOSE_NAME.get(_without_connectives(key)) or _formal_name_code(key)
    return code


_SWAHILI_NAMES = {code: name for code, name in Locale("sw").territories.items() if code not in _NOT_COUNTRIES}


def swahili_name(code: str) -> str | None:
    """CLDR's Swahili name of a country code ("KP" → "Korea Kaskazini")."""
    return _SWAHILI_NAMES.get(code)


def _single_word_names() -> dict[tuple[str, int], list[tuple[str, str]]]:
    index: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for key, code in _CODE_BY_NAME.items():
        if " " not in key and len(key) >= _MIN_TYPO_LENGTH:
            index.setdefault((key[0], len(key)), []).append((key, code))
    return index


# Shorter names differ by one letter too often ("Iran"/"Oman" ... "Sudan"/"Sedan").
_MIN_TYPO_LENGTH = 6
_SINGLE_WORD_NAMES = _single_word_names()


@lru_cache(maxsize=CACHE_SIZE)
def close_country_code(name: str) -> str | None:
    """The code of the one country whose name is `name` with at most one typo in each
    long word ("Zimbawe", "Uswizi", "Jamuhuri ya Kidemekrasia ya Congo"); None when
    there is no such country or several. Also a name with the conjunction "na" glued
    to it in scraped text ("Korea Kaskazinina Kim")."""
    key = normalize_name(name)
    if key.endswith("na") and len(key) - 2 >= _MIN_TYPO_LENGTH and (code := _CODE_BY_NAME.get(key[:-2])):
        return code
    if " " in key:
        words = key.split()
        codes = {
            code
            for candidate, code in _NAMES_BY_WORD_COUNT.get(len(words), ())
            if all(map(_same_or_one_typo, words, candidate)) and any(len(w) >= _MIN_TYPO_LENGTH for w in words)
        }
        return codes.pop() if len(codes) == 1 else None
    if len(key) < _MIN_TYPO_LENGTH:
        return None
    codes = {
        code
        for length in (len(key) - 1, len(key), len(key) + 1)
        for candidate, code in _SINGLE_WORD_NAMES.get((key[0], length), ())
        if one_edit_apart(key, candidate)
    }
    return codes.pop() if len(codes) == 1 else None


def _names_by_word_count() -> dict[int, list[tuple[list[str], str]]]:
    index: dict[int, list[tuple[list[str], str]]] = {}
    for key, code in _CODE_BY_NAME.items():
        if " " in key:
            index.setdefault(len(key.split()), []).append((key.split(), code))
    return index


_NAMES_BY_WORD_COUNT = _names_by_word_count()


def _same_or_one_typo(word: str, candidate: str) -> bool:
    if word == candidate:
        return True
    return len(word) >= _MIN_TYPO_LENGTH and word[0] == candidate[0] and one_edit_apart(word, candidate)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether a and b differ by one substituted, inserted or deleted letter (or not at all)."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
