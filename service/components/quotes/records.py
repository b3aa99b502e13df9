"""The records the quote steps hand each other: a mention that can name a speaker, a
speech event with the speaker it resolved to, and a quote item before it becomes a Span."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from service.components.entities import Entity


@dataclass
class SpeakerMention:
    start: int
    end: int
    label: str
    span: Optional[Span]
    entity: Optional[Entity]


@dataclass
class SpeechEvent:
    """A speech verb or attribution phrase (start < end), or a name standing in for one
    (start == end: "Abebe, “…”"), and the speaker it resolved to."""
    start: int
    end: int
    speaker: Optional[SpeakerMention]
    # the learned chooser's probability that `speaker` (None: no one) is right; None
    # where rules alone decided
    confidence: Optional[float] = None


@dataclass
class Item:
    start: int
    end: int
    kind: str
    event: Optional[SpeechEvent]
