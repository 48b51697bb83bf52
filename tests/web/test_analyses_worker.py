"""A chat analysis goes through the real queue: enqueued on upload, run by django-tasks'
database worker, its report stored, its raw upload deleted, and its failures explained."""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.analyses.actions import do_rerun_analysis, do_start_analysis
from rekindle.web.analyses.models import DONE, FAILED, QUEUED, Analysis
from tests.web.analysis_support import NOT_A_CHAT, SMALL_CHAT, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def uploads(settings: Settings, tmp_path: Path) -> Path:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR


def stored_files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_an_upload_is_queued_then_the_worker_stores_its_report(
    alice: User, alice_client: Client, uploads: Path
) -> None:
    with SMALL_CHAT.open("rb") as export:
        response = alice_client.post("/analyses/", {"export": export})

    analysis = Analysis.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == f"/analyses/{analysis.id}"
    assert analysis.status == QUEUED
    assert len(stored_files(uploads)) == 1
    queued = DBTaskResult.objects.get(id=analysis.task_id)
    assert queued.args_kwargs["args"] == [analysis.id]
    waiting = alice_client.get(f"/analyses/{analysis.id}")
    assert "Waiting for a worker" in waiting.content.decode()
    assert 'hx-trigger="every 2s"' in waiting.content.decode()

    run_worker()

    analysis.refresh_from_db()
    assert analysis.status == DONE
    assert analysis.progress == 100
    assert analysis.messages_read == 14
    assert analysis.attempts == 1
    report = json.loads(analysis.report_json)
    assert "14 messages" in report["summary"]["headline"]
    assert stored_files(uploads) == []  # the raw export is gone, the report stays
    assert analysis.upload == ""
    page = alice_client.get(f"/analyses/{analysis.id}").content.decode()
    assert "100%" in page
    assert report["summary"]["headline"] in page
    assert 'hx-trigger="every 2s"' not in page


def test_the_report_json_is_encrypted_in_the_database(alice: User) -> None:
    analysis = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())
    run_worker()

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT report_json FROM analyses_analysis WHERE id = %s", [analysis.id])
        stored = cursor.fetchone()[0]
    assert stored.startswith("fernet:")
    assert "headline" not in stored


def test_a_file_that_is_not_a_chat_fails_with_one_line_and_no_retry(
    alice: User, alice_client: Client, uploads: Path
) -> None:
    analysis = do_start_analysis(alice, [NOT_A_CHAT], "notes.txt", timezone.now())

    run_worker()

    analysis.refresh_from_db()
    assert analysis.status == FAILED
    assert analysis.attempts == 1  # the same file would fail the same way
    assert analysis.error
    assert "\n" not in analysis.error
    assert str(uploads) not in analysis.error
    assert stored_files(uploads) == []
    page = alice_client.get(f"/analyses/{analysis.id}")
    assert page.status_code == 200
    assert analysis.error in page.content.decode()
    assert "Traceback" not in page.content.decode()


def test_an_unexpected_error_is_retried_up_to_the_limit(
    alice: User, alice_client: Client, settings: Settings
) -> None:
    settings.ANALYSIS_ATTEMPTS = 3
    analysis = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())

    with mock.patch(
        "rekindle.web.analyses.jobs.analyze_export", side_effect=MemoryError("out of memory")
    ) as analyse:
        run_worker()

    analysis.refresh_from_db()
    assert analyse.call_count == 3
    assert analysis.attempts == 3
    assert analysis.status == FAILED
    assert "out of memory" not in analysis.error
    assert analysis.error.startswith("Something went wrong")
    assert DBTaskResult.objects.count() == 3  # one queued job per attempt


def test_a_retry_that_succeeds_stores_the_report(alice: User) -> None:
    from rekindle.report.analysis import analyze_export

    calls = {"n": 0}

    def flaky(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("disk hiccup")
        return analyze_export(*args, **kwargs)  # type: ignore[arg-type]

    analysis = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())
    with mock.patch("rekindle.web.analyses.jobs.analyze_export", side_effect=flaky):
        run_worker()

    analysis.refresh_from_db()
    assert analysis.status == DONE
    assert analysis.attempts == 2


def test_rerun_with_a_fresh_export_analyses_again_and_asks_consent_again(
    alice: User, bob: User, couple: object
) -> None:
    analysis = do_start_analysis(alice, [NOT_A_CHAT], "notes.txt", timezone.now())
    run_worker()
    analysis.refresh_from_db()
    assert analysis.status == FAILED

    Analysis.objects.filter(id=analysis.id).update(partner_approved_at=timezone.now())
    analysis.refresh_from_db()
    do_rerun_analysis(analysis, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())
    run_worker()

    analysis.refresh_from_db()
    assert analysis.status == DONE
    assert analysis.error == ""
    assert analysis.partner_approved_at is None
    assert analysis.report_json


def test_uploads_are_kept_for_the_retention_setting(
    alice: User, settings: Settings, uploads: Path
) -> None:
    settings.UPLOAD_RETENTION_HOURS = 24
    analysis = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())

    run_worker()

    analysis.refresh_from_db()
    assert analysis.status == DONE
    assert len(stored_files(uploads)) == 1
    assert analysis.upload


def test_the_worker_reports_the_share_of_the_file_read_as_it_goes(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the job runs, the row holds a percentage (below 100 until the report is stored)
    and the status panel shows it."""
    from rekindle.report import analysis as library
    from rekindle.web.analyses import jobs

    demo = Path(library.__file__).resolve().parents[1] / "demo" / "whatsapp-demo.txt"
    monkeypatch.setattr(library, "PROGRESS_EVERY", 500)
    seen: list[tuple[int, int, str]] = []
    real = jobs.analyze_export

    def watched(export, **options):  # type: ignore[no-untyped-def]
        report_progress = options["progress"]

        def progress(messages: int, fraction: float | None) -> None:
            report_progress(messages, fraction)
            row = Analysis.objects.get(owner=alice)
            panel = alice_client.get(f"/analyses/{row.id}/status").content.decode()
            seen.append((row.messages_read, row.progress, panel))

        return real(export, **{**options, "progress": progress})

    monkeypatch.setattr(jobs, "analyze_export", watched)
    with demo.open("rb") as export:
        alice_client.post("/analyses/", {"export": export})
    run_worker()

    assert Analysis.objects.get(owner=alice).status == DONE
    percents = [percent for _, percent, _ in seen]
    assert len(seen) >= 7
    assert percents == sorted(percents)  # never goes back
    assert 0 < percents[0] < 50 and 90 <= percents[-1] <= 99
    messages, percent, panel = seen[len(seen) // 2]
    assert f'value="{percent}"' in panel
    assert f"About {percent}% of the file read, {messages} messages so far." in panel
