"""Couples: a single-use invitation link that expires, accepting it, withdrawing it, and
unlinking, which ends every shared view at once while each person keeps their own data."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from rekindle.web.access import partner_of
from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple, Invitation
from tests.web.conftest import signed_in_client

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def invite(browser: Client) -> str:
    """Create an invitation as this browser's person, and return the link's path."""
    page = browser.post("/couple/invite").content.decode()
    match = re.search(r"http://testserver(/couple/join/[A-Za-z0-9_-]+)", page)
    assert match is not None, "the invitation page shows the link"
    return match.group(1)


def test_a_partner_who_accepts_an_invitation_becomes_linked(
    alice_client: Client, bob_client: Client, alice: User, bob: User
) -> None:
    link = invite(alice_client)

    page = bob_client.get(link).content.decode()
    assert "Alice invited you" in page
    response = bob_client.post(link)

    assert response.status_code == 302
    assert partner_of(alice) == bob
    assert partner_of(bob) == alice
    assert "You and Bob" in alice_client.get("/couple/").content.decode()


def test_an_invitation_link_works_only_once(
    alice_client: Client, bob_client: Client, charlie_client: Client, alice: User, charlie: User
) -> None:
    link = invite(alice_client)
    bob_client.post(link)

    charlie_client.post(link)

    assert partner_of(charlie) is None
    assert Couple.objects.count() == 1
    assert "no longer works" in charlie_client.get(link).content.decode()


def test_an_invitation_link_expires_after_a_week(alice: User, bob: User) -> None:
    with time_machine.travel(START, tick=False):
        link = invite(signed_in_client(alice))
    with time_machine.travel(START + timedelta(days=7, minutes=1), tick=False):
        bob_browser = signed_in_client(bob)
        page = bob_browser.get(link).content.decode()
        response = bob_browser.post(link, follow=True)

    assert "no longer works" in page
    assert "has expired" in response.content.decode()
    assert partner_of(bob) is None


def test_an_invitation_link_still_works_just_before_it_expires(alice: User, bob: User) -> None:
    with time_machine.travel(START, tick=False):
        link = invite(signed_in_client(alice))
    with time_machine.travel(START + timedelta(days=6, hours=23), tick=False):
        signed_in_client(bob).post(link)

    assert partner_of(bob) == alice


def test_only_a_digest_of_the_invitation_token_is_stored(alice_client: Client) -> None:
    link = invite(alice_client)
    token = link.rsplit("/", 1)[1]

    invitation = Invitation.objects.get()
    assert token not in invitation.token_digest
    assert len(token) >= 40


def test_a_new_invitation_withdraws_the_previous_link(
    alice_client: Client, bob_client: Client, bob: User
) -> None:
    old_link = invite(alice_client)
    new_link = invite(alice_client)

    bob_client.post(old_link)
    assert partner_of(bob) is None
    bob_client.post(new_link)
    assert partner_of(bob) is not None


def test_a_withdrawn_invitation_no_longer_works(
    alice_client: Client, bob_client: Client, bob: User
) -> None:
    link = invite(alice_client)
    invitation = Invitation.objects.get()

    alice_client.post(f"/couple/invitations/{invitation.id}/withdraw")
    response = bob_client.post(link, follow=True)

    assert "was withdrawn" in response.content.decode()
    assert partner_of(bob) is None


def test_nobody_else_can_withdraw_alices_invitation(
    alice_client: Client, bob_client: Client, charlie_client: Client
) -> None:
    invite(alice_client)
    invitation = Invitation.objects.get()

    for intruder in (bob_client, charlie_client):
        assert intruder.post(f"/couple/invitations/{invitation.id}/withdraw").status_code == 404
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_people_cannot_accept_their_own_invitation(alice_client: Client, alice: User) -> None:
    link = invite(alice_client)

    response = alice_client.post(link, follow=True)

    assert "your own invitation link" in response.content.decode()
    assert partner_of(alice) is None


def test_someone_already_linked_cannot_accept_another_invitation(
    couple: Couple, bob_client: Client, charlie_client: Client, bob: User
) -> None:
    link = invite(charlie_client)

    response = bob_client.post(link, follow=True)

    assert "already linked" in response.content.decode()
    assert Couple.objects.filter(unlinked_at__isnull=True).count() == 1


def test_someone_already_linked_cannot_create_an_invitation(
    couple: Couple, alice_client: Client
) -> None:
    response = alice_client.post("/couple/invite", follow=True)

    assert "already linked" in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_unknown_invitation_token_is_not_found(bob_client: Client) -> None:
    assert bob_client.get("/couple/join/not-a-real-token").status_code == 404


def test_an_anonymous_visitor_with_a_link_is_asked_to_sign_in_first(
    client: Client, alice_client: Client
) -> None:
    link = invite(alice_client)

    response = client.get(link)

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/sign-in?next=/couple/join/")


def test_unlinking_ends_the_couple_for_both_at_once(
    couple: Couple, alice_client: Client, alice: User, bob: User
) -> None:
    response = alice_client.post("/couple/unlink")

    assert response.status_code == 302
    assert partner_of(alice) is None
    assert partner_of(bob) is None


def test_unlinking_revokes_the_partners_view_of_shared_check_ins_at_once(
    couple: Couple, alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    day = datetime(2026, 3, 2).date()
    shared = CheckIn.objects.create(
        author=alice, day=day, mood=4, connection=8, shared_with_partner=True, couple=couple
    )
    assert bob_client.get(f"/check-ins/{shared.id}").status_code == 200

    alice_client.post("/couple/unlink")

    assert bob_client.get(f"/check-ins/{shared.id}").status_code == 404


def test_after_unlinking_each_person_keeps_their_own_check_ins(
    couple: Couple, alice: User, bob_client: Client, alice_client: Client
) -> None:
    day = datetime(2026, 3, 2).date()
    own = CheckIn.objects.create(
        author=alice, day=day, mood=2, connection=3, note="A tiring day.", couple=couple
    )

    bob_client.post("/couple/unlink")

    page = alice_client.get(f"/check-ins/{own.id}").content.decode()
    assert "A tiring day." in page


def test_the_unlink_page_explains_what_happens_before_anything_changes(
    couple: Couple, alice_client: Client, alice: User
) -> None:
    page = alice_client.get("/couple/unlink").content.decode()

    assert "Unlink from Bob?" in page
    assert "keeps everything you wrote" in page
    assert partner_of(alice) is not None


def test_a_couple_can_link_again_after_unlinking(
    couple: Couple, alice_client: Client, bob_client: Client, alice: User, bob: User
) -> None:
    alice_client.post("/couple/unlink")
    link = invite(bob_client)

    alice_client.post(link)

    assert partner_of(alice) == bob
