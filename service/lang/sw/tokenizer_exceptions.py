"""Swahili tokenizer exceptions: abbreviations kept as one token."""
from __future__ import annotations

from spacy.attrs import NORM, ORTH
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.util import update_exc

# Titles and common abbreviations of Swahili news prose. Kept as one token (with a
# lowercase norm) so that their period is never read as the end of a sentence.
_ABBREVIATIONS = (
    "Bw.",  # Bwana
    "Bi.",  # Bibi
    "Dkt.",  # Daktari
    "Dk.",
    "Prof.",
    "Mhe.",  # Mheshimiwa
    "Mh.",
    "Mwl.",  # Mwalimu
    "Mch.",  # Mchungaji
    "Ndg.",  # Ndugu
    "Jen.",  # Jenerali
    "Kapt.",
    "Eng.",
    "Sh.",  # shilingi
    "Tsh.",
    "Na.",  # namba
    "S.L.P.",  # sanduku la posta
    "n.k.",  # na kadhalika
    "k.m.",  # kwa mfano
    "k.v.",  # kama vile
    "uk.",  # ukurasa
    "Jan.",
    "Feb.",
    "Apr.",
    "Ago.",
    "Sept.",
    "Sep.",
    "Okt.",
    "Nov.",
    "Des.",
)


def _abbreviation_exceptions() -> dict:
    exceptions = {}
    for orth in _ABBREVIATIONS:
        exceptions[orth] = [{ORTH: orth, NORM: orth.lower()}]
        if orth[0].islower():
            exceptions[orth.capitalize()] = [{ORTH: orth.capitalize(), NORM: orth}]
    return exceptions


TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _abbreviation_exceptions())
