"""Discord chats exported to JSON by DiscordChatExporter.

Discord has no export of its own; DiscordChatExporter writes one JSON file per channel or DM:
``{"guild": {"name"}, "channel": {"name"}, "messages": [...]}``, each message
``{"id", "type", "timestamp", "timestampEdited", "content", "author": {"id", "name",
"nickname"}, "attachments", "embeds", "stickers", "reactions", "reference"}``. Decisions:

- **Ids** are ``"dc-<id>"`` from Discord's own message id, so that ``reply_to``
  (``"dc-<reference.messageId>"``, for messages of type ``Reply``) can point at them. A
  message without an id gets a stable hash id instead. ``reply_to`` is set only when the
  replied message appears earlier in the export.
- **Senders** are Discord user ids, named by their server nickname, else their user name.
- **Timestamps** carry their UTC offset and stay aware (one without an offset is read as UTC).
- **Kinds**: ``Default`` and ``Reply`` messages are TEXT, or MEDIA when they hold only
  attachments, stickers or embeds (with a placeholder such as ``"<photo>"``); ``Call`` is a
  CALL by the caller; every other type (``RecipientAdd``, ``ChannelPinnedMessage``,
  ``GuildMemberJoin``...) is SYSTEM with no sender, its text the exporter's description or
  the type's name in words.
- **Reactions** give one :class:`Reaction` per listed user; where ``count`` is larger, the
  rest are reactions by an unknown sender (at most 100 per emoji). Custom emoji read as
  ``":name:"``.
- ``timestampEdited`` sets ``edited``.

Records that are not message objects, have no readable timestamp, or hold nothing to read are
skipped; their "line" in the report is their position in ``messages`` (1-based).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from rekindle.errors import ParseError
from rekindle.ingest.base import ExportFormat, MessageIds, ParseOptions, ParseReport
from rekindle.ingest.jsonexport import has_keys, load_json, require_list, require_object
from rekindle.ingest.placeholders import CALL, LINK, STICKER, placeholder_for_file
from rekindle.ingest.source import Part, Source
from rekindle.model import Message, MessageKind, Reaction

ID_PREFIX = "dc-"
EXPECTED = 'a DiscordChatExporter JSON export ("guild", "channel" and "messages")'
DIRECT_MESSAGES = "Direct Messages"  # the guild name DiscordChatExporter gives to DMs
MAX_ANONYMOUS_REACTIONS = 100

_CHAT_TYPES = frozenset({"Default", "Reply"})
_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


# ---------------------------------------------------------------------------------------------
# Detection


def _sniff(head: str, part: Part) -> int:
    if not head.lstrip().startswith("{") or not has_keys(head, "guild", "channel"):
        return 0
    return 95 if has_keys(head, "messages", "author") else 85


# ---------------------------------------------------------------------------------------------
# Reading


def _parse(source: Source, options: ParseOptions, report: ParseReport) -> Iterator[Message]:
    part = source.first
    document = require_object(load_json(part, EXPECTED), part, "a Discord export")
    if "messages" not in document:
        raise ParseError(part.label, f'expected {EXPECTED}; there is no "messages" list')
    records = require_list(document["messages"], part, '"messages"')
    report.title = _title(document)
    report.timezone_aware = True
    return _read_messages(records, report)


def _title(document: dict[str, Any]) -> str | None:
    guild = _name_of(document.get("guild"))
    channel = _name_of(document.get("channel"))
    if guild and channel and guild != DIRECT_MESSAGES:
        return f"{guild} / {channel}"
    return channel or guild


def _name_of(value: Any) -> str | None:
    name = value.get("name") if isinstance(value, dict) else None
    return name if isinstance(name, str) and name else None


def _read_messages(records: list[Any], report: ParseReport) -> Iterator[Message]:
    hashed_ids = MessageIds()
    seen: set[str] = set()
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict):
            report.skip(number, "expected a message object")
            continue
        try:
            timestamp = _timestamp(record.get("timestamp"))
        except (TypeError, ValueError):
            report.skip(number, "the message has no readable timestamp")
            continue
        content = _content(record, report)
        if isinstance(content, str):
            report.skip(number, content)
            continue
        sender, text, kind = content
        message_id = _message_id(record.get("id"), seen) or hashed_ids(timestamp, sender, text)
        seen.add(message_id)
        yield Message(
            id=message_id,
            timestamp=timestamp,
            sender=sender,
            text=text,
            kind=kind,
            reply_to=_reply_to(record, seen),
            edited=bool(record.get("timestampEdited")),
            reactions=_reactions(record.get("reactions"), report),
        )


def _timestamp(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError("no timestamp")
    timestamp = datetime.fromisoformat(value)
    return timestamp if timestamp.tzinfo is not None else timestamp.replace(tzinfo=UTC)


def _message_id(raw: Any, seen: set[str]) -> str | None:
    if not isinstance(raw, str | int) or isinstance(raw, bool) or raw == "":
        return None
    message_id = f"{ID_PREFIX}{raw}"
    return None if message_id in seen else message_id


def _reply_to(record: dict[str, Any], seen: set[str]) -> str | None:
    reference = record.get("reference")
    if record.get("type") != "Reply" or not isinstance(reference, dict):
        return None
    target = f"{ID_PREFIX}{reference.get('messageId')}"
    return target if target in seen else None


def _register(user: Any, report: ParseReport) -> str | None:
    """The participant id of a Discord user object, named in the report."""
    if not isinstance(user, dict):
        return None
    name = user.get("nickname") or user.get("name")
    raw_id = user.get("id")
    participant = str(raw_id) if raw_id not in (None, "") else name
    if not isinstance(participant, str) or not participant:
        return None
    if participant not in report.names:
        report.names[participant] = name if isinstance(name, str) and name else participant
    return participant


def _content(
    record: dict[str, Any], report: ParseReport
) -> tuple[str | None, str, MessageKind] | str:
    """Sender, text and kind of a message, or the reason it cannot be read."""
    message_type = record.get("type") or "Default"
    if not isinstance(message_type, str):
        message_type = "Default"
    content = record.get("content")
    text = content if isinstance(content, str) else ""
    if message_type not in _CHAT_TYPES and message_type != "Call":
        return None, text or _type_in_words(message_type), MessageKind.SYSTEM
    sender = _register(record.get("author"), report)
    if sender is None:
        return "the message has no author"
    if message_type == "Call":
        return sender, text or CALL, MessageKind.CALL
    if text.strip():
        return sender, text, MessageKind.TEXT
    placeholder = _media_placeholder(record)
    if placeholder is None:
        return "the message has no text and no attachment"
    return sender, placeholder, MessageKind.MEDIA


def _type_in_words(message_type: str) -> str:
    words = _WORD_START.sub(" ", message_type).lower()
    return words[:1].upper() + words[1:]


def _media_placeholder(record: dict[str, Any]) -> str | None:
    attachments = record.get("attachments")
    if isinstance(attachments, list) and attachments:
        first = attachments[0]
        name = first.get("fileName") if isinstance(first, dict) else None
        return placeholder_for_file(name if isinstance(name, str) else "")
    if record.get("stickers"):
        return STICKER
    if record.get("embeds"):
        return LINK
    return None


def _reactions(value: Any, report: ParseReport) -> tuple[Reaction, ...]:
    if not isinstance(value, list) or not value:
        return ()
    result: list[Reaction] = []
    for reaction in value:
        if not isinstance(reaction, dict):
            continue
        emoji = _emoji(reaction.get("emoji"))
        users = reaction.get("users")
        people = [_register(u, report) for u in users] if isinstance(users, list) else []
        senders = [p for p in people if p is not None]
        result.extend(Reaction(emoji, sender) for sender in senders)
        count = reaction.get("count")
        if isinstance(count, int):
            anonymous = min(count - len(senders), MAX_ANONYMOUS_REACTIONS)
            result.extend(Reaction(emoji) for _ in range(anonymous))
    return tuple(result)


def _emoji(value: Any) -> str:
    if not isinstance(value, dict):
        return "?"
    name = value.get("name")
    name = name if isinstance(name, str) and name else "?"
    return f":{name}:" if value.get("id") else name


FORMAT = ExportFormat(
    name="discord",
    title="Discord (DiscordChatExporter JSON)",
    sniff=_sniff,
    parse=_parse,
)
