"""The journeys people take through the web app, in a real browser, on a phone and a desktop.

- J2: sign up (18+, the AI disclosure), invite the partner by link, the partner joins, both
  take the connection check, and both see their scores side by side.
- J4: the daily check-in, the appreciation revealed only once both have written one, a habit
  ticked.
- J9: export all of my data, then delete all of it.

Everything is done with the keyboard-reachable controls a person would use, found by their
labels, so a missing label fails the test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from rekindle.assessments import find_instrument
from tests.e2e.conftest import Person

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and quiet river at dawn"


def sign_up(person: Person, name: str, email: str) -> None:
    page = person.page
    page.goto("/accounts/sign-up")
    page.get_by_label("Your first name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_label("I am 18 or older.").check()
    page.get_by_label("I understand that Rekindle is an AI coach").check()
    person.shot("sign-up")
    with page.expect_navigation():
        page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("button", name="Create my account")).to_have_count(0)


def link_couple(alice: Person, bob: Person) -> None:
    alice.page.goto("/couple/")
    with alice.page.expect_navigation():
        alice.page.get_by_role("button", name="Create an invitation link").click()
    link = alice.page.locator(".link-box").inner_text().strip()
    alice.shot("invitation")
    bob.page.goto(link)
    bob.shot("join")
    with bob.page.expect_navigation():
        bob.page.get_by_role("button", name="Accept and link our accounts").click()
    bob.page.goto("/couple/")
    expect(bob.page.locator("main")).to_contain_text("Alice")
    alice.page.goto("/couple/")
    expect(alice.page.locator("main")).to_contain_text("Bob")


def take_connection_check(person: Person, how_true: str, yes_or_no: str) -> None:
    """Answer every question of the connection check, each found as the radio group its
    question labels; the first one by keyboard."""
    check = find_instrument("connection-check")
    assert check is not None
    page = person.page
    page.goto("/questionnaires/")
    with page.expect_navigation():
        page.get_by_role("link", name="Take the connection check").click()
    for number, item in enumerate(check.items, start=1):
        group = page.get_by_role("group", name=f"{number}. {item.text}", exact=True)
        answer = how_true if item.scale.maximum == 5 else yes_or_no
        if number == 1:
            # Space chooses the focused radio; arrow keys move within the group and choose.
            labels = [anchor.label for anchor in item.scale.anchors]
            group.get_by_label(labels[0], exact=True).focus()
            page.keyboard.press("Space")
            for _ in range(labels.index(answer)):
                page.keyboard.press("ArrowDown")
        else:
            group.get_by_label(answer, exact=True).check()
        expect(group.get_by_label(answer, exact=True)).to_be_checked()
    person.shot("connection-check")
    with page.expect_navigation():
        page.get_by_role("button", name="Save my answers").click()
    expect(page.locator("main")).to_contain_text("Your connection check result")
    expect(page.locator("main")).to_contain_text("Not a clinical instrument")
    person.shot("connection-check-result")


def check_in(person: Person, appreciation: str, note: str) -> None:
    page = person.page
    page.goto("/check-ins/")
    page.get_by_label("4 · good").check()
    page.get_by_label("How connected do you feel").fill("7")
    page.get_by_label("A note for yourself").fill(note)
    if appreciation:
        page.get_by_label("Something you appreciated").fill(appreciation)
    person.shot("check-in")
    with page.expect_navigation():
        page.get_by_role("button", name="Save my check-in").click()
    page.goto("/check-ins/")
    expect(page.get_by_role("button", name="Update my check-in")).to_be_visible()


def test_couple_onboarding(open_browser: Callable[[str], Person]) -> None:
    alice, bob = open_browser("alice"), open_browser("bob")
    alice.page.goto("/accounts/sign-up")
    # The sign-up refuses to go on without the 18+ confirmation and the AI disclosure.
    alice.page.get_by_label("Your first name").fill("Alice")
    alice.page.get_by_label("Email").fill("alice@example.org")
    alice.page.get_by_label("Password", exact=True).fill(PASSWORD)
    alice.page.get_by_label("The same password again").fill(PASSWORD)
    with alice.page.expect_navigation():
        alice.page.get_by_role("button", name="Create my account").click()
    expect(alice.page.locator("main")).to_contain_text("18 or older")
    alice.shot("sign-up-refused")
    sign_up(alice, "Alice", "alice@example.org")
    sign_up(bob, "Bob", "bob@example.org")
    link_couple(alice, bob)
    alice.shot("linked")
    bob.shot("linked")

    together = "/questionnaires/connection-check/together"
    take_connection_check(alice, "Mostly true", "No")
    alice.page.goto(together)
    expect(alice.page.locator("main")).to_contain_text("Waiting for Bob: not yet")
    alice.shot("waiting-for-partner")
    # Bob has not answered yet: nothing of Alice's shows, not even that she has answered.
    bob.page.goto(together)
    expect(bob.page.locator("main")).to_contain_text("Take the connection check")
    expect(bob.page.locator("main")).not_to_contain_text("some strain")

    take_connection_check(bob, "Completely true", "Yes")
    # Alice: every "Mostly true", so the reverse-keyed "lonely" item counts 2 -> 3.5; Bob:
    # 4.0 the same way; his four yeses to the drift questions are 4, "worth attention".
    for person, own, other in ((alice, "Alice", "Bob"), (bob, "Bob", "Alice")):
        person.page.goto(together)
        table = person.page.get_by_role("table")
        expect(table).to_contain_text(f"You ({own})")
        expect(table).to_contain_text(other)
        for label in ("Feeling close", "Satisfaction", "Feeling understood", "Signs of drifting"):
            expect(table).to_contain_text(label)
        row = table.get_by_role("row", name=re.compile("^Feeling close"))
        expect(row).to_contain_text("3.5 · some strain")
        expect(row).to_contain_text("4 · strong")
        drift = table.get_by_role("row", name=re.compile("^Signs of drifting"))
        expect(drift).to_contain_text("0 · none noticed")
        expect(drift).to_contain_text("4 · worth attention")
        # Only scores are shared: no question and no answer of either person is on the page.
        expect(person.page.locator("main")).not_to_contain_text("I feel close to my partner")
        expect(person.page.locator("main")).not_to_contain_text("Completely true")
        person.shot("side-by-side")


def test_daily_rhythm(open_browser: Callable[[str], Person]) -> None:
    alice, bob = open_browser("alice"), open_browser("bob")
    sign_up(alice, "Alice", "alice@example.org")
    sign_up(bob, "Bob", "bob@example.org")
    link_couple(alice, bob)

    check_in(alice, "the tea you left by my desk", "a secret worry about work")
    # Bob has not written one yet: alice's appreciation stays hidden from him.
    bob.page.goto("/check-ins/")
    expect(bob.page.locator("body")).not_to_contain_text("the tea you left by my desk")
    check_in(bob, "how you laughed at dinner", "")
    bob.page.goto("/check-ins/")
    expect(bob.page.locator("body")).to_contain_text("the tea you left by my desk")
    expect(bob.page.locator("body")).not_to_contain_text("a secret worry about work")
    bob.shot("appreciation-revealed")
    alice.page.goto("/check-ins/")
    expect(alice.page.locator("body")).to_contain_text("how you laughed at dinner")

    # A habit from the library, ticked for today.
    page = alice.page
    page.goto("/habits/")
    page.locator("input[name=intervention_id]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Add this habit").click()
    page.goto("/habits/")
    with page.expect_navigation():
        page.get_by_role("button", name="I did it today").first.click()
    page.goto("/habits/")
    expect(page.get_by_role("button", name="Take off today’s tick").first).to_be_visible()
    alice.shot("habit-ticked")
    page.goto("/check-ins/review")
    chart = page.get_by_role("img", name=re.compile("Line chart of your mood"))
    expect(chart).to_be_visible()
    assert chart.evaluate("image => image.complete && image.naturalWidth > 0")
    alice.shot("weekly-review")


def test_data_rights(open_browser: Callable[[str], Person]) -> None:
    alice, bob = open_browser("alice"), open_browser("bob")
    sign_up(alice, "Alice", "alice@example.org")
    sign_up(bob, "Bob", "bob@example.org")
    link_couple(alice, bob)
    check_in(alice, "", "only mine to read")
    check_in(bob, "", "bob keeps this to himself")

    page = alice.page
    page.goto("/my-data/")
    alice.shot("my-data")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    text = json.dumps(exported)
    assert "only mine to read" in text
    assert "bob keeps this to himself" not in text

    page.goto("/my-data/delete")
    page.get_by_label("Your password").fill(PASSWORD)
    alice.shot("delete")
    with page.expect_navigation():
        page.get_by_role("button", name="Delete my account and all my data").click()
    page.goto("/accounts/sign-in")
    page.get_by_label("Email").fill("alice@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    alice.shot("gone")
    # Bob is unlinked and keeps his own check-in.
    bob.page.goto("/check-ins/")
    expect(bob.page.locator("body")).not_to_contain_text("Alice")
    bob.shot("after-partner-left")


def test_every_page_is_usable_from_the_keyboard(open_browser: Callable[[str], Person]) -> None:
    """Sign up and save a check-in using only Tab, Space and Enter."""
    alice = open_browser("alice")
    page = alice.page
    page.goto("/accounts/sign-up")
    page.get_by_label("Your first name").focus()
    page.keyboard.type("Alice")
    page.keyboard.press("Tab")
    page.keyboard.type("alice@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Create my account")).to_have_count(0)
    page.goto("/check-ins/")
    page.get_by_label("3 · okay").focus()
    page.keyboard.press("Space")
    page.get_by_label("How connected do you feel").focus()
    page.keyboard.type("6")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto("/check-ins/")
    expect(page.get_by_role("button", name="Update my check-in")).to_be_visible()
    alice.shot("keyboard")


CHAT = Path(__file__).parents[1] / "ingest" / "fixtures" / "whatsapp" / "android-dmy-24h.txt"


def test_chat_analysis_with_consent(open_browser: Callable[[str], Person]) -> None:
    """J3: alice uploads a chat, the real worker analyses it, and bob sees the report only
    after he approves."""
    from tests.web.analysis_support import run_worker

    alice, bob = open_browser("alice"), open_browser("bob")
    sign_up(alice, "Alice", "alice@example.org")
    sign_up(bob, "Bob", "bob@example.org")
    link_couple(alice, bob)

    page = alice.page
    page.goto("/analyses/")
    page.get_by_label("Your chat export").set_input_files(str(CHAT))
    alice.shot("upload")
    with page.expect_navigation():
        page.get_by_role("button", name="Analyse this chat").click()
    run_worker()  # the queued job, run by the real database-backed worker
    page.reload()
    expect(page.get_by_role("link", name="Read the full report")).to_be_visible()
    alice.shot("analysed")
    detail = page.url

    # Bob can find it but not read it until he says yes.
    bob.page.goto(detail)
    expect(bob.page.get_by_role("link", name="Read the full report")).to_have_count(0)
    response = bob.page.goto(detail.rstrip("/") + "/report")
    assert response is not None and response.status == 404
    expect(bob.page.locator("body")).not_to_contain_text("What we see")
    bob.errors.clear()  # the browser logs that refusal; it is the one we asked for
    bob.page.goto(detail)
    bob.shot("asked-to-approve")
    with bob.page.expect_navigation():
        bob.page.get_by_role("button", name="Yes, show me the report").click()
    bob.page.goto(detail)
    bob.page.get_by_role("link", name="Read the full report").click()
    expect(bob.page.locator("body")).to_contain_text("What we see")
    bob.shot("report")
