"""Safety in the browser, on a phone (390 px) and a desktop (1280 px):

- the "Leave quickly" control is on the home page and on signed-in pages, visible, big enough
  to tap, the first thing the Tab key reaches, and still in view after scrolling;
- clicking it, or pressing Escape twice, goes to the neutral site (intercepted here with
  Playwright's routing, so nothing leaves the machine) and Back does not return to the page
  that was left; one Escape, or an Escape that closes a dialog, does not leave;
- the "AI, not a person" notice shows on the first sign-in and goes away with "I understand".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Person
from tests.e2e.test_journeys import sign_up

pytestmark = pytest.mark.django_db(transaction=True)

NEUTRAL_PAGE = "<!doctype html><html><head><title>Weather</title></head><body>Sunny</body></html>"
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")
TAP_TARGET = 44  # px, the smallest comfortable touch target


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
    notice = page.get_by_role("complementary", name="You are using an AI, not talking to a person")
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
