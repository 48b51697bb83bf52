"""Bids for connection, and whether the partner turned toward, away or against.

A bid is a message with a ``bid`` cue (a question, news, a feeling, "look at this", affection,
an invitation, humour, a greeting). The partner's first message within ``response_window``
receives it (:func:`~rekindle.metrics.profile.reception`): a hostile or heated reply turns
against; a curt shut-down, or a reply that is only logistics, turns away; anything else turns
toward. No reply within the window turns away (*ignored*). Several bids in a row are all
received by the one reply that follows them.

The responder is the other person in a two-person chat. In a group, a bid is received by
whoever answers first, and an ignored bid has no responder (it counts only in ``overall``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context, bump
from rekindle.metrics.event import Event
from rekindle.metrics.examples import example
from rekindle.metrics.people import People
from rekindle.metrics.periods import month_label
from rekindle.metrics.profile import AGAINST, AWAY, BID, TOWARD, reception
from rekindle.metrics.records import About, Exchange, Rate, rate
from rekindle.metrics.replies import AwaitingReply, Waiting
from rekindle.metrics.settings import MetricSettings
from rekindle.model import Message

OUTCOMES = ("toward", "away", "against")
_IGNORED = 3
_NOBODY = -1


@dataclass(frozen=True, slots=True)
class BidResponses:
    """How bids were received. ``away`` includes ``ignored`` (no reply in the window)."""

    toward: int
    away: int
    against: int
    ignored: int
    turn_toward: Rate  # toward out of all three


@dataclass(frozen=True, slots=True)
class MonthBids:
    month: str
    made: Mapping[str, int]
    overall: BidResponses
    by_responder: Mapping[str, BidResponses]


@dataclass(frozen=True, slots=True)
class BidMetrics:
    about: About
    n: int  # bids whose outcome is known
    made: Mapping[str, int]  # bids each person made
    by_type: Mapping[str, int]  # bids by the cue's detail (question, news, feeling...)
    overall: BidResponses
    by_responder: Mapping[str, BidResponses]  # how each person received the other's bids
    undetermined: int  # bids too close to the end of the export to know
    monthly: tuple[MonthBids, ...]
    examples: Mapping[str, tuple[Exchange, ...]]  # by outcome, the most recent first


class BidTracker(AwaitingReply):
    prompts = BID

    def __init__(self, settings: MetricSettings, people: People) -> None:
        super().__init__(settings.response_window.total_seconds(), people)
        self.minimum = settings.min_events
        self.chars = settings.example_chars
        self.made: dict[int, list[int]] = {}  # month -> bids per sender
        self.types: dict[str, int] = {}
        self.outcomes: dict[tuple[int, int], list[int]] = {}  # (month, responder) -> counts
        self.examples: dict[int, deque[tuple[Message, Message | None]]] = {
            kind: deque(maxlen=settings.examples) for kind in (TOWARD, AWAY, AGAINST)
        }

    def sent(self, event: Event) -> None:
        bump(self.made, event.month, event.sender, 2)
        types = self.types
        for cue in event.found.cues:
            if cue.name == "bid":
                detail = cue.detail or "other"
                types[detail] = types.get(detail, 0) + 1

    def answered(self, waiting: Waiting, responder: int | None, reply: Event | None) -> None:
        outcome = AWAY if reply is None else reception(reply.flags)
        key = (waiting.month, _NOBODY if responder is None else responder)
        row = self.outcomes.get(key)
        if row is None:
            row = self.outcomes[key] = [0, 0, 0, 0]
        row[outcome] += 1
        if reply is None:
            row[_IGNORED] += 1
        self.examples[outcome].appendleft(
            (waiting.message, None if reply is None else reply.message)
        )

    def _responses(self, counts: list[int]) -> BidResponses:
        toward, away, against, ignored = counts
        return BidResponses(
            toward, away, against, ignored, rate(toward, toward + away + against, self.minimum)
        )

    def result(self, context: Context) -> BidMetrics:
        people = len(context.people)
        by_month: dict[int, dict[int, list[int]]] = {}
        for (month, responder), counts in self.outcomes.items():
            by_month.setdefault(month, {})[responder] = counts

        def summed(rows: list[list[int]]) -> list[int]:
            return [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * 4

        monthly = []
        everyone: dict[int, list[list[int]]] = {}
        for month in context.months:
            rows = by_month.get(month, {})
            for responder, counts in rows.items():
                everyone.setdefault(responder, []).append(counts)
            made = self.made.get(month, [])
            monthly.append(
                MonthBids(
                    month=month_label(month),
                    made={
                        pid: made[i] if i < len(made) else 0 for i, pid in enumerate(context.people)
                    },
                    overall=self._responses(summed(list(rows.values()))),
                    by_responder={
                        pid: self._responses(rows.get(i, [0, 0, 0, 0]))
                        for i, pid in enumerate(context.people)
                    },
                )
            )
        overall = self._responses(summed([c for rows in everyone.values() for c in rows]))
        made_total = [0] * people
        for counts in self.made.values():
            for i, count in enumerate(counts):
                made_total[i] += count
        return BidMetrics(
            about=about.BIDS,
            n=overall.toward + overall.away + overall.against,
            made=context.per_person(lambda i: made_total[i]),
            by_type=dict(sorted(self.types.items(), key=lambda kv: (-kv[1], kv[0]))),
            overall=overall,
            by_responder=context.per_person(lambda i: self._responses(summed(everyone.get(i, [])))),
            undetermined=self.undetermined,
            monthly=tuple(monthly),
            examples={
                name: tuple(
                    Exchange(
                        name,
                        example(bid, self.chars),
                        None if reply is None else example(reply, self.chars),
                    )
                    for bid, reply in self.examples[kind]
                )
                for kind, name in enumerate(OUTCOMES)
            },
        )
