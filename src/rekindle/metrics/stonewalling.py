"""Stonewalling seen as silence after conflict, and shut-down messages during it.

When a conflict episode ends, each person the other was tense with has an *opportunity* to
answer. They *went silent* when their first message after the other's last tense message came
``stonewall_silence`` or more later (or never, when the export goes on that long). Whether
they answered is known at once when they wrote during the episode; otherwise the tracker waits
for their next message. A shut-down message (a stonewalling cue while a conflict is going on)
is counted beside the silences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context, bump
from rekindle.metrics.event import Event
from rekindle.metrics.examples import example
from rekindle.metrics.profile import SHUTDOWN
from rekindle.metrics.records import About, Example, MonthCount, Rate, rate
from rekindle.metrics.settings import MetricSettings
from rekindle.model import Message


@dataclass(frozen=True, slots=True)
class Silences:
    """One person's silences after conflicts.

    ``rate`` is ``silences`` out of the opportunities whose outcome is known
    (``opportunities - undetermined``: the export may end too soon to tell).
    """

    opportunities: int
    silences: int
    undetermined: int
    rate: Rate
    shutdowns: int  # shut-down messages written during a conflict


@dataclass(frozen=True, slots=True)
class SilenceExample:
    """A silence: who went quiet, for how long, after which message from the other."""

    partner: str
    hours: float  # at least this long (to the end of the export when they never wrote again)
    wrote_again: bool
    after: Example


@dataclass(frozen=True, slots=True)
class StonewallingMetrics:
    about: About
    n: int  # opportunities whose outcome is known
    by_partner: Mapping[str, Silences]
    monthly: tuple[MonthCount, ...]  # silences, by the month the episode started
    examples: tuple[SilenceExample, ...]  # the longest silences


class StonewallingTracker:
    """Opportunities handed over by the conflict tracker, resolved by later messages."""

    def __init__(self, settings: MetricSettings) -> None:
        self.silence = settings.stonewall_silence.total_seconds()
        self.limit = settings.examples
        self.chars = settings.example_chars
        # person -> (since, month of the episode, the tense message they did not answer)
        self.pending: dict[int, tuple[float, int, Message]] = {}
        self.counts: dict[int, list[int]] = {}  # person -> [opportunities, silences, undetermined]
        self.shutdowns: dict[int, int] = {}
        self.monthly: dict[int, list[int]] = {}
        self._longest: list[tuple[float, int, int, bool, Message]] = []
        self._silences = 0  # silences so far (the later breaks a tie between equal lengths)

    def opportunity(
        self, person: int, since: float, gap: float | None, month: int, after: Message, now: float
    ) -> None:
        """An episode ended; ``person`` had to answer ``after`` (sent at ``since``).

        ``gap`` is how long they took, when they already wrote; ``now`` is the time of the
        message that showed the episode was over.
        """
        earlier = self.pending.pop(person, None)
        if earlier is not None:  # still silent since an earlier episode
            self._settle(person, earlier, now - earlier[0])
        bump(self.counts, person, 0, 3)
        if gap is not None:
            self._resolve(person, gap, month, after, wrote_again=True)
        else:
            self.pending[person] = (since, month, after)

    def observe(self, event: Event) -> None:
        """A message from someone: a shut-down, or the end of a silence."""
        person = event.sender
        if event.flags & SHUTDOWN:
            self.shutdowns[person] = self.shutdowns.get(person, 0) + 1
        waiting = self.pending.pop(person, None)
        if waiting is not None:
            self._resolve(person, event.t - waiting[0], waiting[1], waiting[2], wrote_again=True)

    def finish(self, end: float) -> None:
        """The export ended: silences long enough by now count, the rest are unknown."""
        for person, waiting in sorted(self.pending.items()):
            self._settle(person, waiting, end - waiting[0])
        self.pending.clear()

    def _settle(self, person: int, waiting: tuple[float, int, Message], silent_for: float) -> None:
        """A silence that has not ended: long enough already, or unknown."""
        if silent_for >= self.silence:
            self._resolve(person, silent_for, waiting[1], waiting[2], wrote_again=False)
        else:
            bump(self.counts, person, 2, 3)

    def _resolve(
        self, person: int, gap: float, month: int, after: Message, wrote_again: bool
    ) -> None:
        if gap < self.silence:
            return
        bump(self.counts, person, 1, 3)
        bump(self.monthly, month, person, 2)
        self._silences += 1
        entry = (gap, self._silences, person, wrote_again, after)
        self._longest.append(entry)
        if len(self._longest) > 4 * self.limit:
            self._longest.sort(key=lambda e: (e[0], e[1]), reverse=True)
            del self._longest[self.limit :]

    def result(self, context: Context) -> StonewallingMetrics:
        minimum = context.settings.min_events

        def silences(i: int) -> Silences:
            opportunities, silent, unknown = self.counts.get(i, [0, 0, 0])
            return Silences(
                opportunities,
                silent,
                unknown,
                rate(silent, opportunities - unknown, minimum),
                self.shutdowns.get(i, 0),
            )

        by_partner = context.per_person(silences)
        longest = sorted(self._longest, key=lambda e: (e[0], e[1]), reverse=True)[: self.limit]
        return StonewallingMetrics(
            about=about.STONEWALLING,
            n=sum(s.opportunities - s.undetermined for s in by_partner.values()),
            by_partner=by_partner,
            monthly=context.monthly_counts(self.monthly),
            examples=tuple(
                SilenceExample(
                    context.people[person],
                    round(gap / 3600, 2),
                    wrote_again,
                    example(after, self.chars),
                )
                for gap, _, person, wrote_again, after in longest
            ),
        )
