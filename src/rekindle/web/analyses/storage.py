"""Where uploaded exports wait for their analysis: Django's ``uploads`` storage.

By default that is a private folder in the data directory (files 0600, folders 0700); with
``REKINDLE_UPLOAD_STORAGE=s3`` it is a bucket in an S3-compatible store, through
django-storages, so that web processes and workers on different machines share the uploads.

Each upload gets a random name (keeping only the original file's extension, which some
formats need), so nothing a person typed ends up in a path or an object key on the server.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages

ALLOWED_EXTENSIONS = (".txt", ".zip", ".json", ".csv", ".html", ".htm")
UPLOADS = "uploads"  # the name of the storage in settings.STORAGES
# Uploads up to this size are staged in memory before they are saved, larger ones on disk.
SPOOL_BYTES = 2 * 1024 * 1024


class PrivateUploadStorage(FileSystemStorage):
    """The local default: a folder only the server's user can read, ``UPLOAD_DIR`` unless a
    ``location`` is given."""

    def __init__(
        self,
        location: str | None = None,
        file_permissions_mode: int = 0o600,
        directory_permissions_mode: int = 0o700,
    ) -> None:
        super().__init__(
            location=location,
            file_permissions_mode=file_permissions_mode,
            directory_permissions_mode=directory_permissions_mode,
        )
        self._upload_location = location

    @property
    def base_location(self) -> str:
        return str(self._upload_location or settings.UPLOAD_DIR)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def upload_storage() -> Storage:
    return storages[UPLOADS]


def extension_of(file_name: str) -> str:
    return Path(file_name).suffix.lower()


def _check_name(name: str) -> str:
    """A stored upload's name must be a bare file name this module made."""
    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError("not a stored upload name")
    return name


def store_upload(chunks: Iterable[bytes], file_name: str) -> tuple[str, int]:
    """Save an upload under a fresh name; return its stored name and its size in bytes."""
    name = f"{secrets.token_hex(16)}{extension_of(file_name)}"
    size = 0
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as staged:
        for chunk in chunks:
            staged.write(chunk)
            size += len(chunk)
        staged.seek(0)
        stored = upload_storage().save(name, File(staged, name=name))
    return stored, size


@contextmanager
def local_copy(name: str) -> Iterator[Path]:
    """The stored upload as a file on this machine: its own path where the storage has one,
    otherwise a private temporary copy, deleted when the block ends. Raises
    ``FileNotFoundError`` when the upload is gone."""
    storage = upload_storage()
    _check_name(name)
    if not storage.exists(name):
        raise FileNotFoundError("no stored upload")
    try:
        path = Path(storage.path(name))
    except NotImplementedError:  # a remote store, such as S3
        pass
    else:
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="rekindle-upload-"))  # mkdtemp makes it 0700
    try:
        copy = folder / name
        with storage.open(name, "rb") as source, copy.open("xb") as target:
            shutil.copyfileobj(source, target)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def delete_upload(name: str) -> None:
    if name:
        upload_storage().delete(_check_name(name))
