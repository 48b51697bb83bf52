"""Daily check-ins: writing one, the appreciation that waits for both partners, streaks and
the weekly review."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.checkins.streaks import current_streak, longest_streak
from rekindle.web.couples.models import Couple

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 4)
NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def days_back(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=offset) for offset in offsets]


@pytest.fixture
def frozen_noon() -> object:
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def check_in(browser: Client, **fields: object) -> object:
    form = {"mood": 4, "connection": 7, **fields}
    return browser.post("/check-ins/", form)


# --- Writing a check-in -------------------------------------------------------------------


def test_a_check_in_records_mood_connection_and_a_private_note(
    frozen_noon: object, alice_client: Client, alice: User
) -> None:
    response = check_in(alice_client, mood=3, connection=6, note="Quiet dinner together.")

    assert response.status_code == 302
    saved = CheckIn.objects.get(author=alice)
    assert (saved.day, saved.mood, saved.connection) == (TODAY, 3, 6)
    assert saved.note == "Quiet dinner together."
    assert saved.shared_with_partner is False


def test_checking_in_again_the_same_day_updates_the_check_in(
    frozen_noon: object, alice_client: Client, alice: User
) -> None:
    check_in(alice_client, mood=2)
    check_in(alice_client, mood=5)

    assert list(CheckIn.objects.filter(author=alice).values_list("mood", flat=True)) == [5]


def test_mood_and_connection_outside_their_scales_are_refused(
    frozen_noon: object, alice_client: Client
) -> None:
    response = check_in(alice_client, mood=6, connection=11)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "mood" in errors
    assert "connection" in errors
    assert not CheckIn.objects.exists()


def test_on_your_own_the_check_in_asks_for_no_appreciation_or_sharing(
    alice_client: Client,
) -> None:
    page = alice_client.get("/check-ins/").content.decode()

    assert "How is your mood today?" in page
    assert "Something you appreciated about your partner" not in page
    assert "Share today" not in page


def test_with_a_partner_the_check_in_offers_an_appreciation_and_sharing(
    couple: Couple, alice_client: Client
) -> None:
    page = alice_client.get("/check-ins/").content.decode()

    assert "Something you appreciated about your partner" in page
    assert "Share today&#x27;s mood, connection and note with my partner" in page


def test_an_appreciation_written_on_your_own_is_not_kept_for_a_later_partner(
    frozen_noon: object, alice_client: Client, alice: User
) -> None:
    check_in(alice_client, appreciation="for nobody yet", shared_with_partner="on")

    saved = CheckIn.objects.get(author=alice)
    assert saved.appreciation == ""
    assert saved.shared_with_partner is False


# --- The appreciation reveal --------------------------------------------------------------


def test_an_appreciation_stays_hidden_until_the_partner_writes_one_too(
    frozen_noon: object, couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    check_in(alice_client, appreciation="Thank you for the coffee in bed.")

    page = bob_client.get("/check-ins/").content.decode()

    assert "Thank you for the coffee in bed." not in page
    assert "Appreciations appear here once you have both written one today." in page


def test_both_appreciations_show_once_both_partners_wrote_one_that_day(
    frozen_noon: object, couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    check_in(alice_client, appreciation="Thank you for the coffee in bed.")
    check_in(bob_client, appreciation="You made me laugh on a hard day.")

    assert "Thank you for the coffee in bed." in bob_client.get("/check-ins/").content.decode()
    assert "You made me laugh on a hard day." in alice_client.get("/check-ins/").content.decode()


def test_an_appreciation_from_yesterday_does_not_unlock_todays(
    couple: Couple, alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    CheckIn.objects.create(
        author=bob,
        day=TODAY - timedelta(days=1),
        mood=3,
        connection=5,
        appreciation="Yesterday's thanks.",
        couple=couple,
    )
    with time_machine.travel(NOON, tick=False):
        check_in(alice_client, appreciation="Today's thanks.")
        page = bob_client.get("/check-ins/").content.decode()

    assert "Today&#x27;s thanks." not in page


def test_sharing_a_check_in_shows_the_partner_mood_connection_and_note(
    frozen_noon: object, couple: Couple, alice_client: Client, bob_client: Client, alice: User
) -> None:
    check_in(alice_client, mood=2, connection=4, note="Work is heavy.", shared_with_partner="on")
    shared = CheckIn.objects.get(author=alice)

    page = bob_client.get(f"/check-ins/{shared.id}").content.decode()

    assert "Alice&rsquo;s check-in" in page
    assert "2 out of 5" in page
    assert "Work is heavy." in page


def test_an_appreciation_alone_never_reveals_the_private_note(
    frozen_noon: object, couple: Couple, alice_client: Client, bob_client: Client, alice: User
) -> None:
    check_in(alice_client, note="Private worry.", appreciation="Thanks for listening.")
    check_in(bob_client, appreciation="Thanks for the walk.")
    alices = CheckIn.objects.get(author=alice)

    page = bob_client.get(f"/check-ins/{alices.id}").content.decode()

    assert "Thanks for listening." in page
    assert "Private worry." not in page
    assert "out of 5" not in page


# --- Streaks ------------------------------------------------------------------------------


def test_a_streak_counts_consecutive_days_up_to_today() -> None:
    assert current_streak(days_back(0, 1, 2, 4), TODAY) == 3


def test_a_streak_that_reached_yesterday_still_counts_before_todays_check_in() -> None:
    assert current_streak(days_back(1, 2), TODAY) == 2


def test_a_missed_day_before_yesterday_breaks_the_streak() -> None:
    assert current_streak(days_back(2, 3, 4), TODAY) == 0


def test_no_check_ins_means_no_streak() -> None:
    assert current_streak([], TODAY) == 0
    assert longest_streak([]) == 0


def test_the_longest_streak_is_the_longest_run_ever() -> None:
    assert longest_streak(days_back(0, 1, 5, 6, 7, 8, 20)) == 4


def test_the_longest_streak_runs_across_a_month_end() -> None:
    assert longest_streak([date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1)]) == 3


def test_the_today_page_shows_the_streak(alice: User, alice_client: Client) -> None:
    for offset in (1, 2, 3):
        CheckIn.objects.create(
            author=alice, day=TODAY - timedelta(days=offset), mood=3, connection=5
        )
    with time_machine.travel(NOON, tick=False):
        page = alice_client.get("/check-ins/").content.decode()

    assert "You have checked in 3 days in a row." in page


# --- Weekly review ------------------------------------------------------------------------


def test_the_weekly_review_compares_this_week_with_the_one_before(
    alice: User, alice_client: Client
) -> None:
    for offset, mood, connection in [(0, 4, 8), (2, 5, 6), (8, 2, 3), (10, 3, 5)]:
        CheckIn.objects.create(
            author=alice, day=TODAY - timedelta(days=offset), mood=mood, connection=connection
        )
    with time_machine.travel(NOON, tick=False):
        response = alice_client.get("/check-ins/review")

    review = response.context["review"]
    assert review.check_in_count == 2
    assert (review.average_mood, review.average_connection) == (4.5, 7.0)
    assert (review.previous_average_mood, review.previous_average_connection) == (2.5, 4.0)
    assert [row.day for row in review.days][-1] == TODAY
    page = response.content.decode()
    assert "2 check-ins out of 7 days" in page
    assert 'src="/check-ins/review/mood.svg"' in page


def test_the_trend_chart_is_an_svg_image_of_your_own_check_ins(
    alice: User, alice_client: Client, bob: User
) -> None:
    CheckIn.objects.create(author=alice, day=TODAY, mood=4, connection=9)
    with time_machine.travel(NOON, tick=False):
        response = alice_client.get("/check-ins/review/connection.svg")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<svg" in svg
    assert "Felt connection, 1 to 10" in svg
    assert re.search(r'(?:href|src)="(?:https?:)?//', svg) is None


def test_an_unknown_chart_is_not_found(alice_client: Client) -> None:
    assert alice_client.get("/check-ins/review/secrets.svg").status_code == 404
