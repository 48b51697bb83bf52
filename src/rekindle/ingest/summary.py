"""A first look at an export: who wrote how much, when, and what could not be read.

Computed in one streaming pass, so it works on exports of any length in flat memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rekindle.ingest import Export, conversation_from
from rekindle.ingest.participants import ParticipantMap, ParticipantMapper
from rekindle.model import Participant, SkippedLine

ProgressCallback = Callable[[int], None]
PROGRESS_EVERY = 20_000


@dataclass(frozen=True)
class ChatSummary:
    """What an export holds, at a glance."""

    source: str
    format: str
    title: str | None
    participants: tuple[Participant, ...]
    messages_by_sender: dict[str, int]  # participant id -> messages
    kinds: dict[str, int]
    total: int
    first: datetime | None
    last: datetime | None
    timezone_aware: bool
    date_order: str | None
    skipped: tuple[SkippedLine, ...]
    skipped_count: int
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape of ``rekindle analyze --json`` for now)."""
        return {
            "source": self.source,
            "format": self.format,
            "title": self.title,
            "participants": [
                {
                    "id": p.id,
                    "name": p.name,
                    "is_me": p.is_me,
                    "messages": self.messages_by_sender.get(p.id, 0),
                }
                for p in self.participants
            ],
            "messages": self.total,
            "kinds": self.kinds,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "timezone_aware": self.timezone_aware,
            "date_order": self.date_order,
            "skipped_lines": self.skipped_count,
            "skipped": [{"line": s.line, "reason": s.reason} for s in self.skipped],
            "notes": list(self.notes),
        }


def summarize(
    export: Export,
    mapping: ParticipantMap | None = None,
    progress: ProgressCallback | None = None,
) -> ChatSummary:
    """Read ``export`` once and summarise it (applying ``mapping`` to the participants)."""
    stream = export.messages()
    mapper = ParticipantMapper(mapping or ParticipantMap(), export.report.names)
    kinds: Counter[str] = Counter()
    first: datetime | None = None
    last: datetime | None = None
    total = 0
    for message in mapper.apply(stream):
        total += 1
        kinds[message.kind.value] += 1
        stamp = message.timestamp
        if first is None or stamp < first:
            first = stamp
        if last is None or stamp > last:
            last = stamp
        if progress is not None and total % PROGRESS_EVERY == 0:
            progress(total)
    if progress is not None:
        progress(total)
    conversation = conversation_from(export, mapper, ())
    return ChatSummary(
        source=export.source.label,
        format=export.format.name,
        title=conversation.title,
        participants=conversation.participants,
        messages_by_sender=dict(mapper.counts),
        kinds=dict(kinds),
        total=total,
        first=first,
        last=last,
        timezone_aware=export.report.timezone_aware,
        date_order=export.report.date_order,
        skipped=conversation.skipped,
        skipped_count=conversation.skipped_count,
        notes=conversation.notes,
    )
