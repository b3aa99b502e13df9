"""A body's name runs over the fields it lists ("X, Y na Z"), not over the next noun phrase."""
import pytest

from tests.test_entities import annotate


@pytest.mark.parametrize("marked, name", [
    # the NER stops at the first comma or "na"
    ("Bajeti ya [Wizara ya Kilimo|ORG], Mifugo na Uvuvi ilisomwa jana.", "Wizara ya Kilimo, Mifugo na Uvuvi"),
    ("Ripoti ya [Tume ya Haki|ORG] na Usawa imetolewa.", "Tume ya Haki na Usawa"),
    # a field with its own complement
    ("Kesi ilipelekwa kwa [Kamati ya Nidhamu|ORG] na Hadhi za Wanachama mwezi huu.",
     "Kamati ya Nidhamu na Hadhi za Wanachama"),
])
def test_listed_fields_are_part_of_the_name(nlp, marked, name):
    assert name in [e.name for e in annotate(nlp, marked)._.entities if e.label == "ORG"]


@pytest.mark.parametrize("marked, name", [
    # another body, a person by role, a country, or a noun phrase of its own after "na"
    ("[Chama cha Walimu|ORG] na Serikali walikubaliana.", "Chama cha Walimu"),
    ("Katibu wa [Umoja wa Mataifa|ORG] na Mwakilishi wake walifika.", "Umoja wa Mataifa"),
    ("[Baraza la Habari|ORG] na [Kenya|LOC] wamesaini mkataba.", "Baraza la Habari"),
    ("Tunaishukuru [Jumuiya ya Madaktari|ORG] na Tawi lake la Arusha.", "Jumuiya ya Madaktari"),
])
def test_the_name_stops_before_another_phrase(nlp, marked, name):
    assert name in [e.name for e in annotate(nlp, marked)._.entities if e.label == "ORG"]


@pytest.mark.parametrize("marked, ents", [
    # a lowercase locative ends the body's name, in doc.ents too
    ("Matokeo yalitangazwa na [Tume ya Uchaguzi nchini humo|ORG] wiki hii.", ["Tume ya Uchaguzi"]),
    ("Ripoti ya [Baraza la Mitihani nchini Malawi|ORG] ilitolewa.", ["Baraza la Mitihani", "Malawi"]),
    # a place too, the locative capitalized or not
    ("Mechi itachezwa [Jamhuri ya Kongo Jijini Brazzaville|LOC] kesho.", ["Jamhuri ya Kongo", "Brazzaville"]),
    # unless the name goes on to its acronym, as the MasakhaNER data has it
    ("Ripoti ya [Tume ya Uchaguzi nchini Kenya IEBC|ORG] ilitolewa.", ["Tume ya Uchaguzi nchini Kenya IEBC"]),
])
def test_a_locative_ends_the_name(nlp, marked, ents):
    assert [ent.text for ent in annotate(nlp, marked).ents] == ents
