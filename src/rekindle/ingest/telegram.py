"""Telegram Desktop JSON exports: one chat, or a whole account.

Telegram Desktop writes ``result.json`` in two shapes:

- **one chat** ("Export chat history"): ``{"name", "type", "id", "messages": [...]}``;
- **a whole account** ("Export Telegram data"): ``{"chats": {"list": [chat, ...]},
  "left_chats": {"list": [...]}, ...}``, each chat shaped as above. When it holds more than
  one chat the user picks one with ``--chat`` (its name, case-insensitive, or its id);
  :func:`list_chats` lists them.

Each message is ``{"id", "type": "message" | "service", "date", "date_unixtime", "from",
"from_id", "text", ...}``. Decisions:

- **Ids** are ``"tg-<id>"`` from Telegram's own message id (unique within a chat), so that
  ``reply_to`` (``"tg-<reply_to_message_id>"``) can point at them. A message without an id
  (hand-made or trimmed exports) gets a stable hash id instead. ``reply_to`` is set only when
  the replied message appears earlier in the export: a reply to a message outside the export,
  or in another chat (``reply_to_peer_id``), would otherwise point at nothing.
- **Senders** are Telegram user ids (``from_id``, e.g. ``"user1234"``), named by ``from``. A
  deleted account has ``"from": null`` and is named "Deleted Account". Exports without
  ``from_id`` use the display name as the id.
- **Timestamps**: ``date_unixtime`` is the UTC instant and ``date`` the exporting computer's
  wall time; together they give an aware timestamp that shows local time (the offset is their
  difference). With only ``date`` the timestamp is naive local time.
- **Text** is a string or a list of strings and entity objects (``{"type": "bold", "text":
  ...}``); the pieces are joined. Where two entities touch with no text between them and the
  first ends a sentence or clause (``"Link:"`` then a link), a space is put between them, as
  some exporters drop the plain text in between.
- **Media** (``photo``, ``file``, ``media_type`` such as sticker, voice_message, video_file,
  animation; polls, locations, contacts) is MEDIA: the caption if there is one, else a
  placeholder such as ``"<photo>"``.
- **Service messages** (``"type": "service"``) are SYSTEM with no sender and a short
  description ("Alice pinned a message"), except calls (``phone_call``, ``group_call``),
  which are CALL messages sent by the caller.
- **Reactions** give one :class:`Reaction` per person listed in ``recent``; where ``count``
  is larger than that list (Telegram lists only the latest few), the rest are reactions by
  an unknown sender, at most 100 per emoji.
- **Edits** (``edited`` / ``edited_unixtime``) set ``edited``.

Records that are not message objects, or have no readable date, are skipped; their "line"
in the report is the record's position in the chat's ``messages`` list (1-based).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

from rekindle.errors import ChatSelectionError, ParseError
from rekindle.ingest.base import (
    ChatInfo,
    ExportFormat,
    MessageIds,
    ParseOptions,
    ParseReport,
)
from rekindle.ingest.jsonexport import has_keys, load_json, require_list, require_object
from rekindle.ingest.placeholders import (
    AUDIO,
    FILE,
    GIF,
    PHOTO,
    STICKER,
    VIDEO,
    VOICE,
    placeholder_for_file,
)
from rekindle.ingest.source import Part, Source
from rekindle.model import Message, MessageKind, Reaction

ID_PREFIX = "tg-"
DELETED_ACCOUNT = "Deleted Account"
EXPECTED = 'a Telegram Desktop JSON export ("messages", or "chats" with a "list")'
# Telegram lists only the latest reactors; the remaining count becomes anonymous reactions,
# up to this many per emoji (a channel post can have tens of thousands).
MAX_ANONYMOUS_REACTIONS = 100
# How many chat names a ChatSelectionError lists before "and N more".
LISTED_CHATS = 8

_MESSAGE_TYPE = re.compile(r'"type"\s*:\s*"(?:message|service)"')
_MEDIA_TYPES = {
    "sticker": STICKER,
    "voice_message": VOICE,
    "video_message": "<video message>",
    "video_file": VIDEO,
    "animation": GIF,
    "audio_file": AUDIO,
}
_OTHER_MEDIA = {
    "poll": "<poll>",
    "location_information": "<location>",
    "contact_information": "<contact>",
    "game_title": "<game>",
}
_MEDIA_KEYS = frozenset({"media_type", "photo", "file", *_OTHER_MEDIA})
_CALL_ACTIONS = frozenset({"phone_call", "group_call"})
_SERVICE_PHRASES = {
    "create_group": "created the group",
    "migrate_to_supergroup": "turned the group into a supergroup",
    "invite_members": "added",
    "remove_members": "removed",
    "join_group_by_link": "joined the group by invite link",
    "join_group_by_request": "joined the group",
    "pin_message": "pinned a message",
    "edit_group_title": "changed the group name to",
    "edit_group_photo": "changed the group photo",
    "delete_group_photo": "removed the group photo",
    "clear_history": "cleared the history",
    "screenshot_taken": "took a screenshot",
    "set_messages_ttl": "changed the auto-delete timer",
}
_CLAUSE_ENDS = frozenset(".,:;!?")
_EPOCH = datetime(1970, 1, 1)


# ---------------------------------------------------------------------------------------------
# Detection


def _sniff(head: str, part: Part) -> int:
    if not head.lstrip().startswith("{"):
        return 0
    if '"messages"' in head and (
        '"date_unixtime"' in head or '"from_id"' in head or _MESSAGE_TYPE.search(head)
    ):
        return 90
    if has_keys(head, "chats", "list"):
        return 90 if has_keys(head, "personal_information") else 85
    return 0


# ---------------------------------------------------------------------------------------------
# Chats


def _load_chats(part: Part) -> tuple[list[dict[str, Any]], bool]:
    """The chats in the export, and whether it is a whole-account export."""
    document = require_object(load_json(part, EXPECTED), part, "a Telegram export")
    if "messages" in document:
        return [document], False
    if "chats" not in document:
        raise ParseError(part.label, f"expected {EXPECTED}; found neither key")
    chats: list[dict[str, Any]] = []
    for key in ("chats", "left_chats"):
        if key not in document:
            continue
        group = require_object(document[key], part, f'"{key}"')
        for number, chat in enumerate(require_list(group.get("list"), part, f'"{key}.list"'), 1):
            chats.append(require_object(chat, part, f'chat {number} of "{key}.list"'))
    return chats, True


def _chat_title(chat: dict[str, Any]) -> str | None:
    name = chat.get("name")
    if isinstance(name, str) and name:
        return name
    return "Saved Messages" if chat.get("type") == "saved_messages" else None


def _chat_name(chat: dict[str, Any]) -> str:
    return _chat_title(chat) or f"(unnamed chat {chat.get('id', '?')})"


def _chat_listing(chats: list[dict[str, Any]]) -> str:
    shown = [f"{_chat_name(c)} (id {c.get('id', '?')})" for c in chats[:LISTED_CHATS]]
    more = len(chats) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _select_chat(chats: list[dict[str, Any]], wanted: str | None, part: Part) -> dict[str, Any]:
    if wanted is not None:
        wanted = wanted.strip()
        folded = wanted.casefold()
        for chat in chats:
            if str(chat.get("id")) == wanted or _chat_name(chat).casefold() == folded:
                return chat
        raise ChatSelectionError(
            part.label,
            f"no chat named or numbered {wanted!r}; the chats are: {_chat_listing(chats)}",
        )
    if len(chats) == 1:
        return chats[0]
    if not chats:
        raise ChatSelectionError(part.label, "this Telegram account export holds no chats")
    raise ChatSelectionError(
        part.label,
        f"this Telegram account export holds {len(chats)} chats; pass --chat with the name or id"
        f" of one: {_chat_listing(chats)}",
    )


def _list_chats(source: Source) -> list[ChatInfo]:
    chats, _ = _load_chats(source.first)
    return [
        ChatInfo(
            id=str(chat.get("id", "")),
            name=_chat_name(chat),
            messages=len(chat["messages"]) if isinstance(chat.get("messages"), list) else 0,
        )
        for chat in chats
    ]


# ---------------------------------------------------------------------------------------------
# Messages


def _parse(source: Source, options: ParseOptions, report: ParseReport) -> Iterator[Message]:
    part = source.first
    chats, whole_account = _load_chats(part)
    chat = _select_chat(chats, options.chat, part)
    report.title = _chat_title(chat)
    if whole_account and len(chats) > 1:
        report.notes.append(
            f"Read the chat “{_chat_name(chat)}” from a Telegram account export of"
            f" {len(chats)} chats."
        )
    records = require_list(chat.get("messages"), part, f'the "messages" of {_chat_name(chat)!r}')
    return _read_messages(records, report)


def _read_messages(records: list[Any], report: ParseReport) -> Iterator[Message]:
    clock = _Clock()
    hashed_ids = MessageIds()
    seen: set[str] = set()
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict):
            report.skip(number, "expected a message object")
            continue
        try:
            timestamp = clock.read(record)
        except (ValueError, TypeError, OverflowError, OSError):
            report.skip(number, "the message has no readable date")
            continue
        report.timezone_aware = clock.aware is True
        record_type = record.get("type", "message")
        if record_type == "service":
            sender, text, kind = _service_content(record, report)
        elif record_type == "message":
            sender = _register(record, "from_id", "from", report)
            text, kind = _message_content(record)
        else:
            report.skip(number, f"unknown message type {record_type!r}")
            continue
        message_id = _message_id(record.get("id"), seen) or hashed_ids(timestamp, sender, text)
        seen.add(message_id)
        reactions = record.get("reactions")
        yield Message(
            id=message_id,
            timestamp=timestamp,
            sender=sender,
            text=text,
            kind=kind,
            reply_to=_reply_to(record, seen) if "reply_to_message_id" in record else None,
            edited="edited" in record or "edited_unixtime" in record,
            reactions=_reactions(reactions, report) if reactions else (),
        )


def _message_id(raw: Any, seen: set[str]) -> str | None:
    """``"tg-<id>"`` for Telegram's own id, or None when there is none (or it repeats)."""
    if isinstance(raw, bool) or not isinstance(raw, int | str) or raw == "":
        return None
    message_id = f"{ID_PREFIX}{raw}"
    return None if message_id in seen else message_id


def _reply_to(record: dict[str, Any], seen: set[str]) -> str | None:
    raw = record.get("reply_to_message_id")
    if raw is None or "reply_to_peer_id" in record:
        return None
    target = f"{ID_PREFIX}{raw}"
    return target if target in seen else None


def _register(record: dict[str, Any], id_key: str, name_key: str, report: ParseReport) -> str:
    """The participant id of a message's sender (or a reaction's), named in the report."""
    name = record.get(name_key)
    display = name if isinstance(name, str) and name else DELETED_ACCOUNT
    raw_id = record.get(id_key)
    participant = str(raw_id) if raw_id not in (None, "") else display
    if participant not in report.names:
        report.names[participant] = display
    return participant


def _message_content(record: dict[str, Any]) -> tuple[str, MessageKind]:
    text = plain_text(record.get("text", ""))
    if _MEDIA_KEYS.isdisjoint(record):
        return text, MessageKind.TEXT
    placeholder = _media_placeholder(record)
    if placeholder is None:
        return text, MessageKind.TEXT
    return (text or placeholder), MessageKind.MEDIA


def _media_placeholder(record: dict[str, Any]) -> str | None:
    media_type = record.get("media_type")
    if isinstance(media_type, str):
        return _MEDIA_TYPES.get(media_type, FILE)
    if "photo" in record:
        return PHOTO
    if "file" in record:
        file_name = record.get("file_name")
        return placeholder_for_file(file_name) if isinstance(file_name, str) else FILE
    for key, placeholder in _OTHER_MEDIA.items():
        if key in record:
            return placeholder
    return None


def plain_text(value: Any) -> str:
    """The plain text of a Telegram ``text`` field (a string, or a list of pieces)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    pieces: list[str] = []
    after_entity = False
    for piece in value:
        if isinstance(piece, str):
            pieces.append(piece)
            after_entity = False
        elif isinstance(piece, dict) and isinstance(piece.get("text"), str):
            text = piece["text"]
            if after_entity and pieces and _entities_need_space(pieces[-1], text):
                pieces.append(" ")
            pieces.append(text)
            after_entity = True
    return "".join(pieces)


def _entities_need_space(left: str, right: str) -> bool:
    return bool(left) and bool(right) and left[-1] in _CLAUSE_ENDS and right[0].isalnum()


def _service_content(
    record: dict[str, Any], report: ParseReport
) -> tuple[str | None, str, MessageKind]:
    action = record.get("action")
    action = action if isinstance(action, str) else ""
    if action in _CALL_ACTIONS:
        caller = _register(record, "actor_id", "actor", report)
        return caller, _call_text(record, action), MessageKind.CALL
    text = plain_text(record.get("text", "")) or _service_text(record, action)
    return None, text, MessageKind.SYSTEM


def _service_text(record: dict[str, Any], action: str) -> str:
    actor = record.get("actor")
    who = actor if isinstance(actor, str) and actor else "Someone"
    phrase = _SERVICE_PHRASES.get(action, action.replace("_", " ") or "did something")
    title = record.get("title")
    if isinstance(title, str) and title:
        return f"{who} {phrase} “{title}”"
    members = record.get("members")
    if isinstance(members, list) and members:
        names = ", ".join(m if isinstance(m, str) else DELETED_ACCOUNT for m in members)
        return f"{who} {phrase} {names}"
    return f"{who} {phrase}"


def _call_text(record: dict[str, Any], action: str) -> str:
    what = "Group call" if action == "group_call" else "Call"
    if record.get("discard_reason") in ("missed", "busy"):
        return f"Missed {what.lower()}"
    duration = record.get("duration_seconds", record.get("duration"))
    if isinstance(duration, int) and duration > 0:
        minutes, seconds = divmod(duration, 60)
        return f"{what} ({minutes}:{seconds:02d})"
    return what


def _reactions(value: Any, report: ParseReport) -> tuple[Reaction, ...]:
    if not isinstance(value, list) or not value:
        return ()
    result: list[Reaction] = []
    for reaction in value:
        if not isinstance(reaction, dict):
            continue
        emoji = _reaction_emoji(reaction)
        recent = reaction.get("recent")
        people = [p for p in recent if isinstance(p, dict)] if isinstance(recent, list) else []
        result.extend(Reaction(emoji, _register(p, "from_id", "from", report)) for p in people)
        count = reaction.get("count")
        if isinstance(count, int):
            anonymous = min(count - len(people), MAX_ANONYMOUS_REACTIONS)
            result.extend(Reaction(emoji) for _ in range(anonymous))
    return tuple(result)


def _reaction_emoji(reaction: dict[str, Any]) -> str:
    emoji = reaction.get("emoji")
    if isinstance(emoji, str) and emoji:
        return emoji
    return "⭐" if reaction.get("type") == "paid" else "<custom emoji>"


class _Clock:
    """Reads message dates; the first message decides whether timestamps are aware."""

    __slots__ = ("_last_zone", "_zones", "aware")

    def __init__(self) -> None:
        self.aware: bool | None = None
        self._zones: dict[int, tzinfo] = {0: UTC}
        self._last_zone: tzinfo = UTC

    def read(self, record: dict[str, Any]) -> datetime:
        unix = record.get("date_unixtime")
        local_text = record.get("date")
        local = datetime.fromisoformat(local_text) if isinstance(local_text, str) else None
        if self.aware is None:
            self.aware = unix is not None
        if unix is None:
            if local is None:
                raise ValueError("no date")
            return local.replace(tzinfo=self._last_zone) if self.aware else local
        seconds = int(unix)
        if local is None:
            instant = datetime.fromtimestamp(seconds, UTC)
            return instant if self.aware else instant.replace(tzinfo=None)
        if not self.aware:
            return local
        zone = self._zone((local - _EPOCH).total_seconds() - seconds)
        if zone is None:  # the two dates disagree by a day or more: trust the instant
            return datetime.fromtimestamp(seconds, UTC)
        self._last_zone = zone
        return local.replace(tzinfo=zone)

    def _zone(self, offset_seconds: float) -> tzinfo | None:
        """The fixed-offset zone for the difference between local time and UTC."""
        minutes = round(offset_seconds / 60)
        zone = self._zones.get(minutes)
        if zone is None and abs(minutes) < 24 * 60:
            zone = self._zones[minutes] = timezone(timedelta(minutes=minutes))
        return zone


FORMAT = ExportFormat(
    name="telegram",
    title="Telegram Desktop (JSON)",
    sniff=_sniff,
    parse=_parse,
    list_chats=_list_chats,
)
