"""Accounts: signing up (adults only, with the AI disclosure), passwords, signing in and out,
throttling, password reset by email, and the list of signed-in browsers."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import SignedInSession, User
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "lanterns over the harbour"


def sign_up_form(**changes: Any) -> dict[str, Any]:
    form = {
        "display_name": "Dana",
        "email": "dana@example.org",
        "password": GOOD_PASSWORD,
        "password_again": GOOD_PASSWORD,
        "confirmed_adult": "on",
        "accepted_ai_disclosure": "on",
    }
    form.update(changes)
    return {name: value for name, value in form.items() if value is not None}


def form_errors(response: Any, field: str) -> list[str]:
    return list(response.context["form"].errors.get(field, []))


def test_signing_up_creates_an_account_and_signs_the_person_in(client: Client) -> None:
    response = client.post("/accounts/sign-up", sign_up_form())

    assert response.status_code == 302
    # First a few private safety questions, which can be skipped; then today's check-in.
    assert response.headers["Location"] == "/privacy/questions?next=%2Fcheck-ins%2F&welcome=1"
    dana = User.objects.get(email="dana@example.org")
    assert dana.display_name == "Dana"
    assert dana.confirmed_adult_at is not None
    assert dana.ai_disclosure_accepted_at is not None
    assert client.get("/check-ins/").status_code == 200


def test_the_sign_up_page_shows_the_ai_disclosure_and_labels_every_input(client: Client) -> None:
    page = client.get("/accounts/sign-up").content.decode()

    assert "Rekindle is an AI coach, not a therapist" in page
    assert "18 or older" in page
    input_ids = re.findall(
        r'<input[^>]+type="(?:text|email|password|checkbox)"[^>]*id="([^"]+)"', page
    )
    assert len(input_ids) == 6
    for input_id in input_ids:
        assert f'for="{input_id}"' in page


def test_sign_up_is_refused_without_confirming_the_person_is_an_adult(client: Client) -> None:
    response = client.post("/accounts/sign-up", sign_up_form(confirmed_adult=None))

    assert response.status_code == 200
    assert form_errors(response, "confirmed_adult") == [
        "Rekindle is for adults only: please confirm that you are 18 or older."
    ]
    assert not User.objects.filter(email="dana@example.org").exists()


def test_sign_up_is_refused_until_the_ai_disclosure_is_acknowledged(client: Client) -> None:
    response = client.post("/accounts/sign-up", sign_up_form(accepted_ai_disclosure=None))

    assert form_errors(response, "accepted_ai_disclosure") == [
        "Please read and acknowledge what Rekindle is before you start."
    ]
    assert not User.objects.exists()


def test_a_password_shorter_than_twelve_characters_is_refused_with_a_clear_error(
    client: Client,
) -> None:
    response = client.post(
        "/accounts/sign-up", sign_up_form(password="short pass", password_again="short pass")
    )

    assert any("at least 12 characters" in error for error in form_errors(response, "password"))
    assert not User.objects.exists()


def test_a_common_password_is_refused_even_when_it_is_long_enough(client: Client) -> None:
    common = "password1234"  # long enough, and on every list of common passwords
    response = client.post(
        "/accounts/sign-up", sign_up_form(password=common, password_again=common)
    )

    assert any("too common" in error for error in form_errors(response, "password"))
    assert not User.objects.exists()


def test_a_long_passphrase_with_no_digits_or_capitals_is_accepted(client: Client) -> None:
    passphrase = "we still laugh at the same terrible jokes after all these years " * 2

    response = client.post(
        "/accounts/sign-up", sign_up_form(password=passphrase, password_again=passphrase)
    )

    assert response.status_code == 302
    assert User.objects.get(email="dana@example.org").check_password(passphrase)


def test_mismatched_passwords_are_pointed_out(client: Client) -> None:
    response = client.post("/accounts/sign-up", sign_up_form(password_again=GOOD_PASSWORD + "!"))

    assert form_errors(response, "password_again") == ["The two passwords are not the same."]


def test_an_email_can_only_have_one_account_whatever_its_capitals(
    client: Client, alice: User
) -> None:
    response = client.post("/accounts/sign-up", sign_up_form(email="Alice@Example.org"))

    assert form_errors(response, "email")[0].startswith("There is already an account")
    assert User.objects.count() == 1


def test_passwords_are_stored_as_argon2id_hashes_at_the_baseline_cost(alice: User) -> None:
    algorithm, variant, _version, parameters, *_ = alice.password.split("$")

    assert (algorithm, variant) == ("argon2", "argon2id")
    assert dict(pair.split("=") for pair in parameters.split(",")) == {
        "m": str(19 * 1024),
        "t": "2",
        "p": "1",
    }
    assert PASSWORD not in alice.password


def test_signing_in_with_the_right_password_starts_a_new_session(
    client: Client, alice: User
) -> None:
    client.get("/accounts/sign-in")
    anonymous_key = client.session.session_key

    response = client.post(
        "/accounts/sign-in", {"username": "ALICE@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(alice.pk)
    assert client.session.session_key != anonymous_key
    assert SignedInSession.objects.filter(user=alice).count() == 1


def test_a_wrong_password_gets_a_kind_error_and_no_session(client: Client, alice: User) -> None:
    response = client.post(
        "/accounts/sign-in", {"username": "alice@example.org", "password": "not her password"}
    )

    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_signing_in_is_paused_after_too_many_failures_for_one_account(
    client: Client, alice: User, settings: Settings
) -> None:
    limit = settings.AXES_FAILURE_LIMIT
    assert limit <= 100  # the baseline: at most 100 failures per hour per account
    for _ in range(limit):
        client.post("/accounts/sign-in", {"username": "alice@example.org", "password": "wrong"})

    response = client.post(
        "/accounts/sign-in", {"username": "Alice@Example.org", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert "too many unsuccessful attempts" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_pause_ends_after_an_hour(client: Client, alice: User, settings: Settings) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post("/accounts/sign-in", {"username": "alice@example.org", "password": "wrong"})
    with time_machine.travel(start + timedelta(hours=1, minutes=1), tick=False):
        response = client.post(
            "/accounts/sign-in", {"username": "alice@example.org", "password": PASSWORD}
        )

        assert response.status_code == 302
        assert client.session[SESSION_KEY] == str(alice.pk)


def test_failures_for_one_account_do_not_pause_another(
    client: Client, alice: User, bob: User, settings: Settings
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/sign-in", {"username": "alice@example.org", "password": "wrong"})

    response = client.post(
        "/accounts/sign-in", {"username": "bob@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302


def test_signing_out_ends_the_session_on_the_server(alice_client: Client, alice: User) -> None:
    old_key = alice_client.session.session_key

    response = alice_client.post("/accounts/sign-out")

    assert response.status_code == 302
    assert not SignedInSession.objects.filter(session_key=old_key).exists()
    stolen = Client()
    stolen.cookies["sessionid"] = old_key
    assert stolen.get("/check-ins/").status_code == 302


def test_signing_out_needs_a_form_post_with_its_csrf_token(alice: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)

    assert browser.get("/accounts/sign-out").status_code == 405
    assert browser.post("/accounts/sign-out").status_code == 403
    assert browser.get("/check-ins/").status_code == 200


def test_a_password_reset_email_carries_a_link_that_sets_a_new_password(
    client: Client, alice: User
) -> None:
    response = client.post("/accounts/password-reset", {"email": "alice@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    link = re.search(r"http://testserver(/accounts/password-reset/\S+)", mail.outbox[0].body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    new = "a brand new evening routine"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new)


def test_a_password_reset_for_an_unknown_email_looks_the_same_and_sends_nothing(
    client: Client,
) -> None:
    response = client.post("/accounts/password-reset", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/password-reset/sent"
    assert mail.outbox == []


def test_people_see_each_browser_they_are_signed_in_on(alice: User) -> None:
    laptop = Client(HTTP_USER_AGENT="Laptop browser")
    phone = Client(HTTP_USER_AGENT="Phone browser")
    for browser in (laptop, phone):
        browser.post("/accounts/sign-in", {"username": "alice@example.org", "password": PASSWORD})

    page = laptop.get("/accounts/sessions").content.decode()

    assert "Laptop browser" in page
    assert "Phone browser" in page
    assert page.count("Sign out this browser") == 2


def test_signing_out_another_browser_from_the_list_ends_its_session_at_once(alice: User) -> None:
    laptop = Client(HTTP_USER_AGENT="Laptop browser")
    phone = Client(HTTP_USER_AGENT="Phone browser")
    for browser in (laptop, phone):
        browser.post("/accounts/sign-in", {"username": "alice@example.org", "password": PASSWORD})
    phone_session = SignedInSession.objects.get(device="Phone browser")

    response = laptop.post(f"/accounts/sessions/{phone_session.id}/sign-out")

    assert response.status_code == 302
    assert phone.get("/check-ins/").status_code == 302
    assert laptop.get("/check-ins/").status_code == 200
    assert list(SignedInSession.objects.values_list("device", flat=True)) == ["Laptop browser"]


def test_signing_out_this_browser_from_the_list_signs_it_out(alice_client: Client) -> None:
    own = SignedInSession.objects.get()

    response = alice_client.post(f"/accounts/sessions/{own.id}/sign-out")

    assert response.headers["Location"] == "/accounts/signed-out"
    assert alice_client.get("/check-ins/").status_code == 302


def test_nobody_can_sign_out_someone_elses_browser(
    alice_client: Client, bob_client: Client, charlie_client: Client, couple: object
) -> None:
    alices_session = SignedInSession.objects.get(user__email="alice@example.org")

    for intruder in (bob_client, charlie_client):
        response = intruder.post(f"/accounts/sessions/{alices_session.id}/sign-out")
        assert response.status_code == 404
    assert alice_client.get("/check-ins/").status_code == 200


def test_a_browser_idle_for_more_than_thirty_minutes_is_signed_out(alice: User) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    browser = Client()
    with time_machine.travel(start, tick=False):
        browser.force_login(alice)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert browser.get("/check-ins/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=58), tick=False):
        assert browser.get("/check-ins/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=89), tick=False):
        response = browser.get("/check-ins/")
        sign_in_page = browser.get(response.headers["Location"]).content.decode()

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/sign-in?next=")
    assert "signed out after a while without activity" in sign_in_page
    assert not SignedInSession.objects.exists()


def test_a_browser_is_signed_out_twelve_hours_after_signing_in_however_active(
    alice: User,
) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    browser = Client()
    with time_machine.travel(start, tick=False):
        browser.force_login(alice)
    for quarter in range(1, 48):
        with time_machine.travel(start + timedelta(minutes=15 * quarter), tick=False):
            assert browser.get("/check-ins/").status_code == 200
    with time_machine.travel(start + timedelta(hours=12, minutes=1), tick=False):
        response = browser.get("/check-ins/")

    assert response.status_code == 302
    assert "/accounts/sign-in" in response.headers["Location"]


def test_session_cookies_are_http_only_and_same_site(client: Client, alice: User) -> None:
    client.post("/accounts/sign-in", {"username": "alice@example.org", "password": PASSWORD})

    cookie = client.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_setting_a_new_password_by_email_signs_out_every_other_browser(
    client: Client, alice: User
) -> None:
    phone = Client(HTTP_USER_AGENT="Phone browser")
    phone.post("/accounts/sign-in", {"username": "alice@example.org", "password": PASSWORD})
    client.post("/accounts/password-reset", {"email": "alice@example.org"})
    link = re.search(r"http://testserver(/accounts/password-reset/\S+)", mail.outbox[0].body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    new = "a brand new evening routine"

    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})

    assert phone.get("/check-ins/").status_code == 302
    assert not SignedInSession.objects.filter(user=alice).exists()


def test_the_session_list_leaves_out_browsers_that_have_timed_out(alice: User) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    laptop = Client(HTTP_USER_AGENT="Laptop browser")
    phone = Client(HTTP_USER_AGENT="Phone browser")
    credentials = {"username": "alice@example.org", "password": PASSWORD}
    with time_machine.travel(start, tick=False):
        phone.post("/accounts/sign-in", credentials)
        assert "Phone browser" in phone.get("/accounts/sessions").content.decode()
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        laptop.post("/accounts/sign-in", credentials)
        page = laptop.get("/accounts/sessions").content.decode()

    assert "Phone browser" not in page
    assert page.count("Sign out this browser") == 1
