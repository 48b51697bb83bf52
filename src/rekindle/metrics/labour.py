"""The emotional-labour table: weekly counts per person of five kinds of care work.

Checking in on the partner's feelings, starting serious talks, comforting, remembering dates,
and apologising after tension (an apology within ``apology_after_conflict`` of a tense
message, from either person). Weeks start on Monday; every week from the first message to the
last has a row, empty weeks included.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.periods import week_label, week_of
from rekindle.metrics.profile import (
    APOLOGY_AFTER_CONFLICT,
    CHECK_IN,
    COMFORT,
    REMEMBERING_DATES,
    SERIOUS_TALK,
)
from rekindle.metrics.records import About, Rate, rate
from rekindle.metrics.settings import MetricSettings

TASKS = ("check_in", "serious_talk", "comfort", "remembering_dates", "apology")
TASK_BITS = (CHECK_IN, SERIOUS_TALK, COMFORT, REMEMBERING_DATES, APOLOGY_AFTER_CONFLICT)
MASK = CHECK_IN | SERIOUS_TALK | COMFORT | REMEMBERING_DATES | APOLOGY_AFTER_CONFLICT


@dataclass(frozen=True, slots=True)
class LabourWeek:
    week: date  # its Monday
    counts: Mapping[str, Mapping[str, int]]  # person -> task -> count


@dataclass(frozen=True, slots=True)
class LabourMetrics:
    about: About
    n: int  # care acts counted (a message with two kinds counts twice)
    tasks: tuple[str, ...]
    totals: Mapping[str, Mapping[str, int]]  # person -> task -> count
    shares: Mapping[str, Mapping[str, Rate]]  # task -> person -> their share of that task
    weeks: tuple[LabourWeek, ...]


class LabourTracker:
    def __init__(self, settings: MetricSettings) -> None:
        self.minimum = settings.min_events
        self.counts: dict[tuple[int, int], list[int]] = {}  # (week, sender) -> per task

    def observe(self, flags: int, sender: int, day: int) -> None:
        """A message with at least one task bit, from ``sender`` on day ``day`` (an ordinal)."""
        key = (week_of(day), sender)
        row = self.counts.get(key)
        if row is None:
            row = self.counts[key] = [0] * len(TASKS)
        for i, bit in enumerate(TASK_BITS):
            if flags & bit:
                row[i] += 1

    def result(self, context: Context) -> LabourMetrics:
        people = context.people
        totals = {pid: dict.fromkeys(TASKS, 0) for pid in people}
        for (_, sender), row in self.counts.items():
            for task, count in zip(TASKS, row, strict=True):
                totals[people[sender]][task] += count
        weeks: list[LabourWeek] = []
        if context.first is not None and context.last is not None:
            first = week_of(context.first.toordinal())
            last = week_of(context.last.toordinal())
            for week in range(first, last + 1, 7):
                counts = {
                    pid: dict(zip(TASKS, self.counts.get((week, p), [0] * len(TASKS)), strict=True))
                    for p, pid in enumerate(people)
                }
                weeks.append(LabourWeek(week_label(week), counts))
        shares = {
            task: {
                pid: rate(totals[pid][task], sum(totals[q][task] for q in people), self.minimum)
                for pid in people
            }
            for task in TASKS
        }
        return LabourMetrics(
            about=about.LABOUR,
            n=sum(sum(row.values()) for row in totals.values()),
            tasks=TASKS,
            totals=totals,
            shares=shares,
            weeks=tuple(weeks),
        )
