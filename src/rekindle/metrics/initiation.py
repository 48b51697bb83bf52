"""Who starts conversations after an idle gap, and reach-outs nobody answered.

The conversations are found by :class:`~rekindle.metrics.turns.TurnTracker`. The last
conversation of the export is left out of the unanswered count when nobody answered it: the
export may simply have been made too soon.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.records import About, MonthCount, Rate, rate
from rekindle.metrics.turns import TurnTracker


@dataclass(frozen=True, slots=True)
class InitiationMetrics:
    about: About
    n: int  # conversations
    started: Mapping[str, Rate]  # each person's share of the conversations started
    unanswered_reach_outs: Mapping[str, Rate]  # of the ones they started, the unanswered share
    monthly: tuple[MonthCount, ...]  # conversations started per month, by who started them


def result(context: Context, turns: TurnTracker) -> InitiationMetrics:
    starts = [0] * len(context.people)
    for row in turns.started.values():
        for i, count in enumerate(row):
            starts[i] += count
    minimum = context.settings.min_events

    def unanswered(i: int) -> Rate:
        judged, alone = turns.reach_outs.get(i, [0, 0])
        return rate(alone, judged, minimum)

    return InitiationMetrics(
        about=about.INITIATION,
        n=sum(starts),
        started=context.shares(starts, minimum),
        unanswered_reach_outs=context.per_person(unanswered),
        monthly=context.monthly_counts(turns.started),
    )
