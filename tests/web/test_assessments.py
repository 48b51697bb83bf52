"""Questionnaire pages: taking the connection check, your result and history, the partners'
scores side by side (only once both took it), and the answers in export and erasure."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test import Client

from rekindle.assessments import find_instrument
from rekindle.web.accounts.models import User
from rekindle.web.assessments.models import AssessmentResponse
from rekindle.web.couples.models import Couple
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

CHECK = "connection-check"
TAKE = f"/questionnaires/{CHECK}/take"
TOGETHER = f"/questionnaires/{CHECK}/together"
INSTRUMENT = find_instrument(CHECK)
assert INSTRUMENT is not None


def answers(how_true: int, yes: int = 0, **overrides: object) -> dict[str, object]:
    """The whole form, answered so that every 1..5 subscale scores ``how_true`` (reverse-keyed
    items get the mirror answer) and every yes/no item is ``yes``."""
    form: dict[str, object] = {
        item.id: yes if item.scale.maximum == 1 else 6 - how_true if item.reverse else how_true
        for item in INSTRUMENT.items
    }
    form.update(overrides)
    return {key: value for key, value in form.items() if value is not None}


def take(browser: Client, form: dict[str, object]) -> object:
    return browser.post(TAKE, form)


def page(browser: Client, path: str) -> str:
    response = browser.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- Taking a questionnaire ---------------------------------------------------------------


def test_the_list_offers_the_connection_check(alice_client: Client) -> None:
    html = page(alice_client, "/questionnaires/")

    assert "Connection check" in html
    assert "Not a clinical instrument" in html
    assert f'href="{TAKE}"' in html


def test_the_form_asks_every_item_as_a_labelled_radio_group(alice_client: Client) -> None:
    html = page(alice_client, TAKE)

    assert html.count("<fieldset") == len(INSTRUMENT.items) == 16
    for item in INSTRUMENT.items:
        assert item.text.replace("'", "&#x27;") in html
        assert html.count(f'name="{item.id}"') == len(item.scale.values)
    assert "Completely true" in html and "Not at all true" in html
    assert re.search(r"<legend>\s*1\. I feel close to my partner these days\.\s*</legend>", html)


def test_answering_saves_the_scores_and_shows_the_result(alice_client: Client, alice: User) -> None:
    # All "Mostly true", and "lonely"/"wish different"/"goes nowhere" answered "A little true"
    # (reverse-keyed, so they count 4): every mean is 4.0. One yes: a sign or two.
    form = answers(4, 0, **{"close-3": 2, "satisfied-3": 2, "understood-4": 2, "drift-2": 1})

    response = take(alice_client, form)

    saved = AssessmentResponse.objects.get(owner=alice)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/questionnaires/results/{saved.id}"
    scores = {s["id"]: s for s in saved.scores["subscales"]}
    assert scores["closeness"]["score"] == 4.0
    assert scores["closeness"]["band"]["label"] == "strong"
    assert scores["drift"]["score"] == 1
    assert scores["drift"]["band"]["label"] == "a sign or two"
    assert saved.answers["close-3"] == 2
    result = text_of(page(alice_client, f"/questionnaires/results/{saved.id}"))
    assert "Feeling close" in result and "4 on a range from 1 to 5: strong" in result
    assert "Signs of drifting apart" in result and "a sign or two" in result
    assert "Not a validated norm" in result


def test_skipped_items_are_kept_as_skipped_and_scored_by_the_rules(
    alice_client: Client, alice: User
) -> None:
    form = answers(3, **{"close-1": None, "understood-1": None, "understood-2": None})

    take(alice_client, form)

    saved = AssessmentResponse.objects.get(owner=alice)
    scores = {s["id"]: s for s in saved.scores["subscales"]}
    assert saved.answers["close-1"] is None
    assert scores["closeness"]["scoreable"] and scores["closeness"]["missing"] == 1
    assert not scores["understood"]["scoreable"]
    result = page(alice_client, f"/questionnaires/results/{saved.id}")
    assert "too many of its questions were skipped" in result


def test_an_empty_form_saves_nothing_and_says_why(alice_client: Client) -> None:
    response = take(alice_client, {})

    assert response.status_code == 400
    assert "Answer at least one question" in response.content.decode()
    assert not AssessmentResponse.objects.exists()


@pytest.mark.parametrize("bad", ["9", "0", "three", "4.5"])
def test_an_answer_off_the_scale_saves_nothing(alice_client: Client, bad: str) -> None:
    response = take(alice_client, answers(3, **{"close-2": bad}))

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not AssessmentResponse.objects.exists()


def test_an_unknown_questionnaire_is_not_found(alice_client: Client) -> None:
    for path in ("/questionnaires/no-such/", "/questionnaires/no-such/take"):
        assert alice_client.get(path).status_code == 404
    assert alice_client.post("/questionnaires/no-such/take", answers(3)).status_code == 404


def test_retaking_keeps_the_history(alice_client: Client, alice: User) -> None:
    take(alice_client, answers(2))
    take(alice_client, answers(5))

    assert AssessmentResponse.objects.filter(owner=alice).count() == 2
    history = text_of(page(alice_client, f"/questionnaires/{CHECK}/"))
    assert "2 · worth attention" in history and "5 · strong" in history


def test_answers_and_scores_are_encrypted_at_rest(alice_client: Client, alice: User) -> None:
    take(alice_client, answers(4))

    with connection.cursor() as cursor:
        cursor.execute("SELECT answers_json, scores_json FROM assessments_assessmentresponse")
        stored = cursor.fetchone()
    assert all(value.startswith("fernet:") for value in stored)
    assert "close-1" not in "".join(stored)


# --- Side by side -------------------------------------------------------------------------


def test_before_both_took_it_the_partner_sees_only_not_yet(
    couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    bobs_before = text_of(page(bob_client, TOGETHER))
    take(alice_client, answers(2, 1))

    alices = text_of(page(alice_client, TOGETHER))
    bobs = text_of(page(bob_client, TOGETHER))

    assert "Waiting for Bob: not yet" in alices
    # Bob has not taken it: he is asked to, and his page does not change at all, so it shows
    # nothing of Alice's scores, not even whether she has taken it.
    assert "Take the connection check" in bobs
    assert bobs == bobs_before
    assert "worth attention" not in bobs


def test_once_both_took_it_each_sees_both_scores_and_never_the_answers(
    couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    take(alice_client, answers(2, 1))
    take(bob_client, answers(5, 0))

    for browser, own, other in ((alice_client, "Alice", "Bob"), (bob_client, "Bob", "Alice")):
        html = page(browser, TOGETHER)
        text = text_of(html)
        assert f"You ({own})" in text and other in text
        for label in ("Feeling close", "Satisfaction", "Feeling understood"):
            assert label in text
        assert "2 · worth attention" in text and "5 · strong" in text
        assert "4 · worth attention" in text and "0 · none noticed" in text
        # Item texts and item-level answers are never on this page.
        assert all(item.text not in html for item in INSTRUMENT.items)
        assert "Completely true" not in html and "close-1" not in html


def test_the_partner_never_reads_a_result_by_id(
    couple: Couple, alice: User, alice_client: Client, bob_client: Client, charlie_client: Client
) -> None:
    take(alice_client, answers(3))
    take(bob_client, answers(3))
    alices = AssessmentResponse.objects.get(owner=alice)

    assert bob_client.get(f"/questionnaires/results/{alices.id}").status_code == 404
    assert charlie_client.get(f"/questionnaires/results/{alices.id}").status_code == 404


def test_unlinking_ends_the_side_by_side_view_at_once(
    couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    take(alice_client, answers(2, 1))
    take(bob_client, answers(5, 0))
    assert "2 · worth attention" in text_of(page(bob_client, TOGETHER))

    alice_client.post("/couple/unlink")

    bobs = text_of(page(bob_client, TOGETHER))
    assert "worth attention" not in bobs and "Alice" not in bobs
    assert "Invite your partner" in bobs


def test_answers_from_before_linking_are_not_shared(
    alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    take(alice_client, answers(2, 1))
    Couple.objects.create(first=alice, second=bob)
    take(bob_client, answers(5, 0))

    bobs = text_of(page(bob_client, TOGETHER))
    alices = text_of(page(alice_client, TOGETHER))

    assert "Waiting for Alice: not yet" in bobs and "worth attention" not in bobs
    assert "from before you linked" in alices


def test_on_your_own_the_page_explains_and_history_works(alice_client: Client) -> None:
    take(alice_client, answers(4))

    together = text_of(page(alice_client, TOGETHER))
    history = text_of(page(alice_client, f"/questionnaires/{CHECK}/"))

    assert "Invite your partner" in together
    assert "4 · strong" in history


def test_the_newest_result_in_the_couple_is_the_one_shown(
    couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    take(alice_client, answers(2))
    take(bob_client, answers(3))
    take(alice_client, answers(5))

    text = text_of(page(bob_client, TOGETHER))

    assert "5 · strong" in text and "2 · worth attention" not in text


# --- Your data ----------------------------------------------------------------------------


def test_the_export_holds_your_own_answers_and_not_your_partners(
    couple: Couple, alice_client: Client, bob_client: Client
) -> None:
    take(alice_client, answers(2, 1))
    take(bob_client, answers(5, 0))

    exported = json.loads(alice_client.get("/my-data/export.json").content)

    [taken] = exported["questionnaires"]
    assert taken["questionnaire"] == CHECK and taken["taken_in_couple"] is True
    assert taken["answers"]["close-1"] == 2 and taken["answers"]["drift-1"] == 1
    assert [s["score"] for s in taken["scores"]["subscales"]][:1] == [2.0]
    assert set(taken["answers"].values()) == {2, 4, 1}  # Alice's own answers, and only hers


def test_deleting_the_account_deletes_the_answers_and_keeps_the_partners(
    couple: Couple, alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    take(alice_client, answers(2))
    take(bob_client, answers(5))

    alice_client.post("/my-data/delete", {"password": PASSWORD})

    assert not AssessmentResponse.objects.filter(owner_id=alice.id).exists()
    assert AssessmentResponse.objects.filter(owner=bob).count() == 1
    assert "Invite your partner" in text_of(page(bob_client, TOGETHER))
