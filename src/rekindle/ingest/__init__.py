"""Stage 1: read a chat export into normalised messages.

The public entry points:

- :func:`open_export` detects the format and returns an :class:`Export` whose
  :meth:`Export.messages` streams messages (memory stays flat however long the chat is);
- :func:`read_conversation` reads a whole export into a :class:`~rekindle.model.Conversation`,
  applying "me", aliases and the choice of people in a group chat;
- :func:`list_chats` lists the chats inside a multi-chat export.

Every problem with the input raises :class:`~rekindle.errors.ParseError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rekindle.errors import ParseError
from rekindle.ingest.base import ChatInfo, ExportFormat, ParseOptions, ParseReport
from rekindle.ingest.participants import ParticipantMap, ParticipantMapper
from rekindle.ingest.registry import FORMATS, detect_format, format_names, get_format
from rekindle.ingest.source import Source, open_source
from rekindle.model import Conversation, Message


class Export:
    """One export, opened and recognised, ready to be read (as often as needed)."""

    def __init__(self, source: Source, fmt: ExportFormat, options: ParseOptions) -> None:
        self.source = source
        self.format = fmt
        self.options = options
        self.report = ParseReport(source.label, fmt.name)

    def messages(self) -> Iterator[Message]:
        """Stream the messages in export order; ``self.report`` fills in as they come.

        The report is checked when the stream ends: an export where most lines fail raises
        :class:`ParseError` rather than handing back a fraction of the chat.
        """
        self.report = ParseReport(self.source.label, self.format.name)
        self.source.start_reading()
        return self._stream(self.report)

    def fraction_read(self) -> float | None:
        """How far the current read has got through the export's bytes (0 to 1), if known."""
        return self.source.fraction_read()

    def _stream(self, report: ParseReport) -> Iterator[Message]:
        count = 0
        try:
            for message in self.format.parse(self.source, self.options, report):
                count += 1
                yield message
        except RecursionError:
            raise ParseError(self.source.label, "the file is nested too deeply to read") from None
        except MemoryError:
            raise ParseError(self.source.label, "the file is too large to read") from None
        report.messages = count
        report.finish()


def open_export(
    path: str | Path,
    *,
    format: str | None = None,
    date_order: str | None = None,
    chat: str | None = None,
    columns: dict[str, str] | None = None,
) -> Export:
    """Open ``path`` (a file, a folder or a zip) and recognise its format from its content."""
    source = open_source(path)
    fmt = get_format(format) if format else detect_format(source)
    options = ParseOptions(date_order=date_order, chat=chat, columns=dict(columns or {}))
    return Export(source, fmt, options)


def read_conversation(
    path: str | Path,
    *,
    format: str | None = None,
    date_order: str | None = None,
    chat: str | None = None,
    columns: dict[str, str] | None = None,
    me: str | None = None,
    aliases: tuple[tuple[str, str], ...] = (),
    people: tuple[str, ...] = (),
) -> Conversation:
    """Read a whole export into memory as a :class:`Conversation`."""
    export = open_export(path, format=format, date_order=date_order, chat=chat, columns=columns)
    mapping = ParticipantMap(me=me, aliases=aliases, people=people)
    stream = export.messages()
    mapper = ParticipantMapper(mapping, export.report.names)
    messages = tuple(mapper.apply(stream))
    return conversation_from(export, mapper, messages)


def conversation_from(
    export: Export, mapper: ParticipantMapper, messages: tuple[Message, ...]
) -> Conversation:
    """Assemble a Conversation once ``messages`` have been read through ``mapper``."""
    report = export.report
    participants = mapper.participants()
    notes = list(report.notes)
    if len(participants) > 2 and not mapper.mapping.people:
        notes.append(
            f"This is a group chat with {len(participants)} people. Everyone is analysed"
            " together; use --person twice to look at two of them."
        )
    if mapper.dropped:
        notes.append(f"{mapper.dropped} messages from other people in the group were left out.")
    return Conversation(
        participants=participants,
        messages=messages,
        source=export.source.label,
        format=export.format.name,
        title=report.title,
        timezone_aware=report.timezone_aware,
        skipped=tuple(report.skipped),
        skipped_count=report.skipped_count,
        notes=tuple(notes),
    )


def list_chats(path: str | Path, *, format: str | None = None) -> list[ChatInfo]:
    """The chats inside an export (a single-chat export lists one)."""
    source = open_source(path)
    fmt = get_format(format) if format else detect_format(source)
    if fmt.list_chats is None:
        return [ChatInfo(id="", name=source.label, messages=-1)]
    return fmt.list_chats(source)


__all__ = [
    "FORMATS",
    "ChatInfo",
    "Export",
    "ParseOptions",
    "ParseReport",
    "ParticipantMap",
    "ParticipantMapper",
    "detect_format",
    "format_names",
    "get_format",
    "list_chats",
    "open_export",
    "read_conversation",
]
