"""Any chat as a CSV file with a header row: the way in for apps Rekindle does not know.

The header names the columns; Rekindle finds them by common names (case-insensitive, with
spaces and dashes read as underscores):

- **timestamp**: ``timestamp``, ``datetime``, ``date_time``, ``sent_at``, ``created_at``,
  ``sent``, ``date``, ``time``. A ``date`` column and a separate ``time`` column are joined.
- **sender**: ``sender``, ``author``, ``from``, ``sender_name``, ``name``, ``user``,
  ``username``.
- **text**: ``text``, ``message``, ``content``, ``body``, ``msg``.
- optional **kind** (``text``, ``media``, ``system``, ``deleted``, ``call``), **id**
  (``id``, ``message_id``) and **reply_to** (``reply_to``, ``reply_to_id``, ``in_reply_to``).

``ParseOptions.columns`` maps our field names (those above, plus ``date`` and ``time``) to
the file's headers and overrides the guess; naming a header the file lacks is an error that
lists the headers it has.

Decisions:

- The **delimiter** is whichever of comma, semicolon and tab the header line holds most of.
- **Timestamps** are ISO 8601 (with or without an offset, ``T`` or a space between date and
  time, seconds optional) or unix epoch seconds or milliseconds (read as UTC). The first
  message decides whether the chat's timestamps are aware; a later row of the other kind is
  skipped rather than guessed at.
- **Ids** come from the ``id`` column where the file has one (as written; a repeated id is
  skipped), else they are stable hashes. ``reply_to`` is kept only when it names a message
  read earlier.
- **Senders** are the names as written. A row whose kind is ``system`` may leave the sender
  empty (no sender); any other row needs one. **Text** is kept as written; an unknown or
  empty kind reads as ``text``.
- The file is **streamed**: quoted fields may span lines, and a bad row (the wrong number of
  fields, an unreadable timestamp, a quote that never closes) is reported with the physical
  line it starts on. Empty fields at the end of a row are ignored. Rows keep file order.
- **Detection**: a header naming all three columns scores high. A table whose headers are not
  recognised (at least three columns, the next line as wide) still scores a little, so that
  it is read as CSV and the error lists its headers for ``--column`` to name.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NoReturn

from rekindle.errors import ParseError
from rekindle.ingest.base import ExportFormat, MessageIds, ParseOptions, ParseReport
from rekindle.ingest.source import Part, Source, iter_lines
from rekindle.model import Message, MessageKind

FIELDS = ("timestamp", "date", "time", "sender", "text", "kind", "id", "reply_to")
REQUIRED = ("timestamp", "sender", "text")
_GUESSES = {
    "timestamp": (
        "timestamp",
        "datetime",
        "date_time",
        "sent_at",
        "created_at",
        "sent",
        "date",
        "time",
    ),
    "sender": ("sender", "author", "from", "sender_name", "name", "user", "username"),
    "text": ("text", "message", "content", "body", "msg"),
    "kind": ("kind",),
    "id": ("id", "message_id"),
    "reply_to": ("reply_to", "reply_to_id", "in_reply_to"),
}
_DELIMITERS = (",", ";", "\t")
_KINDS = {kind.value: kind for kind in MessageKind}
# Epoch values at or above this are milliseconds (seconds would be past the year 5000).
_MILLISECONDS_FROM = 100_000_000_000


@dataclass(frozen=True, slots=True)
class _Columns:
    """Where each field sits in a row (indexes), and how many fields a row has."""

    timestamp: int
    time: int | None  # a separate time-of-day column joined to ``timestamp``
    sender: int
    text: int
    kind: int | None
    id: int | None
    reply_to: int | None
    width: int


# ---------------------------------------------------------------------------------------------
# Detection


def _sniff(head: str, part: Part) -> int:
    stripped = head.lstrip()
    if not stripped or stripped[0] in "{[":
        return 0
    lines = [line for line in stripped[:8192].splitlines()[:3] if line.strip()]
    try:
        header = _split_header(lines[0])
        found = sum(1 for field in REQUIRED if _guess(header, field) is not None)
        if found >= 2:
            return 70 if found == 3 else 20
        # A table whose headers Rekindle does not know: still a CSV, whose columns can be named.
        return 10 if len(lines) > 1 and _same_width(lines[0], lines[1]) else 0
    except csv.Error:
        return 0


def _same_width(header_line: str, next_line: str) -> bool:
    delimiter = _delimiter(header_line)
    widths = [
        len(next(csv.reader([line], delimiter=delimiter), [])) for line in (header_line, next_line)
    ]
    return widths[0] >= 3 and widths[0] == widths[1]


def _delimiter(header_line: str) -> str:
    counts = [(header_line.count(d), -i, d) for i, d in enumerate(_DELIMITERS)]
    count, _, delimiter = max(counts)
    return delimiter if count else ","


def _split_header(header_line: str) -> list[str]:
    fields = next(csv.reader([header_line], delimiter=_delimiter(header_line)), [])
    return [_normalise(field) for field in fields]


def _normalise(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def _guess(header: list[str], field: str) -> int | None:
    for name in _GUESSES[field]:
        if name in header:
            return header.index(name)
    return None


# ---------------------------------------------------------------------------------------------
# Columns


def _find_columns(header: list[str], named: dict[str, str], part: Part, line: int) -> _Columns:
    normalised = [_normalise(h) for h in header]
    unknown = sorted(set(named) - set(FIELDS))
    if unknown:
        raise ParseError(
            part.label,
            f"unknown column field {unknown[0]!r}; the fields are {', '.join(FIELDS)}",
        )
    found: dict[str, int | None] = {}
    for field in FIELDS:
        if field in named:
            found[field] = _named_column(header, normalised, named[field], field, part, line)
        elif field in _GUESSES:
            found[field] = _guess(normalised, field)
    if found.get("date") is not None and "timestamp" not in named:
        found["timestamp"] = found["date"]
    if found["timestamp"] is not None and "time" not in named:
        found["time"] = _separate_time(normalised, found["timestamp"])
    timestamp, sender, text = found["timestamp"], found["sender"], found["text"]
    if timestamp is None or sender is None or text is None:
        _refuse_header(header, found, bool(named), part, line)
    return _Columns(
        timestamp=timestamp,
        time=found.get("time"),
        sender=sender,
        text=text,
        kind=found.get("kind"),
        id=found.get("id"),
        reply_to=found.get("reply_to"),
        width=len(header),
    )


def _refuse_header(
    header: list[str], found: dict[str, int | None], named: bool, part: Part, line: int
) -> NoReturn:
    """Explain why the header row does not give timestamp, sender and text columns."""
    if not named and any(_is_timestamp(h) for h in header):
        raise ParseError(
            part.label,
            "the first row looks like a message, not a header; expected a header row naming"
            " timestamp, sender and text columns",
            line=line,
        )
    missing = [field for field in REQUIRED if found[field] is None]
    which = " or ".join(missing) if len(missing) < 3 else "timestamp, sender or text"
    raise ParseError(
        part.label,
        f"expected a header row naming timestamp, sender and text columns; found no {which}"
        f" column among: {_listing(header)} (name it with --column, e.g. --column"
        f" {missing[0]}=Header)",
        line=line,
    )


def _named_column(
    header: list[str], normalised: list[str], name: str, field: str, part: Part, line: int
) -> int:
    if name in header:
        return header.index(name)
    if _normalise(name) in normalised:
        return normalised.index(_normalise(name))
    raise ParseError(
        part.label,
        f"there is no column {name!r} (asked for as the {field}); the header has:"
        f" {_listing(header)}",
        line=line,
    )


def _separate_time(normalised: list[str], timestamp: int) -> int | None:
    """The index of a ``time`` column to join to a ``date`` timestamp column, if any."""
    if normalised[timestamp] != "date" or "time" not in normalised:
        return None
    return normalised.index("time")


def _listing(header: list[str]) -> str:
    shown = ", ".join(repr(h) for h in header[:20]) or "(nothing)"
    return shown + (f" and {len(header) - 20} more" if len(header) > 20 else "")


# ---------------------------------------------------------------------------------------------
# Rows


def parse_timestamp(value: str) -> datetime:
    """A CSV timestamp: ISO 8601 or unix epoch seconds/milliseconds (raises ValueError)."""
    value = value.strip()
    if len(value) >= 9 and value.replace(".", "", 1).isdigit():
        number = float(value)
        seconds = number / 1000 if number >= _MILLISECONDS_FROM else number
        return datetime.fromtimestamp(seconds, UTC)
    return datetime.fromisoformat(value)


def _only_blank_extras(row: list[str], width: int) -> bool:
    """Whether a row is too long only by empty trailing fields (as spreadsheets write)."""
    return len(row) > width and not any(field.strip() for field in row[width:])


def _is_timestamp(value: str) -> bool:
    try:
        parse_timestamp(value)
    except (ValueError, OverflowError, OSError):
        return False
    return True


class _RowReader:
    """Turns CSV rows into messages, keeping what must be remembered between rows."""

    def __init__(self, columns: _Columns, report: ParseReport) -> None:
        self.columns = columns
        self.report = report
        self.aware: bool | None = None
        self.hashed_ids = MessageIds()
        self.seen: set[str] = set()

    def message(self, row: list[str]) -> Message | str:
        """The message in ``row``, or why it cannot be read."""
        columns = self.columns
        if len(row) != columns.width and not _only_blank_extras(row, columns.width):
            return f"expected {columns.width} fields, found {len(row)}"
        timestamp = self._timestamp(row)
        if isinstance(timestamp, str):
            return timestamp
        kind = self._kind(row)
        sender = row[columns.sender].strip() or None
        if sender is None and kind is not MessageKind.SYSTEM:
            return "the sender is empty"
        if sender is not None and sender not in self.report.names:
            self.report.names[sender] = sender
        text = row[columns.text]
        message_id = self._id(row, timestamp, sender, text)
        if message_id is None:
            return "this row's id is already taken by an earlier row"
        return Message(
            id=message_id,
            timestamp=timestamp,
            sender=sender,
            text=text,
            kind=kind,
            reply_to=self._reply_to(row),
        )

    def _kind(self, row: list[str]) -> MessageKind:
        if self.columns.kind is None:
            return MessageKind.TEXT
        return _KINDS.get(row[self.columns.kind].strip().lower(), MessageKind.TEXT)

    def _timestamp(self, row: list[str]) -> datetime | str:
        value = row[self.columns.timestamp].strip()
        if self.columns.time is not None:
            value = f"{value} {row[self.columns.time].strip()}"
        try:
            timestamp = parse_timestamp(value)
        except (ValueError, OverflowError, OSError):
            return f"the timestamp {value!r} is not ISO 8601 or unix time"
        aware = timestamp.tzinfo is not None
        if self.aware is None:
            self.aware = self.report.timezone_aware = aware
        elif aware != self.aware:
            having = "has a UTC offset" if aware else "has no UTC offset"
            return f"the timestamp {value!r} {having}, unlike the ones before it"
        return timestamp

    def _id(self, row: list[str], timestamp: datetime, sender: str | None, text: str) -> str | None:
        if self.columns.id is None or not row[self.columns.id].strip():
            return self.hashed_ids(timestamp, sender, text)
        message_id = row[self.columns.id].strip()
        if message_id in self.seen:
            return None
        self.seen.add(message_id)
        return message_id

    def _reply_to(self, row: list[str]) -> str | None:
        if self.columns.reply_to is None:
            return None
        target = row[self.columns.reply_to].strip()
        return target if target in self.seen else None


# ---------------------------------------------------------------------------------------------
# Reading


def _parse(source: Source, options: ParseOptions, report: ParseReport) -> Iterator[Message]:
    part = source.first
    lines = iter_lines(part)
    header_line, line = _header_line(lines, part)
    delimiter = _delimiter(header_line)
    try:
        header = [h.strip() for h in next(csv.reader([header_line], delimiter=delimiter))]
    except csv.Error as exc:
        raise ParseError(
            part.label, f"the header row is not valid CSV ({exc})", line=line
        ) from None
    rows = _RowReader(_find_columns(header, options.columns, part, line), report)
    reader = csv.reader((text + "\n" for text in lines), delimiter=delimiter, strict=True)
    while True:
        start = line + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.skip(start, _csv_problem(exc))
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        message = rows.message(row)
        if isinstance(message, str):
            report.skip(start, message)
        else:
            yield message


def _header_line(lines: Iterator[str], part: Part) -> tuple[str, int]:
    """The first non-blank line (the header) and its line number."""
    for number, text in enumerate(lines, 1):
        if text.strip():
            return text, number
    raise ParseError(part.label, "the file has no header row; expected timestamp, sender, text")


def _csv_problem(exc: csv.Error) -> str:
    if "unexpected end of data" in str(exc):
        return "a quoted field that starts in this row never closes"
    return f"this row is not valid CSV ({exc})"


FORMAT = ExportFormat(
    name="csv",
    title="CSV (timestamp, sender, text columns)",
    sniff=_sniff,
    parse=_parse,
)
