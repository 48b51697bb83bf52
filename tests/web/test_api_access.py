"""Who may see and do what through the JSON API: alice (the owner), bob (her partner), charlie
(an outsider) and an anonymous caller, each endpoint in turn, with a personal token and with a
browser session. Anything not allowed is "not found" (404); no caller at all is 401."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import Analysis
from rekindle.web.api.actions import do_create_api_token
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.habits.models import Habit, HabitTick
from rekindle.web.progress.models import ProgressEntry
from tests.web.analysis_support import finished_analysis

pytestmark = pytest.mark.django_db

PRIVATE_NOTE = "Something only Alice should ever read."
SHARED_NOTE = "A note Alice chose to share."
ALICES_THANKS = "Thank you for the tea this morning."
HIDDEN_THANKS = "Thank you for listening on Tuesday."
ANONYMOUS = "anonymous"
PEOPLE = ("alice", "bob", "charlie", ANONYMOUS)


@dataclass(frozen=True)
class World:
    people: dict[str, User]
    tokens: dict[str, str]
    private_check_in: CheckIn
    shared_check_in: CheckIn
    thanks_only_check_in: CheckIn
    private_habit: Habit
    shared_habit: Habit
    alices_entry: ProgressEntry
    charlies_entry: ProgressEntry
    alices_analysis: Analysis

    def token_client(self, person: str) -> Client:
        if person == ANONYMOUS:
            return Client()
        return Client(headers={"Authorization": f"Bearer {self.tokens[person]}"})

    def session_client(self, person: str) -> Client:
        browser = Client()
        if person != ANONYMOUS:
            browser.force_login(self.people[person])
        return browser


@pytest.fixture
def world(alice: User, bob: User, charlie: User, couple: Couple) -> World:
    today = timezone.localdate()
    now = timezone.now()
    private = CheckIn.objects.create(
        author=alice,
        day=today - timedelta(days=1),
        mood=2,
        connection=3,
        note=PRIVATE_NOTE,
        appreciation=HIDDEN_THANKS,
        couple=couple,
    )
    shared = CheckIn.objects.create(
        author=alice,
        day=today - timedelta(days=2),
        mood=4,
        connection=8,
        note=SHARED_NOTE,
        shared_with_partner=True,
        couple=couple,
    )
    # Not shared, but both wrote an appreciation that day: bob sees hers, and only that.
    thanks_only = CheckIn.objects.create(
        author=alice,
        day=today - timedelta(days=3),
        mood=1,
        connection=2,
        note=PRIVATE_NOTE,
        appreciation=ALICES_THANKS,
        couple=couple,
    )
    CheckIn.objects.create(
        author=bob,
        day=today - timedelta(days=3),
        mood=3,
        connection=5,
        appreciation="Thank you for the walk.",
        couple=couple,
    )
    private_habit = Habit.objects.create(owner=alice, intervention_id="answer-the-bid")
    HabitTick.objects.create(habit=private_habit, day=today)
    shared_habit = Habit.objects.create(
        owner=alice, intervention_id="specific-thanks", shared_in=couple
    )
    return World(
        people={"alice": alice, "bob": bob, "charlie": charlie},
        tokens={
            name: do_create_api_token(person, "tests", now)[1]
            for name, person in (("alice", alice), ("bob", bob), ("charlie", charlie))
        },
        private_check_in=private,
        shared_check_in=shared,
        thanks_only_check_in=thanks_only,
        private_habit=private_habit,
        shared_habit=shared_habit,
        alices_entry=ProgressEntry.objects.create(
            author=alice, couple=couple, kind="win", text="We laughed at dinner.", day=today
        ),
        charlies_entry=ProgressEntry.objects.create(
            author=charlie, kind="challenge", text="Charlie's own note.", day=today
        ),
        # Finished in the couple; Bob has not yet chosen to read its report.
        alices_analysis=finished_analysis(alice, couple),
    )


def call(browser: Client, method: str, path: str, body: object = None) -> Any:
    data = json.dumps(body) if body is not None else None
    return browser.generic(method, path, data or "", content_type="application/json")


CHECK_IN = {"mood": 3, "connection": 6, "note": "A calm evening."}
ENTRY = {"kind": "win", "text": "A slow Sunday breakfast."}

# Each row: method, path (from the world), body, then what alice, bob, charlie and an
# anonymous caller get.
GRID: list[tuple[str, Any, object, int, int, int, int]] = [
    ("GET", lambda w: "/api/check-ins", None, 200, 200, 200, 401),
    ("GET", lambda w: "/api/check-ins/today", None, 200, 200, 200, 401),
    ("PUT", lambda w: "/api/check-ins/today", CHECK_IN, 200, 200, 200, 401),
    ("GET", lambda w: f"/api/check-ins/{w.private_check_in.id}", None, 200, 404, 404, 401),
    ("GET", lambda w: f"/api/check-ins/{w.shared_check_in.id}", None, 200, 200, 404, 401),
    ("GET", lambda w: f"/api/check-ins/{w.thanks_only_check_in.id}", None, 200, 200, 404, 401),
    ("GET", lambda w: "/api/check-ins/999999", None, 404, 404, 404, 401),
    ("GET", lambda w: "/api/habits", None, 200, 200, 200, 401),
    ("GET", lambda w: f"/api/habits/{w.private_habit.id}", None, 200, 404, 404, 401),
    ("GET", lambda w: f"/api/habits/{w.shared_habit.id}", None, 200, 200, 404, 401),
    ("GET", lambda w: "/api/habits/999999", None, 404, 404, 404, 401),
    # Bob sees the habit Alice shares, but it stays hers to tick.
    ("PUT", lambda w: f"/api/habits/{w.private_habit.id}/ticks/today", None, 200, 404, 404, 401),
    ("PUT", lambda w: f"/api/habits/{w.shared_habit.id}/ticks/today", None, 200, 404, 404, 401),
    (
        "DELETE",
        lambda w: f"/api/habits/{w.private_habit.id}/ticks/today",
        None,
        200,
        404,
        404,
        401,
    ),
    ("GET", lambda w: "/api/progress", None, 200, 200, 200, 401),
    ("POST", lambda w: "/api/progress", ENTRY, 201, 201, 201, 401),
    ("GET", lambda w: f"/api/progress/{w.alices_entry.id}", None, 200, 200, 404, 401),
    ("GET", lambda w: f"/api/progress/{w.charlies_entry.id}", None, 404, 404, 200, 401),
    # Only the writer may delete an entry, even from the log both partners see.
    ("DELETE", lambda w: f"/api/progress/{w.alices_entry.id}", None, 204, 404, 404, 401),
    ("DELETE", lambda w: f"/api/progress/{w.charlies_entry.id}", None, 404, 404, 204, 401),
    ("GET", lambda w: "/api/analyses", None, 200, 200, 200, 401),
    ("GET", lambda w: f"/api/analyses/{w.alices_analysis.id}", None, 200, 200, 404, 401),
    # Bob reads the report only once he approves it.
    ("GET", lambda w: f"/api/analyses/{w.alices_analysis.id}/report", None, 200, 404, 404, 401),
    ("GET", lambda w: "/api/analyses/999999", None, 404, 404, 404, 401),
    ("GET", lambda w: "/api/openapi.json", None, 200, 200, 200, 200),
]


@pytest.mark.parametrize(
    ("method", "make_path", "body", "expected"),
    [(row[0], row[1], row[2], dict(zip(PEOPLE, row[3:], strict=True))) for row in GRID],
    ids=[f"{row[0]} row {index}" for index, row in enumerate(GRID)],
)
@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("auth", ["token", "session"])
def test_each_caller_gets_what_the_privacy_rules_allow(
    world: World,
    auth: str,
    person: str,
    method: str,
    make_path: Any,
    body: object,
    expected: dict[str, int],
) -> None:
    browser = world.token_client(person) if auth == "token" else world.session_client(person)
    path = make_path(world)

    response = call(browser, method, path, body)

    assert response.status_code == expected[person], f"{person} {method} {path}"
    if response.status_code != 204:
        assert response.headers["Content-Type"].startswith("application/json")


def test_every_operation_in_the_schema_refuses_an_anonymous_caller(world: World) -> None:
    schema = Client().get("/api/openapi.json").json()
    operations = [
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "put", "post", "delete", "patch"}
    ]

    # A real client, checked for CSRF as browsers are: still 401, never a CSRF refusal.
    visitor = Client(enforce_csrf_checks=True)
    answers = {
        (method, path): call(visitor, method, _fill(path), {}) for method, path in operations
    }

    assert len(operations) >= 10
    assert {key: r.status_code for key, r in answers.items()} == {key: 401 for key in answers}
    assert all("Bearer" in r.json()["detail"] for r in answers.values())


def _fill(path: str) -> str:
    """A schema path with each parameter filled in with a plausible id."""
    parts = ["1" if part.startswith("{") else part for part in path.split("/")]
    return "/".join(parts)


# --- What a partner sees of a check-in ----------------------------------------------------


def test_bob_never_gets_alices_private_note_through_any_endpoint(world: World) -> None:
    bob = world.token_client("bob")
    ids = [world.private_check_in.id, world.shared_check_in.id, world.thanks_only_check_in.id]
    paths = [
        "/api/check-ins",
        "/api/check-ins/today",
        "/api/habits",
        f"/api/habits/{world.shared_habit.id}",
        "/api/progress",
        f"/api/progress/{world.alices_entry.id}",
        "/api/analyses",
        f"/api/analyses/{world.alices_analysis.id}",
        *[f"/api/check-ins/{check_in_id}" for check_in_id in ids],
    ]

    bodies = [bob.get(path).content.decode() for path in paths]
    bodies.append(call(bob, "PUT", "/api/check-ins/today", CHECK_IN).content.decode())

    assert all(PRIVATE_NOTE not in body and HIDDEN_THANKS not in body for body in bodies)
    assert any(SHARED_NOTE in body for body in bodies)
    assert any(ALICES_THANKS in body for body in bodies)


def test_a_partner_sees_only_the_fields_the_rules_allow(world: World) -> None:
    bob = world.token_client("bob")

    shared = bob.get(f"/api/check-ins/{world.shared_check_in.id}").json()
    thanks_only = bob.get(f"/api/check-ins/{world.thanks_only_check_in.id}").json()

    assert (shared["is_own"], shared["mood"], shared["note"]) == (False, 4, SHARED_NOTE)
    assert shared["appreciation"] is None
    assert (thanks_only["mood"], thanks_only["connection"], thanks_only["note"]) == (
        None,
        None,
        None,
    )
    assert thanks_only["appreciation"] == ALICES_THANKS


def test_alice_reads_her_own_private_check_in_in_full(world: World) -> None:
    mine = world.token_client("alice").get(f"/api/check-ins/{world.private_check_in.id}").json()

    assert (mine["is_own"], mine["note"], mine["appreciation"]) == (
        True,
        PRIVATE_NOTE,
        HIDDEN_THANKS,
    )


def test_todays_appreciation_shows_to_the_partner_only_once_both_wrote_one(
    world: World,
) -> None:
    alice, bob = world.token_client("alice"), world.token_client("bob")
    call(alice, "PUT", "/api/check-ins/today", {**CHECK_IN, "appreciation": "You made me laugh."})

    before = bob.get("/api/check-ins/today").json()
    call(bob, "PUT", "/api/check-ins/today", {**CHECK_IN, "appreciation": "You cooked."})
    after = bob.get("/api/check-ins/today").json()

    assert before["partner"] is None
    assert after["partner"]["appreciation"] == "You made me laugh."
    assert after["partner"]["note"] is None


def test_unlinking_ends_bobs_view_of_alices_shared_check_in(world: World) -> None:
    Couple.objects.update(unlinked_at=timezone.now())

    response = world.token_client("bob").get(f"/api/check-ins/{world.shared_check_in.id}")

    assert response.status_code == 404


def test_a_check_in_written_through_the_api_is_the_callers_own(world: World) -> None:
    response = call(world.token_client("bob"), "PUT", "/api/check-ins/today", CHECK_IN)

    saved = CheckIn.objects.get(id=response.json()["id"])
    assert saved.author == world.people["bob"]
    assert saved.note == "A calm evening."
    assert CheckIn.objects.filter(author=world.people["alice"]).count() == 3


# --- Habits and the log -------------------------------------------------------------------


def test_ticking_twice_keeps_one_tick_and_unticking_takes_it_off(world: World) -> None:
    alice = world.token_client("alice")
    path = f"/api/habits/{world.shared_habit.id}/ticks/today"

    first = call(alice, "PUT", path).json()
    second = call(alice, "PUT", path).json()
    untick = call(alice, "DELETE", path).json()

    assert (first["ticked_today"], second["ticked_today"], untick["ticked_today"]) == (
        True,
        True,
        False,
    )
    assert second["streak"]["current"] == 1
    assert not HabitTick.objects.filter(habit=world.shared_habit).exists()


def test_a_habit_set_aside_cannot_be_ticked_and_says_why(world: World) -> None:
    Habit.objects.filter(id=world.shared_habit.id).update(stopped_at=timezone.now())

    response = call(
        world.token_client("alice"), "PUT", f"/api/habits/{world.shared_habit.id}/ticks/today"
    )

    assert response.status_code == 409
    assert "set aside" in response.json()["detail"]


def test_the_habit_list_holds_alices_own_and_only_the_shared_one_for_bob(world: World) -> None:
    alices = world.token_client("alice").get("/api/habits").json()
    bobs = world.token_client("bob").get("/api/habits").json()
    charlies = world.token_client("charlie").get("/api/habits").json()

    assert {h["id"] for h in alices} == {world.private_habit.id, world.shared_habit.id}
    assert [(h["id"], h["is_own"]) for h in bobs] == [(world.shared_habit.id, False)]
    assert charlies == []


def test_the_log_shows_the_couples_entries_and_nobody_elses(world: World) -> None:
    bobs = world.token_client("bob").get("/api/progress").json()
    charlies = world.token_client("charlie").get("/api/progress").json()

    assert [(e["text"], e["is_own"], e["author_name"]) for e in bobs] == [
        ("We laughed at dinner.", False, "Alice")
    ]
    assert [e["text"] for e in charlies] == ["Charlie's own note."]


def test_an_entry_added_through_the_api_reaches_the_partners_log(world: World) -> None:
    added = call(world.token_client("alice"), "POST", "/api/progress", ENTRY)

    bobs = world.token_client("bob").get("/api/progress").json()

    assert added.status_code == 201
    assert added.json()["text"] == ENTRY["text"]
    assert ENTRY["text"] in [e["text"] for e in bobs]


# --- Errors are JSON, with a clear message and a 4xx --------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", "/api/check-ins/today", {"mood": 9, "connection": 6}),
        ("PUT", "/api/check-ins/today", {"mood": 3, "connection": 6, "note": "a\x00b"}),
        ("PUT", "/api/check-ins/today", {"mood": 3, "connection": 6, "note": "x" * 4001}),
        ("POST", "/api/progress", {"kind": "win", "text": "   "}),
        ("POST", "/api/progress", {"kind": "rant", "text": "Something."}),
        ("GET", "/api/check-ins/not-a-number", None),
        ("GET", "/api/check-ins/99999999999999999999999", None),
        ("GET", "/api/check-ins?first_day=yesterday", None),
    ],
)
def test_invalid_input_is_a_json_422_that_names_the_problem(
    world: World, method: str, path: str, body: object
) -> None:
    response = call(world.token_client("alice"), method, path, body)

    assert response.status_code == 422
    assert response.json()["detail"]
    assert not ProgressEntry.objects.filter(text__in=["   ", "Something."]).exists()


def test_a_body_that_is_not_json_is_a_400(world: World) -> None:
    response = world.token_client("alice").generic(
        "POST", "/api/progress", "{not json", content_type="application/json"
    )

    assert response.status_code == 400
    assert "detail" in response.json()


def test_not_found_says_so_in_plain_words(world: World) -> None:
    response = world.token_client("bob").get(f"/api/habits/{world.private_habit.id}")

    assert response.json() == {"detail": "Nothing here, or nothing you may see."}


def test_there_is_no_docs_page_that_would_load_scripts_from_elsewhere(world: World) -> None:
    assert world.session_client("alice").get("/api/docs").status_code == 404


# --- Tokens -------------------------------------------------------------------------------


def test_a_token_made_on_the_settings_page_works_and_only_its_digest_is_stored(
    world: World,
) -> None:
    page = world.session_client("charlie").post("/api-tokens/new", {"name": "my script"})
    token = page.context["new_token"]

    response = world.token_client(ANONYMOUS).get(
        "/api/progress", headers={"Authorization": f"Bearer {token}"}
    )

    assert token in page.content.decode()
    assert [e["text"] for e in response.json()] == ["Charlie's own note."]
    stored = world.people["charlie"].api_tokens.get(name="my script")
    assert token not in (stored.token_digest, stored.name)


def test_a_revoked_token_is_refused(world: World) -> None:
    alice = world.people["alice"]
    token_id = alice.api_tokens.get().id

    world.session_client("alice").post(f"/api-tokens/{token_id}/revoke")
    response = world.token_client("alice").get("/api/check-ins")

    assert response.status_code == 401
    assert not alice.api_tokens.exists()


def test_a_wrong_token_is_refused(world: World) -> None:
    stranger = Client(headers={"Authorization": "Bearer rk_not-a-real-token"})

    assert stranger.get("/api/check-ins").status_code == 401


def test_nobody_else_can_revoke_alices_token(world: World) -> None:
    token_id = world.people["alice"].api_tokens.get().id

    answers = [
        world.session_client(person).post(f"/api-tokens/{token_id}/revoke").status_code
        for person in ("bob", "charlie")
    ]

    assert answers == [404, 404]
    assert world.token_client("alice").get("/api/check-ins").status_code == 200


def test_the_token_page_lists_only_the_callers_own_tokens(world: World) -> None:
    world.session_client("alice").post("/api-tokens/new", {"name": "Alice's bedtime app"})

    alices = world.session_client("alice").get("/api-tokens/").content.decode()
    bobs = world.session_client("bob").get("/api-tokens/").content.decode()

    assert "Alice&#x27;s bedtime app" in alices
    assert "bedtime app" not in bobs


def test_a_token_cannot_open_the_token_page(world: World) -> None:
    response = world.token_client("alice").get("/api-tokens/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/sign-in")


# --- CSRF with the browser session --------------------------------------------------------


def test_a_session_write_without_the_csrf_token_is_refused(world: World) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.people["alice"])

    response = call(browser, "POST", "/api/progress", ENTRY)

    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["detail"]
    assert not ProgressEntry.objects.filter(text=ENTRY["text"]).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/api/check-ins/today"),
        ("PUT", "/api/habits/{habit}/ticks/today"),
        ("DELETE", "/api/habits/{habit}/ticks/today"),
        ("DELETE", "/api/progress/{entry}"),
    ],
)
def test_every_session_write_needs_the_csrf_token(world: World, method: str, path: str) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.people["alice"])
    filled = path.format(habit=world.private_habit.id, entry=world.alices_entry.id)

    response = call(browser, method, filled, CHECK_IN)

    assert response.status_code == 403
    assert ProgressEntry.objects.filter(id=world.alices_entry.id).exists()
    assert HabitTick.objects.filter(habit=world.private_habit).count() == 1


def test_a_session_write_with_the_csrf_token_goes_through(world: World) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.people["alice"])
    browser.get("/api-tokens/")  # any page with a form sets the CSRF cookie
    csrf_token = browser.cookies["csrftoken"].value

    response = browser.post(
        "/api/progress",
        json.dumps(ENTRY),
        content_type="application/json",
        headers={"X-CSRFToken": csrf_token},
    )

    assert response.status_code == 201
    assert browser.get("/api/check-ins").status_code == 200


def test_a_token_write_needs_no_csrf_token(world: World) -> None:
    browser = Client(
        enforce_csrf_checks=True, headers={"Authorization": f"Bearer {world.tokens['alice']}"}
    )

    response = call(browser, "POST", "/api/progress", ENTRY)

    assert response.status_code == 201


# --- The token page, for each person ------------------------------------------------------

TOKEN_PAGES: list[tuple[str, Any, int | str, int | str, int | str, str]] = [
    ("GET", lambda w: "/api-tokens/", 200, 200, 200, "sign in"),
    ("POST", lambda w: "/api-tokens/new", 200, 200, 200, "sign in"),
    (
        "POST",
        lambda w: f"/api-tokens/{w.people['alice'].api_tokens.get().id}/revoke",
        302,
        404,
        404,
        "sign in",
    ),
]


@pytest.mark.parametrize(
    ("method", "make_path", "expected"),
    [(row[0], row[1], dict(zip(PEOPLE, row[2:], strict=True))) for row in TOKEN_PAGES],
    ids=[f"{row[0]} token page row {index}" for index, row in enumerate(TOKEN_PAGES)],
)
@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_reaches_only_their_own_token_page_and_tokens(
    world: World, person: str, method: str, make_path: Any, expected: dict[str, int | str]
) -> None:
    browser = world.session_client(person)
    path = make_path(world)

    response = browser.post(path, {"name": "A script"}) if method == "POST" else browser.get(path)

    signed_out = response.status_code == 302 and response.headers["Location"].startswith(
        "/accounts/sign-in?next="
    )
    assert ("sign in" if signed_out else response.status_code) == expected[person]


# --- Chat analyses ------------------------------------------------------------------------


def test_bob_learns_only_that_alices_analysis_exists_until_he_approves(world: World) -> None:
    listed = world.token_client("bob").get("/api/analyses").json()

    assert [(a["id"], a["is_own"], a["owner_name"]) for a in listed] == [
        (world.alices_analysis.id, False, "Alice")
    ]
    assert listed[0]["file_name"] is None
    assert listed[0]["report_available"] is False
    assert world.token_client("charlie").get("/api/analyses").json() == []


def test_once_bob_approves_he_reads_the_same_report_as_alice(world: World) -> None:
    Analysis.objects.filter(id=world.alices_analysis.id).update(partner_approved_at=timezone.now())
    path = f"/api/analyses/{world.alices_analysis.id}/report"

    bobs = world.token_client("bob").get(path)
    alices = world.token_client("alice").get(path)

    assert bobs.status_code == 200
    assert bobs.json() == alices.json() == json.loads(world.alices_analysis.report_json)
    assert world.token_client("charlie").get(path).status_code == 404
