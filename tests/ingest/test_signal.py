"""Signal (signal-export Markdown) specifics that the fixture folder cannot express."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from rekindle.ingest import open_export
from rekindle.ingest.signal import FORMAT
from rekindle.ingest.source import open_source
from rekindle.model import MessageKind

FIXTURES = Path(__file__).parent / "fixtures" / "signal"


def _write(tmp_path: Path, text: str, name: str = "chat.md", newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline=newline)
    return path


def _read(path: Path) -> list[tuple[datetime, str | None, str, MessageKind]]:
    export = open_export(path, format="signal")
    return [(m.timestamp, m.sender, m.text, m.kind) for m in export.messages()]


@pytest.mark.parametrize(
    ("head", "score"),
    [
        ("# Lena\n[2022-01-03 18:14:02] Lena: hi\n", 90),
        ("[2022-01-03 18:14:02] Lena: hi\n(- Jonas: 👍 -)\n", 90),
        ("[2022-01-03 18:14] Lena: ![a.jpg](./media/a.jpg)\n", 90),
        ("[2022-01-03 18:14] Lena: (( 🐢 ))\n", 90),
        # The same lines as a WhatsApp (iOS) export: leave them to WhatsApp's higher score.
        ("[2019-12-24, 12:23] Jane: hi\n[2019-12-24, 12:24] John: hello\n", 50),
        ("Dear diary,\ntoday was a good day.\n", 0),
        ('{"messages": []}', 0),
    ],
)
def test_it_scores_above_whatsapp_only_with_signal_markers(head: str, score: int) -> None:
    part = open_source(FIXTURES / "couple.md").first
    assert FORMAT.sniff(head, part) == score


def test_the_heading_is_the_title_and_times_are_naive() -> None:
    export = open_export(FIXTURES / "couple.md")
    messages = list(export.messages())
    assert export.report.title == "Jonas Weber"
    assert not export.report.timezone_aware
    assert all(m.timestamp.tzinfo is None for m in messages)


def test_windows_line_endings_read_the_same(tmp_path: Path) -> None:
    text = (FIXTURES / "couple.md").read_text(encoding="utf-8")
    crlf = _write(tmp_path, text, newline="\r\n")
    assert _read(crlf) == _read(FIXTURES / "couple.md")


def test_quote_lines_after_text_belong_to_the_text(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "[2022-01-03 18:14:02] Lena: as my gran said\n> never go to bed angry\n"
    )
    assert _read(path)[0][2] == "as my gran said\n> never go to bed angry"


def test_a_quote_on_the_header_line_is_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, "[2022-01-03 18:14:02] Lena: > Jonas: you ok?\nyes, just tired\n")
    assert _read(path)[0][2] == "yes, just tired"


def test_a_header_without_a_name_is_a_system_message(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "[2022-01-03 18:14:02] Lena: hi\n[2022-01-03 18:15:00] Safety number changed\n",
    )
    assert _read(path)[1] == (
        datetime(2022, 1, 3, 18, 15),
        None,
        "Safety number changed",
        MessageKind.SYSTEM,
    )


def test_an_attachment_without_a_known_extension_is_a_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[2022-01-03 18:14:02] Lena: [lease](./media/lease)\n")
    assert _read(path)[0][2:] == ("<file>", MessageKind.MEDIA)


def test_people_who_only_react_are_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "[2022-01-03 18:14:02] Lena: hi\n(- Mum: ❤️ -)\n")
    export = open_export(path, format="signal")
    [message] = list(export.messages())
    assert [(r.emoji, r.sender) for r in message.reactions] == [("❤️", "Mum")]
    assert export.report.names["Mum"] == "Mum"


def test_ids_are_stable_and_tell_identical_messages_apart(tmp_path: Path) -> None:
    path = _write(tmp_path, "[2022-01-03 18:14:02] Lena: hi\n[2022-01-03 18:14:02] Lena: hi\n")
    first = [m.id for m in open_export(path, format="signal").messages()]
    second = [m.id for m in open_export(path, format="signal").messages()]
    assert first == second
    assert len(set(first)) == 2
