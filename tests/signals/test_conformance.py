"""One standard check, run against every registered cue detector.

Each detector declares a unique name, what it needs and what it produces; emits only cues it
declares; shows evidence that is exactly the text at the cue's offsets; is deterministic;
leaves its input alone; and survives any text.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekindle.signals.base import Detector, Findings
from rekindle.signals.registry import default_detectors, ordered
from rekindle.signals.text import Text

DETECTORS = default_detectors()
IDS = [d.name for d in DETECTORS]

SAMPLES = [
    "",
    "ok",
    "I love you ❤️",
    "you ALWAYS do this. what is wrong with you?",
    "I'm not criticising you, I just feel tired and need a break. can we talk at 8?",
    'my boss said "you never listen" lol',
    "oh great, another brilliant idea of yours 🙄",
    "sorry, that was my fault. you're right",
    "can you pick up milk and the kids at 5? running late",
    "how are you feeling about tomorrow? I'm here for you",
    "happy anniversary!! 🥂",
    "this commute is killing me 😩",
    "\u200e\u202a+44 7700 900123\u202c",
    "Ça va? Je t’aime 😘 — naïve façade",
    "a" * 5000,
    "\n\n  \t",
]


def test_names_are_unique_and_dependencies_are_met() -> None:
    assert len(set(IDS)) == len(IDS)
    assert ordered(DETECTORS) == DETECTORS


@pytest.mark.parametrize("detector", DETECTORS, ids=IDS)
def test_detector_declares_itself(detector: Detector) -> None:
    assert isinstance(detector.name, str) and detector.name
    assert isinstance(detector.needs, tuple) and all(isinstance(n, str) for n in detector.needs)
    assert isinstance(detector.produces, tuple)
    assert all(isinstance(p, str) and p for p in detector.produces)


@pytest.mark.parametrize("detector", DETECTORS, ids=IDS)
def test_detector_emits_only_what_it_declares_with_true_evidence(detector: Detector) -> None:
    for sample in SAMPLES:
        text = Text(sample)
        found = detector.detect(text)
        assert isinstance(found, Findings)
        for cue in found.cues:
            assert cue.name in detector.produces, (detector.name, cue)
            assert cue.evidence == sample[cue.start : cue.end], (detector.name, cue, sample)
            assert 0.0 <= cue.strength <= 1.0 or cue.name in ("positive", "negative")


@pytest.mark.parametrize("detector", DETECTORS, ids=IDS)
def test_detector_is_deterministic_and_leaves_its_input_alone(detector: Detector) -> None:
    texts = [Text(s) for s in SAMPLES]
    before = [t.raw for t in texts]
    first = detector.detect_batch(texts)
    again = detector.detect_batch([Text(s) for s in SAMPLES])
    assert first == again
    assert [t.raw for t in texts] == before
    one_by_one = [detector.detect(Text(s)) for s in SAMPLES]
    assert one_by_one == first


@pytest.mark.parametrize("detector", DETECTORS, ids=IDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.text(max_size=300))
def test_detector_survives_any_text(detector: Detector, raw: str) -> None:
    text = Text(raw)
    snapshot = copy.copy(raw)
    found = detector.detect(text)
    assert text.raw == snapshot
    for cue in found.cues:
        assert cue.evidence == raw[cue.start : cue.end]
