"""Data rights: export everything of one's own, and delete one's account and all of it."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from rekindle.web.accounts.models import SignedInSession, User
from rekindle.web.calendar.actions import do_create_calendar_feed
from rekindle.web.calendar.models import CalendarFeed
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple, Invitation
from rekindle.web.habits.models import Habit, HabitTick
from rekindle.web.progress.models import ProgressEntry
from tests.web.conftest import PASSWORD, signed_in_client

pytestmark = pytest.mark.django_db

ALICES_NOTE = "Alice's own note, for her eyes only."
BOBS_NOTE = "Bob's private note that Alice must never get."
ALICES_ENTRY = "We cooked together on Sunday."
BOBS_ENTRY = "Mornings are rushed for Bob."
DAY = date(2026, 3, 4)


@pytest.fixture
def everything(alice: User, bob: User, couple: Couple) -> None:
    """Alice and Bob, linked, each with a bit of everything."""
    for person, note, entry in ((alice, ALICES_NOTE, ALICES_ENTRY), (bob, BOBS_NOTE, BOBS_ENTRY)):
        CheckIn.objects.create(
            author=person, day=DAY, mood=3, connection=6, note=note, couple=couple
        )
        habit = Habit.objects.create(owner=person, intervention_id="answer-the-bid")
        HabitTick.objects.create(habit=habit, day=DAY)
        ProgressEntry.objects.create(author=person, couple=couple, kind="win", text=entry, day=DAY)
        Invitation.objects.create(
            inviter=person,
            token_digest=f"{person.id:064d}",
            expires_at=timezone.now() + timedelta(days=1),
        )
        do_create_calendar_feed(person, timezone.now())


def rows_of(person: User) -> dict[str, int]:
    return {
        "check-ins": CheckIn.objects.filter(author=person).count(),
        "habits": Habit.objects.filter(owner=person).count(),
        "ticks": HabitTick.objects.filter(habit__owner=person).count(),
        "progress entries": ProgressEntry.objects.filter(author=person).count(),
        "invitations": Invitation.objects.filter(inviter=person).count(),
        "calendar feeds": CalendarFeed.objects.filter(owner=person).count(),
        "signed-in browsers": SignedInSession.objects.filter(user=person).count(),
    }


# --- Export -------------------------------------------------------------------------------


def download(browser: Client) -> dict[str, object]:
    response = browser.get("/my-data/export.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)  # type: ignore[no-any-return]


def test_the_export_holds_alices_private_note_decrypted(
    everything: None, alice_client: Client
) -> None:
    exported = download(alice_client)

    assert exported["account"]["email"] == "alice@example.org"  # type: ignore[index]
    assert [c["note"] for c in exported["check_ins"]] == [ALICES_NOTE]  # type: ignore[attr-defined]
    assert [e["text"] for e in exported["progress_entries"]] == [ALICES_ENTRY]  # type: ignore[attr-defined]
    habit = exported["habits"][0]  # type: ignore[index]
    assert (habit["intervention"], habit["ticked_days"]) == ("answer-the-bid", ["2026-03-04"])
    assert len(exported["signed_in_browsers"]) == 1  # type: ignore[arg-type]
    assert len(exported["invitations_sent"]) == 1  # type: ignore[arg-type]


def test_the_export_holds_nothing_bob_wrote(everything: None, alice_client: Client) -> None:
    raw = alice_client.get("/my-data/export.json").content.decode()

    assert BOBS_NOTE not in raw
    assert BOBS_ENTRY not in raw
    assert "bob@example.org" not in raw


def test_bobs_export_is_his_own(everything: None, bob_client: Client) -> None:
    exported = download(bob_client)

    assert [c["note"] for c in exported["check_ins"]] == [BOBS_NOTE]  # type: ignore[attr-defined]
    assert ALICES_NOTE not in json.dumps(exported)


# --- Deletion -----------------------------------------------------------------------------


def test_deleting_removes_every_row_of_alices_and_leaves_bobs_intact(
    everything: None, alice: User, bob: User, alice_client: Client
) -> None:
    bobs_rows = rows_of(bob)

    response = alice_client.post("/my-data/delete", {"password": PASSWORD})

    assert response.headers["Location"] == "/my-data/deleted"
    assert not User.objects.filter(email="alice@example.org").exists()
    assert set(rows_of(alice).values()) == {0}
    assert rows_of(bob) == bobs_rows
    assert CheckIn.objects.get(author=bob).note == BOBS_NOTE
    assert ProgressEntry.objects.get(author=bob).text == BOBS_ENTRY


def test_deleting_unlinks_the_partner(
    everything: None, bob: User, alice_client: Client, bob_client: Client
) -> None:
    alice_client.post("/my-data/delete", {"password": PASSWORD})

    assert not Couple.objects.exists()
    page = bob_client.get("/progress/").content.decode()
    assert BOBS_ENTRY in page
    assert ALICES_ENTRY not in page


def test_deleting_signs_alice_out_everywhere_and_bob_nowhere(
    everything: None, alice: User, bob_client: Client
) -> None:
    laptop = signed_in_client(alice)
    phone = signed_in_client(alice)
    assert Session.objects.count() == 3

    laptop.post("/my-data/delete", {"password": PASSWORD})

    assert Session.objects.count() == 1
    assert not SignedInSession.objects.filter(user_id=alice.id).exists()
    assert phone.get("/check-ins/").status_code == 302
    assert laptop.get("/check-ins/").status_code == 302
    assert bob_client.get("/check-ins/").status_code == 200


def test_deleting_asks_for_the_right_password(
    everything: None, alice: User, alice_client: Client
) -> None:
    before = rows_of(alice)

    response = alice_client.post("/my-data/delete", {"password": "not my password"})

    assert response.status_code == 200
    assert "That password is not right" in response.content.decode()
    assert rows_of(alice) == before
    assert alice_client.get("/check-ins/").status_code == 200


def test_the_delete_page_labels_its_password_field(alice_client: Client) -> None:
    page = alice_client.get("/my-data/delete").content.decode()

    assert '<label for="id_password">' in page
    assert "cannot be undone" in page
