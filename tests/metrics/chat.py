"""Small conversations with hand-set cues, for metric tests with known answers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rekindle.metrics import Metrics, MetricSettings, compute
from rekindle.model import Message, MessageKind, Participant
from rekindle.signals.base import Cue, MessageCues, Sentiment

MONDAY = datetime(2024, 3, 4, 9, 0)  # a Monday morning
ALICE = Participant("alice", "Alice")
BOB = Participant("bob", "Bob")


class Chat:
    """A conversation built message by message; time moves on one minute per message unless
    told otherwise."""

    def __init__(self, start: datetime = MONDAY, people: tuple[Participant, ...] = (ALICE, BOB)):
        self.now = start
        self.people = people
        self.messages: list[Message] = []
        self.cues: list[MessageCues] = []

    def say(
        self,
        sender: str,
        text: str = "",
        *cues: str | tuple[str, str],
        after: timedelta = timedelta(minutes=1),
        at: datetime | None = None,
        compound: float | None = None,
        words: int | None = None,
        counts: dict[str, int] | None = None,
        kind: MessageKind = MessageKind.TEXT,
    ) -> Message:
        """Add a message from ``sender`` with the given cues (names, or (name, detail))."""
        if self.messages:
            self.now = at if at is not None else self.now + after
        elif at is not None:
            self.now = at
        message = Message(
            id=f"m{len(self.messages)}",
            timestamp=self.now,
            sender=sender,
            text=text or f"message {len(self.messages)}",
            kind=kind,
        )
        found = tuple(
            Cue(cue, text, 0, len(text))
            if isinstance(cue, str)
            else Cue(cue[0], text, detail=cue[1])
            for cue in cues
        )
        sentiment = None if compound is None else Sentiment(compound, 0.0, 0.0, 1.0)
        count = len(message.text.split()) if words is None else words
        self.messages.append(message)
        self.cues.append(MessageCues(message.id, found, sentiment, None, count, counts or {}))
        return message

    def metrics(self, **settings: Any) -> Metrics:
        return compute(self.messages, self.cues, self.people, MetricSettings(**settings))


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)
