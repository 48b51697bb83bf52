"""The single pass: every metric from one walk over (message, cues) pairs.

:class:`MetricsBuilder` reads one message at a time and keeps only compact state: counts per
month, person and message profile; word counts per month and person; a few messages waiting
for an answer; the open conflict; reply times as packed arrays; and a bounded number of
example messages. Nothing else of a message is kept, so memory grows with the number of
months and replies, not with the text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from rekindle.metrics import (
    activity,
    affection,
    fade,
    horsemen,
    initiation,
    lsm,
    pronouns,
    ratio,
    responsiveness,
)
from rekindle.metrics import transactional as transactional_metrics
from rekindle.metrics.bids import BidTracker
from rekindle.metrics.conflict import ConflictTracker
from rekindle.metrics.context import Context
from rekindle.metrics.demand_withdraw import DemandWithdrawTracker
from rekindle.metrics.event import Event, cue_details, cue_evidence
from rekindle.metrics.examples import ExampleKeeper
from rekindle.metrics.labour import MASK as LABOUR_MASK
from rekindle.metrics.labour import LabourTracker
from rekindle.metrics.people import People
from rekindle.metrics.profile import (
    APOLOGY,
    APOLOGY_AFTER_CONFLICT,
    BID,
    CALL,
    DEMAND,
    HEATED,
    HOSTILE,
    LOGISTICS,
    NEGATIVE,
    PERSONAL,
    POSITIVE,
    READ,
    REPAIR,
    SHUTDOWN,
    STONEWALLING_MARKER,
    TENSION,
    TRANSACTIONAL,
)
from rekindle.metrics.profile import valence as message_valence
from rekindle.metrics.repair import RepairTracker
from rekindle.metrics.repeats import TextProfiles
from rekindle.metrics.result import Metrics
from rekindle.metrics.settings import MetricSettings
from rekindle.metrics.stonewalling import StonewallingTracker
from rekindle.metrics.tally import COUNTED, MESSAGE_COUNTS, Tally
from rekindle.metrics.turns import TurnTracker
from rekindle.model import Message, MessageKind, Participant
from rekindle.signals.base import MessageCues

# Findings that keep example messages, and which cues give their evidence.
EXAMPLE_NAMES = (*horsemen.HORSEMEN, *horsemen.ANTIDOTES, *horsemen.OTHERS, "affection")
NEGATIVE_EXAMPLES = frozenset((*horsemen.HORSEMEN, *horsemen.OTHERS))
EVIDENCE_CUES: Mapping[str, tuple[str, ...]] = {
    "stonewalling": ("stonewalling_marker",),
    "appreciation": ("appreciation", "gratitude"),
    "self_soothing": ("break_request",),
}
EXAMPLE_MASK = 0
for _name in EXAMPLE_NAMES:
    EXAMPLE_MASK |= MESSAGE_COUNTS[_name]

_TEXT, _MEDIA, _CALL, _SYSTEM = (
    MessageKind.TEXT,
    MessageKind.MEDIA,
    MessageKind.CALL,
    MessageKind.SYSTEM,
)
_TENSE = HOSTILE | HEATED | SHUTDOWN
_OCCASIONAL = LABOUR_MASK | EXAMPLE_MASK | TRANSACTIONAL
_EPOCH = date(1970, 1, 1).toordinal()


def _month(message: Message) -> int:
    return message.timestamp.year * 12 + message.timestamp.month - 1


class MetricsBuilder:
    """Add messages in order with :meth:`add`; :meth:`finish` gives the :class:`Metrics`."""

    def __init__(
        self, participants: Sequence[Participant], settings: MetricSettings | None = None
    ) -> None:
        self.settings = settings = settings or MetricSettings()
        self.people = people = People(participants)
        self.tally = Tally()
        self.topics: dict[str, int] = {}
        self.keeper = ExampleKeeper(settings.examples, settings.example_chars)
        self.stonewalling = StonewallingTracker(settings)
        self.conflict = ConflictTracker(settings, people, self.stonewalling)
        self.bids = BidTracker(settings, people)
        self.demands = DemandWithdrawTracker(settings, people)
        self.repair = RepairTracker(settings)
        self.turns = TurnTracker(settings)
        self.labour = LabourTracker(settings)
        self.event = Event()
        self.seq = 0
        self.skipped = 0
        self.backwards = 0  # messages earlier than the one before them
        self.first: Message | None = None
        self.last: Message | None = None
        self._first_t = 0.0
        self._last_t = -math.inf
        self._previous_t = -math.inf  # the time of the message before (to spot odd order)
        self._first_month = 0
        self._last_month = -1
        self._messages = self.tally.messages
        self._texts = TextProfiles(self.tally)
        self._gap = settings.conflict_gap.total_seconds()
        self._apology = settings.apology_after_conflict.total_seconds()
        self._heated = settings.heated_sentiment
        self._example_names: dict[int, tuple[str, ...]] = {}

    def add(self, message: Message, found: MessageCues) -> None:
        """Read one message and its cues (messages must come in the export's order)."""
        if found.message_id != message.id:
            raise ValueError(
                f"cues for message {found.message_id!r} arrived with message {message.id!r};"
                " the two streams must be in the same order"
            )
        sender_id = message.sender
        kind = message.kind
        if sender_id is None or kind is _SYSTEM:
            self.skipped += 1
            return
        sender = self.people.index.get(sender_id)
        if sender is None:
            sender = self.people.add(sender_id)
        ts = message.timestamp
        if ts.tzinfo is None:
            t = (
                (ts.toordinal() - _EPOCH) * 86400.0
                + ts.hour * 3600
                + ts.minute * 60
                + ts.second
                + ts.microsecond / 1e6
            )
        else:
            t = ts.timestamp()
        month = ts.year * 12 + ts.month - 1
        if t < self._previous_t or self.first is None:
            self._track_span(message, t)
        self._previous_t = t
        if t >= self._last_t:
            self._last_t = t
            self.last = message
        if month > self._last_month:
            self._last_month = month

        # The message's profile: its cues, then what they mean here.
        if kind is _TEXT or kind is _MEDIA:
            text = self._texts.get(found)
            flags = text.flags | READ
            compound = text.compound
            if text.you and compound <= self._heated:
                flags |= HEATED
        else:
            text = None
            flags = CALL if kind is _CALL else 0
            compound = 0.0
        conflict = self.conflict
        last_tension = conflict.last
        in_conflict = last_tension is not None and t - last_tension <= self._gap
        if in_conflict and flags & STONEWALLING_MARKER:
            flags |= SHUTDOWN
        if flags & _TENSE:
            flags |= TENSION
            valence = -1
        else:
            valence = message_valence(flags)
        if valence > 0:
            flags |= POSITIVE
        elif valence < 0:
            flags |= NEGATIVE
        if flags & LOGISTICS and not flags & PERSONAL:
            flags |= TRANSACTIONAL
        if (
            flags & APOLOGY
            and conflict.last_tension is not None
            and t - conflict.last_tension <= self._apology
        ):
            flags |= APOLOGY_AFTER_CONFLICT

        event = self.event
        event.seq = seq = self.seq
        self.seq = seq + 1
        event.message = message
        event.found = found
        event.sender = sender
        event.t = t
        event.month = month
        event.hour = ts.hour
        event.flags = flags
        event.valence = valence
        event.words = found.words
        event.counts = found.counts
        event.compound = compound

        # Trackers, each only when it has something to do.
        if last_tension is not None or flags & TENSION:
            conflict.observe(event)
        stonewalling = self.stonewalling
        if stonewalling.pending or flags & SHUTDOWN:
            stonewalling.observe(event)
        bids = self.bids
        if bids.pending or flags & BID:
            bids.observe(event)
        demands = self.demands
        if demands.pending or flags & DEMAND:
            demands.observe(event)
        self.turns.observe(event)
        if text is not None:
            repair = self.repair
            if repair.pending or (in_conflict and flags & REPAIR):
                repair.observe(event, in_conflict)
            repair.recent.append(valence < 0)
            if text.pairs:
                self._texts.count_words(month, sender, text)

        # Counts per month, person and profile.
        key = (month, sender, flags & COUNTED)
        tally = self._messages
        tally[key] = tally.get(key, 0) + 1
        if flags & _OCCASIONAL:
            if flags & LABOUR_MASK:
                self.labour.observe(flags, sender, ts.toordinal())
            if flags & EXAMPLE_MASK:
                self._offer_examples(event)
            if flags & TRANSACTIONAL:
                for topic in cue_details(found, "logistics"):
                    self.topics[topic] = self.topics.get(topic, 0) + 1

    def _track_span(self, message: Message, t: float) -> None:
        """The first message, or one dated before the message ahead of it."""
        if self.first is None:
            self.first = message
            self._first_t = t
            self._first_month = self._last_month = _month(message)
            return
        self.backwards += 1
        if t < self._first_t:
            self.first, self._first_t = message, t
            self._first_month = min(self._first_month, _month(message))

    def _offer_examples(self, event: Event) -> None:
        masked = event.flags & EXAMPLE_MASK
        names = self._example_names.get(masked)
        if names is None:
            names = self._example_names[masked] = tuple(
                name for name in EXAMPLE_NAMES if masked & MESSAGE_COUNTS[name]
            )
        for name in names:
            score = -event.compound if name in NEGATIVE_EXAMPLES else event.compound
            evidence = cue_evidence(event.found, EVIDENCE_CUES.get(name, (name,)))
            self.keeper.offer((name, event.sender), score, event.seq, event.message, evidence)

    def finish(self) -> Metrics:
        """Close what is still open and build the results."""
        end = self._last_t if self.last is not None else 0.0
        self.conflict.close(end)
        self.stonewalling.finish(end)
        self.bids.finish(end)
        self.demands.finish(end)
        self.repair.finish()
        self.turns.finish(end)
        people = self.people
        months = tuple(range(self._first_month, self._last_month + 1))
        context = Context(
            people=tuple(people.ids),
            settings=self.settings,
            first_month=self._first_month,
            months=months,
            grids=self.tally.grids(self._first_month, len(months), len(people)),
            first=None if self.first is None else self.first.timestamp,
            last=None if self.last is None else self.last.timestamp,
        )
        sent = context.grids.sent().sum(axis=0)
        pair = _pair([int(v) for v in sent])
        bids = self.bids.result(context)
        in_conflict = self.conflict.in_conflict
        return Metrics(
            participants=tuple(people.participants),
            pair=None if pair is None else (people.ids[pair[0]], people.ids[pair[1]]),
            notes=self._notes([int(v) for v in sent]),
            settings=self.settings,
            months=context.labels,
            activity=activity.result(context, self.skipped),
            conflict=self.conflict.result(context),
            bids=bids,
            ratio=ratio.result(context, in_conflict),
            horsemen=horsemen.result(context, self.keeper),
            repair=self.repair.result(context),
            pronouns=pronouns.result(context, in_conflict),
            lsm=lsm.result(context, pair),
            initiation=initiation.result(context, self.turns),
            responsiveness=responsiveness.result(context, self.turns),
            stonewalling=self.stonewalling.result(context),
            labour=self.labour.result(context),
            transactional=transactional_metrics.result(context, self.topics),
            affection=affection.result(context, self.keeper),
            demand_withdraw=self.demands.result(context),
            fade=fade.result(context, bids),
        )

    def _notes(self, sent: list[int]) -> tuple[str, ...]:
        notes = []
        writers = sum(1 for count in sent if count)
        if self.seq == 0:
            notes.append("There are no messages from people in this conversation to measure.")
        elif writers < 2:
            notes.append(
                "Only one person wrote in this conversation, so nothing can be compared "
                "between two people."
            )
        if len(self.people) > 2:
            notes.append(
                f"This conversation has {len(self.people)} participants. The measures are "
                "made for two people; each participant is still measured, bids and replies go "
                "to whoever answered first, and style matching compares the two who wrote most."
            )
        if self.people.unlisted and len(self.people.unlisted) < len(self.people):
            names = ", ".join(self.people.unlisted)
            notes.append(f"Some messages came from people not listed as participants: {names}.")
        if self.backwards:
            notes.append(
                f"{self.backwards} messages are dated earlier than the message before them; "
                "reply times and gaps around them may be off."
            )
        return tuple(notes)


def _pair(sent: list[int]) -> tuple[int, int] | None:
    """The two people who sent most messages (earlier in the list first on a tie)."""
    ranked = sorted((i for i, count in enumerate(sent) if count), key=lambda i: (-sent[i], i))
    if len(ranked) < 2:
        return None
    first, second = ranked[0], ranked[1]
    return (first, second) if first < second else (second, first)


def compute(
    messages: Iterable[Message],
    cues: Iterable[MessageCues],
    participants: Sequence[Participant],
    settings: MetricSettings | None = None,
) -> Metrics:
    """Every metric of a conversation, in one pass over its messages and their cues.

    ``cues`` must give one :class:`MessageCues` per message, in the same order (as
    :meth:`rekindle.signals.pipeline.CueRunner.run` does); both may be generators.
    """
    builder = MetricsBuilder(participants, settings)
    add = builder.add
    for message, found in zip(messages, cues, strict=True):
        add(message, found)
    return builder.finish()
