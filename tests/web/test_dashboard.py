"""The dashboard: check-in trend, habits and streaks, the latest report one may read, and a
next step, for someone on their own and for a couple."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.habits.models import Habit, HabitTick
from tests.web.analysis_support import finished_analysis

pytestmark = pytest.mark.django_db

HEADLINE = "Over 4 days and 14 messages"


def test_a_new_person_sees_gentle_starting_points(alice_client: Client) -> None:
    page = alice_client.get("/dashboard/").content.decode()

    assert "No check-ins this week yet" in page
    assert "No habits yet" in page
    assert "No report to show yet" in page


def test_solo_dashboard_shows_check_ins_habits_report_and_next_step(
    alice: User, alice_client: Client
) -> None:
    today = timezone.localdate()
    for back, mood in ((0, 4), (1, 2)):
        CheckIn.objects.create(
            author=alice, day=today - timedelta(days=back), mood=mood, connection=7
        )
    habit = Habit.objects.create(owner=alice, intervention_id="answer-the-bid")
    for back in range(3):
        HabitTick.objects.create(habit=habit, day=today - timedelta(days=back))
    finished_analysis(alice, None)

    page = alice_client.get("/dashboard/").content.decode()

    assert "checked in on 2 of 7 days" in page
    assert "Average mood 3.0 of 5" in page
    assert "3 days in a row" in page
    assert HEADLINE in page
    assert "A next step" in page and "Once there is a chat report" not in page


def test_the_next_step_skips_a_habit_already_taken_on(alice: User, alice_client: Client) -> None:
    finished_analysis(alice, None)
    first = alice_client.get("/dashboard/").content.decode()
    suggested = first.split("A next step</h2>", 1)[1].split("<strong>", 1)[1].split("</strong>")[0]

    from rekindle.web.habits.catalogue import habit_ideas

    idea = next(i for i in habit_ideas().values() if i.title == suggested)
    Habit.objects.create(owner=alice, intervention_id=idea.id)
    later = alice_client.get("/dashboard/").content.decode()

    assert f"<strong>{suggested}</strong> (" not in later


def test_in_a_couple_the_partners_report_shows_only_after_approval(
    alice: User, bob_client: Client, couple: Couple
) -> None:
    analysis = finished_analysis(alice, couple)

    before = bob_client.get("/dashboard/").content.decode()
    bob_client.post(f"/analyses/{analysis.id}/approve")
    after = bob_client.get("/dashboard/").content.decode()

    assert HEADLINE not in before
    assert "once you choose to read it" in before
    assert HEADLINE in after


def test_someone_else_never_sees_alices_report_on_their_dashboard(
    alice: User, charlie_client: Client, couple: Couple
) -> None:
    finished_analysis(alice, couple)

    page = charlie_client.get("/dashboard/").content.decode()

    assert HEADLINE not in page
    assert "No report to show yet" in page
