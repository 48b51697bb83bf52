"""How figures are written out, the same way in every renderer."""

from __future__ import annotations

from datetime import datetime

from rekindle.report.document import Unit

NO_VALUE = "–"

UNIT_NOTES: dict[str, str] = {
    "percent": "",
    "ratio": "",
    "per_100_messages": "per 100 messages",
    "per_day": "",
    "per_100_words": "per 100 words",
    "minutes": "",
    "count": "",
    "score": "0 to 1",
}


def format_value(value: float | None, unit: Unit) -> str:
    """``value`` as a person reads it: ``0.86`` percent is "86%", ``95`` minutes "1 h 35 min"."""
    if value is None:
        return NO_VALUE
    if unit == "percent":
        return f"{100 * value:.0f}%"
    if unit == "ratio":
        return f"{value:.1f} to 1"
    if unit == "minutes":
        return format_minutes(value)
    if unit == "count":
        return f"{value:,.0f}"
    if unit == "score":
        return f"{value:.2f}"
    return f"{value:.2f}" if abs(value) < 1 else f"{value:,.1f}"


def format_minutes(minutes: float) -> str:
    """A duration: "under a minute", "12 min", "3 h 5 min", "2.5 days"."""
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        hours, rest = divmod(round(minutes), 60)
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    return f"{minutes / 1440:.1f} days"


def format_count(n: int, basis: str) -> str:
    """ "1,234 messages"; "1 message" keeps the singular."""
    if n == 1 and basis.endswith("s"):
        basis = basis[:-1]
    return f"{n:,} {basis}".strip()


def format_when(timestamp: str | None, with_time: bool = True) -> str:
    """An ISO timestamp as "2 Mar 2024, 09:15" (or "2 Mar 2024" without the time)."""
    if not timestamp:
        return ""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp
    day = f"{moment.day} {moment:%b %Y}"
    return f"{day}, {moment:%H:%M}" if with_time else day


def format_frequency(per_week: float) -> str:
    """How often, in words a person uses: "2.5 a week", or "1.2 a month" when rarer."""
    if per_week >= 0.5:
        return f"{per_week:.1f} a week"
    return f"{per_week * 52 / 12:.1f} a month"
