"""What every metric's result builder gets once the conversation has been read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from rekindle.metrics.periods import month_label
from rekindle.metrics.records import MonthCount, Rate, rate
from rekindle.metrics.settings import MetricSettings
from rekindle.metrics.tally import Grids

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """The participants, the months covered, the settings and the counts."""

    people: tuple[str, ...]
    settings: MetricSettings
    first_month: int
    months: tuple[int, ...]  # month indexes from the first message's month to the last's
    grids: Grids
    first: datetime | None
    last: datetime | None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(month_label(m) for m in self.months)

    def per_person(self, make: Callable[[int], T]) -> dict[str, T]:
        """``make(sender index)`` for every participant, keyed by participant id."""
        return {pid: make(i) for i, pid in enumerate(self.people)}

    def column(self, values: Sequence[int] | npt.NDArray[np.int64]) -> dict[str, int]:
        """Per-person numbers (indexed by sender) keyed by participant id."""
        return {pid: int(values[i]) for i, pid in enumerate(self.people)}

    def shares(self, counts: Iterable[int], minimum: int, per: int = 1) -> dict[str, Rate]:
        """Each person's part of the total, as rates over the total."""
        values = list(counts)
        total = sum(values)
        return {pid: rate(values[i], total, minimum, per) for i, pid in enumerate(self.people)}

    def monthly_counts(self, counts: Mapping[int, list[int]]) -> tuple[MonthCount, ...]:
        """Every month's count per person, from month index -> counts by sender index."""
        rows = []
        for month in self.months:
            values = counts.get(month, [])
            by = {pid: (values[i] if i < len(values) else 0) for i, pid in enumerate(self.people)}
            rows.append(MonthCount(month_label(month), sum(by.values()), by))
        return tuple(rows)


def bump(table: dict[int, list[int]], key: int, index: int, width: int, amount: int = 1) -> None:
    """Add ``amount`` at ``index`` of the row ``key`` (a row of ``width`` zeros if new)."""
    row = table.get(key)
    if row is None:
        row = table[key] = [0] * width
    elif index >= len(row):
        row.extend([0] * (index + 1 - len(row)))
    row[index] += amount
