"""The progress log: shared within the couple, private from everyone else, and each person's
own entries stay theirs after unlinking."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.couples.actions import do_unlink_couple
from rekindle.web.couples.models import Couple
from rekindle.web.progress.models import ProgressEntry

pytestmark = pytest.mark.django_db

ALICES_WIN = "We walked to the lake and talked the whole way."
BOBS_CHALLENGE = "Evenings get swallowed by screens."


def add(browser: Client, kind: str, text: str) -> object:
    return browser.post("/progress/", {"kind": kind, "text": text})


def test_both_partners_add_to_one_log_and_both_see_everything(
    couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    add(alice_client, "win", ALICES_WIN)
    add(bob_client, "challenge", BOBS_CHALLENGE)

    for browser in (alice_client, bob_client):
        page = browser.get("/progress/").content.decode()
        assert ALICES_WIN in page
        assert BOBS_CHALLENGE in page


def test_charlie_sees_nothing_of_the_couples_log(
    couple: Couple, alice_client: Client, charlie_client: Client
) -> None:
    add(alice_client, "win", ALICES_WIN)
    entry = ProgressEntry.objects.get()

    assert ALICES_WIN not in charlie_client.get("/progress/").content.decode()
    assert charlie_client.get(f"/progress/{entry.id}").status_code == 404
    assert charlie_client.post(f"/progress/{entry.id}/delete").status_code == 404
    assert ProgressEntry.objects.filter(id=entry.id).exists()


def test_only_the_writer_may_delete_an_entry(
    couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    add(alice_client, "win", ALICES_WIN)
    entry = ProgressEntry.objects.get()

    assert bob_client.post(f"/progress/{entry.id}/delete").status_code == 404
    assert ProgressEntry.objects.filter(id=entry.id).exists()

    alice_client.post(f"/progress/{entry.id}/delete")
    assert not ProgressEntry.objects.filter(id=entry.id).exists()


def test_after_unlinking_each_keeps_only_the_entries_they_wrote(
    couple: Couple, alice: User, alice_client: Client, bob_client: Client
) -> None:
    add(alice_client, "win", ALICES_WIN)
    add(bob_client, "challenge", BOBS_CHALLENGE)

    do_unlink_couple(alice, couple.linked_at)

    alices_page = alice_client.get("/progress/").content.decode()
    bobs_page = bob_client.get("/progress/").content.decode()
    assert ALICES_WIN in alices_page
    assert BOBS_CHALLENGE not in alices_page
    assert BOBS_CHALLENGE in bobs_page
    assert ALICES_WIN not in bobs_page


def test_a_new_partner_never_sees_the_log_of_an_earlier_couple(
    couple: Couple, alice: User, charlie: User, bob_client: Client, charlie_client: Client
) -> None:
    add(bob_client, "challenge", BOBS_CHALLENGE)
    do_unlink_couple(alice, couple.linked_at)
    Couple.objects.create(first=alice, second=charlie)

    assert BOBS_CHALLENGE not in charlie_client.get("/progress/").content.decode()


def test_an_entry_written_alone_is_private_to_its_writer(
    alice_client: Client, bob: User, bob_client: Client
) -> None:
    add(alice_client, "win", ALICES_WIN)
    entry = ProgressEntry.objects.get()
    assert entry.couple is None

    Couple.objects.create(first=entry.author, second=bob)

    assert bob_client.get(f"/progress/{entry.id}").status_code == 404


def test_the_text_is_encrypted_at_rest(alice_client: Client) -> None:
    add(alice_client, "win", ALICES_WIN)

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM progress_progressentry")
        (stored,) = cursor.fetchone()

    assert ALICES_WIN not in stored
    assert ProgressEntry.objects.get().text == ALICES_WIN


def test_an_empty_entry_is_refused_with_a_message(alice_client: Client) -> None:
    response = add(alice_client, "win", "   ")

    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "text" in response.context["form"].errors  # type: ignore[attr-defined]
    assert not ProgressEntry.objects.exists()


def test_every_field_of_the_form_has_a_label(alice_client: Client) -> None:
    page = alice_client.get("/progress/").content.decode()

    assert '<label for="id_kind">' in page
    assert '<label for="id_text">' in page


def test_the_entry_is_dated_today_in_the_servers_time_zone(
    alice_client: Client, settings: Settings
) -> None:
    settings.TIME_ZONE = "Pacific/Auckland"

    with time_machine.travel(datetime(2026, 3, 4, 20, 0, tzinfo=UTC), tick=False):
        add(alice_client, "challenge", BOBS_CHALLENGE)

    assert ProgressEntry.objects.get().day == date(2026, 3, 5)
