"""Discord (DiscordChatExporter JSON) specifics that the fixture folder cannot express."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekindle.errors import ParseError
from rekindle.ingest import open_export
from rekindle.ingest.discord import FORMAT
from rekindle.ingest.source import open_source
from rekindle.model import Message, MessageKind

FIXTURES = Path(__file__).parent / "fixtures" / "discord"
GROUP_DM = FIXTURES / "group-dm.json"
ANA = {"id": "501", "name": "ana_k", "nickname": "Ana", "isBot": False}


def _message(message_id: str | None, content: str = "hi", **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": "Default",
        "timestamp": "2021-05-01T10:00:00+02:00",
        "timestampEdited": None,
        "content": content,
        "author": ANA,
        "attachments": [],
        "embeds": [],
        "stickers": [],
        "reactions": [],
        **extra,
    }
    if message_id is not None:
        record["id"] = message_id
    return record


def _write(folder: Path, messages: list[Any], guild: str = "Direct Messages") -> Path:
    path = folder / "export.json"
    document = {"guild": {"name": guild}, "channel": {"name": "general"}, "messages": messages}
    path.write_text(json.dumps(document), "utf-8")
    return path


def _read(path: Path) -> list[Message]:
    return list(open_export(path).messages())


def test_replies_point_at_messages_of_the_export() -> None:
    messages = _read(GROUP_DM)
    ids = {m.id for m in messages}
    replies = [m for m in messages if m.reply_to is not None]
    assert [m.id for m in replies] == ["dc-1002"]
    assert all(m.reply_to in ids for m in replies)


def test_people_are_named_by_nickname_else_user_name() -> None:
    export = open_export(GROUP_DM)
    list(export.messages())
    assert export.report.names == {"501": "Ana", "502": "Ben", "503": "cleo"}
    assert export.report.title == "Hike crew"
    assert export.report.timezone_aware


def test_a_server_channel_is_titled_with_its_server(tmp_path: Path) -> None:
    export = open_export(_write(tmp_path, [_message("1")], guild="Friends"))
    list(export.messages())
    assert export.report.title == "Friends / general"


def test_messages_without_or_with_repeated_ids_get_hash_ids(tmp_path: Path) -> None:
    path = _write(tmp_path, [_message("7"), _message("7", "again"), _message(None, "no id")])
    ids = [m.id for m in _read(path)]
    assert ids[0] == "dc-7"
    assert not ids[1].startswith("dc-") and not ids[2].startswith("dc-")
    assert len(set(ids)) == 3
    assert ids == [m.id for m in _read(path)]


def test_a_reference_on_a_plain_message_is_not_a_reply(tmp_path: Path) -> None:
    forwarded = _message("2", reference={"messageId": "1"})
    path = _write(tmp_path, [_message("1"), forwarded])
    assert [m.reply_to for m in _read(path)] == [None, None]


def test_a_timestamp_without_offset_is_read_as_utc(tmp_path: Path) -> None:
    path = _write(tmp_path, [_message("1", timestamp="2021-05-01T10:00:00")])
    assert _read(path)[0].timestamp.isoformat() == "2021-05-01T10:00:00+00:00"


def test_an_attachment_with_text_is_a_text_message(tmp_path: Path) -> None:
    attachment = [{"id": "9", "fileName": "us.jpg", "fileSizeBytes": 1}]
    path = _write(tmp_path, [_message("1", "look at us", attachments=attachment)])
    [message] = _read(path)
    assert (message.kind, message.text) == (MessageKind.TEXT, "look at us")


@pytest.mark.parametrize(
    ("message_type", "words"),
    [("GuildMemberJoin", "Guild member join"), ("ThreadCreated", "Thread created")],
)
def test_other_message_types_are_system_messages(
    tmp_path: Path, message_type: str, words: str
) -> None:
    path = _write(tmp_path, [_message("1"), _message("2", "", type=message_type)])
    system = _read(path)[1]
    assert (system.kind, system.sender, system.text) == (MessageKind.SYSTEM, None, words)


@pytest.mark.parametrize(
    ("head", "score"),
    [
        ('{\n  "guild": {\n    "id": "0"\n  },\n  "channel": {', 85),
        ('{"guild": {}, "channel": {}, "messages": [{"author": {}}]}', 95),
        ('{"messages": [{"sender_name": "A", "timestamp_ms": 1}]}', 0),
        ("guild,channel,author\n", 0),
    ],
)
def test_it_recognises_discord_json_by_its_keys(head: str, score: int) -> None:
    part = open_source(GROUP_DM).first
    assert FORMAT.sniff(head, part) == score


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
_user = st.fixed_dictionaries({}, optional={"id": _values, "name": _values, "nickname": _values})
_record = st.fixed_dictionaries(
    {},
    optional={
        "id": _values,
        "type": st.sampled_from(["Default", "Reply", "Call", "RecipientAdd"]) | _values,
        "timestamp": st.just("2021-05-01T10:00:00+02:00") | _values,
        "content": _values,
        "author": _user | _values,
        "attachments": _values,
        "stickers": _values,
        "embeds": _values,
        "reference": st.fixed_dictionaries({"messageId": _values}) | _values,
        "reactions": st.lists(
            st.fixed_dictionaries(
                {},
                optional={"emoji": _values, "count": _values, "users": st.lists(_user | _values)},
            )
            | _values,
            max_size=2,
        ),
        "timestampEdited": _values,
    },
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(_record | _values, max_size=6))
def test_odd_field_values_are_read_or_skipped_never_crash(records: list[object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), [_message("1"), *records])
        try:
            messages = list(open_export(path, format="discord").messages())
        except ParseError as error:
            assert "\n" not in str(error)
            return
    assert all(isinstance(m.text, str) and m.id for m in messages)
