"""Habits: yours and the ones your partner shares with you, and ticking your own for today."""

from __future__ import annotations

from typing import Literal, cast

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError
from ninja.params.functions import Path

from rekindle.web.access import (
    access_habit,
    access_own_habit,
    active_couple_of,
    own_habits,
    partner_shared_habits,
)
from rekindle.web.accounts.models import User
from rekindle.web.api.auth import caller
from rekindle.web.api.schemas import MAX_ID, HabitOut, Problem, StreakOut
from rekindle.web.habits.actions import do_tick_habit
from rekindle.web.habits.models import WEEKLY, Habit
from rekindle.web.habits.streaks import streak_of

router = Router(tags=["habits"])

RECENT_TICKS = 14
HabitId = Path(..., ge=1, le=MAX_ID)


def habit_out(habit: Habit, viewer: User) -> HabitOut:
    today = timezone.localdate()
    days = sorted((tick.day for tick in habit.ticks.all()), reverse=True)
    streak = streak_of(days, today, weekly=habit.cadence == WEEKLY)
    is_own = habit.owner_id == viewer.id
    couple = active_couple_of(habit.owner)
    return HabitOut(
        id=habit.id,
        title=habit.title,
        intervention_id=habit.intervention_id,
        cadence=habit.cadence,
        is_own=is_own,
        is_active=habit.is_active,
        shared_with_partner=couple is not None and habit.shared_in_id == couple.id,
        ticked_today=today in days,
        streak=StreakOut(
            current=streak.current,
            longest=streak.longest,
            unit=cast(Literal["day", "week"], streak.unit),
        ),
        recent_ticks=days[:RECENT_TICKS],
    )


@router.get("", response=list[HabitOut])
def list_habits(request: HttpRequest) -> list[HabitOut]:
    """Your habits (kept and set aside), then the ones your partner shares with you."""
    person = caller(request)
    habits = own_habits(person) + partner_shared_habits(person)
    return [habit_out(habit, person) for habit in habits]


@router.get("/{habit_id}", response={200: HabitOut, 404: Problem})
def get_habit(request: HttpRequest, habit_id: int = HabitId) -> HabitOut:
    """One habit: yours, or one your partner shares with you."""
    person = caller(request)
    return habit_out(access_habit(person, habit_id), person)


def _set_ticked_today(request: HttpRequest, habit_id: int, ticked: bool) -> HabitOut:
    person = caller(request)
    habit = access_own_habit(person, habit_id)
    if not habit.is_active:
        raise HttpError(409, f"“{habit.title}” is set aside. Pick it up again to tick it.")
    today = timezone.localdate()
    if habit.ticks.filter(day=today).exists() != ticked:
        do_tick_habit(habit, today, timezone.now())
    return habit_out(access_own_habit(person, habit_id), person)


@router.put("/{habit_id}/ticks/today", response={200: HabitOut, 404: Problem, 409: Problem})
def tick_habit_today(request: HttpRequest, habit_id: int = HabitId) -> HabitOut:
    """Mark your habit kept today. Doing it twice changes nothing."""
    return _set_ticked_today(request, habit_id, True)


@router.delete("/{habit_id}/ticks/today", response={200: HabitOut, 404: Problem, 409: Problem})
def untick_habit_today(request: HttpRequest, habit_id: int = HabitId) -> HabitOut:
    """Take today's tick off your habit. Doing it twice changes nothing."""
    return _set_ticked_today(request, habit_id, False)
