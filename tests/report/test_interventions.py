"""The project's interventions and the report's wording: complete, consistent, sourced."""

from __future__ import annotations

import re

import pytest

from rekindle.report.interventions import choose, library
from rekindle.report.wording import wording

# What the interventions may be keyed to: every finding, plus the emotional-labour table and
# the slow fade shown in the trends.
TARGETS = set(wording().findings) | {"labour", "fade"}


def test_ids_are_unique_and_every_entry_has_steps_and_sources() -> None:
    ids = [e.intervention.id for e in library()]
    assert len(ids) == len(set(ids))
    for entry in library():
        idea = entry.intervention
        assert re.fullmatch(r"[a-z][a-z0-9-]*", idea.id)
        assert idea.steps and idea.why and idea.citations, idea.id
        assert 1 <= idea.minutes <= 60
        assert set(entry.findings) <= TARGETS, idea.id
        assert set(entry.tones) <= {"strength", "watch", "neutral"}


@pytest.mark.parametrize("key", sorted(TARGETS))
def test_every_finding_has_something_to_try_when_it_needs_watching(key: str) -> None:
    assert choose(key, "watch"), f"no intervention for a {key} finding to watch"


@pytest.mark.parametrize("key", sorted(wording().findings))
def test_every_strength_has_a_way_to_keep_it(key: str) -> None:
    assert choose(key, "strength")


def test_choosing_prefers_ideas_not_yet_suggested() -> None:
    first = choose("bids", "watch", limit=2)
    again = choose("bids", "watch", limit=2, exclude=frozenset(i.id for i in first))
    assert len(again) == 2
    assert not {i.id for i in again} & {i.id for i in first}


def test_when_everything_was_suggested_it_repeats_rather_than_leave_nothing() -> None:
    fitting = choose("repair", "watch", limit=10)
    assert choose("repair", "watch", limit=1, exclude=frozenset(i.id for i in fitting))


@pytest.mark.parametrize("key", sorted(wording().findings))
def test_every_finding_says_what_it_means_what_it_rests_on_and_where_it_stops(key: str) -> None:
    text = wording().findings[key]
    assert len(text.meaning.split()) >= 20
    assert text.citations and text.limits
    everything = " ".join([text.title, text.meaning, text.evidence, *text.limits]).lower()
    for claim in ("predicts your", "will divorce", "will break up", "diagnos", "your fault"):
        assert claim not in everything


def test_the_notices_say_it_is_automated_reads_emotions_and_is_not_therapy() -> None:
    notices = wording().disclosure
    assert "automated" in notices["automated"] and "AI" in notices["automated"]
    assert "emotions" in notices["emotions"]
    assert "not therapy" in notices["not_therapy"]
    assert "no message text" in notices["privacy_no_quotes"]
