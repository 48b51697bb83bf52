"""CSV specifics that the fixture folder cannot express on its own."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from rekindle.errors import ParseError
from rekindle.ingest import open_export
from rekindle.ingest.csv_export import FORMAT, parse_timestamp
from rekindle.ingest.source import open_source
from rekindle.model import Message, MessageKind

CHAT = (
    "timestamp,sender,text\n"
    "2024-02-14 19:00,Iris,Happy Valentine's day 🌹\n"
    "2024-02-14 19:02,Noah,You too ❤️\n"
)
EXPECTED = [
    (datetime(2024, 2, 14, 19, 0), "Iris", "Happy Valentine's day 🌹"),
    (datetime(2024, 2, 14, 19, 2), "Noah", "You too ❤️"),
]


def _write_bytes(tmp_path: Path, data: bytes, name: str = "chat.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _write(tmp_path: Path, text: str) -> Path:
    return _write_bytes(tmp_path, text.encode("utf-8"))


def _export(path: Path, **columns: str) -> tuple[list[Message], list[tuple[int, str]]]:
    export = open_export(path, columns=columns or None)
    messages = list(export.messages())
    return messages, [(s.line, s.reason) for s in export.report.skipped]


def _triples(messages: list[Message]) -> list[tuple[datetime, str | None, str]]:
    return [(m.timestamp, m.sender, m.text) for m in messages]


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + CHAT.encode("utf-8"),
        CHAT.encode("utf-16"),  # with its byte-order mark
        CHAT.encode("utf-16-le"),  # without one
        CHAT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8 with BOM", "utf-16", "utf-16-le without BOM", "windows line endings"],
)
def test_encodings_and_line_endings_read_the_same(tmp_path: Path, data: bytes) -> None:
    messages, skipped = _export(_write_bytes(tmp_path, data))
    assert _triples(messages) == EXPECTED
    assert skipped == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2024-02-14T19:00:00+01:00",
            datetime(2024, 2, 14, 19, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("2024-02-14T18:00:00Z", datetime(2024, 2, 14, 18, tzinfo=UTC)),
        ("2024-02-14 19:00", datetime(2024, 2, 14, 19)),
        ("2024-02-14 19:00:05.250", datetime(2024, 2, 14, 19, 0, 5, 250000)),
        (" 1700000000 ", datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        ("1700000000123", datetime(2023, 11, 14, 22, 13, 20, 123000, tzinfo=UTC)),
        ("1700000000.5", datetime(2023, 11, 14, 22, 13, 20, 500000, tzinfo=UTC)),
    ],
)
def test_timestamps_are_iso_8601_or_unix_time(value: str, expected: datetime) -> None:
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize("value", ["14/02/2024 19:00", "yesterday", "", "99999999999999999999"])
def test_other_timestamps_are_refused(value: str) -> None:
    with pytest.raises((ValueError, OverflowError, OSError)):
        parse_timestamp(value)


def test_a_named_column_that_does_not_exist_lists_the_headers(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as caught:
        _export(_write(tmp_path, CHAT), text="Body")
    message = str(caught.value)
    assert "there is no column 'Body' (asked for as the text)" in message
    assert "'timestamp', 'sender', 'text'" in message
    assert ", line 1:" in message


def test_an_unknown_field_in_the_column_mapping_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="unknown column field 'mood'"):
        _export(_write(tmp_path, CHAT), mood="text")


def test_named_columns_override_the_guess(tmp_path: Path) -> None:
    text = "sender,text,Who,What,When\nx,y,Iris,hi,2024-02-14 19:00\n"
    messages, _ = _export(_write(tmp_path, text), sender="Who", text="what", timestamp="When")
    assert _triples(messages) == [(datetime(2024, 2, 14, 19), "Iris", "hi")]


def test_a_table_with_unknown_headers_is_still_offered_to_csv(tmp_path: Path) -> None:
    path = _write(tmp_path, "When,Who,What\n2024-02-14 19:00,Iris,hi\n")
    with pytest.raises(ParseError, match="found no timestamp, sender or text column among:"):
        _export(path)
    messages, _ = _export(path, timestamp="When", sender="Who", text="What")
    assert len(messages) == 1


def test_bad_rows_are_reported_with_their_first_physical_line(tmp_path: Path) -> None:
    text = (
        "timestamp,sender,text\n"
        '2024-02-14 19:00,Iris,"one\ntwo\nthree"\n'
        "2024-02-14 19:01,Noah\n"
        "2024-02-14 19:02,Noah,ok\n"
        ",Noah,no time\n"
        "2024-02-14 19:03,,no sender\n"
        "2024-02-14 19:04,Iris,fine\n"
        "2024-02-14T19:05:00+01:00,Iris,offset\n"
        "2024-02-14 19:05,Noah,a\n"
        "2024-02-14 19:05,Noah,b\n"
        "2024-02-14 19:05,Noah,c\n"
        '2024-02-14 19:06,Iris,"never closes\n'
        "2024-02-14 19:07,Noah,swallowed\n"
    )
    messages, skipped = _export(_write(tmp_path, text))
    assert [m.text for m in messages] == ["one\ntwo\nthree", "ok", "fine", "a", "b", "c"]
    assert [line for line, _ in skipped] == [5, 7, 8, 10, 14]
    reasons = [reason for _, reason in skipped]
    assert reasons[0] == "expected 3 fields, found 2"
    assert "is not ISO 8601" in reasons[1]
    assert reasons[2] == "the sender is empty"
    assert "has a UTC offset, unlike the ones before it" in reasons[3]
    assert "never closes" in reasons[4]


def test_empty_trailing_fields_are_ignored(tmp_path: Path) -> None:
    text = "timestamp,sender,text\n2024-02-14 19:00,Iris,hi,,\n2024-02-14 19:01,Noah,yo,extra\n"
    messages, skipped = _export(_write(tmp_path, text + CHAT.split("\n", 1)[1]))
    assert [m.text for m in messages][:1] == ["hi"]
    assert skipped == [(3, "expected 3 fields, found 4")]


def test_ids_and_replies_come_from_their_columns(tmp_path: Path) -> None:
    text = (
        "id,reply_to,timestamp,sender,text,kind\n"
        "a1,,2024-02-14 19:00,Iris,hi,\n"
        "a2,a1,2024-02-14 19:01,Noah,hey,TEXT\n"
        "a3,zz,2024-02-14 19:02,Noah,<photo>,media\n"
        "a4,,2024-02-14 19:03,Noah,?,unheard-of\n"
    )
    messages, _ = _export(_write(tmp_path, text))
    assert [(m.id, m.reply_to, m.kind) for m in messages] == [
        ("a1", None, MessageKind.TEXT),
        ("a2", "a1", MessageKind.TEXT),
        ("a3", None, MessageKind.MEDIA),
        ("a4", None, MessageKind.TEXT),
    ]


def test_hash_ids_are_stable_and_unique(tmp_path: Path) -> None:
    path = _write(tmp_path, CHAT + "2024-02-14 19:02,Noah,You too ❤️\n")
    first = [m.id for m in _export(path)[0]]
    assert first == [m.id for m in _export(path)[0]]
    assert len(set(first)) == 3


def test_the_first_timestamp_decides_awareness(tmp_path: Path) -> None:
    export = open_export(_write(tmp_path, "sent_at,from,body\n1700000000,Kim,landed\n"))
    list(export.messages())
    assert export.report.timezone_aware
    export = open_export(_write(tmp_path, CHAT))
    list(export.messages())
    assert not export.report.timezone_aware


@pytest.mark.parametrize(
    ("head", "score"),
    [
        ("timestamp,sender,text\n2024-01-01 10:00,A,hi\n", 70),
        ("Date;Author;Message\n", 70),
        ("Date\tUser\tComment\n2024-01-01\tA\thi\n", 20),
        ("Nr;Wann;Wer;Nachricht\n1;2024-03-01 07:45;Lukas;Morgen\n", 10),
        ("Dear diary,\ntoday was a good day.\n", 0),
        ("[2019-12-24, 12:23] Jane: hi, you\n", 0),
        ("12/24/19, 12:23 - Jane: hi, you, there\n12/24/19, 12:24 - John: yo\n", 0),
        ('{"timestamp": 1, "sender": "a", "text": "b"}', 0),
        ("\x00\r\x00", 0),
    ],
)
def test_it_recognises_a_csv_by_its_header(head: str, score: int) -> None:
    part = open_source(Path(__file__).parent / "fixtures" / "csv" / "default-headers.csv").first
    assert FORMAT.sniff(head, part) == score
