"""The share of messages that are only logistics: travel, schedules, chores, shopping, kids,
money. A message is transactional when it has a logistics cue and nothing personal (no bid,
no warmth, no hostility, no serious talk); its personal share is the rest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.periods import month_label
from rekindle.metrics.records import About, Rate, rate


@dataclass(frozen=True, slots=True)
class MonthShare:
    month: str
    overall: Rate
    by_partner: Mapping[str, Rate]


@dataclass(frozen=True, slots=True)
class TransactionalMetrics:
    about: About
    n: int  # text and media messages
    overall: Rate  # transactional share of all messages
    by_partner: Mapping[str, Rate]
    topics: Mapping[str, int]  # transactional messages by logistics topic
    monthly: tuple[MonthShare, ...]


def result(context: Context, topics: Mapping[str, int]) -> TransactionalMetrics:
    grids = context.grids
    minimum = context.settings.min_messages
    read, transactional = grids.messages("read"), grids.messages("transactional")

    def share(rows: slice | int, p: slice | int) -> Rate:
        return rate(int(transactional[rows, p].sum()), int(read[rows, p].sum()), minimum)

    everyone = slice(None)
    overall = share(everyone, everyone)
    return TransactionalMetrics(
        about=about.TRANSACTIONAL,
        n=overall.n,
        overall=overall,
        by_partner=context.per_person(lambda p: share(everyone, p)),
        topics=dict(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))),
        monthly=tuple(
            MonthShare(
                month_label(m),
                share(m - context.first_month, everyone),
                {pid: share(m - context.first_month, p) for p, pid in enumerate(context.people)},
            )
            for m in context.months
        ),
    )
