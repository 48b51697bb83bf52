"""Database settings: SQLite in WAL mode by default, any DATABASE_URL Django supports, and a
clear error for a URL it cannot use."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from rekindle.web.database import database_from_url, sqlite_url


def test_sqlite_runs_in_write_ahead_mode_and_takes_the_write_lock_up_front(tmp_path: Path) -> None:
    database = database_from_url(sqlite_url(tmp_path / "rekindle.sqlite3"))

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "rekindle.sqlite3")
    assert "PRAGMA journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_a_postgres_url_becomes_postgres_settings() -> None:
    database = database_from_url("postgres://rekindle:s3cret@db.internal:5433/rekindle")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.internal",
        5433,
        "rekindle",
    )
    assert "OPTIONS" not in database or "init_command" not in database["OPTIONS"]


def test_an_unusable_url_is_a_clear_error_that_never_repeats_the_password() -> None:
    with pytest.raises(ImproperlyConfigured) as raised:
        database_from_url("postgress://rekindle:s3cret@db.internal/rekindle")

    message = str(raised.value)
    assert message.startswith("DATABASE_URL must look like postgres://")
    assert "'postgress'" in message
    assert "s3cret" not in message
