"""Months, weeks and hours as plain integers, so counters per period stay cheap.

A month is ``year * 12 + month - 1``; a week is the proleptic ordinal of its Monday. Both use
the timestamp as given: a naive time is the export's local time, an aware one its own offset.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

_EPOCH = date(1970, 1, 1).toordinal()


def month_index(moment: datetime | date) -> int:
    """The month of ``moment`` as an integer that counts months."""
    return moment.year * 12 + moment.month - 1


def month_label(index: int) -> str:
    """``YYYY-MM`` for a month index."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def week_of(ordinal: int) -> int:
    """The ordinal of the Monday that starts the week holding day ``ordinal``."""
    return ordinal - (ordinal - 1) % 7  # day 1 of the proleptic calendar was a Monday


def week_label(week: int) -> date:
    """The Monday of a week."""
    return date.fromordinal(week)


def days_in(index: int) -> int:
    """How many days month ``index`` has."""
    return calendar.monthrange(index // 12, index % 12 + 1)[1]


def days_covered(index: int, first: date, last: date) -> int:
    """Days of month ``index`` between ``first`` and ``last`` (inclusive): a whole month
    unless the conversation starts or ends inside it."""
    start = date(index // 12, index % 12 + 1, 1)
    end = date(index // 12, index % 12 + 1, days_in(index))
    return max((min(end, last) - max(start, first)).days + 1, 0)


def seconds(moment: datetime) -> float:
    """Seconds on one scale for every timestamp of an export.

    An aware time counts real seconds (its POSIX time). A naive one counts wall-clock seconds
    as written, read as if it were UTC, so the two scales line up.
    """
    if moment.tzinfo is not None:
        return moment.timestamp()
    return (
        (moment.toordinal() - _EPOCH) * 86400.0
        + moment.hour * 3600
        + moment.minute * 60
        + moment.second
        + moment.microsecond / 1e6
    )
