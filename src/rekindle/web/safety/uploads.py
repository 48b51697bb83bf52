"""The private note on an uploaded chat: what the safety screen saw in its messages, counted by
kind and by who wrote them, for the uploader alone.

The library screens every text message while it analyses the chat (``Analysis.safety``, a
``ChatScreening``). The note keeps only counts, never a message, and it is stored with the
analysis, encrypted. The report, which the partner may read once they approve, holds none of
it, and no page or API answer shows the note to anyone but the uploader."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rekindle.safety.chat import KINDS, ChatScreening

KIND_WORDS = {
    "crisis": "may speak of suicide, self-harm or harming someone",
    "concern": "may speak of feeling hopeless or of not wanting to be here",
    "abuse_experiencing": "may show someone being hurt, threatened or controlled",
    "abuse_using": "may show threats, pressure or control towards someone",
}


def note_json(screening: ChatScreening | None, name: Callable[[str], str]) -> str:
    """The note to store with an analysis ("" when nothing was seen): counts only.
    ``name`` turns a sender id into the name the report uses."""
    if screening is None or not screening.flagged:
        return ""
    people = [
        {"name": name(sender), "counts": {k: counts[k] for k in KINDS if counts.get(k)}}
        for sender, counts in screening.by_sender.items()
        if any(counts.get(k) for k in KINDS)
    ]
    return json.dumps(
        {
            "screened": screening.screened,
            "totals": {k: screening.total(k) for k in KINDS if screening.total(k)},
            "people": people,
        },
        ensure_ascii=False,
    )


@dataclass(frozen=True)
class NoteLine:
    count: int
    name: str
    what: str

    @property
    def sentence(self) -> str:
        noun = "message" if self.count == 1 else "messages"
        return f"{self.count} {noun} from {self.name} that {self.what}"


def note_lines(stored: str) -> list[NoteLine]:
    """The note as lines a person reads, one per person and kind."""
    if not stored:
        return []
    data: dict[str, Any] = json.loads(stored)
    lines = []
    for person in data.get("people", []):
        for kind in KINDS:
            count = int(person.get("counts", {}).get(kind, 0))
            if count:
                lines.append(NoteLine(count, str(person.get("name", "someone")), KIND_WORDS[kind]))
    return lines


def note_document(stored: str) -> dict[str, Any] | None:
    """The note as data, for the uploader's export and API."""
    if not stored:
        return None
    data: dict[str, Any] = json.loads(stored)
    return data
