"""Habit pages: the list and the choice of a new one, one habit, ticking, settings, stopping."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from rekindle.web.access import (
    access_habit,
    access_own_habit,
    active_couple_of,
    other_member,
    own_habits,
    partner_of,
    partner_shared_habits,
)
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.couples.models import Couple
from rekindle.web.habits.actions import (
    HabitError,
    do_choose_habit,
    do_stop_habit,
    do_tick_habit,
    do_update_habit,
)
from rekindle.web.habits.catalogue import habit_idea, habit_ideas
from rekindle.web.habits.forms import ChooseHabitForm, HabitSettingsForm
from rekindle.web.habits.models import WEEKLY, Habit
from rekindle.web.habits.streaks import Streak, celebration, milestone_reached, streak_of

RECENT_TICKS = 14


@dataclass(frozen=True)
class HabitRow:
    habit: Habit
    streak: Streak
    ticked_today: bool
    shared_now: bool  # shared with the partner of the couple its owner is in now


def _row(habit: Habit, couple: Couple | None = None) -> HabitRow:
    today = timezone.localdate()
    days = [tick.day for tick in habit.ticks.all()]
    streak = streak_of(days, today, weekly=habit.cadence == WEEKLY)
    shared_now = couple is not None and habit.shared_in_id == couple.id
    return HabitRow(habit, streak, today in days, shared_now)


@require_safe
@login_required
def habit_list(request: AuthenticatedRequest) -> HttpResponse:
    habits = own_habits(request.user)
    taken = {habit.intervention_id for habit in habits if habit.is_active}
    ideas = [idea for idea in habit_ideas().values() if idea.id not in taken]
    couple = active_couple_of(request.user)
    return render(
        request,
        "habits/list.html",
        {
            "rows": [_row(habit, couple) for habit in habits if habit.is_active],
            "stopped": [habit for habit in habits if not habit.is_active],
            "form": ChooseHabitForm(ideas=ideas),
            "partner": other_member(couple, request.user) if couple is not None else None,
            "partner_rows": [_row(habit) for habit in partner_shared_habits(request.user)],
        },
    )


@require_POST
@login_required
def choose(request: AuthenticatedRequest) -> HttpResponse:
    form = ChooseHabitForm(request.POST, ideas=list(habit_ideas().values()))
    if not form.is_valid():
        messages.error(request, "Please choose a habit from the list.")
        return redirect("habits:list")
    try:
        habit = do_choose_habit(request.user, form.cleaned_data["intervention_id"], timezone.now())
    except HabitError as error:
        messages.error(request, str(error))
        return redirect("habits:list")
    messages.success(request, f"“{habit.title}” is on your list. Start whenever suits you.")
    return redirect("habits:detail", habit_id=habit.id)


@require_safe
@login_required
def habit_detail(request: AuthenticatedRequest, habit_id: int) -> HttpResponse:
    habit = access_habit(request.user, habit_id)
    is_own = habit.owner_id == request.user.id
    couple = active_couple_of(request.user)
    row = _row(habit, couple)
    form = None
    if is_own:
        form = HabitSettingsForm(
            initial={
                "cadence": habit.cadence,
                "reminder_time": habit.reminder_time,
                "shared_with_partner": row.shared_now,
            },
            has_partner=couple is not None,
        )
    return render(
        request,
        "habits/detail.html",
        {
            "row": row,
            "is_own": is_own,
            "idea": habit_idea(habit.intervention_id),
            "recent_ticks": list(habit.ticks.all()[:RECENT_TICKS]),
            "form": form,
        },
    )


@require_POST
@login_required
def tick(request: AuthenticatedRequest, habit_id: int) -> HttpResponse:
    habit = access_own_habit(request.user, habit_id)
    if not habit.is_active:
        messages.info(request, f"“{habit.title}” is set aside. Pick it up again to tick it.")
        return redirect("habits:detail", habit_id=habit.id)
    before = _row(habit).streak
    ticked = do_tick_habit(habit, timezone.localdate(), timezone.now())
    if ticked:
        streak = _row(habit).streak
        milestone = milestone_reached(streak) if streak.current > before.current else None
        if milestone is not None:
            messages.success(request, celebration(milestone, habit.title, streak.unit))
        else:
            messages.success(request, f"“{habit.title}”: done for today. Well done.")
    else:
        messages.info(request, f"Today's tick for “{habit.title}” is taken off.")
    if request.POST.get("back") == "detail":
        return redirect("habits:detail", habit_id=habit.id)
    return redirect("habits:list")


@require_POST
@login_required
def update(request: AuthenticatedRequest, habit_id: int) -> HttpResponse:
    habit = access_own_habit(request.user, habit_id)
    form = HabitSettingsForm(request.POST, has_partner=partner_of(request.user) is not None)
    if not form.is_valid():
        messages.error(request, "Please check the rhythm and the reminder time.")
        return redirect("habits:detail", habit_id=habit.id)
    do_update_habit(
        habit,
        cadence=form.cleaned_data["cadence"],
        reminder_time=form.cleaned_data["reminder_time"],
        shared_with_partner=form.cleaned_data.get("shared_with_partner", False),
    )
    messages.success(request, "Saved.")
    return redirect("habits:detail", habit_id=habit.id)


@require_POST
@login_required
def stop(request: AuthenticatedRequest, habit_id: int) -> HttpResponse:
    habit = access_own_habit(request.user, habit_id)
    do_stop_habit(habit, timezone.now())
    messages.info(
        request, f"“{habit.title}” is set aside. Its ticks are kept if you pick it up again."
    )
    return redirect("habits:list")
