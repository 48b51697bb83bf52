"""The export formats Rekindle reads, and detection of a file's format from its content."""

from __future__ import annotations

from rekindle.errors import EmptyExportError, ParseError, UnknownFormatError
from rekindle.ingest import csv_export, discord, messenger, signal, telegram, whatsapp
from rekindle.ingest.base import ExportFormat
from rekindle.ingest.source import Source, decode_head

FORMATS: tuple[ExportFormat, ...] = (
    whatsapp.FORMAT,
    telegram.FORMAT,
    signal.FORMAT,
    messenger.FORMAT,
    discord.FORMAT,
    csv_export.FORMAT,
)

_BY_NAME = {name: fmt for fmt in FORMATS for name in (fmt.name, *fmt.aliases)}


def format_names() -> list[str]:
    """Every name ``--format`` accepts (aliases included)."""
    return sorted(_BY_NAME)


def get_format(name: str) -> ExportFormat:
    """The format called ``name`` (or one of its aliases)."""
    try:
        return _BY_NAME[name.lower()]
    except KeyError:
        raise ValueError(
            f"unknown format {name!r}; choose one of {', '.join(format_names())}"
        ) from None


def detect_format(source: Source) -> ExportFormat:
    """The format of ``source``, judged from its content (not its file name)."""
    part = source.first
    head = decode_head(part.head())
    if not head.strip():
        raise EmptyExportError(part.label, "the file holds no text; expected a chat export")
    best, best_score = None, 0
    for fmt in FORMATS:
        score = fmt.sniff(head, part)
        if score > best_score:
            best, best_score = fmt, score
    if best is None:
        kind = "a JSON file" if head.lstrip().startswith(("{", "[")) else "this file"
        raise UnknownFormatError(
            part.label,
            f"{kind} is not a chat export Rekindle knows; expected a WhatsApp .txt or .zip,"
            " Telegram, Messenger/Instagram or Discord JSON, Signal Markdown, or a CSV with"
            " timestamp, sender and text columns",
        )
    return best


__all__ = ["FORMATS", "ParseError", "detect_format", "format_names", "get_format"]
