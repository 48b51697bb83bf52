"""A person's habits as calendar rituals, written as iCalendar with the icalendar library."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from rekindle.web.habits.catalogue import habit_idea
from rekindle.web.habits.models import WEEKLY, Habit

PRODUCT_ID = "-//Rekindle//Rituals//EN"
DEFAULT_MINUTES = 5


def _event(habit: Habit, zone: ZoneInfo, now: datetime) -> Event:
    idea = habit_idea(habit.intervention_id)
    start_day = habit.started_at.astimezone(zone).date()
    start = datetime.combine(start_day, habit.reminder_time, tzinfo=zone)
    event = Event()
    event.add("uid", f"habit-{habit.id}@rekindle")
    event.add("dtstamp", now)
    event.add("summary", habit.title)
    if idea is not None:
        event.add("description", "\n".join([*idea.steps, "", idea.why]))
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=idea.minutes if idea else DEFAULT_MINUTES))
    event.add("rrule", {"freq": "weekly" if habit.cadence == WEEKLY else "daily"})
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", habit.title)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event


def rituals_calendar(habits: Iterable[Habit], time_zone: str, now: datetime) -> bytes:
    """The calendar of every active habit, each repeating at its reminder time with an
    alarm."""
    zone = ZoneInfo(time_zone)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Rekindle rituals")
    for habit in habits:
        if habit.is_active:
            calendar.add_component(_event(habit, zone, now))
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical
