"""Streaks and milestones for habits. Pure functions of the ticked days, easy to test.

A daily habit counts days in a row; a weekly one counts weeks (Monday to Sunday) in a row
with at least one tick. As with check-ins, a run that reached the previous day (or week)
still counts while today's tick is not in yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from rekindle.web.checkins.streaks import current_streak, longest_streak

MILESTONES = (3, 7, 21, 50)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_as_day(day: date) -> date:
    """Consecutive weeks become consecutive days, so weeks are counted like days."""
    return date.fromordinal(week_start(day).toordinal() // 7)


@dataclass(frozen=True)
class Streak:
    current: int
    longest: int
    unit: str  # "day" or "week"

    @property
    def next_milestone(self) -> int | None:
        return next((m for m in MILESTONES if m > self.current), None)


def streak_of(ticked: Iterable[date], today: date, *, weekly: bool = False) -> Streak:
    days = list(ticked)
    if weekly:
        days = [_week_as_day(day) for day in days]
        today = _week_as_day(today)
    return Streak(current_streak(days, today), longest_streak(days), "week" if weekly else "day")


def milestone_reached(streak: Streak) -> int | None:
    """The milestone the current run has just reached, if it stands exactly on one."""
    return streak.current if streak.current in MILESTONES else None


_NUMBER_WORDS = {3: "Three", 7: "Seven", 21: "Twenty-one", 50: "Fifty"}
_CELEBRATIONS = {
    3: "Small things, kept, are how new habits begin.",
    7: "You kept showing up, and that matters.",
    21: "This is becoming part of how you live.",
    50: "Take a moment to notice how far you have come.",
}


def celebration(milestone: int, title: str, unit: str) -> str:
    """A warm word for reaching ``milestone``."""
    return f"{_NUMBER_WORDS[milestone]} {unit}s in a row of “{title}”. {_CELEBRATIONS[milestone]}"
