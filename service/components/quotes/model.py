"""The learned speaker chooser: a logistic regression over candidate features
(candidates.py), trained by training/quote_speakers.py on dev/quotes and shipped as
JSON coefficients (models/quote_speakers.json).

Scoring is a dot product per candidate, written out here rather than loading
scikit-learn at run time: the service then needs neither the library nor its import
time, and the JSON file is small, diffable and version-independent. The candidates'
logits are normalised with a softmax over the cue's candidates, so `confidence` is
the model's probability that the chosen candidate is the speaker.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Optional

from service.components.quotes.candidates import Candidate

DEFAULT_MODEL = Path(__file__).resolve().parents[3] / "models" / "quote_speakers.json"


class SpeakerModel:
    def __init__(self, params: dict):
        self.features: list[str] = params["features"]
        # standardisation folded into the weights: w·(x - mean)/scale + b
        self.weights = [c / s for c, s in zip(params["coef"], params["scale"])]
        self.bias = params["intercept"] - sum(w * m for w, m in zip(self.weights, params["mean"]))
        self.temperature = params.get("temperature", 1.0)
        self.weight = dict(zip(self.features, self.weights))

    def logit(self, cand: Candidate) -> float:
        """Features are sparse (candidates.py stores the non-zero ones)."""
        weight = self.weight
        return self.bias + sum(weight.get(name, 0.0) * value for name, value in cand.features.items())

    def choose(self, candidates: list[Candidate]) -> tuple[Candidate, float]:
        """The best candidate and its probability among the cue's candidates."""
        logits = [self.logit(c) / self.temperature for c in candidates]
        top = max(logits)
        weights = [math.exp(x - top) for x in logits]
        best = max(range(len(candidates)), key=logits.__getitem__)
        return candidates[best], weights[best] / sum(weights)


@lru_cache(maxsize=4)
def load_model(path: Optional[str] = None) -> Optional[SpeakerModel]:
    """The shipped model, or None where the file is absent (the rules then choose)."""
    file = Path(path) if path else DEFAULT_MODEL
    if not file.exists():
        return None
    return SpeakerModel(json.loads(file.read_text(encoding="utf-8")))
