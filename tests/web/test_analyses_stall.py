"""A worker killed in the middle of a job leaves its analysis "running" with no heartbeat;
after REKINDLE_ANALYSIS_STALL_MINUTES it is queued again and the real worker finishes it, or,
out of attempts, it fails with one plain line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.analyses.actions import do_recover_stalled_analyses, do_start_analysis
from rekindle.web.analyses.jobs import STALLED, run_analysis
from rekindle.web.analyses.models import DONE, FAILED, QUEUED, RUNNING, Analysis
from tests.web.analysis_support import SMALL_CHAT, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def uploads(settings: Settings, tmp_path: Path) -> Path:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.ANALYSIS_ATTEMPTS = 3
    settings.ANALYSIS_STALL_MINUTES = 15
    return settings.UPLOAD_DIR


def killed_mid_job(owner: User, *, attempts: int, silent_for: timedelta) -> Analysis:
    """An analysis whose worker claimed its job, started reading and was then killed: the
    job row and the analysis both say running, and nothing will ever finish them."""
    analysis = do_start_analysis(owner, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())
    analysis.refresh_from_db()
    DBTaskResult.objects.filter(id=analysis.task_id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - silent_for
    )
    last_heard = timezone.now() - silent_for
    Analysis.objects.filter(id=analysis.id).update(
        status=RUNNING,
        attempts=attempts,
        messages_read=5,
        started_at=last_heard,
        heartbeat_at=last_heard,
    )
    return analysis


def test_a_stalled_analysis_is_queued_again_when_its_page_polls_and_the_worker_finishes_it(
    alice: User, alice_client: Client
) -> None:
    analysis = killed_mid_job(alice, attempts=1, silent_for=timedelta(minutes=20))
    run_worker()  # nothing is ready to run: on its own, it would stay "running" forever
    analysis.refresh_from_db()
    assert analysis.status == RUNNING

    poll = alice_client.get(f"/analyses/{analysis.id}/status")

    assert poll.status_code == 200
    analysis.refresh_from_db()
    assert analysis.status == QUEUED
    assert "Waiting for a worker" in poll.content.decode()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1

    run_worker()

    analysis.refresh_from_db()
    assert analysis.status == DONE
    assert analysis.attempts == 2
    assert analysis.messages_read == 14
    assert analysis.report_json


def test_a_worker_starting_any_job_recovers_a_stalled_analysis(alice: User) -> None:
    stalled = killed_mid_job(alice, attempts=1, silent_for=timedelta(hours=2))
    fresh = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "new.txt", timezone.now())

    run_worker()  # runs the fresh job, which finds the stalled one and queues it again

    stalled.refresh_from_db()
    fresh.refresh_from_db()
    assert (stalled.status, fresh.status) == (DONE, DONE)
    assert stalled.attempts == 2


def test_a_stalled_analysis_out_of_attempts_fails_with_one_plain_line(
    alice: User, alice_client: Client, uploads: Path
) -> None:
    analysis = killed_mid_job(alice, attempts=3, silent_for=timedelta(minutes=20))

    page = alice_client.get(f"/analyses/{analysis.id}")

    analysis.refresh_from_db()
    assert analysis.status == FAILED
    assert analysis.error == STALLED
    assert "\n" not in analysis.error
    assert analysis.finished_at is not None
    assert page.status_code == 200
    assert STALLED in page.content.decode()
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert analysis.upload == ""  # retention 0: the raw export is deleted as it fails
    assert list(uploads.iterdir()) == []


def test_a_running_analysis_with_a_recent_heartbeat_is_left_alone(
    alice: User, alice_client: Client
) -> None:
    analysis = killed_mid_job(alice, attempts=1, silent_for=timedelta(minutes=10))

    alice_client.get("/analyses/")
    alice_client.get(f"/analyses/{analysis.id}/status")

    analysis.refresh_from_db()
    assert analysis.status == RUNNING
    assert analysis.attempts == 1


def test_the_stall_limit_is_a_setting(alice: User, settings: Settings) -> None:
    analysis = killed_mid_job(alice, attempts=1, silent_for=timedelta(minutes=10))
    settings.ANALYSIS_STALL_MINUTES = 5

    assert do_recover_stalled_analyses(timezone.now()) == 1

    analysis.refresh_from_db()
    assert analysis.status == QUEUED


def test_recovery_queues_a_stalled_analysis_once(alice: User) -> None:
    killed_mid_job(alice, attempts=1, silent_for=timedelta(minutes=20))

    first = do_recover_stalled_analyses(timezone.now())
    second = do_recover_stalled_analyses(timezone.now())

    assert (first, second) == (1, 0)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


def test_the_job_records_a_heartbeat_as_it_reads(alice: User) -> None:
    analysis = do_start_analysis(alice, [SMALL_CHAT.read_bytes()], "chat.txt", timezone.now())
    started = timezone.now() - timedelta(hours=1)

    assert run_analysis(analysis.id, now=started) == DONE

    analysis.refresh_from_db()
    assert analysis.started_at == started
    assert analysis.heartbeat_at is not None
    # The progress callback moved the heartbeat on from the start.
    assert analysis.heartbeat_at > started + timedelta(minutes=59)
