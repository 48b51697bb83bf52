"""Habits: choosing one from the library, ticking it, streaks and milestones, and sharing a
habit with the partner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.test import Client

from rekindle.web.accounts.models import User
from rekindle.web.couples.actions import do_unlink_couple
from rekindle.web.couples.models import Couple
from rekindle.web.habits.catalogue import habit_ideas
from rekindle.web.habits.models import DAILY, WEEKLY, Habit, HabitTick
from rekindle.web.habits.streaks import MILESTONES, celebration, milestone_reached, streak_of
from tests.web.conftest import signed_in_client

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 4)  # a Wednesday
NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen_noon() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def first_idea(kind: str) -> str:
    return next(idea.id for idea in habit_ideas().values() if idea.kind == kind)


def shown_messages(response: object) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]  # type: ignore[attr-defined]


def days_back(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=offset) for offset in offsets]


# --- Choosing -----------------------------------------------------------------------------


def test_the_habits_page_offers_the_micro_habits_from_the_library(alice_client: Client) -> None:
    page = alice_client.get("/habits/").content.decode()

    micro_habit = habit_ideas()[first_idea("micro-habit")]
    assert micro_habit.title in page
    assert "<legend>A habit to take on</legend>" in page


def test_choosing_a_micro_habit_makes_a_daily_habit(alice_client: Client, alice: User) -> None:
    response = alice_client.post("/habits/choose", {"intervention_id": first_idea("micro-habit")})

    habit = Habit.objects.get(owner=alice)
    assert response.headers["Location"] == f"/habits/{habit.id}"
    assert habit.cadence == DAILY
    assert habit.shared_in is None


def test_choosing_an_exercise_makes_a_weekly_habit(alice_client: Client, alice: User) -> None:
    alice_client.post("/habits/choose", {"intervention_id": first_idea("exercise")})

    assert Habit.objects.get(owner=alice).cadence == WEEKLY


def test_a_habit_that_is_not_in_the_library_is_refused(alice_client: Client) -> None:
    response = alice_client.post("/habits/choose", {"intervention_id": "made-up-habit"})

    assert response.status_code == 302
    assert not Habit.objects.exists()


def test_a_habit_set_aside_and_picked_up_again_keeps_its_ticks(
    frozen_noon: object, alice_client: Client, alice: User
) -> None:
    idea = first_idea("micro-habit")
    alice_client.post("/habits/choose", {"intervention_id": idea})
    habit = Habit.objects.get(owner=alice)
    alice_client.post(f"/habits/{habit.id}/tick")

    alice_client.post(f"/habits/{habit.id}/stop")
    assert Habit.objects.get(id=habit.id).stopped_at is not None
    alice_client.post("/habits/choose", {"intervention_id": idea})

    habit.refresh_from_db()
    assert habit.stopped_at is None
    assert list(habit.ticks.values_list("day", flat=True)) == [TODAY]


# --- Ticking ------------------------------------------------------------------------------


def test_ticking_records_today_and_ticking_again_takes_it_off(
    frozen_noon: object, alice_client: Client, alice: User
) -> None:
    habit = Habit.objects.create(owner=alice, intervention_id=first_idea("micro-habit"))

    alice_client.post(f"/habits/{habit.id}/tick")
    assert list(HabitTick.objects.filter(habit=habit).values_list("day", flat=True)) == [TODAY]

    alice_client.post(f"/habits/{habit.id}/tick")
    assert not HabitTick.objects.filter(habit=habit).exists()


def test_bob_cannot_tick_a_habit_alice_shares_with_him(
    frozen_noon: object, couple: Couple, alice: User, bob_client: Client
) -> None:
    habit = Habit.objects.create(
        owner=alice, intervention_id=first_idea("micro-habit"), shared_in=couple
    )

    response = bob_client.post(f"/habits/{habit.id}/tick")

    assert response.status_code == 404
    assert not HabitTick.objects.exists()


def test_charlie_cannot_reach_alices_habit_or_tick_by_id(
    frozen_noon: object, alice: User, charlie_client: Client
) -> None:
    habit = Habit.objects.create(owner=alice, intervention_id=first_idea("micro-habit"))
    HabitTick.objects.create(habit=habit, day=TODAY)

    assert charlie_client.get(f"/habits/{habit.id}").status_code == 404
    assert charlie_client.post(f"/habits/{habit.id}/tick").status_code == 404
    assert charlie_client.post(f"/habits/{habit.id}/stop").status_code == 404
    assert HabitTick.objects.filter(habit=habit).count() == 1
    assert Habit.objects.get(id=habit.id).stopped_at is None


# --- Streaks and milestones ---------------------------------------------------------------


def test_a_daily_streak_counts_days_in_a_row_up_to_today() -> None:
    streak = streak_of(days_back(0, 1, 2, 4), TODAY)

    assert (streak.current, streak.longest, streak.unit) == (3, 3, "day")


def test_a_daily_streak_that_reached_yesterday_still_counts_this_morning() -> None:
    assert streak_of(days_back(1, 2), TODAY).current == 2


def test_a_missed_day_ends_the_daily_streak() -> None:
    assert streak_of(days_back(2, 3, 4), TODAY).current == 0


def test_a_weekly_streak_counts_weeks_with_at_least_one_tick() -> None:
    # This week (Wednesday), last week (Monday) and the week before (Sunday): three weeks.
    ticked = [TODAY, date(2026, 2, 23), date(2026, 2, 22)]

    streak = streak_of(ticked, TODAY, weekly=True)

    assert (streak.current, streak.unit) == (3, "week")


def test_a_week_with_no_tick_ends_the_weekly_streak() -> None:
    ticked = [TODAY, date(2026, 2, 16)]  # nothing in the week of 23 February

    assert streak_of(ticked, TODAY, weekly=True).current == 1


@pytest.mark.parametrize("milestone", MILESTONES)
def test_each_milestone_is_reached_on_its_day_and_not_the_day_after(milestone: int) -> None:
    on_the_day = streak_of(days_back(*range(milestone)), TODAY)
    next_day = streak_of(days_back(*range(milestone + 1)), TODAY)

    assert milestone_reached(on_the_day) == milestone
    assert milestone_reached(next_day) is None


def test_the_next_milestone_is_the_first_one_ahead() -> None:
    assert streak_of(days_back(*range(8)), TODAY).next_milestone == 21


def test_a_celebration_names_the_habit_and_the_run_warmly() -> None:
    message = celebration(7, "Offer one small bid a day", "day")

    assert message.startswith("Seven days in a row of “Offer one small bid a day”.")
    assert "you" in message.lower()


def test_the_third_day_in_a_row_is_celebrated(alice: User, alice_client: Client) -> None:
    habit = Habit.objects.create(owner=alice, intervention_id=first_idea("micro-habit"))
    HabitTick.objects.create(habit=habit, day=TODAY - timedelta(days=1))
    HabitTick.objects.create(habit=habit, day=TODAY - timedelta(days=2))

    with time_machine.travel(NOON, tick=False):
        response = alice_client.post(f"/habits/{habit.id}/tick")

    assert any(text.startswith("Three days in a row") for text in shown_messages(response))


def test_taking_a_tick_off_and_on_again_does_not_celebrate_twice(
    frozen_noon: object, alice: User, alice_client: Client
) -> None:
    habit = Habit.objects.create(owner=alice, intervention_id=first_idea("exercise"))
    habit.cadence = WEEKLY
    habit.save()
    for week in (1, 2):
        HabitTick.objects.create(habit=habit, day=TODAY - timedelta(weeks=week))
    HabitTick.objects.create(habit=habit, day=TODAY - timedelta(days=1))  # this week already

    response = alice_client.post(f"/habits/{habit.id}/tick")

    assert not any("in a row" in text for text in shown_messages(response))


def test_the_habits_page_shows_the_current_streak(
    frozen_noon: object, alice: User, alice_client: Client
) -> None:
    habit = Habit.objects.create(owner=alice, intervention_id=first_idea("micro-habit"))
    for offset in range(4):
        HabitTick.objects.create(habit=habit, day=TODAY - timedelta(days=offset))

    page = alice_client.get("/habits/").content.decode()

    assert "4 days in a row." in page
    assert "Next milestone: 7 days." in page


# --- Sharing ------------------------------------------------------------------------------


def share(browser: Client, habit: Habit, shared: bool) -> None:
    form = {"cadence": DAILY, "reminder_time": "07:30"}
    if shared:
        form["shared_with_partner"] = "on"
    browser.post(f"/habits/{habit.id}/settings", form)


def test_a_habit_is_private_until_its_owner_shares_it(
    frozen_noon: object, couple: Couple, alice: User, alice_client: Client, bob_client: Client
) -> None:
    habit = Habit.objects.create(owner=alice, intervention_id=first_idea("micro-habit"))
    assert f'href="/habits/{habit.id}"' not in bob_client.get("/habits/").content.decode()
    assert bob_client.get(f"/habits/{habit.id}").status_code == 404

    share(alice_client, habit, shared=True)

    habit.refresh_from_db()
    assert habit.shared_in == couple
    assert habit.reminder_time.strftime("%H:%M") == "07:30"
    assert f'href="/habits/{habit.id}"' in bob_client.get("/habits/").content.decode()
    assert bob_client.get(f"/habits/{habit.id}").status_code == 200


def test_unsharing_a_habit_hides_it_from_the_partner(
    frozen_noon: object, couple: Couple, alice: User, alice_client: Client, bob_client: Client
) -> None:
    habit = Habit.objects.create(
        owner=alice, intervention_id=first_idea("micro-habit"), shared_in=couple
    )

    share(alice_client, habit, shared=False)

    assert bob_client.get(f"/habits/{habit.id}").status_code == 404


def test_unlinking_hides_shared_habits_and_a_later_partner_never_sees_them(
    frozen_noon: object, couple: Couple, alice: User, charlie: User, bob_client: Client
) -> None:
    habit = Habit.objects.create(
        owner=alice, intervention_id=first_idea("micro-habit"), shared_in=couple
    )

    do_unlink_couple(alice, NOON)
    Couple.objects.create(first=alice, second=charlie)

    assert bob_client.get(f"/habits/{habit.id}").status_code == 404
    assert signed_in_client(charlie).get(f"/habits/{habit.id}").status_code == 404


def test_on_your_own_a_habit_offers_no_sharing(
    frozen_noon: object, alice: User, alice_client: Client
) -> None:
    habit = Habit.objects.create(owner=alice, intervention_id=first_idea("micro-habit"))

    page = alice_client.get(f"/habits/{habit.id}").content.decode()

    assert "Reminder time in your calendar" in page
    assert "Share this habit" not in page


def test_after_unlinking_the_owner_no_longer_sees_the_habit_as_shared(
    frozen_noon: object, couple: Couple, alice: User, alice_client: Client
) -> None:
    habit = Habit.objects.create(
        owner=alice, intervention_id=first_idea("micro-habit"), shared_in=couple
    )
    assert "Shared with Bob." in alice_client.get("/habits/").content.decode()

    do_unlink_couple(alice, NOON)

    assert "Shared with" not in alice_client.get("/habits/").content.decode()
    assert "Share this habit" not in alice_client.get(f"/habits/{habit.id}").content.decode()


def test_the_navigation_leads_to_habits_the_progress_log_and_your_data(
    alice_client: Client,
) -> None:
    page = alice_client.get("/check-ins/").content.decode()

    for link in ('href="/habits/"', 'href="/progress/"', 'href="/my-data/"'):
        assert link in page


def test_a_habit_set_aside_cannot_be_ticked_until_picked_up_again(
    frozen_noon: object, alice: User, alice_client: Client
) -> None:
    habit = Habit.objects.create(
        owner=alice, intervention_id=first_idea("micro-habit"), stopped_at=NOON
    )

    alice_client.post(f"/habits/{habit.id}/tick")

    assert not HabitTick.objects.exists()
