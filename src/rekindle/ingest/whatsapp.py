"""WhatsApp chat exports (.txt, or the .zip the app shares), Android and iOS styles.

Every message starts with a header line; lines without one continue the previous message:

    Android:  31/12/21, 21:05 - Sam: text            12/31/21, 9:05 PM - Sam: text
    iOS:      [31/12/21, 21:05:33] Sam: text         [12/31/21, 9:05:33 PM] Sam: text

The header's date has its day, month and year in the order of the phone's locale, with
``/``, ``-`` or ``.`` between them and a 2- or 4-digit year. One header is often ambiguous
(``03/04/21``), so the order is inferred from the whole file: first from the values (a 13 can
only be a day), then from chronology (exports are in time order, so the right reading makes
dates go forward). If both still fit, parsing stops with :class:`AmbiguousDateOrderError`
and the user chooses with ``--date-order``.

Times are 12- or 24-hour, with or without seconds, dotted (``21.05``) or Finnish (``klo
21.05``), with AM/PM markers in several languages before or after the time (see
``whatsapp_markers.json``), separated by ordinary, no-break or narrow no-break spaces.
Invisible direction marks (U+200E, U+200F, U+202A-U+202E) are ignored.

Lines with no ``Name: `` after the header are system lines (encryption notice, joins,
number changes...); so are iOS lines whose text starts with U+200E and is not a media,
call or deleted marker. Media placeholders, deleted messages, calls and the "edited" marker
are recognised in every language listed in the markers file.

Timestamps are naive local time: WhatsApp writes no time zone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from importlib import resources
from itertools import chain
from typing import Any

from rekindle.errors import AmbiguousDateOrderError, ParseError
from rekindle.ingest.base import DATE_ORDERS, ExportFormat, MessageIds, ParseOptions, ParseReport
from rekindle.ingest.source import Part, Source, iter_lines
from rekindle.model import Message, MessageKind

_MARKERS: dict[str, Any] = json.loads(
    resources.files("rekindle.ingest").joinpath("whatsapp_markers.json").read_text("utf-8")
)
_MAX_SENDER = 80  # a longer "name" before ": " is text, not a sender
_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff\u2066\u2067\u2068\u2069"
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _norm(marker: str) -> str:
    """How markers are compared: lower case, no invisible marks, no spaces."""
    return _SPACES.sub("", marker.strip(_INVISIBLE + " ").lower())


# Dropped before special texts are compared: spaces of every width and invisible marks.
_DROP = str.maketrans(dict.fromkeys(" \t\u00a0\u202f\u2009" + _INVISIBLE))


def _key(text: str) -> str:
    """How special texts (media, deleted, calls) are compared: lower case, no spaces or
    invisible marks, no final full stop."""
    return text.lower().translate(_DROP).rstrip(".")


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` in any case (longest first), spaces flexible.

    Case variants are spelled out rather than matched with IGNORECASE, which would halve the
    header regex's speed.
    """
    escaped = []
    variants = {v for w in words for v in (w, w.lower(), w.upper(), w.capitalize())}
    for word in sorted(variants, key=len, reverse=True):
        parts = [re.escape(p) for p in word.split(" ")]
        escaped.append(r"[\s\u00a0\u202f]?".join(parts))
    return "|".join(escaped)


_HALF_DAY: dict[str, str] = {}
for _half in ("am", "pm"):
    for _word in _MARKERS[_half] + _MARKERS[f"{_half}_prefix"]:
        _HALF_DAY[_norm(_word)] = _half
        _HALF_DAY[_norm(_word).replace(".", "")] = _half

_SUFFIX = _alternation(_MARKERS["am"] + _MARKERS["pm"])
_PREFIX = _alternation(_MARKERS["am_prefix"] + _MARKERS["pm_prefix"])

# One header: optional invisible marks, an optional "[", the date, the time, then " - "
# (Android) or "] " (iOS), then the rest of the line.
HEADER = re.compile(
    rf"[{_INVISIBLE}]*(\[)?[{_INVISIBLE}]*"
    r"(\d{1,4})([./-])(\d{1,2})\3(\d{1,4})\.?"  # date: 2 = first, 4 = second, 5 = third
    r",?[\s\u00a0\u202f]+(?:klo[\s\u00a0\u202f]+)?"
    rf"(?:({_PREFIX})[\s\u00a0\u202f]*)?"  # 6: a prefix half-day marker (CJK)
    r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"  # 7 hour, 8 minute, 9 second
    rf"(?:[\s\u00a0\u202f]*({_SUFFIX}))?"  # 10: a suffix half-day marker
    r"(?(1)[\s\u00a0\u202f]*\][\s\u00a0\u202f]|[\s\u00a0\u202f]+[-\u2013][\s\u00a0\u202f])"
    rf"[{_INVISIBLE}]*(.*)",  # 11: the rest
)
# The commonest header (no half-day marker, ":" in the time), tried first because it is
# twice as fast; it also splits off the sender. Groups: 1 "[", 2-5 date, 6 hour, 7 minute,
# 8 second, 9 the sender (up to the first ": ", if within _MAX_SENDER), 10 the text.
PLAIN_HEADER = re.compile(
    rf"[{_INVISIBLE}]*(\[)?"
    r"(\d{1,4})([./-])(\d{1,2})\3(\d{1,4}),? "
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?(1)\] | - )"
    rf"[{_INVISIBLE}]*(?:([^\n]{{1,{_MAX_SENDER}}}?): )?(.*)"
)

_SPECIAL: dict[str, MessageKind] = {}
for _kind, _list in (
    (MessageKind.MEDIA, "media"),
    (MessageKind.DELETED, "deleted"),
    (MessageKind.CALL, "calls"),
):
    for _word in _MARKERS[_list]:
        _SPECIAL[_key(_word)] = _kind
# The same, as written (lower case, no final full stop): one lookup for ordinary text.
_SPECIAL_PLAIN = {
    word.lower().rstrip(". "): kind
    for kind, key in (
        (MessageKind.MEDIA, "media"),
        (MessageKind.DELETED, "deleted"),
        (MessageKind.CALL, "calls"),
    )
    for word in _MARKERS[key]
}
# The last characters special texts can end with (before a final "." or space).
_SPECIAL_LAST = frozenset(w[-1] for w in _SPECIAL_PLAIN) | frozenset(". ")
_SPECIAL_LAST |= frozenset(c.upper() for c in _SPECIAL_LAST)
_INVISIBLE_CHARS = frozenset(_INVISIBLE)
_NAME_ODDITIES = frozenset(_INVISIBLE + " ")  # a name ending in these needs _split_sender
_TEXT, _MEDIA = MessageKind.TEXT, MessageKind.MEDIA
_LONGEST_SPECIAL = 80  # longer texts are never placeholders (but may be "x.jpg (file attached)")
_ATTACHED = re.compile(r"<(?:attached|angehängt|adjunto|joint|allegato|anexado):\s*[^>]+>$", re.I)
_FILE_ATTACHED = re.compile(
    r"^\S.*\.\w{2,5} \((?:file attached|datei angehängt|archivo adjunto)\)$"
)
_CALL = re.compile(r"^(?:missed )?(?:group )?(?:voice|video) call(?:[,.•·]|\s|$)", re.IGNORECASE)
_EDITED_RAW = re.compile(
    r"[\s" + _INVISIBLE + r"]*(?:" + _alternation(_MARKERS["edited"]) + r")\s*$", re.IGNORECASE
)
_SYSTEM_START = re.compile(r"(?:" + _alternation(_MARKERS["system_starts"]) + r")", re.IGNORECASE)
# The first characters of every system text, to skip the regex for ordinary messages.
_SYSTEM_HEADS = frozenset(start[:6].lower() for start in _MARKERS["system_starts"])


# ---------------------------------------------------------------------------------------------
# Date order


def _fields(order: str, first: int, second: int, third: int) -> tuple[int, int, int]:
    """(year, month, day) from the three numbers of a date written in ``order``."""
    value = dict(zip(order, (first, second, third), strict=True))
    year = value["y"]
    return (year + 2000 if year < 100 else year), value["m"], value["d"]


def _valid(order: str, raw: tuple[str, str, str]) -> bool:
    year_at = order.index("y")
    for index, text in enumerate(raw):
        if len(text) > 2 and index != year_at:
            return False
        if len(text) not in (1, 2, 4):
            return False
    year, month, day = _fields(order, int(raw[0]), int(raw[1]), int(raw[2]))
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2199):
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# Enough distinct days to judge the order; reading stops there.
ORDER_SAMPLE_DAYS = 400


def infer_date_order(part: Part) -> tuple[str, list[str]]:
    """The date order of a WhatsApp export.

    Returns ``(order, [])`` when the dates settle it, ``("", candidates)`` when several orders
    fit equally well, and ``("", [])`` when the file has no WhatsApp headers at all.

    An order is kept when (nearly) every date is a real date in it, so one damaged header
    cannot force a wrong order. Among those kept, the one in which time runs forward wins.
    """
    dates: list[tuple[str, str, str]] = []
    for line in iter_lines(part):
        match = HEADER.match(line)
        if match is None:
            continue
        raw = (match.group(2), match.group(4), match.group(5))
        if not dates or dates[-1] != raw:
            dates.append(raw)
            if len(dates) >= ORDER_SAMPLE_DAYS:
                break
    if not dates:
        return "", []
    misfits = {o: sum(1 for raw in dates if not _valid(o, raw)) for o in DATE_ORDERS}
    tolerance = 1 + len(dates) // 50
    kept = [o for o in DATE_ORDERS if misfits[o] <= tolerance and misfits[o] < len(dates)]
    if not kept:  # nothing fits well: take the least bad, and let the parse report the rest
        kept = [min(DATE_ORDERS, key=lambda o: misfits[o])]
    ranked = sorted(kept, key=lambda o: (*_chronology(o, dates), misfits[o]))
    if len(ranked) == 1:
        return ranked[0], []
    best, second = ranked[0], ranked[1]
    (best_back, best_jumps), (second_back, second_jumps) = (
        _chronology(best, dates),
        _chronology(second, dates),
    )
    if best_back < second_back:
        return best, []
    if second_jumps - best_jumps >= JUMP_MARGIN:
        return best, []
    if best_jumps == second_jumps and misfits[best] < misfits[second]:
        return best, []
    return "", [o for o in ranked if _chronology(o, dates)[0] == best_back]


# A gap between two consecutive days of a chat longer than this counts as a jump. The wrong
# reading of a date makes consecutive days jump by months or years.
JUMP_DAYS = 27
# How many more jumps one reading must have than another before we call it wrong.
JUMP_MARGIN = 2


def _chronology(order: str, dates: list[tuple[str, str, str]]) -> tuple[int, int]:
    """How often time runs backwards, and how often it jumps ahead, reading dates in ``order``."""
    previous: date | None = None
    backwards = jumps = 0
    for raw in dates:
        if not _valid(order, raw):
            continue
        current = date(*_fields(order, int(raw[0]), int(raw[1]), int(raw[2])))
        if previous is not None:
            gap = (current - previous).days
            if gap < 0:
                backwards += 1
            elif gap > JUMP_DAYS:
                jumps += 1
        previous = current
    return backwards, jumps


# ---------------------------------------------------------------------------------------------
# Messages


def _classify(text: str) -> tuple[MessageKind, str, bool]:
    """The kind of a sender's message, its cleaned text, and whether it was edited.

    Most messages are ordinary text, so the checks are ordered to let those through after a
    few character tests.
    """
    if not text:
        return _TEXT, text, False
    edited = False
    last = text[-1]
    if last == ">" and "<" in text:
        marker = _EDITED_RAW.search(text)
        if marker is not None:
            text = text[: marker.start()]
            edited = True
            if not text:
                return _TEXT, text, edited
            last = text[-1]
    if "\n" in text:  # a media placeholder followed by its caption
        first_kind, _, _ = _classify(text.split("\n", 1)[0])
        if first_kind is _MEDIA:
            return _MEDIA, text.strip(_INVISIBLE), edited
        return _TEXT, text, edited
    first = text[0]
    if first in _INVISIBLE_CHARS:  # iOS marks the text it writes itself
        stripped = text.strip(_INVISIBLE + " ")
        kind = _SPECIAL.get(_key(stripped))
        if kind is not None:
            return kind, stripped, edited
        if _is_attachment(stripped):
            return _MEDIA, stripped, edited
        if _CALL.match(stripped):
            return MessageKind.CALL, stripped, edited
        return MessageKind.SYSTEM, stripped, edited
    if last in _SPECIAL_LAST and len(text) <= _LONGEST_SPECIAL:
        kind = _SPECIAL_PLAIN.get(text.lower().rstrip(". "))
        if kind is not None:
            return kind, text.rstrip(), edited
    if (first == "<" or last == ")") and _is_attachment(text):
        return _MEDIA, text, edited
    return _TEXT, text, edited


def _is_attachment(text: str) -> bool:
    """``<attached: file.jpg>`` (iOS) or ``file.jpg (file attached)`` (Android)."""
    if text[:1] == "<":
        return _ATTACHED.match(text) is not None
    if text[-1:] == ")":
        return _FILE_ATTACHED.match(text) is not None
    return False


def _split_sender(rest: str) -> tuple[str | None, str]:
    """("Sam", "text") for ``Sam: text``; (None, rest) for a system line."""
    cut = rest.find(": ")
    if cut <= 0 or cut > _MAX_SENDER:
        if rest.endswith(":") and 0 < len(rest) - 1 <= _MAX_SENDER and ": " not in rest:
            return rest[:-1].strip(_INVISIBLE), ""  # "Sam:" with an empty message
        return None, rest
    sender = rest[:cut].strip(_INVISIBLE + " ")
    if not sender or '"' in sender or "\u201c" in sender:
        return None, rest
    return sender, rest[cut + 2 :]


class _Clock:
    """Turns header fields into datetimes.

    Dates are cached (a day holds many messages), and so is the last full timestamp
    (messages often come several to a minute).
    """

    def __init__(self, order: str) -> None:
        self.order = order
        self._dates: dict[tuple[str, str, str], tuple[int, int, int] | None] = {}
        self._last_key: tuple[str | None, ...] = ()
        self._last: datetime | None = None

    def __call__(
        self,
        first: str,
        second: str,
        third: str,
        hour_text: str,
        minute_text: str,
        second_text: str | None,
        half: str | None,
    ) -> datetime | None:
        key = (first, second, third, hour_text, minute_text, second_text, half)
        if key == self._last_key:
            return self._last
        raw = (first, second, third)
        day = self._dates.get(raw, ())
        if day == ():
            day = (
                _fields(self.order, int(first), int(second), int(third))
                if _valid(self.order, raw)
                else None
            )
            self._dates[raw] = day
        when = None if day is None else self._time(day, hour_text, minute_text, second_text, half)  # type: ignore[arg-type]
        self._last_key, self._last = key, when
        return when

    @staticmethod
    def _time(
        day: tuple[int, int, int],
        hour_text: str,
        minute_text: str,
        second_text: str | None,
        half: str | None,
    ) -> datetime | None:
        hour, minute = int(hour_text), int(minute_text)
        seconds = int(second_text) if second_text else 0
        if half is not None:
            which = _HALF_DAY.get(_norm(half)) or _HALF_DAY.get(_norm(half).replace(".", ""))
            if hour > 12:
                return None
            if which == "pm" and hour != 12:
                hour += 12
            elif which == "am" and hour == 12:
                hour = 0
        if hour > 23 or minute > 59 or seconds > 59:
            return None
        return datetime(day[0], day[1], day[2], hour, minute, seconds)


def parse(source: Source, options: ParseOptions, report: ParseReport) -> Iterator[Message]:
    """Stream the messages of a WhatsApp export."""
    part = source.first
    order = options.date_order
    if order is None:
        order, candidates = infer_date_order(part)
        if candidates:
            readable = {
                "dmy": "day/month/year",
                "mdy": "month/day/year",
                "ymd": "year/month/day",
                "ydm": "year/day/month",
            }
            choices = " or ".join(f"{readable[c]} (--date-order {c})" for c in candidates)
            raise AmbiguousDateOrderError(
                part.label, f"the dates fit more than one order: {choices}; say which"
            )
        if not order:
            raise ParseError(
                part.label,
                "found no WhatsApp message header like '31/12/21, 21:05 - Name: text'"
                " or '[31/12/21, 21:05:33] Name: text'",
            )
    report.date_order = order
    clock = _Clock(order)
    ids = MessageIds()
    names = report.names
    match_plain = PLAIN_HEADER.match
    match_header = HEADER.match

    # The message being assembled: its timestamp, sender, first line and further lines.
    p_time: datetime | None = None
    p_sender: str | None = None
    p_text = ""
    p_more: list[str] | None = None
    p_system = False
    system_kind = MessageKind.SYSTEM

    # A final None flushes the last message, so a message is built in one place only.
    for number, line in enumerate(chain(iter_lines(part), (None,)), 1):
        if line is None:
            match = None
        else:
            match = match_plain(line)
            if match is not None:
                _, d1, _, d2, d3, hour, minute, second, sender, text = match.groups()
                when = clock(d1, d2, d3, hour, minute, second, None)
                if sender is None:
                    sender, text = _split_sender(text)
                elif sender[-1] in _NAME_ODDITIES or '"' in sender or "\u201c" in sender:
                    sender, text = _split_sender(f"{sender}: {text}")
            else:
                match = match_header(line)
                if match is not None:
                    _, d1, _, d2, d3, prefix, hour, minute, second, suffix, rest = match.groups()
                    when = clock(d1, d2, d3, hour, minute, second, suffix or prefix)
                    sender, text = _split_sender(rest)
            if match is None:
                if p_time is None:
                    if line.strip(_INVISIBLE + " \t"):
                        report.skip(number, "text before the first message header")
                elif p_more is None:
                    p_more = [line]
                else:
                    p_more.append(line)
                continue
            if when is None:
                header = line[: match.start(match.lastindex or 0)].strip()
                report.skip(number, f"the date or time in {header!r} is not a real one")
                continue
        if p_time is not None:  # a header (or the end) closes the message before it
            body = p_text if p_more is None else "\n".join([p_text, *p_more])
            if p_system:
                kind, edited, author = system_kind, False, None
                body = body.strip(_INVISIBLE)
            else:
                kind, body, edited = _classify(body)
                author = None if kind is system_kind else p_sender
            yield Message(ids(p_time, author, body), p_time, author, body, kind, None, edited)
        if line is None:
            break
        # A group's name can stand where the sender would, before the encryption notice.
        system = sender is None or (
            text[:6].lower() in _SYSTEM_HEADS and _SYSTEM_START.match(text) is not None
        )
        if sender is not None and not system and sender not in names:
            names[sender] = sender
        p_time, p_sender, p_text, p_more, p_system = when, sender, text, None, system


def sniff(head: str, part: Part) -> int:
    """80 when the first lines carry WhatsApp headers, 0 otherwise."""
    lines = [line for line in head.splitlines()[:40] if line.strip()]
    if not lines:
        return 0
    hits = sum(1 for line in lines if HEADER.match(line))
    if HEADER.match(lines[0]):
        return 80
    return 60 if hits >= max(1, len(lines) // 4) else 0


FORMAT = ExportFormat(
    name="whatsapp",
    title="WhatsApp (.txt or .zip, Android and iOS)",
    sniff=sniff,
    parse=parse,
)
