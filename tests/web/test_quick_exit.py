"""The quick-exit control: on every page, signed in or not, the chat report included, the
first thing the keyboard reaches, a plain link to the neutral site without JavaScript,
configurable, and refused at startup when it is not a web address."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from tests.web.analysis_support import finished_analysis
from tests.web.conftest import signed_in_client

FOCUSABLE = frozenset({"a", "button", "input", "select", "textarea", "summary"})


class FirstFocusable(HTMLParser):
    """The first element in the body that the Tab key reaches, with its text."""

    def __init__(self) -> None:
        super().__init__()
        self.in_body = False
        self.found: dict[str, str | None] | None = None
        self.text = ""
        self.reading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        elif self.in_body and self.found is None and tag in FOCUSABLE:
            attributes = dict(attrs)
            if tag == "a" and "href" not in attributes:
                return
            if attributes.get("type") == "hidden" or attributes.get("tabindex") == "-1":
                return
            self.found = {"tag": tag, **attributes}
            self.reading = True

    def handle_endtag(self, tag: str) -> None:
        if self.reading and self.found is not None and tag == self.found["tag"]:
            self.reading = False

    def handle_data(self, data: str) -> None:
        if self.reading:
            self.text += data


def first_focusable(page: str) -> tuple[dict[str, str | None], str]:
    parser = FirstFocusable()
    parser.feed(page)
    assert parser.found is not None
    return parser.found, parser.text.strip()


VISITOR_PAGES = ["/", "/accounts/sign-in", "/accounts/sign-up", "/accounts/password-reset"]
SIGNED_IN_PAGES = ["/dashboard/", "/check-ins/", "/habits/", "/progress/", "/my-data/"]


def assert_quick_exit_comes_first(page: str, url: str) -> None:
    element, text = first_focusable(page)
    assert element["tag"] == "a"
    assert element["href"] == url
    assert element["id"] == "quick-exit"
    assert element["rel"] == "noreferrer"
    assert text == "Leave quickly"


@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_every_page_for_visitors_starts_with_the_quick_exit(
    client: Client, db: None, settings: Settings, path: str
) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert_quick_exit_comes_first(response.content.decode(), settings.QUICK_EXIT_URL)


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_every_signed_in_page_starts_with_the_quick_exit(
    alice: User, settings: Settings, path: str
) -> None:
    response = signed_in_client(alice).get(path)

    assert response.status_code == 200
    assert_quick_exit_comes_first(response.content.decode(), settings.QUICK_EXIT_URL)


def test_the_error_pages_have_it_too(client: Client, db: None, settings: Settings) -> None:
    response = client.get("/no-such-page")

    assert response.status_code == 404
    assert_quick_exit_comes_first(response.content.decode(), settings.QUICK_EXIT_URL)


def test_the_chat_report_a_page_of_its_own_starts_with_it_too(
    alice: User, settings: Settings
) -> None:
    analysis = finished_analysis(alice, None)

    response = signed_in_client(alice).get(f"/analyses/{analysis.id}/report")

    assert response.status_code == 200
    page = response.content.decode()
    assert_quick_exit_comes_first(page, settings.QUICK_EXIT_URL)
    # Styled inline, which the report's own policy allows; still no script of any kind.
    assert "<script" not in page
    assert "script-src" not in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_the_neutral_site_is_a_setting(client: Client, db: None, settings: Settings) -> None:
    assert settings.QUICK_EXIT_URL == "https://www.bbc.com/weather"
    settings.QUICK_EXIT_URL = "https://weather.example.org/today"

    page = client.get("/").content.decode()

    assert_quick_exit_comes_first(page, "https://weather.example.org/today")


def test_the_script_is_a_static_file_that_replaces_the_page_in_history() -> None:
    found = finders.find("rekindle/quick-exit.js")
    assert found is not None
    script = Path(str(found)).read_text(encoding="utf-8")

    assert "location.replace(" in script
    assert '"Escape"' in script
    assert 'getElementById("quick-exit")' in script


@pytest.mark.parametrize("value", ["www.bbc.com/weather", "javascript:alert(1)", "https://"])
def test_a_quick_exit_address_that_is_not_a_web_address_stops_rekindle(
    rekindle_environ: dict[str, str], tmp_path: Path, value: str
) -> None:
    started = subprocess.run(
        [sys.executable, "-m", "rekindle.web", "check"],
        env={**rekindle_environ, "REKINDLE_QUICK_EXIT_URL": value},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert started.returncode == 2
    assert started.stderr.strip() == (
        "Configuration error: REKINDLE_QUICK_EXIT_URL must be a whole http:// or https:// "
        f"address, got {value!r}"
    )
