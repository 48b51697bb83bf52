"""Streaks of days with a check-in. Pure functions of the days, so they are easy to test."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def current_streak(days: Iterable[date], today: date) -> int:
    """How many days in a row, up to today, have a check-in.

    A streak that reached yesterday still counts today, while today's check-in is not written
    yet: nobody loses their streak at breakfast."""
    seen = set(days)
    day = today if today in seen else today - ONE_DAY
    count = 0
    while day in seen:
        count += 1
        day -= ONE_DAY
    return count


def longest_streak(days: Iterable[date]) -> int:
    """The most days in a row that ever had a check-in."""
    longest = 0
    run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == ONE_DAY else 1
        longest = max(longest, run)
        previous = day
    return longest
