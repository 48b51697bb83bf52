"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Debian's Chromium: tests drive it through Playwright and never download a browser.
CHROMIUM = Path("/usr/bin/chromium")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the compiled-regex cache of this run out of the developer's own cache folder."""
    os.environ["REKINDLE_CACHE_DIR"] = tempfile.mkdtemp(prefix="rekindle-test-cache-")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run (Playwright's sync API allows one per thread,
    so the report and the journey tests share it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """On SQLite, test in a database file rather than in memory, as Rekindle runs.

    The in-memory test database is shared between threads with table-level locks that fail at
    once instead of waiting, so a browser loading two images of one page from the live server
    could see "database table is locked"; a file waits its turn, like the real server.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")
