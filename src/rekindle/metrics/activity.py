"""How much each person wrote, and when: the base every other rate is read against."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.periods import days_covered, month_label
from rekindle.metrics.records import About


@dataclass(frozen=True, slots=True)
class MonthActivity:
    month: str
    days: int  # days of this month the export covers
    messages: Mapping[str, int]  # everything sent: text, media, calls, deleted messages
    read: Mapping[str, int]  # text and media messages (the base of per-message rates)
    words: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class ActivityMetrics:
    about: About
    n: int  # messages people sent
    messages: Mapping[str, int]
    read: Mapping[str, int]
    words: Mapping[str, int]
    first: datetime | None
    last: datetime | None
    skipped: int  # system messages and messages without a sender
    monthly: tuple[MonthActivity, ...]


def month_days(context: Context) -> list[int]:
    """Days each month of the export covers (a partial first and last month count less)."""
    if context.first is None or context.last is None:
        return []
    first, last = context.first.date(), context.last.date()
    return [days_covered(m, first, last) for m in context.months]


def result(context: Context, skipped: int) -> ActivityMetrics:
    grids = context.grids
    sent, read, words = grids.sent(), grids.messages("read"), grids.words("words")
    days = month_days(context)
    monthly = []
    for k, m in enumerate(context.months):
        monthly.append(
            MonthActivity(
                month_label(m),
                days[k],
                context.column(sent[k]),
                context.column(read[k]),
                context.column(words[k]),
            )
        )
    return ActivityMetrics(
        about=about.ACTIVITY,
        n=int(sent.sum()),
        messages=context.column(sent.sum(axis=0)),
        read=context.column(read.sum(axis=0)),
        words=context.column(words.sum(axis=0)),
        first=context.first,
        last=context.last,
        skipped=skipped,
        monthly=tuple(monthly),
    )
