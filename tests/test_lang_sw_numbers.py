"""The Swahili number words of service/lang/sw/lex_attrs.py: what each list is for."""
import pytest

from service.lang.sw.date_words import number_value
from service.lang.sw.lex_attrs import (
    AGREEING_NUMERAL_VALUES,
    NUMERAL_VALUES,
    ORDINAL_VALUES,
    OTHER_NUMBER_WORDS,
    TENS_DIGITS,
    like_num,
)


@pytest.mark.parametrize("word, value", [("tatu", 3), ("kumi", 10), ("tisini", 90), ("mia", 100)])
def test_a_plain_numeral_has_its_value(word, value):
    assert NUMERAL_VALUES[word] == value


@pytest.mark.parametrize("agreeing, plain", [
    ("mmoja", "moja"), ("miwili", "mbili"), ("wawili", "mbili"), ("mawili", "mbili"),
    ("mitatu", "tatu"), ("matatu", "tatu"), ("minne", "nne"), ("manne", "nne"),
    ("mitano", "tano"), ("matano", "tano"), ("minane", "nane"), ("manane", "nane"),
])
def test_an_agreeing_numeral_is_its_plain_form_with_a_class_prefix(agreeing, plain):
    # "mbili" agrees as "-wili" ("miwili", "wawili", "mawili").
    stem = "wili" if plain == "mbili" else plain
    assert agreeing.removesuffix(stem) in {"m", "mi", "wa", "ma"}
    assert AGREEING_NUMERAL_VALUES[agreeing] == NUMERAL_VALUES[plain]


def test_the_lists_do_not_overlap():
    assert not set(NUMERAL_VALUES) & set(AGREEING_NUMERAL_VALUES)
    assert not set(NUMERAL_VALUES) & OTHER_NUMBER_WORDS


def test_month_ordinals_number_the_twelve_months_up_to_ten():
    # "mwezi wa kumi na mbili" adds the rest; the ordinals themselves run 1..10.
    assert sorted(ORDINAL_VALUES.values()) == list(range(1, 11))


@pytest.mark.parametrize("word, digit", [("ishirini", 2), ("tisini", 9)])
def test_tens_give_the_decade_digit(word, digit):
    assert TENS_DIGITS[word] == digit
    assert "kumi" not in TENS_DIGITS and "mia" not in TENS_DIGITS


@pytest.mark.parametrize("word", ["tatu", "Mia", "elfu", "nusu", "1,000", "3/4"])
def test_number_words_are_like_num(word):
    assert like_num(word)


@pytest.mark.parametrize("word", ["wawili", "kwanza", "mtu", "3/4/5"])
def test_agreeing_forms_and_ordinals_are_not_like_num(word):
    # like_num keeps the tokenizer's lexeme attribute as it was trained with.
    assert not like_num(word)


@pytest.mark.parametrize("word, value", [("wawili", 2), ("mosi", 1), ("tisini", 90), ("12", 12)])
def test_dates_read_counts_in_plain_and_agreeing_forms(word, value):
    assert number_value(word) == value


def test_dates_do_not_read_large_units_as_counts():
    assert number_value("elfu") is None
