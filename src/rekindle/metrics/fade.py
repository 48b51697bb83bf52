"""The slow fade: sustained declines in the monthly series.

Five series, for both people together and for each person: volume (messages a day), affection
(per 100 messages), bids (a day), the turn-toward rate and the personal share (messages that
are not only logistics). Volume and bids are per day of the month the export covers, so a
partial first or last month is not a false fall; a month covered for fewer than ``MIN_DAYS``
days gives no per-day value (a few days say too little).

Each series is tested over its last ``fade_window_months`` months, using the months that have
a value (rates need enough data). A decline is flagged when there are at least
``fade_min_months`` such months, the one-sided Mann-Kendall test finds a downward trend at
``fade_alpha``, and the fall along the Theil-Sen slope across the window is at least
``fade_min_drop`` of where it started. Both are rank-based, so one odd month cannot make or
hide a trend. ``since`` is the start of the lower part of the best single split of the window
(the split that leaves the least squared error around two means).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from rekindle.metrics import about
from rekindle.metrics.activity import month_days
from rekindle.metrics.bids import BidMetrics
from rekindle.metrics.context import Context
from rekindle.metrics.records import About
from rekindle.metrics.settings import MetricSettings

MIN_DAYS = 10  # a month the export covers for fewer days gives no per-day value

SERIES = ("volume", "affection", "bids", "turn_toward", "personal_share")
UNITS = {
    "volume": "messages a day",
    "affection": "per 100 messages",
    "bids": "bids a day",
    "turn_toward": "share of bids turned toward",
    "personal_share": "share of messages",
}


@dataclass(frozen=True, slots=True)
class Trend:
    months: int  # months with a value in the window
    slope: float | None  # change per month (Theil-Sen), in the series' unit
    change: float | None  # relative change across the window along the slope (-0.3: 30% fall)
    p_value: float | None  # one-sided Mann-Kendall test for a decline
    declining: bool
    since: str | None  # where the decline seems to start (only when declining)


@dataclass(frozen=True, slots=True)
class FadePoint:
    month: str
    value: float | None


@dataclass(frozen=True, slots=True)
class FadeSeries:
    name: str  # one of SERIES
    partner: str | None  # None: both people together
    unit: str
    points: tuple[FadePoint, ...]
    trend: Trend


@dataclass(frozen=True, slots=True)
class FadeMetrics:
    about: About
    n: int  # months
    series: tuple[FadeSeries, ...]
    declining: tuple[FadeSeries, ...]  # the series with a flagged decline


def mann_kendall_decline(values: Sequence[float]) -> float:
    """The one-sided p-value of the Mann-Kendall test against "no downward trend"."""
    n = len(values)
    s = 0
    for i in range(n - 1):
        vi = values[i]
        for j in range(i + 1, n):
            diff = values[j] - vi
            s += (diff > 0) - (diff < 0)
    ties: dict[float, int] = {}
    for value in values:
        ties[value] = ties.get(value, 0) + 1
    variance = (
        n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties.values())
    ) / 18
    if variance <= 0:
        return 1.0
    z = (s + 1) / math.sqrt(variance) if s < 0 else (s - 1) / math.sqrt(variance) if s > 0 else 0
    return 0.5 * math.erfc(-z / math.sqrt(2))  # P(Z <= z)


def theil_sen(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """The median pairwise slope, and the median intercept for it."""
    slopes = [
        (ys[j] - ys[i]) / (xs[j] - xs[i])
        for i in range(len(xs))
        for j in range(i + 1, len(xs))
        if xs[j] != xs[i]
    ]
    slope = median(slopes)
    return slope, median(y - slope * x for x, y in zip(xs, ys, strict=True))


def best_split(values: Sequence[float]) -> int:
    """Where one change of mean best explains ``values`` (index of the second part)."""
    best, where = math.inf, 1
    for k in range(1, len(values)):
        left, right = values[:k], values[k:]
        error = sum((v - sum(left) / len(left)) ** 2 for v in left) + sum(
            (v - sum(right) / len(right)) ** 2 for v in right
        )
        if error < best:
            best, where = error, k
    return where


def trend(labels: Sequence[str], values: Sequence[float | None], settings: MetricSettings) -> Trend:
    """The decline test over the last ``fade_window_months`` of a monthly series."""
    window = list(zip(labels, values, strict=True))[-settings.fade_window_months :]
    points = [(k, label, v) for k, (label, v) in enumerate(window) if v is not None]
    if len(points) < settings.fade_min_months:
        return Trend(len(points), None, None, None, False, None)
    xs = [float(k) for k, _, _ in points]
    ys = [v for _, _, v in points]
    slope, intercept = theil_sen(xs, ys)
    start = intercept + slope * xs[0]
    end = intercept + slope * xs[-1]
    change = (end - start) / start if start > 0 else None
    p_value = mann_kendall_decline(ys)
    declining = (
        p_value < settings.fade_alpha and change is not None and change <= -settings.fade_min_drop
    )
    since = None
    if declining:
        split = best_split(ys)
        if sum(ys[split:]) / len(ys[split:]) < sum(ys[:split]) / split:
            since = points[split][1]
    return Trend(
        months=len(points),
        slope=round(slope, 6),
        change=None if change is None else round(change, 4),
        p_value=round(p_value, 6),
        declining=declining,
        since=since,
    )


def monthly_values(
    context: Context, bids: BidMetrics, partner: int | None
) -> dict[str, list[float | None]]:
    """The five monthly series, for one person or (``partner`` None) both together."""
    grids = context.grids
    days = month_days(context)
    minimum = context.settings.min_messages
    columns = [
        grids.sent(),
        grids.messages("read"),
        grids.messages("affection"),
        grids.messages("bid"),
        grids.messages("transactional"),
    ]
    sent, read, affection, bid, transactional = (
        [int(v) for v in (g.sum(axis=1) if partner is None else g[:, partner])] for g in columns
    )
    months = range(len(context.months))

    def per_day(counts: Sequence[int]) -> list[float | None]:
        return [counts[k] / days[k] if days[k] >= MIN_DAYS else None for k in months]

    def per_message(counts: Sequence[int], per: int) -> list[float | None]:
        return [counts[k] * per / read[k] if read[k] >= minimum else None for k in months]

    pid = None if partner is None else context.people[partner]
    return {
        "volume": per_day(sent),
        "affection": per_message(affection, 100),
        "bids": per_day(bid),
        "turn_toward": [
            (m.overall if pid is None else m.by_responder[pid]).turn_toward.value
            for m in bids.monthly
        ],
        "personal_share": [None if v is None else 1 - v for v in per_message(transactional, 1)],
    }


def result(context: Context, bids: BidMetrics) -> FadeMetrics:
    labels = context.labels
    series: list[FadeSeries] = []
    for partner in (None, *range(len(context.people))):
        values = monthly_values(context, bids, partner)
        pid = None if partner is None else context.people[partner]
        for name in SERIES:
            points = tuple(
                FadePoint(label, None if v is None else round(v, 4))
                for label, v in zip(labels, values[name], strict=True)
            )
            series.append(
                FadeSeries(
                    name, pid, UNITS[name], points, trend(labels, values[name], context.settings)
                )
            )
    return FadeMetrics(
        about=about.FADE,
        n=len(labels),
        series=tuple(series),
        declining=tuple(s for s in series if s.trend.declining),
    )
