"""Private safety mode, and the pauses after a crisis: while alice's sharing is paused, every
page and API answer bob gets is exactly what he gets when alice simply has not shared
anything yet; charlie and a visitor get what they always got; alice turns the mode on from
the discreet Privacy entry and ends it only with a deliberate confirmation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from rekindle.assessments import find_instrument
from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import Analysis
from rekindle.web.api.actions import do_create_api_token
from rekindle.web.assessments.actions import do_save_assessment
from rekindle.web.assessments.models import AssessmentResponse
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.habits.models import Habit, HabitTick
from rekindle.web.progress.models import ProgressEntry
from tests.web.analysis_support import finished_analysis
from tests.web.safety_support import (
    BEING_HURT,
    CRISIS_TEXT,
    capture,
    differences,
    state,
    token_client,
)

pytestmark = pytest.mark.django_db

ALICES_NOTE = "A note about the long week at work."
ALICES_THANKS = "Thank you for walking the dog in the rain."
ALICES_WIN = "We cooked together on Sunday."
BOBS_THANKS = "Thank you for the playlist."
CONNECTION_CHECK = find_instrument("connection-check")
assert CONNECTION_CHECK is not None


@dataclass
class World:
    alice: User
    bob: User
    couple: Couple
    check_in: CheckIn
    habit: Habit
    entry: ProgressEntry
    analysis: Analysis
    bobs_analysis: Analysis
    result: AssessmentResponse
    browsers: dict[str, Client]
    api_browsers: dict[str, Client]

    def share_everything(self) -> None:
        """What alice shares when nothing is paused: her check-in and appreciation, a habit,
        her progress-log entry, her chat analysis (which bob approved reading), her
        questionnaire scores, and her approval of bob's analysis."""
        CheckIn.objects.filter(id=self.check_in.id).update(
            shared_with_partner=True, appreciation=ALICES_THANKS
        )
        Habit.objects.filter(id=self.habit.id).update(shared_in=self.couple)
        ProgressEntry.objects.filter(id=self.entry.id).update(couple=self.couple)
        Analysis.objects.filter(id=self.analysis.id).update(
            couple=self.couple, partner_approved_at=timezone.now()
        )
        Analysis.objects.filter(id=self.bobs_analysis.id).update(partner_approved_at=timezone.now())
        AssessmentResponse.objects.filter(id=self.result.id).update(couple=self.couple)


@pytest.fixture
def world(
    alice: User,
    bob: User,
    charlie: User,
    couple: Couple,
    alice_client: Client,
    bob_client: Client,
    charlie_client: Client,
) -> World:
    """Alice has written everything, and shared none of it yet. Bob has shared his."""
    today = timezone.localdate()
    check_in = CheckIn.objects.create(
        author=alice, day=today, mood=3, connection=6, note=ALICES_NOTE, couple=couple
    )
    CheckIn.objects.create(
        author=bob,
        day=today,
        mood=4,
        connection=7,
        note="Bob's note.",
        shared_with_partner=True,
        appreciation=BOBS_THANKS,
        couple=couple,
    )
    habit = Habit.objects.create(owner=alice, intervention_id="specific-thanks")
    HabitTick.objects.create(habit=habit, day=today)
    Habit.objects.create(owner=bob, intervention_id="answer-the-bid", shared_in=couple)
    entry = ProgressEntry.objects.create(
        author=alice, couple=None, kind="win", text=ALICES_WIN, day=today
    )
    ProgressEntry.objects.create(
        author=bob, couple=couple, kind="win", text="Bob's win.", day=today
    )
    analysis = finished_analysis(alice, None)
    bobs_analysis = finished_analysis(bob, couple)
    Analysis.objects.filter(id=bobs_analysis.id).update(
        created_at=timezone.now() - timedelta(days=1)
    )
    now = timezone.now()
    do_save_assessment(bob, CONNECTION_CHECK, {"close-1": 2, "close-2": 3}, now=now)
    result = do_save_assessment(alice, CONNECTION_CHECK, {"close-1": 5, "close-2": 5}, now=now)
    AssessmentResponse.objects.filter(id=result.id).update(couple=None)
    tokens = {
        name: do_create_api_token(person, "tests", now)[1]
        for name, person in (("alice", alice), ("bob", bob), ("charlie", charlie))
    }
    return World(
        alice=alice,
        bob=bob,
        couple=couple,
        check_in=check_in,
        habit=habit,
        entry=entry,
        analysis=analysis,
        bobs_analysis=bobs_analysis,
        result=result,
        browsers={
            "alice": alice_client,
            "bob": bob_client,
            "charlie": charlie_client,
            "anonymous": Client(),
        },
        api_browsers={
            "bob": token_client(tokens["bob"]),
            "charlie": token_client(tokens["charlie"]),
            "anonymous": Client(),
        },
    )


def pages(w: World) -> list[str]:
    """Every page that shows, or could show, something of alice's to someone else."""
    return [
        "/",
        "/dashboard/",
        "/check-ins/",
        "/check-ins/review",
        f"/check-ins/{w.check_in.id}",
        "/couple/",
        "/habits/",
        f"/habits/{w.habit.id}",
        "/progress/",
        f"/progress/{w.entry.id}",
        "/analyses/",
        f"/analyses/{w.analysis.id}",
        f"/analyses/{w.analysis.id}/status",
        f"/analyses/{w.analysis.id}/report",
        f"/analyses/{w.bobs_analysis.id}",
        f"/analyses/{w.bobs_analysis.id}/report",
        "/questionnaires/",
        "/questionnaires/connection-check/",
        "/questionnaires/connection-check/together",
        f"/questionnaires/results/{w.result.id}",
        "/calendar/",
        "/my-data/",
        "/my-data/export.json",
        "/privacy/",
    ]


def api_paths(w: World) -> list[str]:
    return [
        "/api/check-ins",
        "/api/check-ins/today",
        f"/api/check-ins/{w.check_in.id}",
        "/api/habits",
        f"/api/habits/{w.habit.id}",
        "/api/progress",
        f"/api/progress/{w.entry.id}",
        "/api/analyses",
        f"/api/analyses/{w.analysis.id}",
        f"/api/analyses/{w.analysis.id}/report",
        f"/api/analyses/{w.bobs_analysis.id}",
        f"/api/analyses/{w.bobs_analysis.id}/report",
        "/api/safety",
    ]


OTHERS = ("bob", "charlie", "anonymous")


def everything(w: World) -> dict[str, dict[str, tuple[int, str, str]]]:
    """What bob, charlie and a visitor get from every page and API call."""
    seen = {}
    for person in OTHERS:
        seen[person] = capture(w.browsers[person], pages(w))
        seen[f"{person} api"] = capture(w.api_browsers[person], api_paths(w))
    return seen


def assert_same(
    before: dict[str, dict[str, tuple[int, str, str]]],
    after: dict[str, dict[str, tuple[int, str, str]]],
) -> None:
    for who in before:
        assert differences(before[who], after[who]) == [], who


def turn_on_safety_mode(alice_client: Client) -> None:
    response = alice_client.post("/privacy/safety-mode/on")
    assert response.status_code == 302


def end_safety_mode(alice_client: Client) -> None:
    response = alice_client.post("/privacy/safety-mode/end", {"confirm": "on"})
    assert response.status_code == 302


def test_bob_sees_exactly_the_not_shared_state_while_safety_mode_is_on(world: World) -> None:
    everything(world)  # first visits over (the AI notice, sessions), so states compare alike
    not_shared = everything(world)
    world.share_everything()
    shared = everything(world)
    alice = world.browsers["alice"]

    turn_on_safety_mode(alice)
    paused = everything(world)
    end_safety_mode(alice)
    resumed = everything(world)

    # Sharing is real: bob sees alice's things once she shares them...
    changed = differences(not_shared["bob"], shared["bob"])
    assert f"/check-ins/{world.check_in.id}" in changed
    assert "/check-ins/" in changed and "/habits/" in changed and "/progress/" in changed
    assert "/questionnaires/connection-check/together" in changed
    assert f"/analyses/{world.bobs_analysis.id}" in changed and "/my-data/export.json" in changed
    assert differences(not_shared["bob api"], shared["bob api"]) != []
    # ... while safety mode is on, everything is as if she had not shared anything ...
    assert_same(not_shared, paused)
    # ... charlie and a visitor get what they always got ...
    assert_same(
        {k: v for k, v in shared.items() if "bob" not in k},
        {k: v for k, v in paused.items() if "bob" not in k},
    )
    # ... and what she chose to share shows again once she ends it.
    assert_same(shared, resumed)


def test_alice_keeps_seeing_all_of_her_own_while_safety_mode_is_on(world: World) -> None:
    world.share_everything()
    alice = world.browsers["alice"]
    before = capture(alice, pages(world))

    turn_on_safety_mode(alice)
    during = capture(alice, pages(world))

    assert {p: r[0] for p, r in before.items()} == {p: r[0] for p, r in during.items()}
    assert ALICES_NOTE in during[f"/check-ins/{world.check_in.id}"][2]
    assert ALICES_WIN in during["/progress/"][2]
    assert ALICES_THANKS in during["/my-data/export.json"][2]
    assert "Private mode is on" in during["/dashboard/"][2]


def test_a_crisis_pause_looks_the_same_to_bob_as_not_sharing(world: World) -> None:
    everything(world)
    not_shared = everything(world)
    world.share_everything()
    alice = world.browsers["alice"]

    alice.post("/progress/", {"kind": "challenge", "text": CRISIS_TEXT})
    paused = everything(world)

    assert state(world.alice).crisis_pause
    assert_same(not_shared, paused)


def test_signs_of_being_hurt_look_the_same_to_bob_as_not_sharing(world: World) -> None:
    everything(world)
    not_shared = everything(world)
    world.share_everything()

    world.browsers["alice"].post(
        "/check-ins/",
        {"mood": "2", "connection": "2", "note": BEING_HURT, "shared_with_partner": "on"},
    )
    paused = everything(world)

    assert state(world.alice).safety_mode
    # The check-in alice just wrote is hers alone, and everything else of hers is paused.
    assert_same(not_shared, paused)


def test_bobs_export_never_shows_alices_safety_mode_or_her_approval(world: World) -> None:
    world.share_everything()
    turn_on_safety_mode(world.browsers["alice"])

    export = json.loads(world.browsers["bob"].get("/my-data/export.json").content)

    assert "safety" in export  # his own, empty
    assert export["safety"]["private_safety_mode"]["on"] is False
    assert all(a["partner_approved_at"] is None for a in export["analyses"])
    text = json.dumps(export)
    assert ALICES_NOTE not in text and ALICES_THANKS not in text and ALICES_WIN not in text


# --- Turning it on and off ----------------------------------------------------------------


def test_the_menu_entry_is_discreet(world: World) -> None:
    page = world.browsers["alice"].get("/check-ins/").content.decode()

    assert '<a href="/privacy/">Privacy</a>' in page
    assert "abuse" not in page.lower()


def test_safety_mode_is_chosen_from_privacy_and_shows_help_lines(
    world: World, settings: Settings
) -> None:
    settings.COUNTRY = "GB"
    alice = world.browsers["alice"]
    before = alice.get("/privacy/").content.decode()
    assert "Turn on private safety mode" in before

    turn_on_safety_mode(alice)

    page = alice.get("/privacy/").content.decode()
    assert state(world.alice).safety_mode and state(world.alice).safety_mode_reason == "chosen"
    assert "0808 2000 247" in page  # Refuge's National Domestic Abuse Helpline
    assert "999" in page
    assert "End private safety mode" in page
    assert "Private mode is on" in alice.get("/habits/").content.decode()  # the banner
    assert "Private mode is on" not in world.browsers["bob"].get("/habits/").content.decode()


def test_ending_safety_mode_needs_a_deliberate_confirmation(world: World) -> None:
    alice = world.browsers["alice"]
    turn_on_safety_mode(alice)

    confirm_page = alice.get("/privacy/safety-mode/end")
    unconfirmed = alice.post("/privacy/safety-mode/end", {})

    assert confirm_page.status_code == 200
    assert "Only end it if you feel safe" in confirm_page.content.decode()
    assert unconfirmed.status_code == 400
    assert state(world.alice).safety_mode
    end_safety_mode(alice)
    assert not state(world.alice).safety_mode


def test_safety_mode_through_the_api_needs_a_confirmation_to_end(world: World) -> None:
    token = do_create_api_token(world.alice, "tests", timezone.now())[1]
    alice = token_client(token)

    on = alice.put("/api/safety/safety-mode")
    unconfirmed = alice.generic(
        "DELETE", "/api/safety/safety-mode", "{}", content_type="application/json"
    )
    still_on = state(world.alice).safety_mode
    off = alice.generic(
        "DELETE", "/api/safety/safety-mode", '{"confirm": true}', content_type="application/json"
    )

    assert on.status_code == 200 and on.json()["safety_mode"] is True
    assert unconfirmed.status_code == 422 and still_on
    assert off.status_code == 200 and off.json()["safety_mode"] is False


def test_sharing_asked_for_during_safety_mode_waits_for_its_end(world: World) -> None:
    alice, bob = world.browsers["alice"], world.browsers["bob"]
    turn_on_safety_mode(alice)

    alice.post(
        "/check-ins/",
        {"mood": "4", "connection": "8", "note": "A good day.", "shared_with_partner": "on"},
    )
    assert "A good day." not in bob.get(f"/check-ins/{world.check_in.id}").content.decode()

    end_safety_mode(alice)
    assert "A good day." in bob.get(f"/check-ins/{world.check_in.id}").content.decode()
