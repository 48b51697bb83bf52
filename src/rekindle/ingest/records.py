"""Messages as plain records: the stable shape of ``rekindle messages`` output (JSONL and CSV)."""

from __future__ import annotations

from typing import Any

from rekindle.model import Message

# The columns of the CSV output, in order. JSONL records carry the same keys.
FIELDS = (
    "id",
    "timestamp",
    "sender",
    "sender_id",
    "text",
    "kind",
    "reply_to",
    "edited",
    "reactions",
)


def message_record(message: Message, names: dict[str, str]) -> dict[str, Any]:
    """One message as a JSON-ready dict.

    ``timestamp`` is ISO 8601 (with its offset when the export carries one); ``sender`` is the
    display name and ``sender_id`` the participant id; both are ``None`` for system messages.
    """
    sender = message.sender
    return {
        "id": message.id,
        "timestamp": message.timestamp.isoformat(),
        "sender": None if sender is None else names.get(sender, sender),
        "sender_id": sender,
        "text": message.text,
        "kind": message.kind.value,
        "reply_to": message.reply_to,
        "edited": message.edited,
        "reactions": [
            {
                "emoji": r.emoji,
                "sender": None if r.sender is None else names.get(r.sender, r.sender),
            }
            for r in message.reactions
        ],
    }
