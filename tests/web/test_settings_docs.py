"""docs/settings.md documents every environment variable the settings read, and no others."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from rekindle.web.env import REGISTRY

SETTINGS_DOC = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def documented_variables() -> set[str]:
    text = SETTINGS_DOC.read_text(encoding="utf-8")
    return set(re.findall(r"^## ([A-Z][A-Z0-9_]*)\s*$", text, flags=re.MULTILINE))


def test_the_settings_read_the_variables_people_configure() -> None:
    assert settings.SECRET_KEY  # loading the settings fills the registry
    expected = {
        "REKINDLE_SECRET_KEY",
        "REKINDLE_DEBUG",
        "REKINDLE_ALLOWED_HOSTS",
        "REKINDLE_DATA_DIR",
        "DATABASE_URL",
        "REKINDLE_TIME_ZONE",
        "REKINDLE_SECURE_COOKIES",
    }

    assert expected <= set(REGISTRY)


def test_every_registered_variable_has_a_heading_in_the_settings_doc() -> None:
    assert settings.SECRET_KEY

    undocumented = sorted(set(REGISTRY) - documented_variables())

    assert undocumented == [], f"add a '## NAME' section to docs/settings.md for {undocumented}"


def test_the_settings_doc_describes_no_variable_that_is_not_read() -> None:
    assert settings.SECRET_KEY

    stale = sorted(documented_variables() - set(REGISTRY))

    assert stale == [], f"docs/settings.md describes variables nothing reads: {stale}"
