"""No input makes any parser raise anything but the library's ParseError.

Hypothesis throws arbitrary bytes, arbitrary text, near-miss WhatsApp lines and arbitrary
JSON at every registered format (and at detection); the only acceptable failure is a
ParseError, and a successful read must produce well-formed messages.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekindle.errors import ParseError
from rekindle.ingest import FORMATS, open_export
from rekindle.model import Message, MessageKind

FORMAT_NAMES = [f.name for f in FORMATS]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_everything(data: bytes, fmt: str | None, suffix: str = ".txt") -> list[Message]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        path.write_bytes(data)
        try:
            messages = list(open_export(path, format=fmt).messages())
        except ParseError as error:
            assert "\n" not in str(error)
            return []
    for message in messages:
        assert isinstance(message.timestamp, datetime)
        assert isinstance(message.text, str)
        assert isinstance(message.kind, MessageKind)
        assert message.id
    return messages


@SETTINGS
@given(data=st.binary(max_size=2000), fmt=st.sampled_from([None, *FORMAT_NAMES]))
def test_arbitrary_bytes_raise_only_parse_errors(data: bytes, fmt: str | None) -> None:
    _read_everything(data, fmt)


@SETTINGS
@given(text=st.text(max_size=2000), fmt=st.sampled_from([None, *FORMAT_NAMES]))
def test_arbitrary_text_raises_only_parse_errors(text: str, fmt: str | None) -> None:
    _read_everything(text.encode("utf-8", "surrogatepass"), fmt)


_digits = st.integers(min_value=0, max_value=9999).map(str)
_separator = st.sampled_from(["/", "-", ".", ":", " "])
_marker = st.sampled_from(["", " AM", " PM", "\u202fPM", " p. m.", " a.\u00a0m.", " nachm.", "x"])
_name = st.text(min_size=0, max_size=12)


@st.composite
def whatsapp_like_line(draw: st.DrawFn) -> str:
    """A line that looks more or less like a WhatsApp header: the parser's hard cases."""
    date = draw(_separator).join([draw(_digits), draw(_digits), draw(_digits)])
    time = f"{draw(_digits)}:{draw(_digits)}" + draw(st.sampled_from(["", ":" + draw(_digits)]))
    body = f"{draw(_name)}: {draw(st.text(max_size=30))}"
    if draw(st.booleans()):
        return f"[{date}, {time}{draw(_marker)}] {body}"
    return f"{date}, {time}{draw(_marker)} - {body}"


@SETTINGS
@given(
    lines=st.lists(whatsapp_like_line() | st.text(max_size=40), min_size=1, max_size=40),
    order=st.sampled_from([None, "dmy", "mdy", "ymd", "ydm"]),
)
def test_near_miss_whatsapp_lines_raise_only_parse_errors(
    lines: list[str], order: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chat.txt"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        try:
            list(open_export(path, format="whatsapp", date_order=order).messages())
        except ParseError as error:
            assert "\n" not in str(error)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "messages",
                    "text",
                    "from",
                    "from_id",
                    "date",
                    "date_unixtime",
                    "type",
                    "chats",
                    "list",
                    "sender_name",
                    "timestamp_ms",
                    "content",
                    "author",
                    "timestamp",
                    "id",
                    "guild",
                    "channel",
                    "reactions",
                    "reply_to_message_id",
                    "participants",
                    "name",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@SETTINGS
@given(value=_json, fmt=st.sampled_from([None, *FORMAT_NAMES]))
def test_arbitrary_json_raises_only_parse_errors(value: object, fmt: str | None) -> None:
    _read_everything(json.dumps(value).encode(), fmt, suffix=".json")


@SETTINGS
@given(
    value=st.fixed_dictionaries({"messages": st.lists(_json, max_size=8)}),
    fmt=st.sampled_from([None, *FORMAT_NAMES]),
)
def test_json_with_a_messages_list_raises_only_parse_errors(value: object, fmt: str | None) -> None:
    _read_everything(json.dumps(value).encode(), fmt, suffix=".json")
