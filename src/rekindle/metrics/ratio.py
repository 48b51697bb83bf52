"""The positive-to-negative ratio of messages, overall, within conflict, and by month.

Each text or media message is positive, negative or neutral
(:func:`~rekindle.metrics.profile.valence`): hostile, heated or shut-down messages are
negative; warm ones (affection, appreciation, thanks, comfort, apology, repair, taking
responsibility, check-ins, remembering dates) positive; the rest follow VADER's sentiment.
The ratio is positive messages per negative one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.conflict import IN_CONFLICT
from rekindle.metrics.context import Context
from rekindle.metrics.periods import month_label
from rekindle.metrics.records import About


@dataclass(frozen=True, slots=True)
class Balance:
    positive: int
    negative: int
    n: int  # text and media messages counted (neutral ones included)
    ratio: float | None  # positive per negative; None with too few messages or no negative


@dataclass(frozen=True, slots=True)
class MonthBalance:
    month: str
    overall: Balance
    by_partner: Mapping[str, Balance]


@dataclass(frozen=True, slots=True)
class RatioMetrics:
    about: About
    n: int  # messages
    overall: Balance
    in_conflict: Balance
    by_partner: Mapping[str, Balance]
    in_conflict_by_partner: Mapping[str, Balance]
    monthly: tuple[MonthBalance, ...]


def balance(positive: int, negative: int, n: int, minimum: int) -> Balance:
    ratio = positive / negative if n >= minimum and negative > 0 else None
    return Balance(positive, negative, n, None if ratio is None else round(ratio, 3))


def result(context: Context, in_conflict: Mapping[int, list[int]]) -> RatioMetrics:
    grids = context.grids
    minimum = context.settings.min_messages
    positive, negative, read = (grids.messages(n) for n in ("positive", "negative", "read"))
    field = {name: k for k, name in enumerate(IN_CONFLICT)}

    def summed(rows: slice | int, p: slice | int) -> Balance:
        return balance(
            int(positive[rows, p].sum()),
            int(negative[rows, p].sum()),
            int(read[rows, p].sum()),
            minimum,
        )

    def conflict(p: int | None) -> Balance:
        rows = [row for person, row in in_conflict.items() if p is None or person == p]
        totals = [sum(values) for values in zip(*rows, strict=True)] or [0] * len(IN_CONFLICT)
        return balance(
            totals[field["positive"]], totals[field["negative"]], totals[field["messages"]], minimum
        )

    everyone = slice(None)
    overall = summed(everyone, everyone)
    return RatioMetrics(
        about=about.RATIO,
        n=overall.n,
        overall=overall,
        in_conflict=conflict(None),
        by_partner=context.per_person(lambda p: summed(everyone, p)),
        in_conflict_by_partner=context.per_person(conflict),
        monthly=tuple(
            MonthBalance(
                month_label(m),
                summed(m - context.first_month, everyone),
                {pid: summed(m - context.first_month, p) for p, pid in enumerate(context.people)},
            )
            for m in context.months
        ),
    )
