"""Everything that changes a habit. Each action is one transaction."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction

from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.habits.catalogue import habit_idea
from rekindle.web.habits.models import Habit, HabitTick


class HabitError(Exception):
    """What the person asked for cannot happen; the message says why, kindly."""


@transaction.atomic
def do_choose_habit(owner: User, intervention_id: str, now: datetime) -> Habit:
    """Take on a habit from the library; choosing a stopped one again picks it back up, with
    its old ticks."""
    idea = habit_idea(intervention_id)
    if idea is None:
        raise HabitError("That habit is not in the library any more. Please choose another.")
    habit, created = Habit.objects.get_or_create(
        owner=owner,
        intervention_id=intervention_id,
        defaults={"cadence": idea.usual_cadence, "started_at": now},
    )
    if not created and habit.stopped_at is not None:
        habit.stopped_at = None
        habit.save(update_fields=["stopped_at"])
    return habit


@transaction.atomic
def do_tick_habit(habit: Habit, day: date, now: datetime) -> bool:
    """Mark the habit kept on ``day``, or unmark it if it was; True when it is now ticked."""
    removed, _ = HabitTick.objects.filter(habit=habit, day=day).delete()
    if removed:
        return False
    HabitTick.objects.create(habit=habit, day=day, ticked_at=now)
    return True


@transaction.atomic
def do_update_habit(
    habit: Habit, *, cadence: str, reminder_time: time, shared_with_partner: bool
) -> Habit:
    """Change the rhythm, the reminder, and whether the current partner sees this habit."""
    couple = active_couple_of(habit.owner) if shared_with_partner else None
    habit.cadence = cadence
    habit.reminder_time = reminder_time
    habit.shared_in = couple
    habit.save(update_fields=["cadence", "reminder_time", "shared_in"])
    return habit


@transaction.atomic
def do_stop_habit(habit: Habit, now: datetime) -> None:
    """Put a habit aside. Its ticks are kept, and choosing it again picks it back up."""
    Habit.objects.filter(id=habit.id, stopped_at__isnull=True).update(stopped_at=now)
