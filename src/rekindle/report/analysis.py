"""The whole pipeline in one streaming pass: export → messages → cues → metrics → report.

:func:`analyze_export` is what ``rekindle analyze`` (and the web app) call. Messages flow
through once: each is counted for the export summary, read by the cue detectors, and measured,
and only the metrics' compact state is kept. Memory stays flat however long the chat is.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from rekindle.ingest import Export, conversation_from
from rekindle.ingest.participants import ParticipantMap, ParticipantMapper
from rekindle.ingest.summary import ChatSummary
from rekindle.metrics import DETECTORS_READ, Metrics, MetricSettings, compute
from rekindle.model import Message, MessageKind
from rekindle.report.build import build
from rekindle.report.document import Report
from rekindle.safety.chat import ChatScreener, ChatScreening
from rekindle.safety.screening import CHAT_ENCODER_SHARE
from rekindle.signals.pipeline import CueRunner

__all__ = ["PROGRESS_EVERY", "Analysis", "analyze_export", "default_workers"]

# Called with the number of messages read so far and the share of the export's bytes read
# (0 to 1; None when the size is unknown).
ProgressCallback = Callable[[int, float | None], None]
PROGRESS_EVERY = 10_000
# Below this size a worker process costs more to start than it saves.
WORKER_BYTES = 1024 * 1024


def default_workers(size: int) -> int:
    """How many worker processes suit an export of ``size`` bytes on this machine: one when
    the export is large enough and a second core is free to run it, else none."""
    sched_getaffinity = getattr(os, "sched_getaffinity", None)
    cores = len(sched_getaffinity(0)) if sched_getaffinity else (os.cpu_count() or 1)
    return 1 if size >= WORKER_BYTES and cores >= 2 else 0


@dataclass(frozen=True)
class Analysis:
    """Everything one run produced: the export summary, the metrics and the report, and what
    the safety screen saw in the messages (for the person who ran it alone: never part of the
    report; None when screening was switched off)."""

    summary: ChatSummary
    metrics: Metrics
    report: Report
    safety: ChatScreening | None = None


class _Tally:
    """Counts what the summary needs while the messages stream past."""

    def __init__(
        self, progress: ProgressCallback | None, export: Export, screener: ChatScreener | None
    ) -> None:
        self.progress = progress
        self.export = export
        self.screener = screener
        self.read = 0  # every message read, in the period or not
        self.total = 0
        self.kinds: Counter[str] = Counter()
        self.by_sender: dict[str, int] = {}
        self.first: datetime | None = None
        self.last: datetime | None = None

    def within(
        self, messages: Iterable[Message], since: date | None, until: date | None
    ) -> Iterator[Message]:
        progress = self.progress
        kinds: dict[MessageKind, int] = {}
        by_sender = self.by_sender
        screener = self.screener
        for message in messages:
            self.read += 1
            if progress is not None and self.read % PROGRESS_EVERY == 0:
                progress(self.read, self.export.fraction_read())
            stamp = message.timestamp
            if since is not None or until is not None:
                day = stamp.date()
                if (since is not None and day < since) or (until is not None and day > until):
                    continue
            self.total += 1
            kinds[message.kind] = kinds.get(message.kind, 0) + 1
            sender = message.sender
            if sender is not None:
                by_sender[sender] = by_sender.get(sender, 0) + 1
                if screener is not None and message.kind is MessageKind.TEXT:
                    screener.add(sender, message.text)
            if self.first is None or stamp < self.first:
                self.first = stamp
            if self.last is None or stamp > self.last:
                self.last = stamp
            yield message
        for kind, count in kinds.items():
            self.kinds[kind.value] += count
        if progress is not None:
            progress(self.read, self.export.fraction_read())


def analyze_export(
    export: Export,
    mapping: ParticipantMap | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
    quotes: bool = True,
    progress: ProgressCallback | None = None,
    settings: MetricSettings | None = None,
    created: datetime | None = None,
    workers: int = 0,
    screen: bool = True,
    encoder_share: float | None = CHAT_ENCODER_SHARE,
) -> Analysis:
    """Read ``export`` once and make its report.

    Only messages dated from ``since`` to ``until`` (inclusive, in the export's own time) are
    analysed. ``progress`` is called every 10,000 messages and at the end with the number of
    messages read so far and the share of the export read (0 to 1, or None). Raises the
    library's errors (:class:`~rekindle.errors.RekindleError`) for a bad export or a name
    that is not in the chat. ``workers``: how many other processes read the messages' cues
    while this one parses and measures (0: all in this process; the report is the same).
    ``screen``: screen every text message for signs of a crisis or abuse
    (:mod:`rekindle.safety.chat`); what it sees goes to :attr:`Analysis.safety`, not to the
    report. ``encoder_share`` caps the share of messages that reach the screen's sentence
    encoder (:func:`rekindle.safety.screen_many`); None lifts the cap.
    """
    if since is not None and until is not None and until < since:
        raise ValueError(f"--until {until.isoformat()} comes before --since {since.isoformat()}")
    messages = export.messages()  # starts a fresh parse report: read its names after this
    mapper = ParticipantMapper(mapping or ParticipantMap(), export.report.names)
    screener = ChatScreener(encoder_share=encoder_share) if screen else None
    tally = _Tally(progress, export, screener)
    stream = tally.within(mapper.apply(messages), since, until)
    # The cue runner reads a batch ahead; tee holds at most that batch for the metrics. Only
    # the detectors whose output the metrics read are run.
    for_metrics, for_cues = itertools.tee(stream)
    metrics = compute(
        for_metrics, CueRunner(workers=workers, names=DETECTORS_READ).run(for_cues), (), settings
    )
    conversation = conversation_from(export, mapper, ())
    summary = ChatSummary(
        source=export.source.label,
        format=export.format.name,
        title=conversation.title,
        participants=conversation.participants,
        messages_by_sender=dict(tally.by_sender),
        kinds=dict(tally.kinds),
        total=tally.total,
        first=tally.first,
        last=tally.last,
        timezone_aware=export.report.timezone_aware,
        date_order=export.report.date_order,
        skipped=conversation.skipped,
        skipped_count=conversation.skipped_count,
        notes=conversation.notes,
    )
    report = build(metrics, summary, quotes=quotes, since=since, until=until, created=created)
    safety = screener.result() if screener is not None else None
    return Analysis(summary=summary, metrics=metrics, report=report, safety=safety)
