"""After a crisis, sharing and coaching wait for a short re-check: three plain questions, every
one answered, every answer "yes". One "I'm fine" does not end the pause; nor does a partial
answer, a "not sure", or the same through the API."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from rekindle.web.accounts.models import User
from rekindle.web.api.actions import do_create_api_token
from rekindle.web.couples.models import Couple
from rekindle.web.safety.models import SafetyEvent
from rekindle.web.safety.state import coaching_paused, joint_exercises_paused, sharing_paused
from tests.web.safety_support import CRISIS_TEXT, api, state, token_client

pytestmark = pytest.mark.django_db

ALL_YES = {"safe_now": "yes", "someone_to_talk_to": "yes", "knows_how_to_reach_help": "yes"}


@pytest.fixture
def in_crisis(alice: User, couple: Couple, alice_client: Client) -> Client:
    alice_client.post("/progress/", {"kind": "challenge", "text": CRISIS_TEXT})
    assert state(alice).crisis_pause
    return alice_client


def test_the_pause_holds_sharing_coaching_and_joint_exercises(
    alice: User, in_crisis: Client
) -> None:
    assert sharing_paused(alice) and coaching_paused(alice) and joint_exercises_paused(alice)
    page = in_crisis.get("/check-ins/").content.decode()
    assert "Sharing and coaching are paused for now." in page
    assert "/privacy/recheck" in page


def test_one_im_fine_does_not_end_the_pause(alice: User, in_crisis: Client) -> None:
    response = in_crisis.post("/privacy/recheck", {"safe_now": "yes"})

    assert response.status_code == 400
    assert "Please answer this one too." in response.content.decode()
    assert state(alice).crisis_pause


def test_there_is_no_single_im_fine_button(in_crisis: Client) -> None:
    page = in_crisis.get("/privacy/recheck").content.decode()

    assert page.count('type="radio"') == 9  # three questions, three answers each
    assert "I&#x27;m fine" not in page and "I’m fine" not in page


@pytest.mark.parametrize(
    "answers",
    [
        {**ALL_YES, "safe_now": "not_sure"},
        {**ALL_YES, "someone_to_talk_to": "no"},
        {**ALL_YES, "knows_how_to_reach_help": "not_sure"},
    ],
)
def test_any_answer_but_yes_keeps_the_pause_and_shows_the_lines_again(
    alice: User, in_crisis: Client, answers: dict[str, str]
) -> None:
    response = in_crisis.post("/privacy/recheck", answers)

    page = response.content.decode()
    assert response.status_code == 200
    assert "keep things paused for now" in page
    assert "112" in page  # the emergency number, wherever alice is
    assert state(alice).crisis_pause


def test_every_question_answered_yes_ends_the_pause(alice: User, in_crisis: Client) -> None:
    response = in_crisis.post("/privacy/recheck", ALL_YES)

    assert response.status_code == 302
    assert not state(alice).crisis_pause
    assert not sharing_paused(alice) and not coaching_paused(alice)
    answers = [e for e in SafetyEvent.objects.filter(owner=alice) if "recheck" in e.details_json]
    assert len(answers) == 1


def test_answering_again_after_a_no_can_end_it(alice: User, in_crisis: Client) -> None:
    in_crisis.post("/privacy/recheck", {**ALL_YES, "safe_now": "no"})
    in_crisis.post("/privacy/recheck", ALL_YES)

    assert not state(alice).crisis_pause


def test_the_api_re_check_follows_the_same_rule(alice: User, in_crisis: Client) -> None:
    client = token_client(do_create_api_token(alice, "tests", timezone.now())[1])

    one = api(client, "POST", "/api/safety/recheck", {"answers": {"safe_now": "yes"}})
    assert one.status_code == 200 and one.json()["recheck_needed"] is True
    all_yes = api(client, "POST", "/api/safety/recheck", {"answers": ALL_YES})
    assert all_yes.json()["recheck_needed"] is False


def test_the_re_check_is_only_for_someone_paused(bob_client: Client, in_crisis: Client) -> None:
    assert bob_client.get("/privacy/recheck").status_code == 302
    assert "/privacy/recheck" not in bob_client.get("/check-ins/").content.decode()
