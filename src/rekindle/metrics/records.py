"""The small records every metric is built from: a rate with its base, an example message,
and what a metric rests on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Rate:
    """``count`` out of ``n``, as ``value = count * per / n``.

    ``per`` is 1 for a share (0 to 1) and 100 for a rate per 100 messages or words. ``value``
    is ``None`` when ``n`` is below the metric's minimum: not enough data, never 0%.
    """

    count: int
    n: int
    value: float | None
    per: int = 1


def rate(count: int, n: int, minimum: int, per: int = 1) -> Rate:
    """A :class:`Rate`, or one with no value when ``n`` is below ``minimum``."""
    value = count * per / n if n >= max(minimum, 1) else None
    return Rate(count, n, value, per)


@dataclass(frozen=True, slots=True)
class Example:
    """A message quoted as an example of a finding. ``evidence`` is the phrase that a cue
    matched, where there is one; ``text`` is cut to the configured length."""

    message_id: str
    timestamp: datetime
    sender: str
    text: str
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Exchange:
    """A message and the partner's answer to it (``None``: no answer in time)."""

    outcome: str
    message: Example
    reply: Example | None


@dataclass(frozen=True, slots=True)
class About:
    """What a metric is: its name, the research behind it and what it cannot see. The same
    words are in docs/metrics.md under the heading ``title``."""

    key: str
    title: str
    evidence: str
    limits: str


@dataclass(frozen=True, slots=True)
class MonthCount:
    """A count in one month (``YYYY-MM``), in all and per participant id."""

    month: str
    total: int
    by_partner: Mapping[str, int]
