"""Rates of named cues per 100 messages, per person and month, with example messages.

Shared by the Horsemen and antidotes and by affection and appreciation. Counts are read from
the tally grids (see :data:`~rekindle.metrics.tally.MESSAGE_COUNTS`); examples from the
example keeper, keyed by (name, sender).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics.context import Context
from rekindle.metrics.examples import ExampleKeeper
from rekindle.metrics.periods import month_label
from rekindle.metrics.records import Example, Rate, rate

PER = 100  # rates are per 100 text and media messages


@dataclass(frozen=True, slots=True)
class MonthCueRates:
    month: str
    by_partner: Mapping[str, Mapping[str, Rate]]  # person -> cue -> rate


@dataclass(frozen=True, slots=True)
class CueRates:
    names: tuple[str, ...]
    by_partner: Mapping[str, Mapping[str, Rate]]  # person -> cue -> rate per 100 messages
    examples: Mapping[str, Mapping[str, tuple[Example, ...]]]  # person -> cue -> examples
    monthly: tuple[MonthCueRates, ...]


def cue_rates(context: Context, names: tuple[str, ...], keeper: ExampleKeeper) -> CueRates:
    grids = context.grids
    minimum = context.settings.min_messages
    read = grids.messages("read")
    counts = {name: grids.messages(name) for name in names}

    def rates(rows: slice | int, p: int) -> dict[str, Rate]:
        n = int(read[rows, p].sum())
        return {
            name: rate(int(grid[rows, p].sum()), n, minimum, PER) for name, grid in counts.items()
        }

    everyone = slice(None)
    return CueRates(
        names=names,
        by_partner=context.per_person(lambda p: rates(everyone, p)),
        examples=context.per_person(lambda p: {name: keeper.examples((name, p)) for name in names}),
        monthly=tuple(
            MonthCueRates(
                month_label(m),
                {pid: rates(m - context.first_month, p) for p, pid in enumerate(context.people)},
            )
            for m in context.months
        ),
    )
