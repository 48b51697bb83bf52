"""The calendar feed: a secret, revocable address that phones fetch without signing in."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.test import Client
from icalendar import Calendar
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.calendar.models import CalendarFeed
from rekindle.web.couples.models import Couple
from rekindle.web.habits.catalogue import habit_ideas
from rekindle.web.habits.models import WEEKLY, Habit

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def ideas(kind: str) -> list[str]:
    return [idea.id for idea in habit_ideas().values() if idea.kind == kind]


def make_address(browser: Client) -> str:
    """Ask for a new address and return its path, as the page shows it."""
    page = browser.post("/calendar/new-address").content.decode()
    match = re.search(r'value="http://testserver(/calendar/feed/[^"]+\.ics)"', page)
    assert match is not None, "the page shows the new address"
    return match.group(1)


def parse(response: object) -> Calendar:
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.headers["Content-Type"].startswith("text/calendar")  # type: ignore[attr-defined]
    return Calendar.from_ical(response.content)  # type: ignore[attr-defined]


@pytest.fixture
def alices_habits(alice: User) -> list[Habit]:
    daily_id = ideas("micro-habit")[0]
    weekly_id = ideas("exercise")[0]
    with time_machine.travel(NOON, tick=False):
        daily = Habit.objects.create(
            owner=alice, intervention_id=daily_id, reminder_time=time(7, 30)
        )
        weekly = Habit.objects.create(owner=alice, intervention_id=weekly_id, cadence=WEEKLY)
        Habit.objects.create(owner=alice, intervention_id=ideas("micro-habit")[1], stopped_at=NOON)
    return [daily, weekly]


def test_the_secret_address_serves_the_persons_rituals_without_signing_in(
    alices_habits: list[Habit], alice_client: Client
) -> None:
    path = make_address(alice_client)

    calendar = parse(Client().get(path))

    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    daily, weekly = alices_habits
    assert set(events) == {daily.title, weekly.title}  # not the habit set aside
    assert events[daily.title]["RRULE"]["FREQ"] == ["DAILY"]
    assert events[weekly.title]["RRULE"]["FREQ"] == ["WEEKLY"]
    assert events[daily.title].decoded("DTSTART").time() == time(7, 30)
    alarms = events[daily.title].walk("VALARM")
    assert [str(alarm["ACTION"]) for alarm in alarms] == ["DISPLAY"]
    assert alarms[0].decoded("TRIGGER") == timedelta(0)


def test_the_rituals_repeat_at_the_reminder_time_in_the_servers_time_zone(
    alices_habits: list[Habit], alice_client: Client, settings: Settings
) -> None:
    settings.TIME_ZONE = "Europe/Berlin"
    calendar = parse(Client().get(make_address(alice_client)))

    daily = next(e for e in calendar.walk("VEVENT") if e.decoded("DTSTART").hour == 7)
    start = daily.decoded("DTSTART")
    assert start.utcoffset() == timedelta(hours=1)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_the_feed_never_holds_the_partners_habits(
    couple: Couple, alice: User, bob: User, alice_client: Client
) -> None:
    bobs = Habit.objects.create(
        owner=bob, intervention_id=ideas("micro-habit")[0], shared_in=couple
    )

    calendar = parse(Client().get(make_address(alice_client)))

    assert bobs.title not in [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_a_wrong_token_is_not_found(alices_habits: list[Habit], alice_client: Client) -> None:
    path = make_address(alice_client)

    assert Client().get(path.replace(".ics", "x.ics")).status_code == 404


def test_a_revoked_address_stops_working(alices_habits: list[Habit], alice_client: Client) -> None:
    path = make_address(alice_client)

    alice_client.post("/calendar/revoke")

    assert Client().get(path).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_a_new_address_replaces_the_old_one(
    alices_habits: list[Habit], alice_client: Client
) -> None:
    old = make_address(alice_client)
    new = make_address(alice_client)

    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200


def test_only_a_digest_of_the_token_is_stored(alice_client: Client) -> None:
    path = make_address(alice_client)
    token = path.removeprefix("/calendar/feed/").removesuffix(".ics")

    feed = CalendarFeed.objects.get()
    assert len(token) >= 40
    assert token not in feed.token_digest
    assert len(feed.token_digest) == 64


def test_the_address_is_shown_only_when_it_is_made(alice_client: Client) -> None:
    path = make_address(alice_client)

    assert path not in alice_client.get("/calendar/").content.decode()


def test_each_persons_address_shows_their_own_habits(
    alices_habits: list[Habit], charlie: User, charlie_client: Client
) -> None:
    calendar = parse(Client().get(make_address(charlie_client)))

    assert calendar.walk("VEVENT") == []
