"""service/lang/sw/verbs.py: the verb slots, and what each test built on them is for."""
import pytest

from service.lang.sw.speech_verbs import QUOTING_STEMS, QUOTING_VERB, SPEECH_STEMS, TELLING_STEMS
from service.lang.sw.verbs import (
    CLASS_SUBJECTS,
    COPULAS,
    FIRST_PERSON_VERB,
    LOCATIVE_COPULAS,
    PERSON_PREFIXES,
    SUBJECTS,
    VERB_LIKE,
    VERB_LOOKALIKE_NOUNS,
    alternation,
    is_finite_verb,
    is_relative_verb,
    is_verb,
    verb_tense,
)


def test_subjects_hold_every_person_and_class_prefix_once():
    assert len(SUBJECTS) == len(set(SUBJECTS))
    assert {"ni", "u", "a", "tu", "m", "wa"} <= set(SUBJECTS)
    assert set(CLASS_SUBJECTS) <= set(SUBJECTS)


def test_person_prefixes_leave_out_u_which_is_also_a_class():
    assert "u" not in PERSON_PREFIXES
    assert {"a", "wa", "ni", "tu"} <= PERSON_PREFIXES


def test_alternation_tries_longer_prefixes_first_and_drops_the_excluded():
    assert alternation(("m", "mu", "a"), without=("a",)) == "mu|m"


@pytest.mark.parametrize("word", ["alisema", "inaweza", "wamefika", "haiwezi", "hakusema",
                                  "asiweze", "kumekuwa", "Atakuja", "ni", "yuko", "uko", "kipo",
                                  "huanza", "hufanyika", "hujibu"])
def test_finite_verbs(word):
    assert is_finite_verb(word)


@pytest.mark.parametrize("word", ["mtoto", "kusema", "wananchi", "watawala", "Italia", "serikali",
                                  "huduma", "hukumu", "huenda", "huwezi", "yako"])
def test_not_finite_verbs(word):
    # An infinitive, a noun, nouns the prefixes would read as verbs (wa-na-nchi,
    # wa-ta-wala, I-ta-lia, hu-duma), "perhaps" (huenda), the negative "you can't" (huwezi,
    # whose infinitive after it reports nothing) and the possessive "your" (yako).
    assert not is_finite_verb(word)


@pytest.mark.parametrize("word, relative", [
    ("aliyesema", True), ("waliosema", True), ("kilichosemwa", True), ("unaoendelea", True),
    ("alisema", False), ("alipokea", False), ("inakosa", False),
])
def test_relative_verbs(word, relative):
    # "alipokea" (received) and "inakosa" (lacks) have stems that begin like po-/ko-.
    assert is_relative_verb(word) is relative


@pytest.mark.parametrize("word, verb", [("akisema", True), ("wakiwa", True), ("wakimbizi", False)])
def test_participles_are_verbs_but_not_lookalike_nouns(word, verb):
    assert is_verb(word) is verb


@pytest.mark.parametrize("word, tense", [
    ("alisema", -1), ("wamefika", -1), ("hakusema", -1), ("atasafiri", 1), ("hatakuja", 1),
    ("anasema", 1), ("ziko", 1), ("anayeongoza", None), ("vitani", None), ("watalii", None),
])
def test_tense_read_off_the_prefixes(word, tense):
    assert verb_tense(word) == tense


@pytest.mark.parametrize("noun", sorted(VERB_LOOKALIKE_NOUNS))
def test_verb_lookalike_nouns_are_never_verbs(noun):
    assert not is_verb(noun) and verb_tense(noun) is None


@pytest.mark.parametrize("copula", sorted(COPULAS))
def test_copulas_open_a_predicate(copula):
    assert is_finite_verb(copula)


def test_the_locative_copulas_are_present_tense():
    assert LOCATIVE_COPULAS <= COPULAS
    assert {verb_tense(copula) for copula in LOCATIVE_COPULAS} == {1}


@pytest.mark.parametrize("word, verb_like", [
    ("alikutana", True), ("zimeshindwa", True), ("Alikutana", False), ("nilikutana", False),
    ("mwanasiasa", False),
])
def test_verb_like_words_cannot_begin_a_name(word, verb_like):
    # Lowercase third-person and class forms only: a capital may begin a name.
    assert bool(VERB_LIKE.match(word)) is verb_like


@pytest.mark.parametrize("word, first_person", [("tutaendelea", True), ("nimeamua", True),
                                                ("ameamua", False)])
def test_first_person_verbs(word, first_person):
    assert bool(FIRST_PERSON_VERB.fullmatch(word)) is first_person


def test_telling_verbs_are_speech_verbs_and_quoting_verbs_are_not():
    assert TELLING_STEMS <= set(SPEECH_STEMS)
    assert set(QUOTING_STEMS).isdisjoint(SPEECH_STEMS)


@pytest.mark.parametrize("word, stem", [("akiwasihi", "sihi"), ("ameapa", "apa"),
                                        ("aliwaita", "ita"), ("kumwomba", "omba")])
def test_quoting_verbs(word, stem):
    match = QUOTING_VERB.fullmatch(word)
    assert match is not None and match.group("stem") == stem
