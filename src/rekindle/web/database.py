"""The database connection settings, from a ``DATABASE_URL`` or the embedded SQLite default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SQLITE_ENGINE = "django.db.backends.sqlite3"

# Write-ahead logging lets pages read while a background job writes; a busy connection waits
# up to five seconds instead of failing at once. Django runs each statement on connect.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000",
    # Take the write lock when a transaction starts, so two writers queue instead of one
    # failing with "database is locked" halfway through.
    "transaction_mode": "IMMEDIATE",
}

# Keep connections open between requests for a minute, checking them before reuse.
CONNECTION_MAX_AGE_SECONDS = 60


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite database file at ``path`` (an absolute path)."""
    return "sqlite:///" + path.as_posix()


def database_from_url(url: str) -> dict[str, Any]:
    """Django's settings for the database at ``url``, with SQLite tuned for a small server."""
    try:
        database: dict[str, Any] = dict(
            dj_database_url.parse(
                url, conn_max_age=CONNECTION_MAX_AGE_SECONDS, conn_health_checks=True
            )
        )
    except ValueError:
        scheme = url.split("://", 1)[0] if "://" in url else ""
        found = f"scheme {scheme!r} is not supported" if scheme else "it has no scheme"
        # The URL itself may hold a password, so only its scheme is repeated back.
        raise ImproperlyConfigured(
            "DATABASE_URL must look like postgres://user:password@host:5432/name or "
            f"sqlite:////absolute/path/rekindle.sqlite3 ({found})"
        ) from None
    if database["ENGINE"] == SQLITE_ENGINE:
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    return database
