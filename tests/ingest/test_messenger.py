"""Messenger and Instagram specifics that the fixture folder cannot express on its own."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekindle.errors import ParseError
from rekindle.ingest import get_format, open_export
from rekindle.ingest.messenger import FORMAT
from rekindle.ingest.source import open_source
from rekindle.model import Message, MessageKind

FIXTURES = Path(__file__).parent / "fixtures" / "messenger"
THREAD = FIXTURES / "thread"


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _write(folder: Path, messages: list[Any], name: str = "message_1.json", **extra: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"participants": [], "messages": messages, **extra}), "utf-8")
    return path


def _read(path: Path) -> list[Message]:
    return list(open_export(path).messages())


def test_names_title_text_and_reactions_are_repaired() -> None:
    export = open_export(THREAD)
    messages = list(export.messages())
    assert export.report.title == "Zoë Martin"
    assert set(export.report.names) == {"Sam Okafor", "Zoë Martin"}
    assert "Bonne année mon cœur ❤️" in [m.text for m in messages]
    assert [r.emoji for m in messages for r in m.reactions] == ["❤"]


def test_text_that_is_already_right_is_left_alone(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"sender_name": "Zoë", "timestamp_ms": 1, "content": "ça va? ❤"}])
    [message] = _read(path)
    assert (message.sender, message.text) == ("Zoë", "ça va? ❤")


def test_any_part_its_folder_or_a_zip_reads_the_whole_thread(tmp_path: Path) -> None:
    whole = _read(THREAD)
    archive = tmp_path / "facebook-download.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for part in sorted(THREAD.iterdir()):
            zipped.write(part, f"messages/inbox/zoemartin_1/{part.name}")
    assert _read(THREAD / "message_2.json") == whole
    assert _read(THREAD / "message_1.json") == whole
    assert _read(archive) == whole


def test_a_record_in_two_parts_is_read_once_and_order_is_oldest_first() -> None:
    messages = _read(THREAD)
    assert [m.kind for m in messages].count(MessageKind.DELETED) == 2  # one unsent, one notice
    timestamps = [m.timestamp for m in messages]
    assert timestamps == sorted(timestamps)


def test_left_out_notices_are_counted_in_a_note() -> None:
    export = open_export(THREAD)
    list(export.messages())
    assert any(note.startswith("3 notices") for note in export.report.notes)


def test_ids_are_stable_across_reads_and_unique() -> None:
    first = [m.id for m in _read(THREAD)]
    assert first == [m.id for m in _read(THREAD)]
    assert len(set(first)) == len(first)


def test_timestamps_are_aware_utc() -> None:
    export = open_export(FIXTURES / "instagram.json")
    messages = list(export.messages())
    assert export.report.timezone_aware
    assert all(m.timestamp.utcoffset() is not None for m in messages)
    assert all(m.timestamp.utcoffset().total_seconds() == 0 for m in messages)  # type: ignore[union-attr]


def test_a_call_is_a_call_by_its_caller(tmp_path: Path) -> None:
    record = {"sender_name": "Sam", "timestamp_ms": 1, "content": "", "call_duration": 0}
    [message] = _read(_write(tmp_path, [record]))
    assert (message.kind, message.sender, message.text) == (MessageKind.CALL, "Sam", "<call>")


def test_a_group_event_has_no_sender_but_ordinary_words_stay_messages(tmp_path: Path) -> None:
    records = [
        {"sender_name": "Sam", "timestamp_ms": 2, "content": "Sam left the group."},
        {"sender_name": "Sam", "timestamp_ms": 1, "content": "I almost left the group chat lol"},
    ]
    first, second = _read(_write(tmp_path, records))
    assert (first.kind, first.sender) == (MessageKind.TEXT, "Sam")
    assert (second.kind, second.sender) == (MessageKind.SYSTEM, None)


def test_mojibake_in_a_reaction_actor_is_repaired(tmp_path: Path) -> None:
    record = {
        "sender_name": "Sam",
        "timestamp_ms": 1,
        "content": "ok",
        "reactions": [{"reaction": _mojibake("😍"), "actor": _mojibake("Zoë")}],
    }
    export = open_export(_write(tmp_path, [record]))
    [message] = list(export.messages())
    assert [(r.emoji, r.sender) for r in message.reactions] == [("😍", "Zoë")]
    assert export.report.names["Zoë"] == "Zoë"


@pytest.mark.parametrize("alias", ["messenger", "instagram", "facebook"])
def test_instagram_and_facebook_name_this_format(alias: str) -> None:
    assert get_format(alias) is FORMAT


@pytest.mark.parametrize(
    ("head", "score"),
    [
        (
            '{\n  "participants": [\n    {\n      "name": "Sam"\n    }\n  ],\n  "messages": [\n'
            '    {\n      "sender_name": "Sam",\n      "timestamp_ms": 1,',
            95,
        ),
        ('{"messages": [{"sender_name": "A", "timestamp_ms": 1}]}', 90),
        ('{"messages": [{"type": "message", "date_unixtime": "1"}]}', 0),
        ('{"guild": {}, "channel": {}, "messages": []}', 0),
    ],
)
def test_it_recognises_messenger_json_by_its_keys(head: str, score: int) -> None:
    part = open_source(FIXTURES / "instagram.json").first
    assert FORMAT.sniff(head, part) == score


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
_record = st.dictionaries(
    st.sampled_from(
        [
            "sender_name",
            "timestamp_ms",
            "content",
            "type",
            "is_unsent",
            "reactions",
            "photos",
            "share",
            "sticker",
            "call_duration",
        ]
    ),
    _values,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(_record | _values, max_size=6))
def test_odd_field_values_are_read_or_skipped_never_crash(records: list[object]) -> None:
    good = {"sender_name": "Sam", "timestamp_ms": 5, "content": "hi"}
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), [good, *records])
        try:
            messages = list(open_export(path, format="messenger").messages())
        except ParseError as error:
            assert "\n" not in str(error)
            return
    assert all(isinstance(m.text, str) and m.id for m in messages)


@pytest.mark.parametrize("stamp", [10**20, -(10**20), 1.5, "1700000000000", True])
def test_an_impossible_timestamp_is_skipped(tmp_path: Path, stamp: object) -> None:
    records = [{"sender_name": "Sam", "timestamp_ms": t, "content": "hi"} for t in (1, 2, 3)]
    records.append({"sender_name": "Sam", "timestamp_ms": stamp, "content": "when?"})
    export = open_export(_write(tmp_path, records))
    assert len(list(export.messages())) == 3
    assert [s.line for s in export.report.skipped] == [4]
