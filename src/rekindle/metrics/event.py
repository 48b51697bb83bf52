"""One message as the metrics see it while they read the conversation.

The pass fills one :class:`Event` per message and hands it to every tracker. The same object
is reused for the next message, so a tracker copies whatever it keeps.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from rekindle.model import Message
from rekindle.signals.base import MessageCues


class Event:
    """The message, its cues, and what the pass worked out about it."""

    __slots__ = (
        "compound",
        "counts",
        "flags",
        "found",
        "hour",
        "message",
        "month",
        "sender",
        "seq",
        "t",
        "valence",
        "words",
    )

    def __init__(self) -> None:
        self.seq = -1  # position among the messages people sent
        self.message: Message = _NO_MESSAGE
        self.found: MessageCues = _NO_CUES
        self.sender = 0  # index of the sender among the participants
        self.t = 0.0  # seconds (see periods.seconds)
        self.month = 0  # month index (see periods.month_index)
        self.hour = 0
        self.flags = 0  # profile bits (see profile)
        self.valence = 0  # +1, 0 or -1
        self.words = 0
        self.counts: Mapping[str, int] = {}
        self.compound = 0.0  # VADER compound score, 0 when there is none


def cue_evidence(found: MessageCues, names: tuple[str, ...]) -> str | None:
    """The evidence of the first cue with one of ``names``."""
    for cue in found.cues:
        if cue.name in names:
            return cue.evidence
    return None


def cue_details(found: MessageCues, name: str) -> list[str]:
    """The details of every cue called ``name`` (``"other"`` where a cue has none)."""
    return [cue.detail or "other" for cue in found.cues if cue.name == name]


_NO_MESSAGE = Message(id="", timestamp=datetime(1970, 1, 1), sender=None, text="")
_NO_CUES = MessageCues(message_id="", cues=())
