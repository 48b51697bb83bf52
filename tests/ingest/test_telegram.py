"""Telegram specifics that the fixture folder cannot express on its own."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekindle.errors import ChatSelectionError, ParseError
from rekindle.ingest import list_chats, open_export
from rekindle.ingest.base import ChatInfo
from rekindle.ingest.source import open_source
from rekindle.ingest.telegram import FORMAT, plain_text
from rekindle.model import Message, MessageKind

FIXTURES = Path(__file__).parent / "fixtures" / "telegram"
ACCOUNT = FIXTURES / "account.json"
COUPLE = FIXTURES / "couple.json"


def _write(tmp_path: Path, document: object, name: str = "result.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _message(number: int, text: Any = "hi", **extra: Any) -> dict[str, Any]:
    return {
        "id": number,
        "type": "message",
        "date": f"2023-05-01T10:{number:02d}:00",
        "date_unixtime": str(1682928000 + number * 60),  # 10:00 local at +02:00 is 08:00 UTC
        "from": "Maya Lind",
        "from_id": "user1001",
        "text": text,
        **extra,
    }


def _read(path: Path, **options: str) -> list[Message]:
    return list(open_export(path, **options).messages())  # type: ignore[arg-type]


def test_it_lists_every_chat_of_an_account_export_left_ones_included() -> None:
    assert list_chats(ACCOUNT) == [
        ChatInfo(id="4711", name="Tomás Reyes", messages=1),
        ChatInfo(id="990011", name="Our Little Group", messages=6),
        ChatInfo(id="5550001", name="Book club", messages=0),
    ]


def test_a_single_chat_export_lists_itself() -> None:
    assert list_chats(COUPLE) == [ChatInfo(id="4711", name="Tomás Reyes", messages=13)]


def test_it_picks_a_chat_by_its_id() -> None:
    export = open_export(ACCOUNT, chat="4711")
    messages = list(export.messages())
    assert [m.text for m in messages] == ["see you at the station"]
    assert export.report.title == "Tomás Reyes"


def test_it_names_the_chat_it_read_from_an_account_export() -> None:
    export = open_export(ACCOUNT, chat="Our Little Group")
    list(export.messages())
    assert export.report.title == "Our Little Group"
    assert any("Our Little Group" in note for note in export.report.notes)


def test_an_unknown_chat_is_an_error_that_lists_the_chats() -> None:
    with pytest.raises(ChatSelectionError) as caught:
        _read(ACCOUNT, chat="Grandma")
    message = str(caught.value)
    assert "'Grandma'" in message
    assert "Our Little Group (id 990011)" in message
    assert "\n" not in message


def test_a_long_chat_list_is_cut_short_in_the_error(tmp_path: Path) -> None:
    chats = [{"name": f"Chat {n}", "id": n, "messages": [_message(1)]} for n in range(30)]
    path = _write(tmp_path, {"chats": {"list": chats}})
    with pytest.raises(ChatSelectionError) as caught:
        _read(path)
    assert "Chat 7 (id 7) and 22 more" in str(caught.value)


def test_an_account_export_with_one_chat_needs_no_choice(tmp_path: Path) -> None:
    path = _write(
        tmp_path, {"chats": {"list": [{"name": "Us", "id": 1, "messages": [_message(1)]}]}}
    )
    assert [m.text for m in _read(path)] == ["hi"]


def test_a_zipped_account_export_reads_like_the_file(tmp_path: Path) -> None:
    archive = tmp_path / "Telegram Export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(ACCOUNT, "DataExport_2023-01-13/result.json")
    assert _read(archive, chat="990011") == _read(ACCOUNT, chat="990011")


def test_replies_point_at_messages_of_the_export() -> None:
    messages = _read(COUPLE)
    ids = {m.id for m in messages}
    replies = [m for m in messages if m.reply_to is not None]
    assert replies, "the fixture has replies"
    assert all(m.reply_to in ids for m in replies)
    assert all(m.id.startswith("tg-") for m in messages)


def test_a_reply_to_a_message_in_another_chat_is_not_linked(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "name": "Us",
            "id": 1,
            "messages": [
                _message(1),
                _message(2, reply_to_message_id=1, reply_to_peer_id="channel55"),
                _message(3, reply_to_message_id=1),
            ],
        },
    )
    assert [m.reply_to for m in _read(path)] == [None, None, "tg-1"]


def test_local_time_and_offset_come_from_date_and_date_unixtime(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "Us", "id": 1, "messages": [_message(0)]})
    export = open_export(path)
    [message] = list(export.messages())
    assert message.timestamp.isoformat() == "2023-05-01T10:00:00+02:00"
    assert export.report.timezone_aware


def test_dates_without_unix_time_stay_naive() -> None:
    export = open_export(FIXTURES / "naive-dates.json")
    messages = list(export.messages())
    assert all(m.timestamp.tzinfo is None for m in messages)
    assert not export.report.timezone_aware


def test_a_repeated_telegram_id_falls_back_to_a_hash_id(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "Us", "id": 1, "messages": [_message(1), _message(1, "hi!")]})
    first, second = _read(path)
    assert first.id == "tg-1"
    assert second.id != first.id and not second.id.startswith("tg-")


def test_anonymous_reactions_are_capped(tmp_path: Path) -> None:
    reactions = [{"type": "emoji", "count": 5000, "emoji": "🔥", "recent": []}]
    path = _write(
        tmp_path, {"name": "Channel", "id": 1, "messages": [_message(1, reactions=reactions)]}
    )
    [message] = _read(path)
    assert len(message.reactions) == 100
    assert {r.sender for r in message.reactions} == {None}


def test_a_group_call_is_a_call_by_whoever_started_it(tmp_path: Path) -> None:
    call = {
        **_message(1),
        "type": "service",
        "actor": "Tomás Reyes",
        "actor_id": "user1002",
        "action": "group_call",
        "duration": 65,
    }
    export = open_export(_write(tmp_path, {"name": "Us", "id": 1, "messages": [call]}))
    [message] = list(export.messages())
    assert (message.kind, message.sender, message.text) == (
        MessageKind.CALL,
        "user1002",
        "Group call (1:05)",
    )
    assert export.report.names["user1002"] == "Tomás Reyes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        (["Link: ", {"type": "link", "text": "https://example.org"}], "Link: https://example.org"),
        (
            [{"type": "bold", "text": "Link:"}, {"type": "link", "text": "https://x.org"}],
            "Link: https://x.org",
        ),
        ([{"type": "bold", "text": "Hi"}, {"type": "italic", "text": "!"}], "Hi!"),
        ([{"type": "bold", "text": "mor"}, {"type": "italic", "text": "ning"}], "morning"),
        (["a", 7, None, {"type": "bold"}, {"type": "bold", "text": "b"}], "ab"),
        ({"text": "not a list"}, ""),
    ],
)
def test_text_pieces_join_into_plain_text(text: object, expected: str) -> None:
    assert plain_text(text) == expected


@pytest.mark.parametrize(
    ("head", "score"),
    [
        ('{\n "name": "Us",\n "messages": [\n  {\n   "id": 1,\n   "type": "message",', 90),
        ('{"messages": [{"date_unixtime": "1"}]}', 90),
        ('{\n "about": "x",\n "chats": {\n  "about": "y",\n  "list": [', 85),
        ('{"personal_information": {}, "chats": {"list": []}}', 90),
        ('{"participants": [], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}', 0),
        ("[2019-12-24, 12:23] Jane: hi", 0),
    ],
)
def test_it_recognises_telegram_json_by_its_keys(head: str, score: int) -> None:
    part = open_source(COUPLE).first
    assert FORMAT.sniff(head, part) == score


def test_a_chat_whose_messages_are_not_a_list_is_a_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path, {"chats": {"list": [{"name": "Us", "id": 1, "messages": "none"}]}})
    with pytest.raises(ParseError, match="expected the \"messages\" of 'Us' to be a list"):
        _read(path)


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
            "id",
            "type",
            "date",
            "date_unixtime",
            "from",
            "from_id",
            "text",
            "action",
            "actor",
            "actor_id",
            "reactions",
            "reply_to_message_id",
            "media_type",
            "photo",
            "file",
            "edited",
            "members",
            "title",
        ]
    ),
    _values,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(_record | _values, max_size=6))
def test_odd_field_values_are_read_or_skipped_never_crash(records: list[object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), {"name": "Us", "id": 1, "messages": [_message(1), *records]})
        try:
            messages = _read(path, format="telegram")
        except ParseError as error:
            assert "\n" not in str(error)
            return
    assert all(isinstance(m.text, str) and m.id for m in messages)
