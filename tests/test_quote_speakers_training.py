"""training.quote_speakers' whole-file hold-out: a model trained without a file saw none
of its cues."""
import numpy as np
import pytest

from service.components.quotes.candidates import FEATURES
from training.quote_speakers import pooled, trained_without


def _group(file: str, right_feature: str) -> dict:
    """Two candidates; the one carrying `right_feature` is the speaker."""
    x = np.zeros((2, len(FEATURES)))
    x[0, FEATURES.index(right_feature)] = 1.0
    x[1, FEATURES.index("none")] = 1.0
    return {"X": x, "y": np.array([1, 0]), "article": 0, "file": file}


def test_a_held_out_file_teaches_the_model_nothing():
    # file "a" says the last speaker is right, file "b" says the opposite (no one)
    a = [_group("a", "last_speaker") for _ in range(20)]
    b = [{**g, "y": g["y"][::-1]} for g in (_group("b", "last_speaker") for _ in range(20))]
    columns = list(range(len(FEATURES)))
    without_a = trained_without(a + b, {"a"}, columns)
    only_b = trained_without(b, set(), columns)
    assert without_a.weight == pytest.approx(only_b.weight)
    assert without_a.weight["last_speaker"] < 0 < trained_without(a + b, {"b"}, columns).weight["last_speaker"]


def test_pooled_accuracy_counts_quotes_not_files():
    assert pooled({"big": (90, 100), "small": (0, 10)}) == pytest.approx(100 * 90 / 110)
