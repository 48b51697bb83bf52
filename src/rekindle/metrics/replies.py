"""Messages that wait for the other person's answer: bids, and requests or complaints.

A message waits until another participant writes (their first text, media message or call
answers it) or until ``window`` seconds pass without one (no answer). Waiting messages are
kept in time order, so the ones that ran out are found at the front. A subclass says which
messages wait and what to count when one is answered or not.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque

from rekindle.metrics.event import Event
from rekindle.metrics.people import People
from rekindle.metrics.profile import CALL, READ


class Waiting:
    """One message waiting for an answer."""

    __slots__ = ("message", "month", "sender", "seq", "t")

    def __init__(self, event: Event) -> None:
        self.t = event.t
        self.sender = event.sender
        self.month = event.month
        self.seq = event.seq
        self.message = event.message


class AwaitingReply(ABC):
    """The answering machinery; subclasses say which messages wait, and count outcomes.

    Every waiting message is from the same person: a text, media message or call from anyone
    else answers all of them at once. The reading pass calls :meth:`observe` only when
    something is waiting or the message itself has a bit of ``prompts``.
    """

    prompts: int  # profile bits of the messages that wait for an answer

    def __init__(self, window: float, people: People) -> None:
        self.window = window
        self.people = people
        self.pending: deque[Waiting] = deque()
        self.undetermined = 0

    def sent(self, event: Event) -> None:  # noqa: B027 (optional hook)
        """A message that waits for an answer was sent (count it, if the subclass counts)."""

    @abstractmethod
    def answered(self, waiting: Waiting, responder: int | None, reply: Event | None) -> None:
        """``waiting`` was answered by ``reply`` from ``responder``, or not at all (``reply``
        is None; ``responder`` is then the one other person of a two-person chat)."""

    def observe(self, event: Event) -> None:
        pending = self.pending
        if pending:
            t = event.t
            while pending and t - pending[0].t > self.window:
                item = pending.popleft()
                self.answered(item, self.people.other(item.sender), None)
            if pending and event.flags & (READ | CALL) and pending[0].sender != event.sender:
                sender = event.sender
                for item in pending:
                    self.answered(item, sender, event)
                pending.clear()
        if event.flags & self.prompts:
            self.sent(event)
            pending.append(Waiting(event))

    def finish(self, end: float) -> None:
        """The export ended: messages whose window ran out were not answered; the rest are
        unknown."""
        for item in self.pending:
            if end - item.t > self.window:
                self.answered(item, self.people.other(item.sender), None)
            else:
                self.undetermined += 1
        self.pending.clear()
