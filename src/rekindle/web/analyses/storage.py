"""Where uploaded exports wait for their analysis: a private folder in the data directory.

Each upload gets a random name (keeping only the original file's extension, which some
formats need), so nothing a person typed ends up in a path on the server.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

ALLOWED_EXTENSIONS = (".txt", ".zip", ".json", ".csv", ".html", ".htm")


def upload_dir() -> Path:
    folder = Path(settings.UPLOAD_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def extension_of(file_name: str) -> str:
    return Path(file_name).suffix.lower()


def store_upload(chunks: Iterable[bytes], file_name: str) -> tuple[str, int]:
    """Write an upload to a fresh file; return its stored name and its size in bytes."""
    name = f"{secrets.token_hex(16)}{extension_of(file_name)}"
    size = 0
    with (upload_dir() / name).open("xb") as target:
        for chunk in chunks:
            target.write(chunk)
            size += len(chunk)
    (upload_dir() / name).chmod(0o600)
    return name, size


def upload_path(name: str) -> Path:
    """The stored upload's path; the name must be a bare file name this module made."""
    if not name or Path(name).name != name:
        raise ValueError("not a stored upload name")
    return upload_dir() / name


def delete_upload(name: str) -> None:
    if name:
        upload_path(name).unlink(missing_ok=True)
