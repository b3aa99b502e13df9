"""A deployment's known-entity list: loading, checking, typing and linking (SPEC "Known entities")."""
import json

import pytest

from service import create_app
from service.known_entities import KnownEntities, KnownEntitiesError
from service.nlp import load_pipeline

ENTITIES = [
    {"id": "Q1", "name": "Amina Juma Said", "type": "PER", "aliases": ["Mama Amina"]},
    {"id": "Q2", "name": "Nyota FC", "type": "ORG", "aliases": ["Nyota"]},
    {"id": "Q3", "name": "Tanga", "type": "LOC", "country_code": "TZ"},
    {"id": "Q4", "name": "Baraka Said", "type": "PER", "aliases": ["Nyota"]},
]
TEXT = ("Amina Juma Said alisema jana kuwa Nyota FC itacheza Tanga. Said aliongeza kuwa "
        "Nyota ina wachezaji wazuri, lakini nyota za angani hazionekani.")


def _write(tmp_path, lines):
    path = tmp_path / "known.jsonl"
    path.write_text("".join(line if isinstance(line, str) else json.dumps(line) + "\n" for line in lines))
    return path


@pytest.fixture(scope="module")
def known_nlp(tmp_path_factory):
    return load_pipeline(known_entities=_write(tmp_path_factory.mktemp("known"), ENTITIES))


def test_names_and_aliases_are_looked_up_like_the_grouping_compares_them(tmp_path):
    known = KnownEntities.from_jsonl(_write(tmp_path, ENTITIES))
    assert known.lookup("AMINA JUMA SAID").id == "Q1"
    assert known.lookup("Mama Amina").id == "Q1"
    # "Nyota" is an alias of two entities: it names neither
    assert known.lookup("Nyota") is None
    assert known.lookup("NYOTA FC").id == "Q2"


def test_listed_mentions_are_typed_and_linked(known_nlp):
    doc = known_nlp(TEXT)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Amina Juma Said", "PER"), ("Nyota FC", "ORG"), ("Tanga", "LOC")} <= ents
    assert not any(e.text == "nyota" for e in doc.ents)  # lowercase common word
    from service.known_entities import kb_id_of
    ids = {e.name: kb_id_of(doc, e) for e in doc._.entities}
    assert ids["Amina Juma Said"] == "Q1" and ids["Nyota FC"] == "Q2" and ids["Tanga"] == "Q3"


def test_the_response_carries_kb_id(known_nlp, nlp):
    for pipeline, expected in ((known_nlp, "Q1"), (nlp, None)):
        app = create_app({"TESTING": True, "HABARI_PIPELINE": pipeline})
        body = app.test_client().post("/v1/annotate", json={"text": TEXT}).get_json()
        person = next(p for p in body["people"] if p["name"] == "Amina Juma Said")
        assert person["kb_id"] == expected
        assert all("kb_id" in entity for kind in ("people", "organizations", "places") for entity in body[kind])


@pytest.mark.parametrize("bad_line, message", [
    ("{not json\n", "not JSON"),
    (json.dumps({"id": "Q9", "name": "X", "type": "PERSON"}) + "\n", '"type" must be one of'),
    (json.dumps({"id": "", "name": "X", "type": "PER"}) + "\n", '"id" must be'),
    (json.dumps({"id": "Q9", "name": "X", "type": "PER", "aliases": "Y"}) + "\n", '"aliases"'),
    (json.dumps({"id": "Q9", "name": "X", "type": "LOC", "country_code": "tz"}) + "\n", '"country_code"'),
    (json.dumps({"id": "Q1", "name": "X", "type": "PER"}) + "\n", "already on line 1"),
    (json.dumps({"id": "Q9", "name": "X", "type": "PER", "wiki": 1}) + "\n", "unknown fields"),
])
def test_a_bad_line_stops_loading_and_is_named(tmp_path, bad_line, message):
    path = _write(tmp_path, [ENTITIES[0], "\n", bad_line])
    with pytest.raises(KnownEntitiesError, match=f"line 3: .*{message}") as error:
        load_pipeline(known_entities=path)
    assert str(path) in str(error.value)


def test_a_missing_file_stops_the_service_at_start(tmp_path):
    with pytest.raises(KnownEntitiesError, match="cannot be read"):
        create_app({"TESTING": True, "HABARI_KNOWN_ENTITIES": str(tmp_path / "none.jsonl")})
