"""Who writes after whom: conversation starts, replies and their times, unanswered messages.

One tracker reads the order of senders and the gaps between messages; the initiation and
responsiveness metrics are both built from what it gathers.

- A *conversation* starts with the first message after ``idle_gap`` of silence (and with the
  export's first message); its sender *initiated* it. A reach-out is *unanswered* when nobody
  else wrote before the next idle gap.
- A *reply* is a message from someone other than the previous message's sender, less than
  ``idle_gap`` after it; its time is that gap, its hour the hour the answered message was sent.
- A message is *unanswered* when nobody else writes within ``idle_gap`` after it.

What waits for an answer is always from one person (anyone else's message answers it all), so
the waiting messages are a queue of times and one sender.
"""

from __future__ import annotations

from array import array
from collections import deque

from rekindle.metrics.context import bump
from rekindle.metrics.event import Event
from rekindle.metrics.settings import MetricSettings


class Replies:
    """One person's replies, packed: seconds taken, hour answered, month (13 bytes each)."""

    __slots__ = ("hours", "months", "seconds")

    def __init__(self) -> None:
        self.seconds = array("d")
        self.hours = array("b")
        self.months = array("i")


class TurnTracker:
    def __init__(self, settings: MetricSettings) -> None:
        self.idle = settings.idle_gap.total_seconds()
        self.last_sender = -1
        self.last_t = 0.0
        self.last_hour = 0
        self.starter = -1  # who started the current conversation
        self.joined = False  # whether anyone else has written in it
        self.started: dict[int, list[int]] = {}  # month -> conversations started, per sender
        self.reach_outs: dict[int, list[int]] = {}  # sender -> [judged, unanswered]
        self.replies: dict[int, Replies] = {}
        self.waiting: deque[float] = deque()  # times of messages nobody has answered yet
        self.waiting_sender = -1
        self.answers: dict[int, list[int]] = {}  # sender -> [messages judged, unanswered]

    def observe(self, event: Event) -> None:
        t = event.t
        sender = event.sender
        previous = self.last_sender
        gap = t - self.last_t
        if previous < 0 or gap >= self.idle:
            self._end_conversation(final=False)
            self.starter = sender
            self.joined = False
            bump(self.started, event.month, sender, 2)
        elif sender != previous:
            self.joined = self.joined or sender != self.starter
            replies = self.replies.get(sender)
            if replies is None:
                replies = self.replies[sender] = Replies()
            replies.seconds.append(gap if gap > 0 else 0.0)
            replies.hours.append(self.last_hour)
            replies.months.append(event.month)
        self.last_sender = sender
        self.last_t = t
        self.last_hour = event.hour

        waiting = self.waiting
        if waiting:
            limit = t - self.idle
            while waiting and waiting[0] < limit:
                waiting.popleft()
                bump(self.answers, self.waiting_sender, 0, 2)
                bump(self.answers, self.waiting_sender, 1, 2)
            if waiting and self.waiting_sender != sender:
                bump(self.answers, self.waiting_sender, 0, 2, len(waiting))
                waiting.clear()
        waiting.append(t)
        self.waiting_sender = sender

    def _end_conversation(self, final: bool) -> None:
        starter = self.starter
        if starter < 0 or (final and not self.joined):
            return  # the export's last conversation may just have been cut off
        bump(self.reach_outs, starter, 0, 2)
        if not self.joined:
            bump(self.reach_outs, starter, 1, 2)

    def finish(self, end: float) -> None:
        self._end_conversation(final=True)
        self.starter = -1
        for t in self.waiting:
            if end - t > self.idle:
                bump(self.answers, self.waiting_sender, 0, 2)
                bump(self.answers, self.waiting_sender, 1, 2)
        self.waiting.clear()
