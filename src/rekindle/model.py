"""The data shared by every pipeline stage.

Everything here is a frozen dataclass: once an export has been read, its messages do not
change. Later stages add information by producing new records keyed by message id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class MessageKind(StrEnum):
    """What a message is, independent of the app it came from."""

    TEXT = "text"
    MEDIA = "media"  # a photo, video, voice note, sticker, file... (the file itself is never read)
    SYSTEM = "system"  # "Alice joined", the encryption notice, a changed group name...
    DELETED = "deleted"  # "This message was deleted"
    CALL = "call"  # a voice or video call, or a missed one


@dataclass(frozen=True, slots=True)
class Participant:
    """One person in a conversation.

    ``id`` is stable within one export: the app's user id where the format has one,
    otherwise the display name as it appears in the export.
    """

    id: str
    name: str
    is_me: bool = False


@dataclass(frozen=True, slots=True)
class Reaction:
    """An emoji reaction to a message, by one participant (``sender`` is a participant id)."""

    emoji: str
    sender: str | None = None


@dataclass(frozen=True, slots=True)
class Message:
    """One message, normalised from any export format.

    ``timestamp`` is timezone-aware when the format carries zone information, otherwise
    naive local time. ``sender`` is a participant id, or ``None`` for system messages that
    nobody sent. ``id`` is stable: reading the same export twice gives the same ids, and the
    same message in two overlapping exports of one chat gets the same id.
    """

    id: str
    timestamp: datetime
    sender: str | None
    text: str
    kind: MessageKind = MessageKind.TEXT
    reply_to: str | None = None
    edited: bool = False
    reactions: tuple[Reaction, ...] = ()


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A line (or record) of an export that could not be read, and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Conversation:
    """A whole chat, read into memory: its participants, messages and how it was read."""

    participants: tuple[Participant, ...]
    messages: tuple[Message, ...]
    source: str
    format: str
    title: str | None = None
    timezone_aware: bool = False
    skipped: tuple[SkippedLine, ...] = ()
    skipped_count: int = 0
    notes: tuple[str, ...] = field(default=())

    def participant(self, participant_id: str) -> Participant:
        """The participant with this id (raises ``KeyError`` if there is none)."""
        for person in self.participants:
            if person.id == participant_id:
                return person
        raise KeyError(participant_id)

    @property
    def me(self) -> Participant | None:
        """The participant marked as "me", if the user said who they are."""
        return next((p for p in self.participants if p.is_me), None)

    def names(self) -> dict[str, str]:
        """Participant id to display name."""
        return {p.id: p.name for p in self.participants}


def participants_in_order(ids: Iterable[str], names: dict[str, str]) -> tuple[Participant, ...]:
    """Participants for ``ids`` (in the order given), named from ``names``."""
    return tuple(Participant(id=i, name=names.get(i, i)) for i in ids)
