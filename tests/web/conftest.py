"""Shared fixtures for the web app's tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytest_django.fixtures import Settings

if TYPE_CHECKING:
    from django.test import Client

    from rekindle.web.accounts.models import User
    from rekindle.web.couples.models import Couple


@pytest.fixture(autouse=True)
def static_files_without_manifest(settings: Settings, tmp_path: Path) -> None:
    """Serve static URLs unhashed from an empty folder: the manifest only exists after
    collectstatic, which the real-server test runs for itself."""
    settings.STATIC_ROOT = tmp_path / "collected-static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def rekindle_environ(data_dir: Path) -> dict[str, str]:
    """The environment for a Rekindle subprocess: this one, without any Rekindle or database
    settings the developer may have exported, and with a private data directory."""
    environ = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("REKINDLE_")
        and name not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environ["REKINDLE_DATA_DIR"] = str(data_dir)
    return environ


# --- The people in the who-may-see-what tests ---------------------------------------------
# alice owns the data, bob is her partner, charlie is someone else with an account, and the
# plain ``client`` fixture is an anonymous visitor.

PASSWORD = "a quiet walk by the river"


def make_person(email: str, name: str) -> User:
    from rekindle.web.accounts.models import User

    return User.objects.create_user(email, PASSWORD, display_name=name)


@pytest.fixture
def alice(db: None) -> User:
    return make_person("alice@example.org", "Alice")


@pytest.fixture
def bob(db: None) -> User:
    return make_person("bob@example.org", "Bob")


@pytest.fixture
def charlie(db: None) -> User:
    return make_person("charlie@example.org", "Charlie")


@pytest.fixture
def couple(alice: User, bob: User) -> Couple:
    from rekindle.web.couples.models import Couple

    return Couple.objects.create(first=alice, second=bob)


def signed_in_client(person: User) -> Client:
    from django.test import Client

    browser = Client()
    browser.force_login(person)
    return browser


@pytest.fixture
def alice_client(alice: User) -> Client:
    return signed_in_client(alice)


@pytest.fixture
def bob_client(bob: User) -> Client:
    return signed_in_client(bob)


@pytest.fixture
def charlie_client(charlie: User) -> Client:
    return signed_in_client(charlie)
