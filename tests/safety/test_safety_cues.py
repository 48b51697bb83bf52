"""The per-message safety detector: what it emits, and that ordinary talk costs next to
nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rekindle.signals.registry import default_detectors
from rekindle.signals.safety_cues import SafetyCues, find_signs, load_safety
from rekindle.signals.text import Text


def test_the_detector_is_registered_after_the_lexicon_cues() -> None:
    names = [d.name for d in default_detectors()]
    assert "safety" in names
    assert names.index("safety") > names.index("criticism")


def test_a_crisis_cue_carries_its_category_and_evidence() -> None:
    text = "i keep thinking about killing myself"
    cues = SafetyCues().detect(Text(text)).cues
    assert [(c.name, c.detail, c.strength) for c in cues] == [("crisis", "suicide", 1.0)]
    assert text[cues[0].start : cues[0].end] == cues[0].evidence == "thinking about killing myself"


def test_a_veiled_sign_is_a_crisis_cue_of_half_strength() -> None:
    cues = SafetyCues().detect(Text("they'd all be better off without me")).cues
    assert [(c.name, c.detail, c.strength) for c in cues] == [("crisis", "suicide", 0.5)]


def test_an_abuse_cue_carries_its_category() -> None:
    cues = SafetyCues().detect(Text("she put a tracker on my car")).cues
    assert [(c.name, c.detail) for c in cues] == [("abuse", "monitoring")]


def test_signs_come_in_order_of_position() -> None:
    signs = find_signs("he reads my texts and i want to die")
    assert [s.cue for s in signs] == ["abuse", "crisis"]
    assert [s.start for s in signs] == sorted(s.start for s in signs)


WORDS_WITHOUT_TRIGGERS = st.sampled_from(
    ["love", "you", "tea", "bread", "sunny", "garden", "tomorrow", "thanks", "the", "ok", "x"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS_WITHOUT_TRIGGERS, max_size=30).map(" ".join))
def test_a_message_without_trigger_stems_is_passed_over(raw: str) -> None:
    safety = load_safety()
    text = Text(raw)
    assert safety.context.triggers.search(text.lower) is None
    assert safety.signs(text) == ()
