"""The "AI, not a person" notice in the web app: shown at first use, after three hours of
continuous use, after seven days away and whenever someone asks, with the clock frozen and
moved by time-machine; dismissed with "I understand"; private to each person."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.template import Context, Template
from django.test import Client, RequestFactory

from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.data.actions import do_delete_account
from rekindle.web.disclosures.models import DisclosureState
from rekindle.web.disclosures.notice import disclosure_reply_for
from tests.web.conftest import signed_in_client

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NOTICE_TITLE = "You are using an AI, not talking to a person"


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def notice_on(browser: Client, path: str = "/check-ins/") -> str | None:
    """The reason of the notice on the page, or None when the page shows none."""
    response = browser.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    if NOTICE_TITLE not in page:
        return None
    return page.split('data-reason="', 1)[1].split('"', 1)[0]


def dismiss(browser: Client) -> None:
    response = browser.post("/disclosure/dismiss", {"next": "/check-ins/"})
    assert response.status_code == 302
    assert response["Location"] == "/check-ins/"


def use_for(browser: Client, clock: time_machine.Coordinates, how_long: timedelta) -> None:
    """Open a page every 19 minutes (shorter than a break) until ``how_long`` has passed."""
    step = timedelta(minutes=19)
    used = timedelta(0)
    while used + step < how_long:
        clock.shift(step)
        used += step
        assert notice_on(browser) is None
    clock.shift(how_long - used)


def test_the_notice_shows_at_first_use_and_stays_until_dismissed(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)

    page = browser.get("/check-ins/").content.decode()
    assert NOTICE_TITLE in page
    assert "Before you start" in page
    assert "not a person" in page
    assert "not a substitute for therapy" in page
    clock.shift(timedelta(minutes=5))
    assert notice_on(browser, "/habits/") == "first_use"

    dismiss(browser)

    assert notice_on(browser) is None
    state = DisclosureState.objects.get(user=alice)
    assert state.first_seen_at == START
    assert state.last_shown_at == START
    assert state.showing == ""


def test_the_notice_is_not_shown_again_after_2h59_of_continuous_use(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)
    assert notice_on(browser) == "first_use"
    dismiss(browser)

    use_for(browser, clock, timedelta(hours=2, minutes=59))

    assert notice_on(browser) is None


def test_the_notice_is_shown_again_after_3h01_of_continuous_use(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)
    assert notice_on(browser) == "first_use"
    dismiss(browser)

    use_for(browser, clock, timedelta(hours=3, minutes=1))

    page = browser.get("/check-ins/").content.decode()
    assert 'data-reason="continuous_use"' in page
    assert "You have been using Rekindle for a while" in page


@pytest.mark.parametrize(("days_away", "due"), [(6, None), (8, "returning")])
def test_the_notice_is_shown_again_after_seven_days_away(
    alice: User, clock: time_machine.Coordinates, days_away: int, due: str | None
) -> None:
    browser = signed_in_client(alice)
    assert notice_on(browser) == "first_use"
    dismiss(browser)

    clock.shift(timedelta(days=days_away))
    # The old session has long expired: the person signs in again.
    browser = signed_in_client(alice)

    assert notice_on(browser) == due
    if due:
        assert "Welcome back" in browser.get("/check-ins/").content.decode()


def test_asking_whether_a_person_is_there_shows_the_notice_on_the_next_page(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)
    assert notice_on(browser) == "first_use"
    dismiss(browser)
    clock.shift(timedelta(minutes=10))

    response = browser.post(
        "/check-ins/",
        {"mood": "3", "connection": "6", "note": "Are you a real person reading this?"},
        follow=True,
    )

    page = response.content.decode()
    assert 'data-reason="asked"' in page
    assert "You asked whether you are talking to a person. You are not." in page
    assert CheckIn.objects.filter(author=alice).count() == 1  # the check-in itself was saved


def test_a_question_in_a_form_that_is_refused_shows_the_notice_on_that_very_page(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)
    assert notice_on(browser) == "first_use"
    dismiss(browser)

    response = browser.post("/progress/", {"kind": "not a kind", "text": "am I talking to a bot"})

    assert response.status_code == 200
    assert 'data-reason="asked"' in response.content.decode()


def test_an_ordinary_form_does_not_bring_the_notice_back(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)
    assert notice_on(browser) == "first_use"
    dismiss(browser)

    browser.post("/progress/", {"kind": "win", "text": "A real person-to-person talk tonight."})

    assert notice_on(browser, "/progress/") is None


def test_a_password_is_never_read_for_questions(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)
    assert notice_on(browser) == "first_use"
    dismiss(browser)

    browser.post("/my-data/delete", {"password": "are you a real person"})

    assert notice_on(browser) is None


def test_each_person_has_their_own_notice(
    alice: User, bob: User, clock: time_machine.Coordinates
) -> None:
    alices, bobs = signed_in_client(alice), signed_in_client(bob)
    assert notice_on(alices) == "first_use"
    dismiss(alices)
    alices.post("/progress/", {"kind": "win", "text": "is this a human?"})

    assert notice_on(alices) == "asked"
    assert notice_on(bobs) == "first_use"
    dismiss(bobs)
    assert notice_on(bobs) is None
    assert notice_on(alices) == "asked"


def test_a_visitor_gets_the_standing_disclosure_and_no_record(client: Client, db: None) -> None:
    page = client.get("/").content.decode()

    assert NOTICE_TITLE not in page
    assert "Rekindle is an AI coach, not a therapist or a substitute for therapy." in page
    assert DisclosureState.objects.count() == 0


def test_the_health_check_is_not_a_visit(alice: User) -> None:
    signed_in_client(alice).get("/health")

    assert not DisclosureState.objects.filter(user=alice).exists()


def test_dismissing_goes_back_only_to_a_page_of_rekindle(alice: User) -> None:
    browser = signed_in_client(alice)
    browser.get("/check-ins/")

    response = browser.post("/disclosure/dismiss", {"next": "https://elsewhere.example/"})

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_dismissing_needs_a_post() -> None:
    assert Client().get("/disclosure/dismiss").status_code == 405


def test_the_record_goes_with_the_account(alice: User) -> None:
    signed_in_client(alice).get("/check-ins/")
    assert DisclosureState.objects.filter(user=alice).exists()

    do_delete_account(alice)

    assert not DisclosureState.objects.exists()


def test_views_can_answer_a_question_in_their_own_words() -> None:
    reply = disclosure_reply_for("wait, am I talking to a bot?")

    assert reply is not None
    assert reply.startswith("You asked whether you are talking to a person. You are not.")
    assert "not a therapist" in reply
    assert disclosure_reply_for("we talked about the bot vacuum") is None


def test_the_record_is_in_the_persons_data_export(
    alice: User, clock: time_machine.Coordinates
) -> None:
    browser = signed_in_client(alice)
    browser.get("/check-ins/")
    dismiss(browser)

    exported = json.loads(browser.get("/my-data/export.json").content)

    assert exported["ai_notice"] == {
        "first_seen_at": START.isoformat(),
        "last_seen_at": START.isoformat(),
        "use_began_at": START.isoformat(),
        "last_shown_at": START.isoformat(),
        "showing": None,
    }


@pytest.mark.parametrize(
    ("view_name", "shown"), [("checkins:today", True), ("safety:response", False)]
)
def test_the_notice_waits_on_a_page_whose_own_message_comes_first(
    alice: User, view_name: str, shown: bool
) -> None:
    request = RequestFactory().get("/")
    request.user = alice
    request.ai_notice = "first_use"  # type: ignore[attr-defined]
    request.resolver_match = SimpleNamespace(view_name=view_name)  # type: ignore[assignment]

    page = Template("{% load disclosures %}{% ai_notice %}").render(
        Context({"request": request, "csrf_token": "token"})
    )

    assert (NOTICE_TITLE in page) is shown
