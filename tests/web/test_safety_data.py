"""A person's safety data is theirs alone: the safety questions (offered after sign-up, and
skippable), their answers, events and held entries, all encrypted, all in their own data
export and never in their partner's, all deleted with their account. And the help lines come
from their country: their own choice, or the server's REKINDLE_COUNTRY."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core import checks
from django.test import Client
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.couples.models import Couple
from rekindle.web.env import env_country
from rekindle.web.safety.models import HeldItem, SafetyAnswers, SafetyEvent, SafetyProfile
from rekindle.web.safety.resources import resources_of
from tests.web.safety_support import BEING_HURT, CRISIS_TEXT, raw_column, state

pytestmark = pytest.mark.django_db

WORRIED = {"feel_safe": "no", "hurt_or_afraid": "yes", "controlled": "sometimes"}


def export_of(browser: Client) -> dict:  # type: ignore[type-arg]
    response = browser.get("/my-data/export.json")
    assert response.status_code == 200
    data: dict = json.loads(response.content)  # type: ignore[type-arg]
    return data


# --- The safety questions -----------------------------------------------------------------


def test_sign_up_offers_the_safety_questions_and_they_can_be_skipped(client: Client) -> None:
    response = client.post(
        "/accounts/sign-up",
        {
            "display_name": "Dana",
            "email": "dana@example.org",
            "password": "a long walk through the quiet hills",
            "password_again": "a long walk through the quiet hills",
            "confirmed_adult": "on",
            "accepted_ai_disclosure": "on",
        },
    )

    page = client.get(response.headers["Location"]).content.decode()
    assert "Before you start: a few private questions" in page
    assert 'href="/check-ins/">Skip for now</a>' in page
    assert not SafetyAnswers.objects.exists()


def test_answers_are_private_encrypted_and_offer_help_when_they_worry(
    alice: User, couple: Couple, alice_client: Client
) -> None:
    response = alice_client.post("/privacy/questions", WORRIED)

    page = response.content.decode()
    answers = SafetyAnswers.objects.get(owner=alice)
    assert "You deserve to feel safe" in page
    assert "Turn on private safety mode" in page
    assert answers.answers_json and json.loads(answers.answers_json)["hurt_or_afraid"] == "yes"
    stored = raw_column("safety_safetyanswers", "answers_json", answers.id)
    assert "hurt_or_afraid" not in stored and "yes" not in stored
    # Answers do not switch anything on by themselves: the offer is the person's to take.
    assert not state(alice).safety_mode


def test_the_questions_may_all_be_left_blank(alice: User, alice_client: Client) -> None:
    response = alice_client.post("/privacy/questions", {})

    assert response.status_code == 200
    assert "Thank you" in response.content.decode()


def test_a_next_address_elsewhere_is_not_followed(alice_client: Client) -> None:
    page = alice_client.get("/privacy/questions?next=https://evil.example/").content.decode()

    assert 'href="https://evil.example/"' not in page
    assert 'name="next" value="https://evil.example/"' not in page
    assert 'href="/privacy/">Not now</a>' in page


# --- The export, and deleting -------------------------------------------------------------


def test_the_export_holds_ones_own_safety_data_and_never_the_partners(
    alice: User, bob: User, couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    alice_client.post("/check-ins/", {"mood": "2", "connection": "3", "appreciation": CRISIS_TEXT})
    alice_client.post("/privacy/questions", WORRIED)
    bob_client.post("/progress/", {"kind": "challenge", "text": BEING_HURT})
    bob_client.post("/privacy/questions", {"thoughts_of_harm": "yes"})

    alices = export_of(alice_client)
    bobs = export_of(bob_client)

    safety = alices["safety"]
    assert safety["crisis_pause_since"] is not None
    assert [e["kind"] for e in safety["events"]] == ["screened"]
    assert safety["events"][0]["response"] == "crisis"
    assert safety["held_entries"][0]["kind"] == "appreciation"
    assert safety["held_entries"][0]["text"] == CRISIS_TEXT
    assert safety["safety_questions"][0]["answers"] == WORRIED
    # Bob's holds his own (safety mode, from his own words), and nothing of alice's.
    assert bobs["safety"]["private_safety_mode"]["on"] is True
    assert bobs["safety"]["safety_questions"][0]["answers"] == {"thoughts_of_harm": "yes"}
    assert CRISIS_TEXT not in json.dumps(bobs)
    assert "hurt_or_afraid" not in json.dumps(bobs)
    assert BEING_HURT not in json.dumps(alices)
    assert "thoughts_of_harm" not in json.dumps(alices)


def test_deleting_the_account_deletes_the_safety_space(
    alice: User, couple: Couple, alice_client: Client
) -> None:
    alice_client.post("/progress/", {"kind": "challenge", "text": CRISIS_TEXT})
    alice_client.post("/privacy/questions", WORRIED)

    alice_client.post("/my-data/delete", {"password": "a quiet walk by the river"})

    assert not User.objects.filter(id=alice.id).exists()
    for model in (SafetyProfile, SafetyEvent, HeldItem, SafetyAnswers):
        assert not model.objects.exists()


# --- The country of the help lines --------------------------------------------------------


def test_the_help_lines_follow_the_server_setting(alice: User, settings: Settings) -> None:
    settings.COUNTRY = "IE"

    assert resources_of(alice).country == "IE"


def test_without_a_setting_the_international_lines_show(alice: User, settings: Settings) -> None:
    settings.COUNTRY = ""

    lines = resources_of(alice)

    assert lines.country == "INTL"
    assert "112" in lines.emergency_note and "911" in lines.emergency_note


def test_a_person_chooses_their_own_country_on_the_privacy_page(
    alice: User, alice_client: Client, settings: Settings
) -> None:
    settings.COUNTRY = "US"

    alice_client.post("/privacy/country", {"country": "AU"})
    page = alice_client.get("/privacy/").content.decode()

    assert resources_of(alice).country == "AU"
    assert "13 11 14" in page  # Lifeline
    alice_client.post("/privacy/country", {"country": ""})
    assert resources_of(alice).country == "US"


def test_a_country_not_offered_is_refused(alice: User, alice_client: Client) -> None:
    alice_client.post("/privacy/country", {"country": "XX"})

    assert not SafetyProfile.objects.filter(owner=alice).exclude(country="").exists()


@pytest.mark.parametrize(("raw", "expected"), [("gb", "GB"), (" US ", "US"), ("", "")])
def test_the_country_setting_reads_a_two_letter_code(raw: str, expected: str) -> None:
    assert (
        env_country("REKINDLE_COUNTRY", "", "x", environ={"REKINDLE_COUNTRY": raw}, registry={})
        == expected
    )


@pytest.mark.parametrize("raw", ["UK1", "Britain", "1A"])
def test_a_malformed_country_setting_stops_with_one_line(raw: str) -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="REKINDLE_COUNTRY must be a two-letter"):
        env_country("REKINDLE_COUNTRY", "", "x", environ={"REKINDLE_COUNTRY": raw}, registry={})


def test_a_deployers_own_lines_replace_the_shipped_ones(
    alice: User, settings: Settings, tmp_path: Path
) -> None:
    from rekindle.web.safety import resources

    resources._table.cache_clear()
    (tmp_path / "gb.json").write_text(
        json.dumps(
            {
                "format": "rekindle-safety-resources",
                "format_version": 1,
                "country": "GB",
                "name": "United Kingdom",
                "emergency": {"number": "999", "note": "Call 999 now if you are in danger."},
                "resources": [
                    {
                        "name": "Our local line",
                        "for": ["crisis", "abuse"],
                        "description": "x",
                        "call": "0800 000 000",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    settings.COUNTRY = "GB"
    settings.SAFETY_RESOURCES_DIR = tmp_path
    try:
        assert resources_of(alice).resources[0].name == "Our local line"
        assert all(m.id != "rekindle_safety.E001" for m in checks.run_checks())
        (tmp_path / "gb.json").write_text("{", encoding="utf-8")
        resources._table.cache_clear()
        errors = [m for m in checks.run_checks() if m.id == "rekindle_safety.E001"]
        assert len(errors) == 1 and "gb.json" in errors[0].msg
        # A broken file never empties the card: the shipped lines show meanwhile.
        assert resources_of(alice).lines("crisis")[0].name == "Samaritans"
    finally:
        resources._table.cache_clear()
