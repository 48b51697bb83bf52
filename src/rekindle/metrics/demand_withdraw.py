"""Demand–withdraw: one person's request or complaint, the other's withdrawal.

A *demand* is a message with a criticism, a gentle start-up (a feeling, a need, a request) or
the start of a serious talk. The partner *withdraws* when their first answer within
``response_window`` is a curt shut-down, a reply that is only logistics (a change of subject),
or when no answer comes in the window (silence). Any other answer engages, a counter-attack
included (that is a different pattern, counted under the Horsemen). Each direction
(A asks, B withdraws; B asks, A withdraws) is counted on its own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.event import Event
from rekindle.metrics.examples import example
from rekindle.metrics.people import People
from rekindle.metrics.periods import month_label
from rekindle.metrics.profile import DEMAND, STONEWALLING_MARKER, TRANSACTIONAL
from rekindle.metrics.records import About, Exchange, Rate, rate
from rekindle.metrics.replies import AwaitingReply, Waiting
from rekindle.metrics.settings import MetricSettings
from rekindle.model import Message

WITHDRAWALS = ("silence", "shutdown", "subject_change")
_DEMANDS, _SILENCE, _SHUTDOWN, _SUBJECT_CHANGE = range(4)


@dataclass(frozen=True, slots=True)
class DemandWithdraw:
    """One direction: how often ``withdrawer`` withdrew from ``demander``'s demands."""

    demander: str
    withdrawer: str
    demands: int
    withdrawals: int  # silence + shutdown + subject_change
    silence: int
    shutdown: int
    subject_change: int
    rate: Rate  # withdrawals out of demands


@dataclass(frozen=True, slots=True)
class MonthDemandWithdraw:
    month: str
    directions: tuple[DemandWithdraw, ...]


@dataclass(frozen=True, slots=True)
class DemandWithdrawMetrics:
    about: About
    n: int  # demands whose outcome is known
    directions: tuple[DemandWithdraw, ...]  # every ordered pair (both ways for a couple)
    undetermined: int  # too close to the end of the export, or unanswered in a group
    monthly: tuple[MonthDemandWithdraw, ...]
    examples: tuple[Exchange, ...]  # recent withdrawals (outcome: silence, shutdown...)


class DemandWithdrawTracker(AwaitingReply):
    prompts = DEMAND

    def __init__(self, settings: MetricSettings, people: People) -> None:
        super().__init__(settings.response_window.total_seconds(), people)
        self.minimum = settings.min_events
        self.chars = settings.example_chars
        # (month, demander, responder) -> [demands, silence, shutdown, subject change]
        self.counts: dict[tuple[int, int, int], list[int]] = {}
        self.examples: deque[tuple[int, Message, Message | None]] = deque(maxlen=settings.examples)

    def answered(self, waiting: Waiting, responder: int | None, reply: Event | None) -> None:
        if responder is None:
            self.undetermined += 1
            return
        key = (waiting.month, waiting.sender, responder)
        row = self.counts.get(key)
        if row is None:
            row = self.counts[key] = [0, 0, 0, 0]
        row[_DEMANDS] += 1
        if reply is None:
            kind = _SILENCE
        elif reply.flags & STONEWALLING_MARKER:
            kind = _SHUTDOWN
        elif reply.flags & TRANSACTIONAL:
            kind = _SUBJECT_CHANGE
        else:
            return
        row[kind] += 1
        self.examples.appendleft((kind, waiting.message, None if reply is None else reply.message))

    def _directions(
        self, context: Context, counts: Mapping[tuple[int, int], list[int]]
    ) -> tuple[DemandWithdraw, ...]:
        people = context.people
        pairs = sorted(
            {(a, b) for a in range(len(people)) for b in range(len(people)) if a != b}
            if len(people) == 2
            else set(counts)
        )
        result = []
        for demander, withdrawer in pairs:
            demands, silence, shutdown, change = counts.get((demander, withdrawer), [0, 0, 0, 0])
            withdrawals = silence + shutdown + change
            result.append(
                DemandWithdraw(
                    demander=people[demander],
                    withdrawer=people[withdrawer],
                    demands=demands,
                    withdrawals=withdrawals,
                    silence=silence,
                    shutdown=shutdown,
                    subject_change=change,
                    rate=rate(withdrawals, demands, self.minimum),
                )
            )
        return tuple(result)

    def result(self, context: Context) -> DemandWithdrawMetrics:
        overall: dict[tuple[int, int], list[int]] = {}
        by_month: dict[int, dict[tuple[int, int], list[int]]] = {}
        for (month, demander, responder), row in self.counts.items():
            by_month.setdefault(month, {})[(demander, responder)] = row
            total = overall.setdefault((demander, responder), [0, 0, 0, 0])
            for i, value in enumerate(row):
                total[i] += value
        directions = self._directions(context, overall)
        return DemandWithdrawMetrics(
            about=about.DEMAND_WITHDRAW,
            n=sum(d.demands for d in directions),
            directions=directions,
            undetermined=self.undetermined,
            monthly=tuple(
                MonthDemandWithdraw(
                    month_label(month), self._directions(context, by_month.get(month, {}))
                )
                for month in context.months
            ),
            examples=tuple(
                Exchange(
                    WITHDRAWALS[kind - 1],
                    example(demand, self.chars),
                    None if reply is None else example(reply, self.chars),
                )
                for kind, demand, reply in self.examples
            ),
        )
