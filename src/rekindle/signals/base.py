"""The records cue detectors produce, and the contract every detector keeps.

A detector declares its ``name``, what it ``needs`` (``"text"``, or the names of other
detectors whose output it reads) and what it ``produces`` (the cue names it may emit). Its
constructor only stores settings; the work happens in :meth:`Detector.detect`. It is
deterministic and never changes its input. ``tests/signals/test_conformance.py`` checks all of
this for every registered detector.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rekindle.signals.text import Text


@dataclass(frozen=True, slots=True)
class Cue:
    """One thing noticed in one message, with the evidence for it.

    ``evidence`` is the matched phrase as written in the message, and ``start``/``end`` its
    character offsets, so a report can show why the message was flagged. ``detail`` refines
    the cue where it has kinds (a bid's type, a safety category). ``strength`` is 1.0 for a
    plain match, or a probability or intensity where the detector has one.
    """

    name: str
    evidence: str
    start: int = 0
    end: int = 0
    detail: str | None = None
    strength: float = 1.0


@dataclass(frozen=True, slots=True)
class Sentiment:
    """VADER's scores: ``compound`` in [-1, 1], and the positive/negative/neutral shares."""

    compound: float
    positive: float
    negative: float
    neutral: float


@dataclass(frozen=True, slots=True)
class Emotions:
    """The emotion model's probabilities (GoEmotions' 28 labels and Ekman's 7 groups)."""

    probabilities: Mapping[str, float]
    ekman: Mapping[str, float]
    top: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MessageCues:
    """Everything stage 2 found in one message."""

    message_id: str
    cues: tuple[Cue, ...]
    sentiment: Sentiment | None = None
    emotions: Emotions | None = None
    words: int = 0
    counts: Mapping[str, int] = field(default_factory=dict)  # word-category counts

    def names(self) -> set[str]:
        """The names of the cues that fired."""
        return {cue.name for cue in self.cues}


@dataclass(frozen=True, slots=True)
class Findings:
    """What one detector found in one message: cues, and optionally per-category counts,
    a sentiment or emotions (for the detectors that measure those)."""

    cues: tuple[Cue, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    sentiment: Sentiment | None = None
    emotions: Emotions | None = None


NOTHING = Findings()


class Detector(ABC):
    """A cue detector. Subclasses set the three class attributes and implement ``detect``."""

    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ("text",)
    produces: ClassVar[tuple[str, ...]]

    @abstractmethod
    def detect(self, text: Text) -> Findings:
        """The cues in one message's text."""

    def detect_batch(self, texts: Sequence[Text]) -> list[Findings]:
        """The cues in many messages (override when batching is faster)."""
        return [self.detect(text) for text in texts]
