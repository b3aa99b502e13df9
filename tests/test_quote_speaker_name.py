"""Quote.speaker_name: the name the API gives the speaker. Sentences written for these tests."""
import spacy

import service.lang.sw  # noqa: F401  (registers "sw")
from service.components.entities import Entity
from service.components.quotes import Quote


def _quote(text: str, mention: str, entity: Entity | None) -> Quote:
    doc = spacy.blank("sw").make_doc(text)
    start = text.index(mention)
    return Quote(0, 10, "indirect", speaker=doc.char_span(start, start + len(mention)), speaker_entity=entity)


def test_a_government_named_by_its_place_keeps_its_fullest_name():
    malawi = Entity(id="loc-1", label="LOC", name="Malawi")
    assert _quote("Serikali ya Malawi imesema bei zitashuka.", "Serikali ya Malawi", malawi).speaker_name \
        == "Serikali ya Malawi"
    # a country that speaks keeps its own name
    assert _quote("Malawi imesema bei zitashuka.", "Malawi", malawi).speaker_name == "Malawi"


def test_a_person_or_body_is_named_by_its_entity():
    person = Entity(id="per-1", label="PER", name="Neema Mwakalinga")
    assert _quote("Bi. Mwakalinga alisema bei zitashuka.", "Mwakalinga", person).speaker_name == "Neema Mwakalinga"
    body = Entity(id="org-1", label="ORG", name="Tume ya Uchaguzi")
    assert _quote("Tume ya Uchaguzi ya Tanzania imesema.", "Tume ya Uchaguzi ya Tanzania", body).speaker_name \
        == "Tume ya Uchaguzi"
    assert _quote("Juma Ali alisema.", "Juma Ali", None).speaker_name == "Juma Ali"
