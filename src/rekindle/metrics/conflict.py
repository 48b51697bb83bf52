"""Conflict episodes: stretches where tense messages cluster.

A message is *tense* when it carries a Horseman-like cue (criticism, contempt, defensiveness,
minimising, a backhanded remark), when it is heated (strongly negative and addressed to the
partner), or when it is a shut-down while a conflict is already going on. Tense messages less
than ``conflict_gap`` apart form a cluster; a cluster with at least ``conflict_min_messages``
tense messages is an *episode*, running from its first tense message to its last.

Whether a cluster is an episode is only known when it ends, so the tracker keeps small running
counts for the open cluster (per person: messages, positive, negative, words and pronouns) and
a snapshot of them at its latest tense message; the snapshot is added to the in-conflict
totals when the cluster turns out to be an episode.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from rekindle.metrics import about
from rekindle.metrics.context import Context, bump
from rekindle.metrics.event import Event
from rekindle.metrics.examples import example
from rekindle.metrics.people import People
from rekindle.metrics.profile import READ, TENSION
from rekindle.metrics.records import About, Example, MonthCount
from rekindle.metrics.settings import MetricSettings
from rekindle.metrics.stonewalling import StonewallingTracker
from rekindle.model import Message

# What the in-conflict counts hold, per person.
IN_CONFLICT = ("messages", "positive", "negative", "words", "i", "you", "we")
_WIDTH = len(IN_CONFLICT)


@dataclass(frozen=True, slots=True)
class ConflictEpisode:
    """One episode: when, how long, who wrote the tense messages, and how it opened."""

    start: datetime
    end: datetime
    messages: int  # text and media messages from its first tense message to its last
    tension_messages: int
    started_by: str
    tension_by_partner: Mapping[str, int]
    opening: Example  # its first tense message


@dataclass(frozen=True, slots=True)
class ConflictMetrics:
    about: About
    n: int  # episodes
    tension_messages: int  # every tense message, in an episode or not
    messages_in_conflict: int
    minutes_in_conflict: float
    started_by: Mapping[str, int]  # episodes each person's message opened
    tension_by_partner: Mapping[str, int]  # tense messages within episodes
    monthly: tuple[MonthCount, ...]  # episodes per month, by who opened them
    examples: tuple[ConflictEpisode, ...]  # the episodes with the most tense messages


class ConflictTracker:
    """Finds episodes while the messages stream past."""

    def __init__(
        self, settings: MetricSettings, people: People, stonewalling: StonewallingTracker
    ) -> None:
        self.gap = settings.conflict_gap.total_seconds()
        self.minimum = settings.conflict_min_messages
        self.limit = settings.examples
        self.chars = settings.example_chars
        self.people = people
        self.stonewalling = stonewalling
        self.last: float | None = None  # the open cluster's latest tense message
        self.last_tension: float | None = None  # the latest tense message of all
        self.episodes = 0
        self.in_conflict: dict[int, list[int]] = {}  # person -> IN_CONFLICT counts
        self.tension_total: dict[int, int] = {}
        self.tension_in_episodes: dict[int, int] = {}
        self.started_by: dict[int, int] = {}
        self.monthly: dict[int, list[int]] = {}
        self.messages_in_conflict = 0
        self.seconds_in_conflict = 0.0
        self._largest: list[tuple[int, int, int, ConflictEpisode]] = []
        # the open cluster: (time, month, position, sender, message) of its first tense
        # message, and the timestamp of its latest
        self._start: tuple[float, int, int, int, Message] | None = None
        self._end: datetime | None = None
        self._reset()

    def _reset(self) -> None:
        self.last = None
        self._tense: dict[int, int] = {}
        self._tense_at: dict[int, float] = {}
        self._tense_message: dict[int, Message] = {}
        self._first_reply: dict[int, tuple[float, float]] = {}  # (other's tense time, reply)
        self._run: dict[int, list[int]] = {}
        self._snapshot: dict[int, list[int]] = {}

    def open_at(self, t: float) -> bool:
        """Whether a conflict is going on at time ``t`` (a tense message shortly before).

        The reading pass makes the same test inline, before it calls :meth:`observe`.
        """
        return self.last is not None and t - self.last <= self.gap

    def observe(self, event: Event) -> None:
        last = self.last
        if last is not None and event.t - last > self.gap:
            self.close(event.t)
            last = None
        if event.flags & TENSION:
            if last is None:
                self._open(event)
            self._count(event)
            self._tension(event)
        elif last is not None:
            self._count(event)

    def _open(self, event: Event) -> None:
        self._start = (event.t, event.month, event.seq, event.sender, event.message)

    def _count(self, event: Event) -> None:
        person = event.sender
        latest = None  # the latest tense message by someone else
        for other, at in self._tense_at.items():
            if other != person and (latest is None or at > latest):
                latest = at
        if latest is not None:
            reply = self._first_reply.get(person)
            if reply is None or reply[0] != latest:
                self._first_reply[person] = (latest, event.t)
        if not event.flags & READ:
            return
        row = self._run.get(person)
        if row is None:
            row = self._run[person] = [0] * _WIDTH
        row[0] += 1
        if event.valence > 0:
            row[1] += 1
        elif event.valence < 0:
            row[2] += 1
        counts = event.counts
        row[3] += event.words
        row[4] += counts.get("i", 0)
        row[5] += counts.get("you", 0)
        row[6] += counts.get("we", 0)

    def _tension(self, event: Event) -> None:
        person = event.sender
        self.last = self.last_tension = event.t
        self._end = event.message.timestamp
        self._tense[person] = self._tense.get(person, 0) + 1
        self.tension_total[person] = self.tension_total.get(person, 0) + 1
        self._tense_at[person] = event.t
        self._tense_message[person] = event.message
        self._snapshot = {k: v.copy() for k, v in self._run.items()}

    def close(self, now: float) -> None:
        """End the open cluster (if any); keep it if it is an episode."""
        if self.last is None:
            return
        tense = sum(self._tense.values())
        if tense >= self.minimum:
            self._keep(tense, now)
        self._reset()

    def _keep(self, tense: int, now: float) -> None:
        assert self._start is not None and self._end is not None and self.last is not None
        start_t, month, seq, starter, opening = self._start
        self.episodes += 1
        bump(self.monthly, month, starter, 2)
        self.started_by[starter] = self.started_by.get(starter, 0) + 1
        messages = 0
        for person, row in self._snapshot.items():
            total = self.in_conflict.get(person)
            if total is None:
                total = self.in_conflict[person] = [0] * _WIDTH
            for i, value in enumerate(row):
                total[i] += value
            messages += row[0]
        for person, count in self._tense.items():
            self.tension_in_episodes[person] = self.tension_in_episodes.get(person, 0) + count
        self.messages_in_conflict += messages
        self.seconds_in_conflict += self.last - start_t
        ids = self.people.ids
        record = ConflictEpisode(
            start=opening.timestamp,
            end=self._end,
            messages=messages,
            tension_messages=tense,
            started_by=ids[starter],
            tension_by_partner={ids[k]: v for k, v in sorted(self._tense.items())},
            opening=example(opening, self.chars),
        )
        self._largest.append((tense, messages, seq, record))
        if len(self._largest) > 4 * self.limit:
            self._trim()
        for person in range(len(self.people)):
            self._silence_check(person, month, now)

    def _silence_check(self, person: int, month: int, now: float) -> None:
        """Hand ``person``'s chance to answer the other's last tense message to stonewalling."""
        latest: tuple[float, int] | None = None
        for other, at in self._tense_at.items():
            if other != person and (latest is None or at > latest[0]):
                latest = (at, other)
        if latest is None:
            return
        since, other = latest
        reply = self._first_reply.get(person)
        gap = reply[1] - since if reply is not None and reply[0] == since else None
        self.stonewalling.opportunity(
            person, since, gap, month, self._tense_message[other], now=now
        )

    def _trim(self) -> None:
        self._largest.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
        del self._largest[self.limit :]

    def result(self, context: Context) -> ConflictMetrics:
        self._trim()
        return ConflictMetrics(
            about=about.CONFLICT,
            n=self.episodes,
            tension_messages=sum(self.tension_total.values()),
            messages_in_conflict=self.messages_in_conflict,
            minutes_in_conflict=round(self.seconds_in_conflict / 60, 1),
            started_by=context.per_person(lambda i: self.started_by.get(i, 0)),
            tension_by_partner=context.per_person(lambda i: self.tension_in_episodes.get(i, 0)),
            monthly=context.monthly_counts(self.monthly),
            examples=tuple(e[3] for e in self._largest),
        )
