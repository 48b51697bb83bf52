"""A real browser (Debian's Chromium, driven by Playwright) against a live Rekindle server.

Nothing is downloaded: Playwright launches ``/usr/bin/chromium``. The tests skip, with the
reason, only where that browser or the playwright package is missing (CI installs both).
Screenshots of every step are kept under ``test-artifacts/e2e/``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts" / "e2e"

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None  # type: ignore[assignment]

# Playwright's sync API runs an event loop in this thread; the test's own database reads
# are still synchronous, so Django's async guard does not apply to them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WIDTHS = {"phone": 390, "desktop": 1280}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reasons = []
    if sync_playwright is None:
        reasons.append("the playwright package is not installed")
    if not CHROMIUM.exists():
        reasons.append(f"no Chromium at {CHROMIUM}")
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/") and reasons:
            item.add_marker(pytest.mark.skip(reason="; ".join(reasons)))


@pytest.fixture(params=sorted(WIDTHS))
def width(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class Person:
    """One person's browser: their own context (cookies), a page, and screenshots."""

    def __init__(self, browser: Any, base_url: str, name: str, width: str, journey: str):
        self.context = browser.new_context(
            viewport={"width": WIDTHS[width], "height": 900}, base_url=base_url
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        self.name = name
        self.folder = ARTIFACTS / f"{journey}-{width}"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shots = 0

    def shot(self, what: str) -> None:
        self.shots += 1
        path = self.folder / f"{self.shots:02d}-{self.name}-{what}.png"
        self.page.screenshot(path=str(path), full_page=True)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_browser(
    browser: Any, live_server: Any, width: str, request: pytest.FixtureRequest
) -> Iterator[Callable[[str], Person]]:
    """Opens a browser of its own for each person in the journey; at the end, none of them
    may have seen a script error or a console error."""
    journey = request.node.originalname.removeprefix("test_")
    made: list[Person] = []

    def person(name: str) -> Person:
        made.append(Person(browser, live_server.url, name, width, journey))
        return made[-1]

    yield person
    for each in made:
        each.close()
    for each in made:
        assert not each.errors, f"{each.name}'s browser reported errors: {each.errors}"


@pytest.fixture(autouse=True)
def static_files_from_the_source(settings: Any) -> None:
    """Serve static files unhashed from the app folders (no collectstatic in tests)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
