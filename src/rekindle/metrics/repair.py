"""Repair attempts during conflict, and whether each was accepted.

A repair attempt is a message with a repair, apology, taking-responsibility or break-request
cue, written while a conflict is going on (a tense message within ``conflict_gap`` before it),
that is not itself negative. It is *accepted* when the share of negative messages among the
next ``repair_span`` messages (whoever wrote them, within ``conflict_gap`` of the attempt) is
lower than among the ``repair_span`` messages before it, or stays at none. It is *not
accepted* when negativity stays or rises, and *undetermined* when nothing follows in time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.event import Event, cue_evidence
from rekindle.metrics.examples import ExampleKeeper
from rekindle.metrics.periods import month_label
from rekindle.metrics.profile import REPAIR
from rekindle.metrics.records import About, Example, Rate, rate
from rekindle.metrics.settings import MetricSettings
from rekindle.model import Message

_REPAIR_CUES = ("repair_attempt", "apology", "taking_responsibility", "break_request")
_ACCEPTED, _NOT_ACCEPTED, _UNDETERMINED = 1, 2, 3


@dataclass(frozen=True, slots=True)
class RepairOutcomes:
    attempts: int
    accepted: int
    not_accepted: int
    undetermined: int
    acceptance: Rate  # accepted out of accepted + not accepted


@dataclass(frozen=True, slots=True)
class MonthRepairs:
    month: str
    overall: RepairOutcomes
    by_partner: Mapping[str, RepairOutcomes]


@dataclass(frozen=True, slots=True)
class RepairMetrics:
    about: About
    n: int  # attempts
    overall: RepairOutcomes
    by_partner: Mapping[str, RepairOutcomes]  # by who made the attempt
    monthly: tuple[MonthRepairs, ...]
    examples: Mapping[str, tuple[Example, ...]]  # "accepted", "not_accepted"


class _Attempt:
    __slots__ = (
        "after",
        "after_negative",
        "before",
        "evidence",
        "message",
        "month",
        "sender",
        "seq",
        "t",
    )

    def __init__(self, event: Event, before: float) -> None:
        self.t = event.t
        self.sender = event.sender
        self.month = event.month
        self.seq = event.seq
        self.message: Message = event.message
        self.evidence = cue_evidence(event.found, _REPAIR_CUES)
        self.before = before  # negative share of the messages before
        self.after = 0
        self.after_negative = 0


class RepairTracker:
    def __init__(self, settings: MetricSettings) -> None:
        self.span = settings.repair_span
        self.horizon = settings.conflict_gap.total_seconds()
        self.minimum = settings.min_events
        self.recent: deque[bool] = deque(maxlen=self.span)  # negative, for the last messages
        self.pending: list[_Attempt] = []
        self.counts: dict[tuple[int, int], list[int]] = {}  # (month, sender) -> outcomes
        self.keeper = ExampleKeeper(settings.examples, settings.example_chars)

    def observe(self, event: Event, in_conflict: bool) -> None:
        """A text or media message, when an attempt is waiting or this one may be one.

        The reading pass appends every text or media message's negativity to ``recent``
        itself, after this call.
        """
        negative = event.valence < 0
        if self.pending:
            self._follow(event.t, negative)
        if in_conflict and event.flags & REPAIR and not negative:
            recent = self.recent
            before = sum(recent) / len(recent) if recent else 0.0
            self.pending.append(_Attempt(event, before))

    def _follow(self, t: float, negative: bool) -> None:
        still = []
        for attempt in self.pending:
            if t - attempt.t > self.horizon:
                self._settle(attempt)
                continue
            attempt.after += 1
            attempt.after_negative += negative
            if attempt.after >= self.span:
                self._settle(attempt)
            else:
                still.append(attempt)
        self.pending = still

    def _settle(self, attempt: _Attempt) -> None:
        if attempt.after == 0:
            outcome = _UNDETERMINED
        else:
            after = attempt.after_negative / attempt.after
            fell = after < attempt.before or (after == 0 and attempt.before == 0)
            outcome = _ACCEPTED if fell else _NOT_ACCEPTED
        row = self.counts.setdefault((attempt.month, attempt.sender), [0, 0, 0, 0])
        row[0] += 1
        row[outcome] += 1
        if outcome != _UNDETERMINED:
            self.keeper.offer(outcome, 0.0, attempt.seq, attempt.message, attempt.evidence)

    def finish(self) -> None:
        for attempt in self.pending:
            self._settle(attempt)
        self.pending = []

    def _outcomes(self, row: list[int]) -> RepairOutcomes:
        attempts, accepted, rejected, unknown = row
        return RepairOutcomes(
            attempts, accepted, rejected, unknown, rate(accepted, accepted + rejected, self.minimum)
        )

    def result(self, context: Context) -> RepairMetrics:
        def total(month: int | None, sender: int | None) -> list[int]:
            sums = [0, 0, 0, 0]
            for (m, s), row in self.counts.items():
                if (month is None or m == month) and (sender is None or s == sender):
                    for i, value in enumerate(row):
                        sums[i] += value
            return sums

        overall = self._outcomes(total(None, None))
        return RepairMetrics(
            about=about.REPAIR,
            n=overall.attempts,
            overall=overall,
            by_partner=context.per_person(lambda i: self._outcomes(total(None, i))),
            monthly=tuple(
                MonthRepairs(
                    month_label(month),
                    self._outcomes(total(month, None)),
                    {pid: self._outcomes(total(month, i)) for i, pid in enumerate(context.people)},
                )
                for month in context.months
            ),
            examples={
                "accepted": self.keeper.examples(_ACCEPTED),
                "not_accepted": self.keeper.examples(_NOT_ACCEPTED),
            },
        )
