"""Reply times per person (median and 90th percentile, by hour of day) and unanswered messages.

Replies and unanswered messages are found by :class:`~rekindle.metrics.turns.TurnTracker`.
Reply times are kept whole (packed, 13 bytes a reply), so percentiles are exact; they
interpolate linearly between replies, as numpy's default does. Messages within ``idle_gap`` of
the end of the export are left out of the unanswered share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.periods import month_label
from rekindle.metrics.records import About, Rate, rate
from rekindle.metrics.turns import TurnTracker


@dataclass(frozen=True, slots=True)
class Latency:
    replies: int
    median_minutes: float | None  # None with fewer replies than the minimum
    p90_minutes: float | None


@dataclass(frozen=True, slots=True)
class Responsiveness:
    latency: Latency
    by_hour: tuple[Latency, ...]  # 24 entries, by the hour the answered message was sent
    unanswered: Rate  # of this person's messages, the share nobody answered in time


@dataclass(frozen=True, slots=True)
class MonthLatency:
    month: str
    by_partner: Mapping[str, Latency]


@dataclass(frozen=True, slots=True)
class ResponsivenessMetrics:
    about: About
    n: int  # replies
    by_partner: Mapping[str, Responsiveness]  # each person as the one replying
    monthly: tuple[MonthLatency, ...]


def _latency(seconds: npt.NDArray[np.float64], minimum: int) -> Latency:
    if len(seconds) < minimum:
        return Latency(len(seconds), None, None)
    median, p90 = np.percentile(seconds, [50, 90]) / 60
    return Latency(len(seconds), round(float(median), 2), round(float(p90), 2))


def result(context: Context, turns: TurnTracker) -> ResponsivenessMetrics:
    minimum = context.settings.min_events
    arrays = {
        i: (
            np.frombuffer(r.seconds, dtype=np.float64),
            np.frombuffer(r.hours, dtype=np.int8),
            np.frombuffer(r.months, dtype=np.int32),
        )
        for i, r in turns.replies.items()
    }
    empty = (np.zeros(0), np.zeros(0, dtype=np.int8), np.zeros(0, dtype=np.int32))

    def person(i: int) -> Responsiveness:
        seconds, hours, _ = arrays.get(i, empty)
        judged, unanswered = turns.answers.get(i, [0, 0])
        return Responsiveness(
            latency=_latency(seconds, minimum),
            by_hour=tuple(_latency(seconds[hours == hour], minimum) for hour in range(24)),
            unanswered=rate(unanswered, judged, context.settings.min_messages),
        )

    def month(m: int) -> MonthLatency:
        by_partner = {}
        for i, pid in enumerate(context.people):
            seconds, _, months = arrays.get(i, empty)
            by_partner[pid] = _latency(seconds[months == m], minimum)
        return MonthLatency(month_label(m), by_partner)

    by_partner = context.per_person(person)
    return ResponsivenessMetrics(
        about=about.RESPONSIVENESS,
        n=sum(p.latency.replies for p in by_partner.values()),
        by_partner=by_partner,
        monthly=tuple(month(m) for m in context.months),
    )
