"""Every message of an uploaded chat is screened while it is analysed. Only the uploader gets a
gentle, private note of what was seen, as counts by kind and by who wrote them, never a
quoted message; the partner's view of the shared report, on the pages, through the API and
in their export, holds none of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.analyses.actions import do_start_analysis
from rekindle.web.analyses.jobs import run_analysis
from rekindle.web.analyses.models import DONE, Analysis
from rekindle.web.api.actions import do_create_api_token
from rekindle.web.couples.models import Couple
from tests.web.safety_support import BEING_HURT, CRISIS_TEXT, raw_column, token_client

pytestmark = pytest.mark.django_db

CHAT = f"""23/02/2023, 08:12 - Sam: Morning love, did you sleep at all?
23/02/2023, 08:15 - Alex: A bit. The neighbours' dog again
23/02/2023, 08:16 - Alex: Can you pick up oat milk on the way home?
23/02/2023, 21:40 - Alex: {BEING_HURT}
23/02/2023, 21:41 - Alex: {CRISIS_TEXT}
23/02/2023, 21:45 - Sam: I'll be home soon
24/02/2023, 09:00 - Sam: Good morning, coffee is on
"""
QUOTED = (BEING_HURT, CRISIS_TEXT)


@pytest.fixture(autouse=True)
def uploads(settings: Settings, tmp_path: Path) -> Path:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.COUNTRY = "GB"
    return settings.UPLOAD_DIR


@pytest.fixture
def analysed(alice: User, couple: Couple) -> Analysis:
    """Alice uploaded the chat in the couple, it was analysed, and Bob chose to read it."""
    analysis = do_start_analysis(alice, [CHAT.encode("utf-8")], "our chat.txt", timezone.now())
    assert run_analysis(analysis.id) == DONE
    analysis.refresh_from_db()
    Analysis.objects.filter(id=analysis.id).update(partner_approved_at=timezone.now())
    return analysis


def test_the_uploader_gets_a_private_note_of_what_was_seen(
    analysed: Analysis, alice_client: Client
) -> None:
    page = alice_client.get(f"/analyses/{analysed.id}").content.decode()

    assert "A note just for you" in page
    assert "from Alex that may show someone being hurt, threatened or controlled" in page
    assert "from Alex that may speak of suicide, self-harm or harming someone" in page
    assert "116 123" in page and "999" in page  # the help lines of the uploader's country
    for line in QUOTED:
        assert line not in page  # counted, never quoted


def test_the_note_is_stored_encrypted_with_the_analysis(analysed: Analysis) -> None:
    note = json.loads(analysed.safety_note)

    assert note["screened"] >= 6
    assert note["totals"]["crisis"] >= 1
    assert note["people"][0]["name"] == "Alex"
    stored = raw_column("analyses_analysis", "safety_note", analysed.id)
    assert "Alex" not in stored and "crisis" not in stored


def test_the_partner_reading_the_report_sees_none_of_it(
    analysed: Analysis, bob: User, bob_client: Client
) -> None:
    bobs_api = token_client(do_create_api_token(bob, "tests", timezone.now())[1])
    seen = [
        bob_client.get(f"/analyses/{analysed.id}").content.decode(),
        bob_client.get(f"/analyses/{analysed.id}/report").content.decode(),
        bob_client.get("/dashboard/").content.decode(),
        bob_client.get("/my-data/export.json").content.decode(),
        bobs_api.get(f"/api/analyses/{analysed.id}").content.decode(),
        bobs_api.get("/api/analyses").content.decode(),
        bobs_api.get(f"/api/analyses/{analysed.id}/report").content.decode(),
    ]

    assert "A chat Alice analysed" in seen[0] or "Alice" in seen[0]
    for page in seen:
        assert "A note just for you" not in page
        assert "safety check" not in page
        assert "being hurt" not in page and "suicide" not in page
    assert json.loads(seen[4])["safety_note"] is None


def test_the_uploaders_api_and_export_hold_the_note(
    analysed: Analysis, alice: User, alice_client: Client
) -> None:
    alices_api = token_client(do_create_api_token(alice, "tests", timezone.now())[1])

    through_api = alices_api.get(f"/api/analyses/{analysed.id}").json()
    export = json.loads(alice_client.get("/my-data/export.json").content)

    assert through_api["safety_note"]["totals"]["crisis"] >= 1
    assert export["analyses"][0]["safety_note"]["people"][0]["name"] == "Alex"


def test_an_ordinary_chat_gets_no_note(alice: User, couple: Couple, alice_client: Client) -> None:
    ordinary = "\n".join(CHAT.splitlines()[:3] + CHAT.splitlines()[5:]) + "\n"
    analysis = do_start_analysis(alice, [ordinary.encode()], "chat.txt", timezone.now())
    run_analysis(analysis.id)
    analysis.refresh_from_db()

    assert analysis.safety_note == ""
    assert (
        "A note just for you" not in alice_client.get(f"/analyses/{analysis.id}").content.decode()
    )


def test_uploading_screens_but_switches_nothing_on(analysed: Analysis, alice: User) -> None:
    from rekindle.web.safety.state import state_of

    # A chat holds both people's words: the note offers help, it does not decide for anyone.
    assert not state_of(alice).sharing_paused
