"""Facebook Messenger and Instagram JSON exports ("Download your information", as JSON).

Both write one folder per conversation holding ``message_1.json``, ``message_2.json``...; each
file is ``{"participants": [{"name"}], "messages": [...], "title", ...}`` with the messages
newest first. :mod:`rekindle.ingest.source` finds every part when the user names one of them,
their folder or a zip; this parser reads them all. Each message is ``{"sender_name",
"timestamp_ms", "content", ...}``. Decisions:

- **Order**: the parts are merged and sorted by ``timestamp_ms``, oldest first (messages in
  the same millisecond keep their export order). A record that appears in two parts (exports
  overlap at the seams) is read once.
- **Mojibake**: Facebook writes UTF-8 text as if each byte were a Latin-1 character
  (``"Caf\\u00c3\\u00a9"`` for "Café"); every string (names, text, title, reactions) is
  repaired.
- **Senders** are display names: the export has no user ids. **Timestamps** are aware (UTC).
- **Ids** are stable hashes of timestamp, sender and text; the export has no message ids and
  no reply links, so ``reply_to`` is never set.
- **Reactions** (``"reactions": [{"reaction", "actor"}]``) belong to their message.
- **Notices that are not messages** are left out (and counted in a note): "Jane reacted ❤
  to your message", "Liked a message", and "You sent an attachment." when no attachment
  comes with it. When an attachment does come with it, the message is MEDIA with a
  placeholder instead of that text.
- **Unsent messages** ("Jane unsent a message", or ``"is_unsent": true``) are DELETED
  messages by their sender: they are the same trace as WhatsApp's "This message was deleted".
- **Group events** (``"type": "Subscribe"``/``"Unsubscribe"``, and notices such as "Jane named
  the group ..." that start with the sender's name) are SYSTEM messages with no sender.
- ``photos``, ``videos``, ``audio_files`` (voice clips), ``gifs``, ``files`` and ``sticker`` are
  MEDIA (the text if there is any, else a placeholder); a ``share`` is TEXT when it has text,
  else MEDIA ``"<link>"``; ``call_duration`` (or ``"type": "Call"``) is a CALL by the caller.

A record that cannot be read is skipped; its "line" in the report is its position in its file
(1-based) and the reason names the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from rekindle.ingest.base import (
    ExportFormat,
    MessageIds,
    ParseOptions,
    ParseReport,
    fix_mojibake,
)
from rekindle.ingest.jsonexport import has_keys, load_json, require_list, require_object
from rekindle.ingest.placeholders import CALL, FILE, GIF, LINK, PHOTO, STICKER, VIDEO, VOICE
from rekindle.ingest.source import Part, Source
from rekindle.model import Message, MessageKind, Reaction

EXPECTED = 'a Messenger/Instagram export (an object with a "messages" list)'
_MEDIA_KEYS = (
    ("photos", PHOTO),
    ("videos", VIDEO),
    ("audio_files", VOICE),
    ("gifs", GIF),
    ("sticker", STICKER),
    ("files", FILE),
)
_SYSTEM_TYPES = frozenset({"Subscribe", "Unsubscribe"})
# Keys that make a record more than plain text; and how the notices' texts end.
_SPECIAL_KEYS = frozenset({"is_unsent", "call_duration", "share", *(k for k, _ in _MEDIA_KEYS)})
_NOTICE_ENDINGS = ("message", "message.", "attachment.")
# Group events, as they read after the actor's name ("Jane named the group Us.").
_GROUP_EVENTS = (
    " named the group",
    " changed the group photo",
    " set the nickname for ",
    " set your nickname to ",
    " set her own nickname to ",
    " set his own nickname to ",
    " set their own nickname to ",
    " set the emoji to ",
    " changed the chat theme",
    " changed the theme",
    " left the group",
    " to the group.",
    " from the group.",
)

# The timestamps Rekindle accepts: from 1900 up to the end of 9999, in ms since 1970.
_EARLIEST_MS = -2_208_988_800_000
_LATEST_MS = 253_402_300_799_000

# An entry to read: (timestamp_ms, record, file label, position in that file).
_Entry = tuple[int, dict[str, Any], str, int]


# ---------------------------------------------------------------------------------------------
# Detection


def _sniff(head: str, part: Part) -> int:
    if not head.lstrip().startswith("{") or not has_keys(head, "messages"):
        return 0
    if has_keys(head, "sender_name", "timestamp_ms"):
        return 95 if has_keys(head, "participants") else 90
    return 0


# ---------------------------------------------------------------------------------------------
# Reading


def _fix(value: Any) -> str:
    """A string field with its mojibake repaired ("" when it is not a string)."""
    if not isinstance(value, str):
        return ""
    return value if value.isascii() else fix_mojibake(value)


def _fix_name(value: Any) -> str | None:
    """A person's name with its mojibake repaired (None when there is none)."""
    return _repaired_name(value) if isinstance(value, str) and value else None


@lru_cache(maxsize=4096)
def _repaired_name(name: str) -> str:
    return _fix(name)  # names repeat on every message: repair each once


def _parse(source: Source, options: ParseOptions, report: ParseReport) -> Iterator[Message]:
    entries = _load_entries(source, report)
    report.timezone_aware = True
    return _read_entries(entries, report)


def _load_entries(source: Source, report: ParseReport) -> list[_Entry]:
    """Every record of every part, oldest first, each once."""
    entries: list[_Entry] = []
    earlier_keys: set[tuple[Any, ...]] = set()
    several = len(source.parts) > 1
    for part in source.parts:
        records = _load_part(part, report)
        file_name = part.name
        part_keys: set[tuple[Any, ...]] = set()
        for number, record in enumerate(records, 1):
            if not isinstance(record, dict):
                report.skip(number, f"{file_name}: expected a message object")
                continue
            stamp = record.get("timestamp_ms")
            if type(stamp) is not int or not _EARLIEST_MS <= stamp <= _LATEST_MS:
                report.skip(number, f"{file_name}: the message has no readable timestamp_ms")
                continue
            if several:
                key = (stamp, record.get("sender_name"), record.get("content"), len(record))
                if key in earlier_keys:
                    continue
                part_keys.add(key)
            entries.append((stamp, record, file_name, number))
        earlier_keys |= part_keys
    entries.reverse()  # files and the messages in them are newest first
    entries.sort(key=itemgetter(0))
    return entries


def _load_part(part: Part, report: ParseReport) -> list[Any]:
    document = require_object(load_json(part, EXPECTED), part, "a Messenger/Instagram export")
    if report.title is None:
        report.title = _fix(document.get("title")) or None
    participants = document.get("participants")
    if isinstance(participants, list):
        for person in participants:
            name = _fix(person.get("name")) if isinstance(person, dict) else ""
            if name:
                report.names.setdefault(name, name)
    return require_list(document.get("messages"), part, '"messages"')


def _read_entries(entries: list[_Entry], report: ParseReport) -> Iterator[Message]:
    ids = MessageIds()
    notices = 0
    for stamp, record, file_name, number in entries:
        content = _content(record)
        if content is None:
            notices += 1
            continue
        sender, text, kind = content
        if sender is None and kind is not MessageKind.SYSTEM:
            report.skip(number, f"{file_name}: the message has no sender_name")
            continue
        if not text:
            report.skip(number, f"{file_name}: the message has no content")
            continue
        if sender is not None:
            report.names.setdefault(sender, sender)
        timestamp = datetime.fromtimestamp(stamp / 1000, UTC)  # exact to the microsecond
        reactions = record.get("reactions")
        yield Message(
            id=ids(timestamp, sender, text),
            timestamp=timestamp,
            sender=sender,
            text=text,
            kind=kind,
            reactions=_reactions(reactions, report) if reactions else (),
        )
    if notices:
        report.notes.append(
            f"{notices} notices such as “… reacted to your message” or “Liked a message” were"
            " left out: they are reactions, not messages."
        )


def _content(record: dict[str, Any]) -> tuple[str | None, str, MessageKind] | None:
    """Sender, text and kind of a record, or None for a notice that is not a message."""
    sender = _fix_name(record.get("sender_name"))
    text = _fix(record.get("content"))
    lowered = text.strip().lower() if len(text) < 200 else ""
    if (  # the common case, a plain text message, decided quickly
        text
        and _SPECIAL_KEYS.isdisjoint(record)
        and _record_type(record) == "Generic"
        and not lowered.endswith(_NOTICE_ENDINGS)
        and not _is_group_event(lowered, sender)
    ):
        return sender, text, MessageKind.TEXT
    return _special_content(record, sender, text, lowered)


def _special_content(
    record: dict[str, Any], sender: str | None, text: str, lowered: str
) -> tuple[str | None, str, MessageKind] | None:
    if record.get("is_unsent") is True or lowered.endswith(
        ("unsent a message", "unsent a message.")
    ):
        return sender, text or "This message was unsent", MessageKind.DELETED
    if _is_reaction_notice(lowered):
        return None
    attachment = lowered.endswith("sent an attachment.")
    record_type = _record_type(record)
    if record_type in _SYSTEM_TYPES or _is_group_event(lowered, sender):
        return None, text, MessageKind.SYSTEM
    if "call_duration" in record or record_type == "Call":
        return sender, text or CALL, MessageKind.CALL
    placeholder = _media_placeholder(record)
    if attachment:  # the text says only that something was sent
        return None if placeholder is None else (sender, placeholder, MessageKind.MEDIA)
    if placeholder is None or (placeholder == LINK and text):
        return sender, text, MessageKind.TEXT
    return sender, text or placeholder, MessageKind.MEDIA


def _record_type(record: dict[str, Any]) -> str:
    """The record's ``type`` (older exports: Generic, Share, Call, Subscribe...)."""
    value = record.get("type", "Generic")
    return value if isinstance(value, str) else "Generic"


def _is_reaction_notice(lowered: str) -> bool:
    if lowered.endswith(("to your message", "to your message.", "to a message", "to a message.")):
        return "reacted" in lowered
    return lowered.endswith(("liked a message", "liked a message."))


def _is_group_event(lowered: str, sender: str | None) -> bool:
    if not lowered or not lowered.startswith(("you ", f"{sender} ".lower())):
        return False
    return any(event in lowered for event in _GROUP_EVENTS)


def _media_placeholder(record: dict[str, Any]) -> str | None:
    for key, placeholder in _MEDIA_KEYS:
        if record.get(key):
            return placeholder
    if isinstance(record.get("share"), dict):
        return LINK
    return None


def _reactions(value: Any, report: ParseReport) -> tuple[Reaction, ...]:
    if not isinstance(value, list) or not value:
        return ()
    result = []
    for reaction in value:
        if not isinstance(reaction, dict):
            continue
        emoji = _fix(reaction.get("reaction"))
        actor = _fix(reaction.get("actor")) or None
        if emoji:
            if actor is not None:
                report.names.setdefault(actor, actor)
            result.append(Reaction(emoji, actor))
    return tuple(result)


FORMAT = ExportFormat(
    name="messenger",
    title="Facebook Messenger / Instagram (JSON)",
    sniff=_sniff,
    parse=_parse,
    aliases=("instagram", "facebook"),
)
