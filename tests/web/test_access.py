"""Who may see and do what, page by page: alice (the owner), bob (her partner), charlie (an
outsider) and an anonymous visitor. Anything not allowed is "not found" for people with an
account, and the sign-in page for visitors; nothing is open unless it is listed as public."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from rekindle.assessments import find_instrument
from rekindle.web.accounts.models import SignedInSession, User
from rekindle.web.analyses.models import Analysis
from rekindle.web.assessments.actions import do_save_assessment
from rekindle.web.assessments.models import AssessmentResponse
from rekindle.web.calendar.actions import do_create_calendar_feed
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.actions import do_create_invitation
from rekindle.web.couples.models import Couple, Invitation
from rekindle.web.habits.models import Habit, HabitTick
from rekindle.web.progress.models import ProgressEntry
from tests.web.analysis_support import finished_analysis

pytestmark = pytest.mark.django_db

PRIVATE_NOTE = "Something only Alice should ever read."
SHARED_NOTE = "A note Alice chose to share."
ANONYMOUS = "anonymous"
PEOPLE = ("alice", "bob", "charlie", ANONYMOUS)

# The pages anyone may open without signing in. Every other route must send a visitor to the
# sign-in page: deny by default.
PUBLIC_ROUTES = frozenset(
    {
        "home",
        "health",
        "accounts:sign_up",
        "accounts:sign_in",
        "accounts:sign_out",
        "accounts:signed_out",
        "accounts:password_reset",
        "accounts:password_reset_sent",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
        # A phone fetches the calendar feed without signing in; its secret address is the key.
        "calendar:feed",
        "data:deleted",
    }
)


@dataclass(frozen=True)
class World:
    browsers: dict[str, Client]
    private_check_in: CheckIn
    shared_check_in: CheckIn
    alices_session: SignedInSession
    alices_old_invitation: Invitation
    charlies_link: str
    private_habit: Habit
    shared_habit: Habit
    alices_entry: ProgressEntry
    charlies_entry: ProgressEntry
    alices_feed_token: str
    alices_analysis: Analysis
    alices_result: AssessmentResponse


CONNECTION_CHECK = find_instrument("connection-check")
assert CONNECTION_CHECK is not None
# Every question of the connection check answered "Somewhat true" (or "No").
CONNECTION_CHECK_FORM = {item.id: str(item.scale.minimum + 2) for item in CONNECTION_CHECK.items}
CONNECTION_CHECK_FORM.update({i.id: "0" for i in CONNECTION_CHECK.items if i.scale.maximum == 1})


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
    today = timezone.localdate()
    private = CheckIn.objects.create(
        author=alice,
        day=today - timedelta(days=1),
        mood=2,
        connection=3,
        note=PRIVATE_NOTE,
        couple=couple,
    )
    shared = CheckIn.objects.create(
        author=alice,
        day=today,
        mood=4,
        connection=8,
        note=SHARED_NOTE,
        shared_with_partner=True,
        couple=couple,
    )
    invitation = Invitation.objects.create(
        inviter=alice, token_digest="0" * 64, expires_at=timezone.now() + timedelta(days=1)
    )
    _, token = do_create_invitation(charlie, timezone.now())
    private_habit = Habit.objects.create(owner=alice, intervention_id="answer-the-bid")
    HabitTick.objects.create(habit=private_habit, day=today)
    shared_habit = Habit.objects.create(
        owner=alice, intervention_id="specific-thanks", shared_in=couple
    )
    return World(
        private_habit=private_habit,
        shared_habit=shared_habit,
        alices_entry=ProgressEntry.objects.create(
            author=alice, couple=couple, kind="win", text="We laughed at dinner.", day=today
        ),
        charlies_entry=ProgressEntry.objects.create(
            author=charlie, kind="challenge", text="Charlie's own note.", day=today
        ),
        alices_feed_token=do_create_calendar_feed(alice, timezone.now()),
        charlies_link=f"/couple/join/{token}",
        browsers={
            "alice": alice_client,
            "bob": bob_client,
            "charlie": charlie_client,
            ANONYMOUS: Client(),
        },
        private_check_in=private,
        shared_check_in=shared,
        alices_session=SignedInSession.objects.get(user=alice),
        alices_old_invitation=invitation,
        # Finished in the couple; Bob has not yet chosen to read it.
        alices_analysis=finished_analysis(alice, couple),
        alices_result=do_save_assessment(
            alice, CONNECTION_CHECK, {"close-1": 4, "close-2": 5}, now=timezone.now()
        ),
    )


def outcome(response: object) -> str:
    """A response summed up as a person would notice it."""
    status = response.status_code  # type: ignore[attr-defined]
    if status == 302:
        location = response.headers["Location"]  # type: ignore[attr-defined]
        return "sign in" if location.startswith("/accounts/sign-in?next=") else "redirect"
    return str(status)


CHECK_IN_FORM = {"mood": "3", "connection": "6", "note": "A calm evening."}
FORMS = {
    "/check-ins/": CHECK_IN_FORM,
    "/progress/": {"kind": "win", "text": "A slow Sunday breakfast."},
    "/my-data/delete": {"password": "not the password"},
    "/questionnaires/connection-check/take": CONNECTION_CHECK_FORM,
}

# Each row: method, path (from the world), then what alice, bob, charlie and a visitor get.
GRID = [
    ("GET", lambda w: "/", "200", "200", "200", "200"),
    ("GET", lambda w: "/health", "200", "200", "200", "200"),
    ("POST", lambda w: "/check-ins/", "redirect", "redirect", "redirect", "sign in"),
    ("GET", lambda w: "/check-ins/", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/check-ins/review", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/check-ins/review/mood.svg", "200", "200", "200", "sign in"),
    ("GET", lambda w: f"/check-ins/{w.private_check_in.id}", "200", "404", "404", "sign in"),
    ("GET", lambda w: f"/check-ins/{w.shared_check_in.id}", "200", "200", "404", "sign in"),
    ("GET", lambda w: "/check-ins/999999", "404", "404", "404", "sign in"),
    ("GET", lambda w: "/couple/", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/couple/unlink", "200", "200", "redirect", "sign in"),
    ("POST", lambda w: "/couple/unlink", "redirect", "redirect", "redirect", "sign in"),
    # Alice and Bob are linked already, so only Charlie gets a new link.
    ("POST", lambda w: "/couple/invite", "redirect", "redirect", "200", "sign in"),
    ("GET", lambda w: w.charlies_link, "200", "200", "200", "sign in"),
    ("GET", lambda w: "/couple/join/no-such-token", "404", "404", "404", "sign in"),
    ("GET", lambda w: "/accounts/sessions", "200", "200", "200", "sign in"),
    (
        "POST",
        lambda w: f"/couple/invitations/{w.alices_old_invitation.id}/withdraw",
        "redirect",
        "404",
        "404",
        "sign in",
    ),
    (
        "POST",
        lambda w: f"/accounts/sessions/{w.alices_session.id}/sign-out",
        "redirect",
        "404",
        "404",
        "sign in",
    ),
    ("GET", lambda w: "/habits/", "200", "200", "200", "sign in"),
    ("POST", lambda w: "/habits/choose", "redirect", "redirect", "redirect", "sign in"),
    ("GET", lambda w: f"/habits/{w.private_habit.id}", "200", "404", "404", "sign in"),
    ("GET", lambda w: f"/habits/{w.shared_habit.id}", "200", "200", "404", "sign in"),
    ("GET", lambda w: "/habits/999999", "404", "404", "404", "sign in"),
    ("POST", lambda w: f"/habits/{w.private_habit.id}/tick", "redirect", "404", "404", "sign in"),
    # Bob sees the habit Alice shares, but it stays hers to tick, change or set aside.
    ("POST", lambda w: f"/habits/{w.shared_habit.id}/tick", "redirect", "404", "404", "sign in"),
    (
        "POST",
        lambda w: f"/habits/{w.shared_habit.id}/settings",
        "redirect",
        "404",
        "404",
        "sign in",
    ),
    ("POST", lambda w: f"/habits/{w.shared_habit.id}/stop", "redirect", "404", "404", "sign in"),
    ("GET", lambda w: "/progress/", "200", "200", "200", "sign in"),
    ("POST", lambda w: "/progress/", "redirect", "redirect", "redirect", "sign in"),
    ("GET", lambda w: f"/progress/{w.alices_entry.id}", "200", "200", "404", "sign in"),
    ("GET", lambda w: f"/progress/{w.charlies_entry.id}", "404", "404", "200", "sign in"),
    (
        "POST",
        lambda w: f"/progress/{w.alices_entry.id}/delete",
        "redirect",
        "404",
        "404",
        "sign in",
    ),
    ("GET", lambda w: "/calendar/", "200", "200", "200", "sign in"),
    ("POST", lambda w: "/calendar/new-address", "200", "200", "200", "sign in"),
    ("POST", lambda w: "/calendar/revoke", "redirect", "redirect", "redirect", "sign in"),
    ("GET", lambda w: f"/calendar/feed/{w.alices_feed_token}.ics", "200", "200", "200", "200"),
    ("GET", lambda w: "/calendar/feed/not-the-token.ics", "404", "404", "404", "404"),
    ("GET", lambda w: "/my-data/", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/my-data/export.json", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/my-data/delete", "200", "200", "200", "sign in"),
    # Without the right password, nothing is deleted and the form says why.
    ("POST", lambda w: "/my-data/delete", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/my-data/deleted", "200", "200", "200", "200"),
    ("GET", lambda w: "/dashboard/", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/analyses/", "200", "200", "200", "sign in"),
    # Posting no file is a form error, whoever posts it.
    ("POST", lambda w: "/analyses/", "400", "400", "400", "sign in"),
    ("GET", lambda w: f"/analyses/{w.alices_analysis.id}", "200", "200", "404", "sign in"),
    ("GET", lambda w: f"/analyses/{w.alices_analysis.id}/status", "200", "200", "404", "sign in"),
    # Bob reads the report only once he approves it.
    ("GET", lambda w: f"/analyses/{w.alices_analysis.id}/report", "200", "404", "404", "sign in"),
    ("GET", lambda w: "/analyses/999999", "404", "404", "404", "sign in"),
    (
        "POST",
        lambda w: f"/analyses/{w.alices_analysis.id}/approve",
        "404",
        "redirect",
        "404",
        "sign in",
    ),
    # The upload is gone after the analysis, so re-running asks for the export again.
    ("POST", lambda w: f"/analyses/{w.alices_analysis.id}/rerun", "400", "404", "404", "sign in"),
    (
        "POST",
        lambda w: f"/analyses/{w.alices_analysis.id}/delete",
        "redirect",
        "404",
        "404",
        "sign in",
    ),
    ("GET", lambda w: "/questionnaires/", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/questionnaires/connection-check/", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/questionnaires/connection-check/take", "200", "200", "200", "sign in"),
    (
        "POST",
        lambda w: "/questionnaires/connection-check/take",
        "redirect",
        "redirect",
        "redirect",
        "sign in",
    ),
    # Side by side shows the partner's scores only once both took it; the page itself is
    # open to everyone signed in (on your own it explains how to invite a partner).
    ("GET", lambda w: "/questionnaires/connection-check/together", "200", "200", "200", "sign in"),
    ("GET", lambda w: "/questionnaires/no-such-thing/", "404", "404", "404", "sign in"),
    # A result holds the answers: only its owner reads it, not even the partner.
    (
        "GET",
        lambda w: f"/questionnaires/results/{w.alices_result.id}",
        "200",
        "404",
        "404",
        "sign in",
    ),
    ("GET", lambda w: "/questionnaires/results/999999", "404", "404", "404", "sign in"),
    ("GET", lambda w: "/accounts/sign-up", "redirect", "redirect", "redirect", "200"),
    ("GET", lambda w: "/accounts/sign-in", "redirect", "redirect", "redirect", "200"),
    ("GET", lambda w: "/accounts/password-reset", "200", "200", "200", "200"),
    ("GET", lambda w: "/accounts/signed-out", "200", "200", "200", "200"),
    ("POST", lambda w: "/accounts/sign-out", "redirect", "redirect", "redirect", "redirect"),
]


@pytest.mark.parametrize(
    ("method", "make_path", "expected"),
    [(row[0], row[1], dict(zip(PEOPLE, row[2:], strict=True))) for row in GRID],
    ids=[f"{row[0]} row {index}" for index, row in enumerate(GRID)],
)
@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_gets_what_the_privacy_rules_allow(
    world: World, method: str, make_path: object, expected: dict[str, str], person: str
) -> None:
    path = make_path(world)  # type: ignore[operator]
    browser = world.browsers[person]

    form = FORMS.get(path, {})
    response = browser.post(path, form) if method == "POST" else browser.get(path)

    assert outcome(response) == expected[person], f"{person} {method} {path}"


def test_bob_never_sees_alices_private_note_on_any_page(world: World) -> None:
    bob = world.browsers["bob"]
    paths = [
        "/",
        "/check-ins/",
        "/check-ins/review",
        "/couple/",
        "/accounts/sessions",
        "/habits/",
        "/progress/",
        "/my-data/export.json",
        f"/check-ins/{world.private_check_in.id}",
        f"/check-ins/{world.shared_check_in.id}",
    ]

    pages = [bob.get(path).content.decode() for path in paths]

    assert all(PRIVATE_NOTE not in page for page in pages)
    assert any(SHARED_NOTE in page for page in pages)


def test_charlie_sees_nothing_alice_wrote_on_any_page(world: World) -> None:
    charlie = world.browsers["charlie"]
    paths = [
        "/",
        "/check-ins/",
        "/check-ins/review",
        "/couple/",
        "/accounts/sessions",
        "/habits/",
        "/progress/",
        "/my-data/export.json",
    ]

    pages = [charlie.get(path).content.decode() for path in paths]

    assert all(PRIVATE_NOTE not in page and SHARED_NOTE not in page for page in pages)
    assert all("Alice" not in page for page in pages)


def test_alices_own_pages_show_her_private_note(world: World) -> None:
    page = world.browsers["alice"].get(f"/check-ins/{world.private_check_in.id}").content.decode()

    assert PRIVATE_NOTE in page


def test_a_check_in_from_before_the_couple_linked_stays_private(
    alice: User, bob_client: Client, couple: Couple
) -> None:
    solo = CheckIn.objects.create(
        author=alice,
        day=date(2025, 1, 1),
        mood=3,
        connection=5,
        note="Before Bob.",
        shared_with_partner=True,
        couple=None,
    )

    assert bob_client.get(f"/check-ins/{solo.id}").status_code == 404


def all_routes() -> list[tuple[str, str]]:
    """Every named route, with a sample path that fills each parameter."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif entry.name:
                route = prefix + str(entry.pattern)
                for converter in ("<int:", "<str:", "<"):
                    while converter in route:
                        start = route.index(converter)
                        end = route.index(">", start)
                        route = (
                            route[:start]
                            + ("1" if converter == "<int:" else "x")
                            + route[end + 1 :]
                        )
                found.append((namespace + entry.name, "/" + route))

    walk(get_resolver().url_patterns, "", "")
    return found


def test_the_route_list_covers_the_apps() -> None:
    names = {name for name, _ in all_routes()}

    assert {"checkins:today", "couples:join", "accounts:sessions", "home"} <= names


# The JSON API answers a visitor with 401 rather than a redirect; test_api_access.py walks every
# operation of its served schema for that.
@pytest.mark.parametrize(
    ("name", "path"),
    [r for r in all_routes() if r[0] not in PUBLIC_ROUTES and not r[0].startswith("api:")],
)
def test_every_private_route_sends_visitors_to_sign_in(db: None, name: str, path: str) -> None:
    visitor = Client()

    outcomes = {outcome(visitor.get(path)), outcome(visitor.post(path))}

    assert "sign in" in outcomes, name
    assert outcomes <= {"sign in", "405"}, name


@pytest.mark.parametrize(("name", "path"), [r for r in all_routes() if r[0] not in PUBLIC_ROUTES])
def test_every_private_form_refuses_a_post_without_its_csrf_token(
    alice: User, couple: Couple, name: str, path: str
) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)

    response = browser.post(path)

    assert response.status_code in {403, 405}, name
    assert browser.get("/check-ins/").status_code == 200


def test_a_check_in_posted_by_bob_is_his_own_and_never_alices(world: World) -> None:
    world.browsers["bob"].post("/check-ins/", CHECK_IN_FORM)

    bobs = CheckIn.objects.get(author__email="bob@example.org")
    assert bobs.note == "A calm evening."
    assert CheckIn.objects.filter(author__email="alice@example.org").count() == 2


def test_accepting_charlies_link_does_nothing_for_people_already_linked(world: World) -> None:
    for person in ("alice", "bob"):
        world.browsers[person].post(world.charlies_link)

    assert Couple.objects.filter(unlinked_at__isnull=True).count() == 1
