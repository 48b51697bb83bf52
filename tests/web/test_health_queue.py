"""``/health`` also tells a monitor whether the job queue is readable and moving."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from rekindle.web.analyses.jobs import analyse_chat

pytestmark = pytest.mark.django_db


def test_a_fresh_job_in_the_queue_is_healthy(client: Client) -> None:
    analyse_chat.enqueue(1)

    response = client.get("/health")

    assert response.status_code == 200
    assert response.json()["queue"] == "ok"


def test_a_job_left_waiting_too_long_means_no_worker_is_running(
    client: Client, settings: Settings
) -> None:
    settings.QUEUE_MAX_WAIT_MINUTES = 15
    result = analyse_chat.enqueue(1)
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=16)
    )

    response = client.get("/health")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "queue": "error"}


def test_finished_jobs_do_not_count_however_old(client: Client) -> None:
    result = analyse_chat.enqueue(1)
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(days=3), status="SUCCESSFUL"
    )

    assert client.get("/health").json()["queue"] == "ok"


def test_an_unreadable_queue_table_is_an_error(client: Client) -> None:
    broken = mock.Mock(side_effect=OperationalError("no such table: django_tasks_database"))
    with mock.patch("django_tasks_db.models.DBTaskResultQuerySet.ready", broken):
        response = client.get("/health")

    assert response.status_code == 503
    assert response.json()["queue"] == "error"
    assert "no such table" not in response.content.decode()
