"""The registered cue detectors, in the order they run.

A detector that needs another's output runs after it; :func:`ordered` checks that every need is
met by ``"text"`` or an earlier detector, so a missing dependency fails at start-up, not midway.
"""

from __future__ import annotations

from collections.abc import Sequence

from rekindle.signals.base import Detector
from rekindle.signals.emotion_cues import EmotionCues
from rekindle.signals.function_words import FunctionWords
from rekindle.signals.lexicon import lexicon_detectors
from rekindle.signals.safety_cues import SafetyCues
from rekindle.signals.sentiment_cues import SentimentCues


def default_detectors(language: str = "en") -> list[Detector]:
    """Every detector Rekindle runs on a message, for ``language``."""
    detectors: list[Detector] = [
        SentimentCues(),
        EmotionCues(),
        *lexicon_detectors(language),
        SafetyCues(language),
        FunctionWords(language),
    ]
    return ordered(detectors)


def ordered(detectors: Sequence[Detector]) -> list[Detector]:
    """``detectors`` with each one's needs met by the ones before it (else ValueError)."""
    available = {"text"}
    result: list[Detector] = []
    pending = list(detectors)
    while pending:
        ready = [d for d in pending if set(d.needs) <= available]
        if not ready:
            missing = {n for d in pending for n in d.needs} - available
            raise ValueError(f"no detector provides {', '.join(sorted(missing))}")
        for detector in ready:
            result.append(detector)
            available.add(detector.name)
            pending.remove(detector)
    names = [d.name for d in result]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"two detectors share the name {', '.join(sorted(duplicates))}")
    return result


def cue_names(detectors: Sequence[Detector]) -> list[str]:
    """Every cue name the detectors may produce, in detector order."""
    return [name for detector in detectors for name in detector.produces]
