"""What every export parser shares: its declaration, its options and its running report.

A parser is an :class:`ExportFormat`: a name, a ``sniff`` function that scores how well the
start of a file fits the format, and a ``parse`` function that streams :class:`Message`
objects. Parsers record what they could not read in a :class:`ParseReport`; when most of a
file fails, :meth:`ParseReport.finish` raises instead of returning a fraction of the chat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from hashlib import blake2b

from rekindle.errors import EmptyExportError, ParseError
from rekindle.ingest.source import Part, Source
from rekindle.model import Message, SkippedLine

DATE_ORDERS = ("dmy", "mdy", "ymd", "ydm")
# How many skipped lines a report keeps with their line numbers (all are counted).
KEEP_SKIPPED = 1000


@dataclass(frozen=True)
class ParseOptions:
    """Choices the user can make about how an export is read."""

    date_order: str | None = None  # WhatsApp: one of DATE_ORDERS, when the file is ambiguous
    chat: str | None = None  # Telegram account exports: the chat's name or id
    columns: dict[str, str] = field(default_factory=dict)  # CSV: our field -> their header

    def __post_init__(self) -> None:
        if self.date_order is not None and self.date_order not in DATE_ORDERS:
            raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}")


@dataclass
class ParseReport:
    """What happened while reading one export (filled in as messages stream out)."""

    source: str
    format: str
    messages: int = 0
    skipped: list[SkippedLine] = field(default_factory=list)
    skipped_count: int = 0
    names: dict[str, str] = field(default_factory=dict)  # participant id -> display name
    title: str | None = None
    timezone_aware: bool = False
    date_order: str | None = None
    notes: list[str] = field(default_factory=list)

    def skip(self, line: int, reason: str) -> None:
        """Record a line (or record) that could not be read."""
        self.skipped_count += 1
        if len(self.skipped) < KEEP_SKIPPED:
            self.skipped.append(SkippedLine(line, reason))

    def finish(self) -> None:
        """Check the outcome: no messages, or mostly failures, is an error."""
        if self.messages == 0 and self.skipped_count == 0:
            raise EmptyExportError(self.source, f"no messages found in this {self.format} export")
        if self.skipped_count > max(self.messages, 2):
            first = self.skipped[0]
            raise ParseError(
                self.source,
                f"{self.skipped_count} of {self.skipped_count + self.messages} lines could not"
                f" be read as {self.format} messages (first: {first.reason}); is this the"
                " right format?",
                line=first.line,
            )


@dataclass(frozen=True)
class ChatInfo:
    """One chat inside a multi-chat export (e.g. a whole Telegram account)."""

    id: str
    name: str
    messages: int


SniffFunction = Callable[[str, Part], int]
ParseFunction = Callable[[Source, ParseOptions, ParseReport], Iterator[Message]]
ListChatsFunction = Callable[[Source], list[ChatInfo]]


@dataclass(frozen=True)
class ExportFormat:
    """One export format that Rekindle reads.

    ``sniff(head_text, part)`` returns a confidence from 0 (not this format) to 100;
    ``parse(source, options, report)`` streams messages and fills in the report: it records
    each sender's display name in ``report.names`` before yielding their first message, and
    calls ``report.skip`` for what it cannot read. It raises only :class:`ParseError`.
    """

    name: str
    title: str
    sniff: SniffFunction
    parse: ParseFunction
    aliases: tuple[str, ...] = ()
    list_chats: ListChatsFunction | None = None  # for formats that hold several chats


class MessageIds:
    """Stable message ids: the same message always gets the same id.

    The id hashes the timestamp, sender and text, plus a counter that tells apart identical
    messages sent within the same timestamp. Only the current timestamp's messages are
    remembered, so memory stays flat.
    """

    __slots__ = ("_current", "_iso", "_seen")

    def __init__(self) -> None:
        self._current: datetime | None = None
        self._iso = ""
        self._seen: dict[tuple[str | None, str], int] = {}

    def __call__(self, timestamp: datetime, sender: str | None, text: str) -> str:
        if timestamp != self._current:
            self._current = timestamp
            self._iso = timestamp.isoformat()
            self._seen.clear()
            count = 0
            self._seen[(sender, text)] = 1
        else:
            key = (sender, text)
            count = self._seen.get(key, 0)
            self._seen[key] = count + 1
        raw = f"{self._iso}\x1f{sender}\x1f{text}\x1f{count}"
        return blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Latin-1 (as Facebook and Instagram exports do)."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
