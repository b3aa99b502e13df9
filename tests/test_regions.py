"""Regions larger than a country, and bodies named with their country: one entity of the API, doc.ents as the NER gave them."""
import pytest

from tests.test_entities import annotate


@pytest.mark.parametrize("marked, region, ents", [
    # untagged by the NER: an entity of its own, doc.ents unchanged
    ("Wafanyakazi wengi wanaishi Mashariki ya Kati tangu mwaka jana.", "Mashariki ya Kati", []),
    # tagged in part: one place, and doc.ents keeps the NER's place
    ("Ukame umeikumba Pembe ya [Afrika|LOC] mwaka huu.", "Pembe ya Afrika", ["Afrika"]),
    # a region of CLDR's names
    ("Biashara ya [Afrika|LOC] ya Mashariki imekua.", "Afrika ya Mashariki", ["Afrika"]),
])
def test_a_region_is_one_place(nlp, marked, region, ents):
    doc = annotate(nlp, marked)
    assert [(e.name, e.label) for e in doc._.entities] == [(region, "LOC")]
    assert [e.text for e in doc.ents] == ents


@pytest.mark.parametrize("marked, names", [
    # a country CLDR's regions also name stays the country
    ("Rais wa [Afrika Kusini|LOC] alisema.", ["Afrika Kusini"]),
    # inside a longer name of another kind, or in lowercase, no region
    ("[Benki ya Maendeleo ya Mashariki ya Kati|ORG] imetoa mkopo.", ["Benki ya Maendeleo ya Mashariki ya Kati"]),
    ("Upepo wa mashariki ya kati ya nchi ulivuma.", []),
])
def test_no_region_where_another_name_or_none_is(nlp, marked, names):
    assert [e.name for e in annotate(nlp, marked)._.entities] == names


@pytest.mark.parametrize("marked, names, ents", [
    # the head's own connective again before a country: the country closes the body's name
    ("[Chama cha Wafanyakazi wa Nyumbani|ORG] cha [Kenya|LOC] kimesema.",
     ["Chama cha Wafanyakazi wa Nyumbani cha Kenya"], ["Chama cha Wafanyakazi wa Nyumbani", "Kenya"]),
    ("[Tume ya Uchaguzi|ORG] ya [Tanzania|LOC] imesema.", ["Tume ya Uchaguzi ya Tanzania"],
     ["Tume ya Uchaguzi", "Tanzania"]),
    # another connective, a lowercase description, or a city: two names
    ("[Chama cha Walimu|ORG] wa [Kenya|LOC] kimesema.", ["Chama cha Walimu", "Kenya"], ["Chama cha Walimu", "Kenya"]),
    ("[Shirika la ndege|ORG] la [Kenya|LOC] limesema.", ["Shirika la ndege", "Kenya"], ["Shirika la ndege", "Kenya"]),
    ("[Tume ya Uchaguzi|ORG] ya [Nairobi|LOC] imesema.", ["Tume ya Uchaguzi", "Nairobi"], ["Tume ya Uchaguzi", "Nairobi"]),
])
def test_a_body_named_with_its_country_is_one_organization(nlp, marked, names, ents):
    doc = annotate(nlp, marked)
    assert [e.name for e in doc._.entities] == names
    assert [e.text for e in doc.ents] == ents


def test_a_countrys_formal_name_the_ner_split_is_one_place(nlp):
    doc = annotate(nlp, "Rais wa [Shirikisho|ORG] la [Urusi|LOC] alisema.")
    assert [(e.name, e.label, e.country_code) for e in doc._.entities] == [("Shirikisho la Urusi", "LOC", "RU")]
    assert [(e.text, e.label_) for e in doc.ents] == [("Shirikisho la Urusi", "LOC")]

