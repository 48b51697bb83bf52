"""Uploads go through Django's ``uploads`` storage: a private local folder by default, or an
S3-compatible bucket. The S3 tests talk HTTP to a real S3-compatible server (moto's, started
on 127.0.0.1 for the run), as a worker on another machine would."""

from __future__ import annotations

import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.analyses import jobs
from rekindle.web.analyses.actions import do_delete_analysis, do_start_analysis
from rekindle.web.analyses.models import DONE, FAILED, Analysis
from rekindle.web.analyses.storage import (
    PrivateUploadStorage,
    delete_upload,
    local_copy,
    store_upload,
    upload_storage,
)
from tests.web.analysis_support import NOT_A_CHAT, SMALL_CHAT, run_worker

pytestmark = pytest.mark.django_db(transaction=True)

BUCKET = "rekindle-test-uploads"
REGION = "eu-west-1"
KEYS = {"access_key": "testing-access-key", "secret_key": "testing-secret-key"}


# --- The local default ----------------------------------------------------------------------


@pytest.fixture
def uploads(settings: Settings, tmp_path: Path) -> Path:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR


def test_the_default_storage_is_a_private_local_folder(uploads: Path) -> None:
    assert isinstance(upload_storage(), PrivateUploadStorage)

    name, size = store_upload([b"12/01/2024, 09:00 - ", b"Kim: hello"], "Our Chat.TXT")

    stored = uploads / name
    assert size == len(b"12/01/2024, 09:00 - Kim: hello")
    assert stored.read_bytes() == b"12/01/2024, 09:00 - Kim: hello"
    assert name.endswith(".txt") and "Chat" not in name and len(name) == 36
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(uploads.stat().st_mode) == 0o700
    with local_copy(name) as path:
        assert path == stored  # a local store hands over its own file, no copy
    delete_upload(name)
    assert not stored.exists()


def test_stored_names_cannot_climb_out_of_the_storage(uploads: Path) -> None:
    for name in ("../secret_key", "sub/dir.txt", ".hidden"):
        with pytest.raises(ValueError):
            delete_upload(name)
        with pytest.raises(ValueError), local_copy(name):
            pass


# --- An S3-compatible store -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """moto's S3-compatible HTTP server on this machine only, for this module's tests."""
    moto_server = pytest.importorskip("moto.server")
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_endpoint: str, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A fresh bucket, with the ``uploads`` storage pointed at it as the settings would."""
    boto3 = pytest.importorskip("boto3")
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    resource = boto3.resource(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    created = resource.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "uploads": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "default_acl": "private",
                **KEYS,
            },
        },
    }
    yield created
    created.objects.all().delete()
    created.delete()


def keys_in(bucket: Any) -> list[str]:
    return sorted(item.key for item in bucket.objects.all())


def test_an_upload_is_analysed_from_the_bucket_then_deleted_from_it(
    bucket: Any, alice: User, alice_client: Client, tmp_path: Path, settings: Settings
) -> None:
    settings.UPLOAD_DIR = tmp_path / "no-local-uploads"
    with SMALL_CHAT.open("rb") as export:
        response = alice_client.post("/analyses/", {"export": export})
    assert response.status_code == 302
    analysis = Analysis.objects.get(owner=alice)
    assert keys_in(bucket) == [analysis.upload]
    assert bucket.Object(analysis.upload).get()["Body"].read() == SMALL_CHAT.read_bytes()
    copies: list[Path] = []
    real_open_export = jobs.open_export

    def open_and_note(path: Path, **kwargs: Any) -> Any:
        copies.append(Path(path))
        assert Path(path).read_bytes() == SMALL_CHAT.read_bytes()
        return real_open_export(path, **kwargs)

    jobs.open_export = open_and_note  # type: ignore[assignment]
    try:
        run_worker()
    finally:
        jobs.open_export = real_open_export

    analysis.refresh_from_db()
    assert analysis.status == DONE
    assert analysis.messages_read == 14
    assert analysis.upload == ""
    assert keys_in(bucket) == []  # retention 0: the raw export is gone from the bucket
    assert len(copies) == 1
    assert not copies[0].exists()  # the worker's temporary copy is gone too
    assert not settings.UPLOAD_DIR.exists()  # nothing was kept on the local disk


def test_a_failed_analysis_deletes_its_object_and_says_why(bucket: Any, alice: User) -> None:
    analysis = do_start_analysis(alice, [NOT_A_CHAT], "notes.txt", timezone.now())
    assert keys_in(bucket) == [analysis.upload]

    run_worker()

    analysis.refresh_from_db()
    assert analysis.status == FAILED
    assert analysis.error and "\n" not in analysis.error
    assert keys_in(bucket) == []


def test_a_kept_upload_stays_in_the_bucket_until_its_analysis_is_deleted(
    bucket: Any, alice: User, settings: Settings
) -> None:
    settings.UPLOAD_RETENTION_HOURS = 24
    analysis = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())
    run_worker()
    analysis.refresh_from_db()
    assert analysis.status == DONE
    assert keys_in(bucket) == [analysis.upload]

    do_delete_analysis(analysis)

    assert keys_in(bucket) == []
    assert not Analysis.objects.exists()


def test_an_upload_missing_from_the_bucket_fails_with_a_plain_message(
    bucket: Any, alice: User
) -> None:
    analysis = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())
    bucket.Object(analysis.upload).delete()

    run_worker()

    analysis.refresh_from_db()
    assert analysis.status == FAILED
    assert analysis.error == jobs.MISSING_UPLOAD


# --- The settings ---------------------------------------------------------------------------


def settings_of(environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.STORAGES['uploads'])"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        env={**environ, "DJANGO_SETTINGS_MODULE": "rekindle.web.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_settings_choose_the_s3_backend_from_the_environment(
    rekindle_environ: dict[str, str],
) -> None:
    chosen = settings_of(
        {
            **rekindle_environ,
            "REKINDLE_UPLOAD_STORAGE": "s3",
            "REKINDLE_S3_BUCKET": "our-bucket",
            "REKINDLE_S3_ENDPOINT_URL": "https://s3.example.org",
            "REKINDLE_S3_REGION": REGION,
        }
    )
    assert chosen.returncode == 0, chosen.stderr
    assert "storages.backends.s3.S3Storage" in chosen.stdout
    assert "'bucket_name': 'our-bucket'" in chosen.stdout
    assert "'endpoint_url': 'https://s3.example.org'" in chosen.stdout

    default = settings_of(rekindle_environ)
    assert "PrivateUploadStorage" in default.stdout


def test_s3_without_a_bucket_stops_at_startup_with_one_line(
    rekindle_environ: dict[str, str],
) -> None:
    started = subprocess.run(
        [sys.executable, "-m", "rekindle.web", "check"],
        env={**rekindle_environ, "REKINDLE_UPLOAD_STORAGE": "s3"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert started.returncode == 2
    assert started.stderr.strip() == (
        "Configuration error: REKINDLE_S3_BUCKET must be set when REKINDLE_UPLOAD_STORAGE is s3"
    )
