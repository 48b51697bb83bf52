"""Peer projects' fixtures (from ../shared) read exactly as their authors expect.

- chat-miner's exports against their ``target.json`` (sets of timestamp, author, text);
- one chat generated in each of whatstk's ~96 WhatsApp header formats, whose timestamps
  and authors must come out right.

Skipped cleanly when ../shared is absent (a user's clone does not have it).
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rekindle.ingest import open_export
from rekindle.model import MessageKind

SHARED = Path(os.environ.get("REKINDLE_SHARED", Path(__file__).parents[3] / "shared"))
CHATS = SHARED / "fixtures" / "chats"
pytestmark = pytest.mark.skipif(not CHATS.is_dir(), reason="../shared fixtures are not here")

MINER = CHATS / "chat-miner"
MINER_EXPORTS = (
    sorted(p for p in MINER.glob("*/*") if p.is_file() and p.name != "target.json")
    if CHATS.is_dir()
    else []
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _naive(stamp: datetime) -> datetime:
    """chat-miner's targets are UTC for zone-aware formats and local time for the others."""
    return stamp.astimezone(UTC).replace(tzinfo=None) if stamp.tzinfo else stamp


@pytest.mark.parametrize(
    "export", MINER_EXPORTS, ids=[f"{p.parent.name}/{p.name}" for p in MINER_EXPORTS]
)
def test_chat_miner_export_matches_its_target(export: Path) -> None:
    target = json.loads((export.parent / "target.json").read_text())
    want = {
        (datetime.fromisoformat(t["timestamp"]), t["author"], _flat(t["message"])) for t in target
    }
    reader = open_export(export)
    names = None
    got = set()
    for message in reader.messages():
        names = reader.report.names
        if message.kind is MessageKind.SYSTEM:
            continue
        assert message.sender is not None
        got.add((_naive(message.timestamp), names[message.sender], _flat(message.text)))
    assert got == want


# ---------------------------------------------------------------------------------------------
# whatstk's header formats

FORMATS_FILE = CHATS / "whatstk" / "header_format_support.json"
HEADER_FORMATS = (
    [entry["format"] for entry in json.loads(FORMATS_FILE.read_text())]
    if FORMATS_FILE.is_file()
    else []
)

# A couple's week or two, spread over month and year ends so that every date order is
# decidable from the whole file (as it is in a real export).
CONVERSATION = [
    (datetime(2020, 11, 28, 9, 5, 7), "Ana María", "Morning! Did the parcel arrive?"),
    (datetime(2020, 11, 29, 13, 45, 59), "+1 555 0100", "Yes: it's on the table"),
    (datetime(2020, 12, 30, 21, 0, 0), "Zoë 🌙", "Thank you for tonight\nit meant a lot"),
    (datetime(2021, 1, 2, 0, 15, 30), "Ana María", "Happy new year, love"),
    (datetime(2021, 1, 15, 12, 30, 0), "Zoë 🌙", "Lunch at 1?"),
    (datetime(2021, 2, 20, 18, 20, 10), "+1 555 0100", "On my way - 10 min"),
]


def _render(fmt: str, stamp: datetime, name: str) -> str:
    """One header in whatstk's notation (%y %m %d %H %I %M %S %p %name)."""
    out = fmt.replace("%name", name)
    for code, value in (
        ("%y", f"{stamp:%y}"),
        ("%m", f"{stamp:%m}"),
        ("%d", f"{stamp:%d}"),
        ("%H", f"{stamp:%H}"),
        ("%I", f"{stamp:%I}"),
        ("%M", f"{stamp:%M}"),
        ("%S", f"{stamp:%S}"),
        ("%p", "AM" if stamp.hour < 12 else "PM"),
    ):
        out = out.replace(code, value)
    return out


def _expected_stamp(fmt: str, stamp: datetime) -> datetime:
    return stamp if "%S" in fmt else stamp.replace(second=0)


@pytest.mark.parametrize("fmt", HEADER_FORMATS)
def test_each_whatstk_header_format_reads_timestamps_and_authors(fmt: str, tmp_path: Path) -> None:
    lines = []
    for stamp, name, text in CONVERSATION:
        lines.append(f"{_render(fmt, stamp, name)} {text}")
    chat = tmp_path / "chat.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = open_export(chat)
    got = [
        (m.timestamp, reader.report.names[m.sender] if m.sender else None, m.text)
        for m in reader.messages()
    ]
    want = [(_expected_stamp(fmt, s), n, t) for s, n, t in CONVERSATION]
    assert reader.format.name == "whatsapp"
    assert got == want, re.sub(r"\s+", " ", lines[0])


def test_whatstk_sample_chats_read_without_skipped_lines() -> None:
    for chat in sorted((CHATS / "whatstk").glob("*.txt")):
        reader = open_export(chat)
        count = sum(1 for _ in reader.messages())
        assert count > 0, chat
        assert reader.report.skipped_count == 0, (chat, reader.report.skipped[:3])
