"""``/health`` tells a monitor whether the app and its database answer."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client


@pytest.mark.django_db
def test_health_reports_ok_when_the_database_answers(client: Client) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "queue": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_health_reports_an_error_when_the_database_fails(client: Client) -> None:
    broken_cursor = mock.Mock(side_effect=OperationalError("connection refused"))

    with mock.patch.object(connections["default"], "cursor", broken_cursor):
        response = client.get("/health")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "queue": "error"}
    assert "connection refused" not in response.content.decode()


def test_health_accepts_only_reads(client: Client) -> None:
    response = client.post("/health")

    assert response.status_code == 405
