"""The Report: what Rekindle tells a couple about how they talk, as frozen data.

A :class:`Report` holds only JSON-ready values (strings, numbers, booleans, ``None``, tuples
and mappings of them), so :func:`to_dict` and :func:`from_dict` are exact inverses and the
JSON form is the contract: the CLI, the web app and the API all read it, and
``report.schema.json`` publishes it. Dates and times are ISO 8601 strings.

Participants are referred to by id everywhere below :attr:`Report.participants`; names are
looked up there, so renaming a person is one change.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

SCHEMA_VERSION = "1.0"

Tone = Literal["strength", "watch", "neutral"]
Level = Literal["low", "medium", "high"]
Unit = Literal[
    "percent",  # a share, 0-1, shown as a percentage
    "ratio",  # x to 1
    "per_100_messages",
    "per_day",
    "per_100_words",
    "minutes",
    "count",
    "score",  # 0-1, shown with two decimals
]


@dataclass(frozen=True, slots=True)
class Generator:
    """What made the report, and when (``created`` is an ISO 8601 timestamp)."""

    name: str
    version: str
    created: str


@dataclass(frozen=True, slots=True)
class Disclosure:
    """The notices every report carries: made by an automated tool, reads emotions from
    text, not therapy, and where the data went (nowhere)."""

    automated: str
    emotions: str
    not_therapy: str
    privacy: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A line of the export that could not be read (``reason`` is dropped without quotes)."""

    line: int
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """The export the report was made from, and the part of it that was read."""

    file: str
    format: str
    title: str | None
    first: str | None
    last: str | None
    timezone_aware: bool
    messages: int
    kinds: Mapping[str, int]
    date_order: str | None = None
    since: str | None = None
    until: str | None = None
    skipped_lines: int = 0
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """One participant: ``messages`` and ``words`` count what they wrote in the period."""

    id: str
    name: str
    is_me: bool
    messages: int
    words: int = 0


@dataclass(frozen=True, slots=True)
class Summary:
    """The plain-language "what we see": a headline, then strengths, then what to watch."""

    headline: str
    strengths: tuple[str, ...] = ()
    watch: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Value:
    """One figure for one participant (``participant`` ``None``: the two together).

    ``value`` is ``None`` when there is too little to go on; ``n`` is what it rests on.
    """

    participant: str | None
    value: float | None
    n: int


@dataclass(frozen=True, slots=True)
class Figure:
    """A measured quantity, per participant: e.g. "bids turned toward", percent, of n bids."""

    key: str
    label: str
    unit: Unit
    basis: str  # what ``n`` counts: "bids", "messages", "replies", "words"...
    values: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The research a finding rests on: a plain summary and its citations (plain text)."""

    summary: str
    citations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Confidence:
    """How far to trust a finding: ``level`` from how much it rests on (``n`` ``basis``)."""

    level: Level
    n: int
    basis: str


@dataclass(frozen=True, slots=True)
class Example:
    """A message quoted as an example, with why it was chosen (``highlight``: the words
    that were noticed, as written)."""

    participant: str
    timestamp: str | None
    text: str
    label: str
    highlight: str | None = None


@dataclass(frozen=True, slots=True)
class Intervention:
    """Something to try: a micro-habit, an exercise or a conversation, and why."""

    id: str
    title: str
    kind: Literal["micro-habit", "exercise", "conversation"]
    minutes: int
    steps: tuple[str, ...]
    why: str
    citations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One pattern: each partner's figures, what it means, the evidence, the limits,
    examples from the chat, and what to try."""

    key: str
    title: str
    tone: Tone
    headline: str
    meaning: str
    figures: tuple[Figure, ...]
    evidence: Evidence
    limits: tuple[str, ...]
    confidence: Confidence
    examples: tuple[Example, ...] = ()
    what_to_try: tuple[Intervention, ...] = ()


@dataclass(frozen=True, slots=True)
class LabourValue:
    """One partner's count of one kind of emotional labour, in total and per week."""

    participant: str
    total: int
    per_week: float


@dataclass(frozen=True, slots=True)
class LabourRow:
    """One kind of emotional labour (check-ins, starting serious talks...)."""

    key: str
    label: str
    description: str
    values: tuple[LabourValue, ...]


@dataclass(frozen=True, slots=True)
class EmotionalLabour:
    """The emotional-labour table: who does which of the caring work, over ``weeks``."""

    weeks: float
    rows: tuple[LabourRow, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a trend chart: a participant's value per month (``None``: no data)."""

    participant: str | None
    values: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class Series:
    """One monthly measure, with one line per participant (or one for the couple)."""

    key: str
    label: str
    unit: Unit
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Trends:
    """Month by month: ``months`` are ``YYYY-MM``; every line has one value per month.
    ``changes`` describes sustained changes in words."""

    months: tuple[str, ...]
    series: tuple[Series, ...]
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """The whole report. ``quotes`` is ``False`` when message text was left out."""

    generator: Generator
    disclosure: Disclosure
    source: Source
    participants: tuple[Person, ...]
    quotes: bool
    summary: Summary
    findings: tuple[Finding, ...]
    emotional_labour: EmotionalLabour | None
    trends: Trends
    caveats: tuple[str, ...]
    version: str = field(default=SCHEMA_VERSION)

    def name(self, participant: str | None) -> str:
        """The display name for a participant id (``None``: "Together")."""
        if participant is None:
            return "Together"
        for person in self.participants:
            if person.id == participant:
                return person.name
        return participant


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (tuples become lists)."""
    plain = _plain(report)
    assert isinstance(plain, dict)
    return {"version": plain.pop("version"), **plain}


def to_json(report: Report) -> str:
    """The report as JSON text (UTF-8 friendly, indented, ending in a newline)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def from_dict(data: Mapping[str, Any]) -> Report:
    """A report read back from its JSON form (the inverse of :func:`to_dict`).

    Raises ``ValueError`` when a required key is missing or the version is not one this
    code reads.
    """
    version = data.get("version")
    if not isinstance(version, str) or version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ValueError(f"a report of version {version!r} cannot be read (expected 1.x)")
    report = _build(Report, data)
    assert isinstance(report, Report)
    return report


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _build(kind: Any, data: Any) -> Any:
    """``data`` converted to ``kind`` (a dataclass, a tuple type, an optional...)."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in get_args(kind) if a is not type(None)]
        return _build(options[0], data)
    if origin is tuple:
        item = get_args(kind)[0]
        return tuple(_build(item, element) for element in data)
    if origin is Literal or kind in (str, int, bool):
        return data
    if kind is float:
        return float(data) if data is not None else None
    if origin is Mapping or origin is dict:
        return dict(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = get_type_hints(kind)
        values = {}
        for f in dataclasses.fields(kind):
            if f.name in data:
                values[f.name] = _build(hints[f.name], data[f.name])
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ValueError(f"the report has no {f.name!r} in {kind.__name__}")
        return kind(**values)
    return data
