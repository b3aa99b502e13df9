"""HABARI_MODEL picks one of the bundled pipelines (service/nlp.py, MODEL_CARD.md)."""
from __future__ import annotations

import pytest

from service import create_app
from service.config import settings_from_env
from service.nlp import BUNDLED_MODELS, bundled_model, default_model_path, load_pipeline

FAST = BUNDLED_MODELS["fast"]

SENTENCE = ("Waziri wa Fedha Bi. Halima Mussa alikutana na maafisa wa Benki ya Dunia mjini "
            "Mwanza Jumanne, akisema kwamba bajeti mpya itasomwa bungeni mwezi ujao.")


def test_unset_or_empty_means_the_accurate_model():
    assert bundled_model(None) == bundled_model("") == BUNDLED_MODELS["accurate"]
    assert settings_from_env({})["HABARI_MODEL"] == "accurate"


def test_an_unknown_name_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="accurate, fast"):
        bundled_model("tiny")


def test_a_process_given_no_model_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("HABARI_MODEL_PATH", raising=False)
    monkeypatch.setenv("HABARI_MODEL", "fast")
    assert default_model_path() == FAST
    monkeypatch.setenv("HABARI_MODEL_PATH", str(tmp_path))
    assert default_model_path() == tmp_path


def test_the_service_does_not_start_on_an_unknown_name():
    with pytest.raises(ValueError, match="HABARI_MODEL='tiny'"):
        create_app({"HABARI_MODEL": "tiny", "HABARI_MODEL_PATH": None})


@pytest.fixture(scope="module")
def fast_nlp():
    return load_pipeline(FAST)


def test_fast_model_is_the_narrow_one_with_the_same_labels(fast_nlp):
    assert fast_nlp.get_pipe_config("tok2vec")["model"]["encode"]["width"] == 64
    assert set(fast_nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "DATE"}
    assert fast_nlp.meta["name"] == "habari_fast"


def test_fast_model_finds_the_people_places_and_bodies(fast_nlp):
    ents = {(ent.text, ent.label_) for ent in fast_nlp(SENTENCE).ents}
    assert ("Halima Mussa", "PER") in ents
    assert ("Mwanza", "LOC") in ents
    assert any(label == "ORG" and "Benki ya Dunia" in text for text, label in ents)


@pytest.fixture
def loaded_paths(monkeypatch, fast_nlp):
    """The paths the app asks load_pipeline for (each call gets the fast pipeline)."""
    paths = []

    def load(path, known_entities=None):
        paths.append(path)
        return fast_nlp

    monkeypatch.setattr("service.nlp.load_pipeline", load)
    return paths


def test_the_service_loads_the_model_habari_model_names(loaded_paths):
    app = create_app({"HABARI_MODEL": "fast", "HABARI_MODEL_PATH": None})
    assert loaded_paths == [FAST]
    response = app.test_client().post("/v1/annotate", json={"text": SENTENCE})
    assert response.status_code == 200
    assert response.get_json()["model"]["name"] == "sw_habari_fast"


def test_a_model_path_wins_over_the_model_name(loaded_paths, tmp_path):
    create_app({"HABARI_MODEL": "fast", "HABARI_MODEL_PATH": str(tmp_path)})
    assert loaded_paths == [str(tmp_path)]
