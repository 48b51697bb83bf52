"""The data directory: where a self-hosted Rekindle keeps its database and its secret key.

The directory is created readable by its owner only. When no secret key is configured, one is
generated on first start and kept in the directory (mode 0600), so that sessions and signed
links survive restarts. Rekindle never falls back to a key written in its source.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_FILE_NAME = "secret_key"


def prepare_data_dir(path: Path) -> Path:
    """Create the data directory (owner-only) when it is missing, and return it."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ImproperlyConfigured(
            f"REKINDLE_DATA_DIR {str(path)!r} cannot be created: {error.strerror}"
        ) from None
    if not path.is_dir():
        raise ImproperlyConfigured(f"REKINDLE_DATA_DIR {str(path)!r} is not a directory")
    return path


def load_or_create_secret_key(path: Path) -> str:
    """Return the key stored at ``path``, generating and storing a new one the first time.

    Several processes may start at once (gunicorn workers, a worker next to the web app). The
    new key is written to a private temporary file and hard-linked into place, which fails
    when another process got there first; then everyone reads the same winning key.
    """
    if not path.exists():
        _store_new_secret_key(path)
    try:
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ImproperlyConfigured(
            f"The secret key file {str(path)!r} cannot be read: {error}"
        ) from None
    if not key:
        raise ImproperlyConfigured(
            f"The secret key file {str(path)!r} is empty; delete it to have a new key "
            "generated, or set REKINDLE_SECRET_KEY"
        )
    return key


def _store_new_secret_key(path: Path) -> None:
    try:
        descriptor, temporary_name = tempfile.mkstemp(dir=path.parent, prefix=".secret_key-")
    except OSError as error:
        raise ImproperlyConfigured(
            f"Cannot write a secret key in {str(path.parent)!r}: {error.strerror}"
        ) from None
    try:
        # mkstemp creates the file with mode 0600, and the hard link shares it.
        with os.fdopen(descriptor, "w", encoding="ascii") as key_file:
            key_file.write(secrets.token_urlsafe(50) + "\n")
            key_file.flush()
            os.fsync(key_file.fileno())
        # When another process stored its key first, everyone uses that one.
        with contextlib.suppress(FileExistsError):
            os.link(temporary_name, path)
    finally:
        os.unlink(temporary_name)
