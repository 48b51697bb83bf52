"""Safety in the browser, on a phone (390 px) and a desktop (1280 px):

- the "Leave quickly" control is on the home page and on signed-in pages, visible, big enough
  to tap, the first thing the Tab key reaches, and still in view after scrolling;
- clicking it, or pressing Escape twice, goes to the neutral site (intercepted here with
  Playwright's routing, so nothing leaves the machine) and Back does not return to the page
  that was left; one Escape, or an Escape that closes a dialog, does not leave;
- the "AI, not a person" notice shows on the first sign-in and goes away with "I understand";
- J8, on a phone: a crisis written in a check-in note brings up the crisis card with help
  lines, and signs of being hurt turn on private safety mode; the partner, in a browser of
  his own, sees nothing of either: his pages read exactly as before she wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from tests.e2e.conftest import Person
from tests.e2e.test_journeys import link_couple, sign_up

pytestmark = pytest.mark.django_db(transaction=True)

NEUTRAL_PAGE = "<!doctype html><html><head><title>Weather</title></head><body>Sunny</body></html>"
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")
TAP_TARGET = 44  # px, the smallest comfortable touch target
AI_NOTICE = "You are using an AI, not talking to a person"


def stay_on_this_machine(page: Page) -> list[str]:
    """Answer every request for another host with a small neutral page, and list them."""
    asked: list[str] = []

    def answer(route: Any) -> None:
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    page.route(ELSEWHERE, answer)
    return asked


def left_for_the_neutral_site(page: Page, asked: list[str]) -> None:
    page.wait_for_url(settings.QUICK_EXIT_URL)
    expect(page).to_have_title("Weather")
    assert asked[0] == settings.QUICK_EXIT_URL


def back_does_not_return_to(page: Page, left: str) -> str:
    """Press Back from the neutral site; return where the tab went."""
    page.go_back()
    page.wait_for_timeout(300)
    assert page.url != left
    return page.url


def check_the_control(person: Person) -> None:
    page = person.page
    control = page.get_by_role("link", name="Leave quickly")
    expect(control).to_be_visible()
    assert control.get_attribute("href") == settings.QUICK_EXIT_URL
    box = control.bounding_box()
    assert box is not None
    viewport = page.viewport_size
    assert viewport is not None
    assert box["height"] >= TAP_TARGET and box["width"] >= TAP_TARGET
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    # It sits in a bar of its own: nothing of the page is under it.
    brand = page.get_by_role("link", name="Rekindle", exact=True).bounding_box()
    assert brand is not None and brand["y"] >= box["y"] + box["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    # The first Tab reaches it.
    page.locator("body").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.keyboard.press("Shift+Tab")
    # After scrolling to the foot of the page it is still in view.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(control).to_be_in_viewport()
    page.evaluate("window.scrollTo(0, 0)")


def test_quick_exit_from_the_home_page(open_browser: Callable[[str], Person]) -> None:
    visitor = open_browser("visitor")
    page = visitor.page
    asked = stay_on_this_machine(page)
    page.goto("/")
    check_the_control(visitor)
    visitor.shot("home")
    home = page.url

    page.get_by_role("link", name="Leave quickly").click()

    left_for_the_neutral_site(page, asked)
    went = back_does_not_return_to(page, home)
    assert not went.startswith(home)  # the tab's only page of Rekindle is gone from history


def test_quick_exit_from_a_signed_in_page_with_the_escape_key(
    open_browser: Callable[[str], Person],
) -> None:
    alice = open_browser("alice")
    sign_up(alice, "Alice", "alice@example.org")
    page = alice.page

    # The first sign-in shows the AI notice, which stays until it is dismissed.
    notice = page.get_by_role("complementary", name=AI_NOTICE)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Before you start")
    expect(notice).to_contain_text("not a person")
    alice.shot("ai-notice")
    page.goto("/habits/")
    expect(notice).to_be_visible()
    with page.expect_navigation():
        notice.get_by_role("button", name="I understand").click()
    assert page.url.endswith("/habits/")
    expect(notice).to_have_count(0)

    # A signed-in page opened in a tab of its own, as someone would open Rekindle.
    tab = alice.context.new_page()
    asked = stay_on_this_machine(tab)
    tab.goto("/dashboard/")
    alice.page = tab
    check_the_control(alice)
    alice.shot("dashboard")
    dashboard = tab.url

    # One Escape does nothing; neither do two presses more than a second apart.
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(1100)
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(1100)
    assert tab.url == dashboard
    # An Escape that closes a dialog is the dialog's: it does not count towards leaving.
    tab.evaluate(
        """() => {
          const dialog = document.createElement("dialog");
          dialog.textContent = "A dialog";
          document.body.append(dialog);
          dialog.showModal();
        }"""
    )
    tab.keyboard.press("Escape")
    expect(tab.locator("dialog[open]")).to_have_count(0)
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(200)
    assert tab.url == dashboard

    tab.keyboard.press("Escape")  # the second of two quick presses, after the dialog's own

    left_for_the_neutral_site(tab, asked)
    went = back_does_not_return_to(tab, dashboard)
    assert not went.startswith(dashboard.split("/dashboard/")[0])


def test_escape_twice_in_a_half_written_form_leaves_too(
    open_browser: Callable[[str], Person],
) -> None:
    """Escape in a text field still counts: someone typing a check-in can leave at once.

    Back from the neutral site goes to the page before the one that was left, never to that
    one: a browser lets a page replace its own entry in the tab's history, not earlier ones
    (docs/safety.md says so, and what to do about it)."""
    alice = open_browser("alice")
    sign_up(alice, "Alice", "alice@example.org")
    page = alice.page
    asked = stay_on_this_machine(page)
    page.goto("/habits/")
    page.goto("/check-ins/")
    page.get_by_label("A note for yourself").fill("something private")
    alice.shot("check-in")
    check_ins = page.url

    page.keyboard.press("Escape")
    page.keyboard.press("Escape")

    left_for_the_neutral_site(page, asked)
    assert back_does_not_return_to(page, check_ins).endswith("/habits/")


# --- J8: crisis and abuse, never visible to the partner ------------------------------------

CRISIS_NOTE = "I can't do this anymore. I want to kill myself tonight."
BEING_HURT_NOTE = "He hit me again last night and took my phone so I couldn't call anyone."
PARTNERS_PAGES = ("/check-ins/", "/dashboard/", "/progress/", "/couple/")


def what_bob_sees(bob: Person) -> dict[str, str]:
    seen = {}
    for path in PARTNERS_PAGES:
        bob.page.goto(path)
        seen[path] = bob.page.locator("main").inner_text()
    return seen


def write_check_in_note(person: Person, note: str) -> None:
    page = person.page
    page.goto("/check-ins/")
    page.get_by_label("3 · okay").check()
    page.get_by_label("How connected do you feel").fill("4")
    page.get_by_label("A note for yourself").fill(note)
    page.get_by_label("Share today's mood, connection and note with my partner").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save my check-in").click()


def a_couple_on_phones(
    open_browser: Callable[[str], Person], settings: Settings
) -> tuple[Person, Person]:
    """Alice and Bob, linked, on a server whose help lines are the United Kingdom's."""
    settings.COUNTRY = "GB"
    alice, bob = open_browser("alice"), open_browser("bob")
    sign_up(alice, "Alice", "alice@example.org")
    sign_up(bob, "Bob", "bob@example.org")
    link_couple(alice, bob)
    return alice, bob


@pytest.mark.parametrize("width", ["phone"])
def test_j8_a_crisis_note_brings_up_the_crisis_card_and_the_partner_sees_nothing(
    open_browser: Callable[[str], Person], settings: Settings
) -> None:
    alice, bob = a_couple_on_phones(open_browser, settings)
    before = what_bob_sees(bob)

    write_check_in_note(alice, CRISIS_NOTE)

    page = alice.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Let\u2019s pause for a moment")
    expect(page.locator("main")).to_contain_text("People you can talk to now")
    samaritans = page.locator("main li", has_text="Samaritans")
    expect(samaritans.get_by_role("link", name="116 123")).to_have_attribute(
        "href", re.compile(r"^tel:")
    )
    expect(page.locator("main")).to_contain_text("Bob is not told anything")
    # The card comes first: the AI notice, still due, waits for the next page.
    expect(page.get_by_role("complementary", name=AI_NOTICE)).to_have_count(0)
    expect(page.get_by_role("link", name="Leave quickly")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    alice.shot("crisis-card")

    after = what_bob_sees(bob)
    assert after == before
    for text in after.values():
        assert "kill myself" not in text
        assert "pause" not in text.lower()
    bob.shot("sees-nothing-after-crisis")


@pytest.mark.parametrize("width", ["phone"])
def test_j8_a_note_about_being_hurt_turns_on_safety_mode_and_the_partner_sees_nothing(
    open_browser: Callable[[str], Person], settings: Settings
) -> None:
    alice, bob = a_couple_on_phones(open_browser, settings)
    before = what_bob_sees(bob)

    write_check_in_note(alice, BEING_HURT_NOTE)

    page = alice.page
    expect(page.get_by_role("heading", level=1)).to_have_text("You deserve to be safe")
    expect(page.get_by_role("heading", name="Private safety mode is on")).to_be_visible()
    expect(page.locator("main")).to_contain_text("People who can help")
    expect(page.locator("main a[href^='tel:']").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    alice.shot("safety-mode-on")
    page.goto("/privacy/")
    expect(page.locator("main")).to_contain_text("On since")
    alice.shot("privacy")

    after = what_bob_sees(bob)
    assert after == before
    for text in after.values():
        assert "hit me" not in text
        assert "safety" not in text.lower()
    bob.shot("sees-nothing-after-safety-mode")
