"""Shared fixtures for the web app's tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings


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
