"""Property-based testing of the JSON API from its own served OpenAPI schema: whatever a caller
sends, with a valid token, the server answers and never fails with a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from rekindle.web.accounts.models import User
from rekindle.web.api.actions import do_create_api_token
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.habits.models import Habit
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.wsgi import application
from tests.web.analysis_support import finished_analysis


@pytest.fixture
def alices_token(alice: User, bob: User, couple: Couple) -> str:
    """Alice's token, in a world with something to find: her and Bob's check-ins, habits, log
    entries and a finished chat analysis, with low ids that generated requests may well hit."""
    today = timezone.localdate()
    for person in (alice, bob):
        CheckIn.objects.create(
            author=person, day=today, mood=3, connection=5, note="A note.", couple=couple
        )
        Habit.objects.create(owner=person, intervention_id="specific-thanks", shared_in=couple)
        ProgressEntry.objects.create(
            author=person, couple=couple, kind="win", text="A good day.", day=today
        )
    finished_analysis(alice, couple)
    return do_create_api_token(alice, "schemathesis", timezone.now())[1]


@pytest.fixture
def connection_kept_open() -> Iterator[None]:
    """Keep the test's database connection across requests, as Django's own test client does:
    the WSGI handler would otherwise close it after each one, and the test's transaction with
    it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The schema is fetched from the running app, just as any client of the API would read it.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_never_answers_with_a_server_error(
    connection_kept_open: None, case: Any, alices_token: str
) -> None:
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {alices_token}"}, checks=[not_a_server_error]
    )

    assert response.status_code != 401, "a valid token was refused"
