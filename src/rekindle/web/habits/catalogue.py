"""The habits people may choose: the project's own interventions, read from the library.

This is the one place the web app reads the interventions library, so that a change in the
library's shape is a change here only. The content stays in the library; nothing is copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rekindle.report.interventions import library

LANGUAGE = "en"
# Micro-habits are small enough to repeat every day; exercises suit a weekly rhythm.
CHOOSABLE_KINDS = {"micro-habit": "daily", "exercise": "weekly"}


@dataclass(frozen=True)
class HabitIdea:
    """One intervention a person may take on as a habit."""

    id: str
    title: str
    kind: str
    minutes: int
    steps: tuple[str, ...]
    why: str

    @property
    def usual_cadence(self) -> str:
        return CHOOSABLE_KINDS[self.kind]


@cache
def habit_ideas() -> dict[str, HabitIdea]:
    """Every choosable intervention by id, in the library's order."""
    ideas: dict[str, HabitIdea] = {}
    for entry in library(LANGUAGE):
        item = entry.intervention
        if item.kind in CHOOSABLE_KINDS:
            ideas[item.id] = HabitIdea(
                item.id, item.title, item.kind, item.minutes, tuple(item.steps), item.why
            )
    return ideas


def habit_idea(intervention_id: str) -> HabitIdea | None:
    return habit_ideas().get(intervention_id)
