"""Every field people write in is screened, on the pages and through the API: a flagged text
is saved held (private to its writer, whatever they asked), the writer sees the safety
response first, and may then share it as a second, deliberate step, except text that uses
abuse and anything while a pause lasts. Nothing is half-written and nothing fails."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.api.actions import do_create_api_token
from rekindle.web.checkins.actions import do_save_check_in
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.safety.models import HeldItem, SafetyEvent, SafetyProfile
from rekindle.web.safety.state import held_items_of
from tests.web.safety_support import (
    BEING_HURT,
    CONCERN_SCREENING,
    CRISIS_TEXT,
    CRISIS_TEXTS,
    ORDINARY,
    THREAT,
    USING_SCREENING,
    api,
    held_kinds,
    raw_column,
    screen_as,
    screen_fails,
    state,
    token_client,
)

pytestmark = pytest.mark.django_db

BOBS_THANKS = "Thank you for the coffee in bed."


@pytest.fixture(autouse=True)
def in_the_us(settings: Settings) -> None:
    settings.COUNTRY = "US"


@pytest.fixture
def linked(couple: Couple, bob: User) -> Couple:
    """Alice and Bob are a couple, and Bob wrote his appreciation today already."""
    do_save_check_in(
        bob,
        timezone.localdate(),
        mood=4,
        connection=7,
        appreciation=BOBS_THANKS,
        now=timezone.now(),
    )
    return couple


def post_check_in(browser: Client, **fields: str) -> Any:
    form = {"mood": "2", "connection": "3", **fields}
    return browser.post("/check-ins/", form)


def followed(browser: Client, response: Any) -> str:
    assert response.status_code == 302, response.content[:500]
    return browser.get(response.headers["Location"]).content.decode()


# --- A crisis, in every field, through the pages -----------------------------------------

FIELDS = {
    "private note": lambda text: ("/check-ins/", {"mood": "2", "connection": "3", "note": text}),
    "shared note": lambda text: (
        "/check-ins/",
        {"mood": "2", "connection": "3", "note": text, "shared_with_partner": "on"},
    ),
    "appreciation": lambda text: (
        "/check-ins/",
        {"mood": "2", "connection": "3", "appreciation": text},
    ),
    "progress entry": lambda text: ("/progress/", {"kind": "challenge", "text": text}),
}


@pytest.mark.parametrize("text", CRISIS_TEXTS)
@pytest.mark.parametrize("field", list(FIELDS))
def test_crisis_text_in_any_field_brings_the_crisis_card_and_a_pause(
    field: str, text: str, alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    path, form = FIELDS[field](text)

    response = alice_client.post(path, form)

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/privacy/responses/")
    card = followed(alice_client, response)
    assert "Let&rsquo;s pause for a moment" in card
    assert "988" in card and "911" in card  # the US lines, from the country setting
    assert "Thank you for checking in" not in card
    assert state(alice).crisis_pause and state(alice).sharing_paused
    assert SafetyEvent.objects.filter(owner=alice).count() == 1
    # Bob sees nothing of it, anywhere.
    for page in ("/check-ins/", "/progress/", "/dashboard/", "/api/check-ins/today"):
        assert text not in bob_client.get(page).content.decode()


def test_a_crisis_in_a_shared_note_keeps_the_check_in_private(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    post_check_in(alice_client, note=CRISIS_TEXT, shared_with_partner="on")

    check_in = CheckIn.objects.get(author=alice)
    assert check_in.note == CRISIS_TEXT  # saved, for its writer
    assert check_in.shared_with_partner is False
    assert held_kinds(alice) == ["check_in_share"]
    assert bob_client.get(f"/check-ins/{check_in.id}").status_code == 404


def test_a_flagged_appreciation_waits_like_one_not_written_yet(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    post_check_in(alice_client, appreciation=CRISIS_TEXT)

    check_in = CheckIn.objects.get(author=alice)
    assert check_in.appreciation == ""
    assert held_kinds(alice) == ["appreciation"]
    bobs_page = bob_client.get("/check-ins/").content.decode()
    assert "Appreciations appear here once you have both written one today." in bobs_page
    assert CRISIS_TEXT not in bobs_page
    # Its writer still finds it in her form, kept private.
    alices_page = alice_client.get("/check-ins/").content.decode()
    assert CRISIS_TEXT in alices_page
    assert "kept private" in alices_page.lower()


def test_a_flagged_progress_entry_is_kept_out_of_the_shared_log(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    alice_client.post("/progress/", {"kind": "challenge", "text": CRISIS_TEXT})

    entry = ProgressEntry.objects.get(author=alice)
    assert entry.couple is None
    assert held_kinds(alice) == ["progress_entry"]
    assert bob_client.get(f"/progress/{entry.id}").status_code == 404
    assert CRISIS_TEXT in alice_client.get("/progress/").content.decode()


# --- ... and through the API --------------------------------------------------------------


@pytest.fixture
def alices_token(alice: User) -> str:
    return do_create_api_token(alice, "tests", timezone.now())[1]


API_WRITES = {
    "shared note": (
        "PUT",
        "/api/check-ins/today",
        lambda t: {"mood": 2, "connection": 3, "note": t, "shared_with_partner": True},
        200,
        ["share"],
    ),
    "private note": (
        "PUT",
        "/api/check-ins/today",
        lambda t: {"mood": 2, "connection": 3, "note": t},
        200,
        [],
    ),
    "appreciation": (
        "PUT",
        "/api/check-ins/today",
        lambda t: {"mood": 2, "connection": 3, "appreciation": t},
        200,
        ["appreciation"],
    ),
    "progress entry": ("POST", "/api/progress", lambda t: {"kind": "win", "text": t}, 201, True),
}


@pytest.mark.parametrize("text", CRISIS_TEXTS)
@pytest.mark.parametrize("field", list(API_WRITES))
def test_crisis_text_in_any_field_through_the_api(
    field: str, text: str, alice: User, linked: Couple, alices_token: str, bob: User
) -> None:
    method, path, body, status, held = API_WRITES[field]

    response = api(token_client(alices_token), method, path, body(text))

    assert response.status_code == status, response.content
    answer = response.json()
    assert answer["held"] == held
    assert answer["safety"]["response"] == "crisis"
    assert answer["safety"]["sharing_paused"] is True
    assert answer["safety"]["recheck_needed"] is True
    assert answer["safety"]["page"].startswith("/privacy/responses/")
    assert any(line["call"] == "988" for line in answer["safety"]["help_lines"])
    assert "911" in answer["safety"]["emergency"]
    bobs = token_client(do_create_api_token(bob, "tests", timezone.now())[1])
    for endpoint in ("/api/check-ins/today", "/api/progress", "/api/safety"):
        assert text not in bobs.get(endpoint).content.decode()


def test_the_api_answers_an_ordinary_write_as_before(
    alice: User, linked: Couple, alices_token: str
) -> None:
    response = api(
        token_client(alices_token),
        "PUT",
        "/api/check-ins/today",
        {"mood": 4, "connection": 8, "note": ORDINARY, "shared_with_partner": True},
    )

    assert response.status_code == 200
    assert response.json()["safety"] is None
    assert response.json()["held"] == []
    assert response.json()["shared_with_partner"] is True
    assert not SafetyEvent.objects.exists()


def test_the_safety_state_through_the_api_is_the_callers_own(
    alice: User, linked: Couple, alices_token: str, bob: User
) -> None:
    api(token_client(alices_token), "POST", "/api/progress", {"kind": "win", "text": CRISIS_TEXT})
    bobs = token_client(do_create_api_token(bob, "tests", timezone.now())[1])

    alices_state = token_client(alices_token).get("/api/safety").json()
    bobs_state = bobs.get("/api/safety").json()

    assert alices_state["sharing_paused"] is True and alices_state["coaching_paused"] is True
    assert [h["kind"] for h in alices_state["held"]] == ["progress_entry"]
    assert bobs_state["sharing_paused"] is False and bobs_state["held"] == []


# --- Abuse: the person it happens to, and the person who uses it --------------------------


def test_signs_of_being_hurt_turn_on_private_safety_mode(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    response = post_check_in(alice_client, note=BEING_HURT, shared_with_partner="on")

    card = followed(alice_client, response)
    assert state(alice).safety_mode
    assert state(alice).safety_mode_reason == "signs"
    assert "1-800-799-7233" in card  # the US domestic violence hotline
    assert "Private safety mode is on" in card
    assert CheckIn.objects.get(author=alice).shared_with_partner is False
    assert BEING_HURT not in bob_client.get("/check-ins/").content.decode()
    assert "safety" not in bob_client.get("/check-ins/").content.decode().lower()


def test_a_threat_is_held_and_pauses_sharing_whoever_the_screen_takes_the_writer_to_be(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    response = post_check_in(alice_client, note=THREAT, shared_with_partner="on")

    assert response.headers["Location"].startswith("/privacy/responses/")
    assert state(alice).sharing_paused
    assert CheckIn.objects.get(author=alice).shared_with_partner is False
    assert THREAT not in bob_client.get("/check-ins/").content.decode()


def test_text_that_uses_abuse_gets_a_calm_response_and_is_never_shared(
    alice: User,
    linked: Couple,
    alice_client: Client,
    bob_client: Client,
    alices_token: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen_as(monkeypatch, USING_SCREENING, trigger="kids")

    card = followed(
        alice_client, post_check_in(alice_client, note=THREAT, shared_with_partner="on")
    )

    assert "Let&rsquo;s take a breath" in card
    assert "not be shared" in card
    assert "Share it anyway" not in card
    assert state(alice).using_pause and not state(alice).safety_mode
    held = HeldItem.objects.get(owner=alice)
    assert alice_client.post(f"/privacy/held/{held.id}/share").status_code == 302
    assert CheckIn.objects.get(author=alice).shared_with_partner is False
    refused = api(token_client(alices_token), "POST", f"/api/safety/held/{held.id}/share")
    assert refused.status_code == 409
    # The re-check ends the pause, and the text still stays private.
    answers = {"everyone_safe": "yes", "calmer_now": "yes", "someone_outside": "yes"}
    alice_client.post("/privacy/recheck", answers)
    assert not state(alice).sharing_paused
    alice_client.post(f"/privacy/held/{held.id}/share")
    assert CheckIn.objects.get(author=alice).shared_with_partner is False
    assert THREAT not in bob_client.get("/check-ins/").content.decode()


# --- A concern, a broken screen, ordinary text --------------------------------------------


def test_a_concern_is_held_and_its_writer_may_share_it_at_once(
    alice: User,
    linked: Couple,
    alice_client: Client,
    bob_client: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen_as(monkeypatch, CONCERN_SCREENING)
    text = "I see no way out of this week"

    card = followed(alice_client, post_check_in(alice_client, note=text, shared_with_partner="on"))

    assert "Checking in with you" in card
    assert "Share it anyway" in card
    assert not state(alice).sharing_paused
    assert text not in bob_client.get("/check-ins/").content.decode()
    held = HeldItem.objects.get(owner=alice)
    alice_client.post(f"/privacy/held/{held.id}/share")
    check_in = CheckIn.objects.get(author=alice)
    assert check_in.shared_with_partner is True
    assert text in bob_client.get(f"/check-ins/{check_in.id}").content.decode()
    assert not HeldItem.objects.exists()


def test_when_the_screen_fails_the_entry_is_held_and_nothing_fails(
    alice: User,
    linked: Couple,
    alice_client: Client,
    bob_client: Client,
    alices_token: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen_fails(monkeypatch)

    card = followed(
        alice_client, post_check_in(alice_client, note=ORDINARY, shared_with_partner="on")
    )
    through_api = api(
        token_client(alices_token), "POST", "/api/progress", {"kind": "win", "text": ORDINARY}
    )

    assert "could not check this entry" in card
    assert through_api.status_code == 201
    assert through_api.json()["safety"]["response"] == "unchecked"
    assert ORDINARY not in bob_client.get("/check-ins/").content.decode()
    assert not state(alice).sharing_paused
    assert sorted(h.kind for h in held_items_of(alice)) == ["check_in_share", "progress_entry"]


def test_ordinary_text_is_shared_as_asked_with_nothing_recorded(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    response = post_check_in(
        alice_client, note=ORDINARY, shared_with_partner="on", appreciation="Thanks for tea."
    )

    assert response.headers["Location"] == "/check-ins/"
    check_in = CheckIn.objects.get(author=alice)
    assert check_in.shared_with_partner is True
    assert ORDINARY in bob_client.get(f"/check-ins/{check_in.id}").content.decode()
    assert "Thanks for tea." in bob_client.get("/check-ins/").content.decode()
    assert not SafetyEvent.objects.exists() and not HeldItem.objects.exists()
    assert not SafetyProfile.objects.exists()


# --- Sharing later, writing again, deleting -----------------------------------------------


def test_a_crisis_entry_can_be_shared_only_after_the_re_check(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    post_check_in(alice_client, note=CRISIS_TEXT, shared_with_partner="on")
    held = HeldItem.objects.get(owner=alice)

    alice_client.post(f"/privacy/held/{held.id}/share")
    assert CheckIn.objects.get(author=alice).shared_with_partner is False

    alice_client.post(
        "/privacy/recheck",
        {"safe_now": "yes", "someone_to_talk_to": "yes", "knows_how_to_reach_help": "yes"},
    )
    alice_client.post(f"/privacy/held/{held.id}/share")

    check_in = CheckIn.objects.get(author=alice)
    assert check_in.shared_with_partner is True
    assert CRISIS_TEXT in bob_client.get(f"/check-ins/{check_in.id}").content.decode()


def test_writing_the_check_in_again_replaces_what_was_held(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client
) -> None:
    post_check_in(alice_client, appreciation=CRISIS_TEXT)
    alice_client.post(
        "/privacy/recheck",
        {"safe_now": "yes", "someone_to_talk_to": "yes", "knows_how_to_reach_help": "yes"},
    )

    post_check_in(alice_client, appreciation="Thank you for the soup.")

    assert held_kinds(alice) == []
    assert "Thank you for the soup." in bob_client.get("/check-ins/").content.decode()


def test_deleting_a_held_entry_forgets_that_it_was_held(
    alice: User, linked: Couple, alice_client: Client
) -> None:
    alice_client.post("/progress/", {"kind": "challenge", "text": CRISIS_TEXT})
    entry = ProgressEntry.objects.get(author=alice)

    alice_client.post(f"/progress/{entry.id}/delete")

    assert not HeldItem.objects.exists()


def test_nobody_else_may_share_or_open_what_is_held(
    alice: User, linked: Couple, alice_client: Client, bob_client: Client, charlie_client: Client
) -> None:
    post_check_in(alice_client, note=CRISIS_TEXT, shared_with_partner="on")
    held = HeldItem.objects.get(owner=alice)
    event = SafetyEvent.objects.get(owner=alice)

    recheck = alice_client.post("/privacy/recheck", {"safe_now": "no"})
    assert recheck.status_code == 400
    alice_client.post(
        "/privacy/recheck",
        {"safe_now": "no", "someone_to_talk_to": "yes", "knows_how_to_reach_help": "yes"},
    )
    not_a_response = SafetyEvent.objects.filter(owner=alice).exclude(id=event.id).get()
    assert alice_client.get(f"/privacy/responses/{not_a_response.id}").status_code == 404
    for browser in (bob_client, charlie_client):
        assert browser.post(f"/privacy/held/{held.id}/share").status_code == 404
        assert browser.get(f"/privacy/responses/{event.id}").status_code == 404
    assert Client().get(f"/privacy/responses/{event.id}").status_code == 302


# --- Stored encrypted, written whole ------------------------------------------------------


def test_what_the_screen_found_is_stored_encrypted(
    alice: User, linked: Couple, alice_client: Client
) -> None:
    post_check_in(alice_client, appreciation=CRISIS_TEXT, note=BEING_HURT)

    event = SafetyEvent.objects.filter(owner=alice).first()
    held = HeldItem.objects.filter(owner=alice).first()
    profile = SafetyProfile.objects.get(owner=alice)
    assert event is not None and held is not None
    stored = [
        raw_column("safety_safetyevent", "details_json", event.id),
        raw_column("safety_helditem", "details_json", held.id),
        raw_column("safety_safetyprofile", "state_json", profile.id),
    ]
    for value in stored:
        for secret in ("crisis", "kill myself", "safety_mode", "hit me", "appreciation"):
            assert secret not in value


def test_nothing_is_half_written_when_recording_fails(
    alice: User, linked: Couple, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("rekindle.web.safety.actions._event", broken)

    with pytest.raises(RuntimeError):
        do_save_check_in(
            alice,
            timezone.localdate(),
            mood=2,
            connection=3,
            note=CRISIS_TEXT,
            shared_with_partner=True,
            now=timezone.now(),
        )

    assert not CheckIn.objects.filter(author=alice).exists()
    assert not SafetyProfile.objects.exists() and not HeldItem.objects.exists()


# --- One action for every feature ---------------------------------------------------------


def test_later_features_screen_through_the_same_action(alice: User, linked: Couple) -> None:
    from rekindle.web.safety.actions import do_screen_entry
    from rekindle.web.safety.state import abuse_aware, coaching_paused

    ordinary = do_screen_entry(alice, ORDINARY, "coach_message", now=timezone.now())
    crisis = do_screen_entry(alice, CRISIS_TEXT, "coach_message", now=timezone.now())
    hurt = do_screen_entry(alice, BEING_HURT, "journal", now=timezone.now())

    assert not ordinary.flagged and ordinary.event_id is None
    assert crisis.response == "crisis" and not crisis.held
    assert hurt.flagged and hurt.response in ("abuse", "using")
    assert coaching_paused(alice) and abuse_aware(alice)
    assert SafetyEvent.objects.filter(owner=alice).count() == 2
