"""Signal chats exported to Markdown (the signal-export tool's ``chat.md``).

Signal itself exports nothing readable; the community signal-export tool writes one Markdown
file per chat, one message per header line::

    # Alice
    [2022-01-03 18:14:02] Alice: are you home yet?
    [2022-01-03 18:20:45] Bob:
    > Alice: are you home yet?
    nearly, ten minutes
    (- Alice: ❤️ -)
    [2022-01-03 18:21:03] Bob: ![IMG_0042.jpg](./media/2022-01-03-18-21-03.jpg)
    [2022-01-03 18:22:10] Alice: (( 🐢 ))
    [2022-01-03 18:25:00] Bob: (This message was deleted)

Headers may also read ``[2022-01-03, 18:14]`` (with a comma, without seconds). Decisions:

- **Continuation lines** belong to the message above; leading and trailing blank lines are
  dropped.
- **Quotes**: ``>`` lines right after the header repeat the message being replied to. They
  are not part of the reply's text and are dropped. (The quote names no message id, so
  ``reply_to`` is not set.)
- **Reactions**: a line ``(- Bob: 👍, Alice: ❤️ -)`` gives the message above its reactions.
- **Stickers** ``(( label ))`` are MEDIA (``"<sticker>"``); **attachments**
  ``[name](./media/file)`` and ``![name](./media/file)`` are MEDIA: any other text is kept
  as the caption, else a placeholder from the file's extension (``"<photo>"``...).
- ``(This message was deleted)`` is a DELETED message.
- A header without ``Name:`` is a SYSTEM message with no sender.
- **Senders** are display names (the export has no ids). **Timestamps** are naive local time.
- A ``# `` heading above the first message is the chat's title.

The file is streamed line by line. A line shaped like a header whose date cannot be read is
skipped (and reported with its line number), as is stray text above the first message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from rekindle.ingest.base import ExportFormat, MessageIds, ParseOptions, ParseReport
from rekindle.ingest.placeholders import STICKER, placeholder_for_file
from rekindle.ingest.source import Part, Source, iter_lines
from rekindle.model import Message, MessageKind, Reaction

DELETED_TEXT = "(This message was deleted)"
MEDIA_LINK = "](./media/"

_HEADER = re.compile(r"^\[\d{4}-\d{2}-\d{2},? \d{2}:\d{2}(?::\d{2})?\] ", re.MULTILINE)
_REACTION_LINE = re.compile(r"^\(- .+: .+ -\)\s*$", re.MULTILINE)
_STICKER_LINE = re.compile(r"(?:^|: )\(\(.*\)\)\s*$", re.MULTILINE)
_ATTACHMENT = re.compile(r"(!?)\[([^\]\n]*)\]\(\./media/([^)\n]*)\)")


# ---------------------------------------------------------------------------------------------
# Detection


def _sniff(head: str, part: Part) -> int:
    if not _HEADER.search(head):
        return 0
    has_marker = (
        head.lstrip().startswith("# ")
        or MEDIA_LINK in head
        or _REACTION_LINE.search(head) is not None
        or _STICKER_LINE.search(head) is not None
    )
    # Without a Signal-only marker the lines read the same as a WhatsApp (iOS) export.
    return 90 if has_marker else 50


# ---------------------------------------------------------------------------------------------
# Reading


class _BadDate(ValueError):
    """A line shaped like a header whose date or time is impossible."""


def _read_header(line: str) -> tuple[datetime, str] | None:
    """The timestamp and the rest of a header line, or None if ``line`` continues a message."""
    if len(line) < 18 or line[0] != "[" or line[5] != "-" or line[8] != "-":
        return None
    close = line.find("]", 11, 24)
    if close < 0 or not line[1:5].isdigit():
        return None
    stamp = line[1:close].replace(",", "")
    if len(stamp) not in (16, 19) or stamp[10] != " ":
        return None
    try:
        timestamp = datetime.fromisoformat(stamp)
    except ValueError:
        raise _BadDate(stamp) from None
    rest = line[close + 2 :] if line[close + 1 : close + 2] == " " else line[close + 1 :]
    return timestamp, rest


@dataclass(slots=True)
class _Draft:
    """A message whose header has been read, collecting its body lines."""

    timestamp: datetime
    sender: str | None
    lines: list[str]
    in_quote: bool  # still in the quote of a replied message that may open the body
    reactions: list[Reaction] = field(default_factory=list)

    def add(self, line: str, report: ParseReport) -> None:
        if line.startswith("(- ") and line.rstrip().endswith(" -)"):
            self.reactions.extend(_reactions(line.rstrip()[3:-3], report))
        elif self.in_quote and line.startswith(">"):
            return
        else:
            if line.strip():
                self.in_quote = False
            self.lines.append(line)


def _start(timestamp: datetime, rest: str, report: ParseReport) -> _Draft:
    sender: str | None
    name, sep, text = rest.partition(": ")
    if sep and name:
        sender = name
    elif rest.endswith(":") and len(rest) > 1:
        sender, text = rest[:-1], ""
    else:
        sender, text = None, rest
    if sender is not None and sender not in report.names:
        report.names[sender] = sender
    quote = text.startswith(">")
    return _Draft(timestamp, sender, [] if quote else [text], in_quote=not text or quote)


def _reactions(inner: str, report: ParseReport) -> list[Reaction]:
    result = []
    for item in inner.split(", "):
        name, sep, emoji = item.rpartition(": ")
        if sep and name.strip() and emoji.strip():
            person = name.strip()
            report.names.setdefault(person, person)
            result.append(Reaction(emoji.strip(), person))
    return result


def _content(draft: _Draft) -> tuple[str, MessageKind]:
    text = "\n".join(draft.lines).strip()
    if draft.sender is None:
        return text, MessageKind.SYSTEM
    if text == DELETED_TEXT:
        return text, MessageKind.DELETED
    if text.startswith("((") and text.endswith("))"):
        return STICKER, MessageKind.MEDIA
    if MEDIA_LINK in text:
        return _attachment_content(text), MessageKind.MEDIA
    return text, MessageKind.TEXT


def _attachment_content(text: str) -> str:
    """The caption of a message with attachment links, or a placeholder for its first file."""
    first = _ATTACHMENT.search(text)
    caption = _ATTACHMENT.sub("", text).strip()
    if caption or first is None:
        return caption
    return placeholder_for_file(first.group(3) or first.group(2))


def _parse(source: Source, options: ParseOptions, report: ParseReport) -> Iterator[Message]:
    ids = MessageIds()
    draft: _Draft | None = None
    number = 0
    for part in source.parts:
        for line in iter_lines(part):
            number += 1
            try:
                header = _read_header(line)
            except _BadDate as exc:
                report.skip(number, f"a message header with an impossible date ({exc})")
                continue
            if header is not None:
                if draft is not None:
                    yield _finish(draft, ids)
                draft = _start(header[0], header[1], report)
            elif draft is not None:
                draft.add(line, report)
            else:
                _before_first_message(line, number, report)
    if draft is not None:
        yield _finish(draft, ids)


def _before_first_message(line: str, number: int, report: ParseReport) -> None:
    if line.startswith("# ") and report.title is None:
        report.title = line[2:].strip() or None
    elif line.strip():
        report.skip(number, "text before the first message header ([date time] Name: text)")


def _finish(draft: _Draft, ids: MessageIds) -> Message:
    text, kind = _content(draft)
    return Message(
        id=ids(draft.timestamp, draft.sender, text),
        timestamp=draft.timestamp,
        sender=draft.sender,
        text=text,
        kind=kind,
        reactions=tuple(draft.reactions),
    )


FORMAT = ExportFormat(
    name="signal",
    title="Signal (signal-export Markdown)",
    sniff=_sniff,
    parse=_parse,
)
