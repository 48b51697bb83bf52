"""Checks behind ``/health``: each returns "ok" or "error" and logs what went wrong.

The details stay in the server log; the endpoint is public and says only which part failed.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"


def check_database() -> str:
    """Run a trivial query on the default database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return ERROR
    return OK


def check_queue(now: datetime | None = None) -> str:
    """The job queue answers and is moving: its table can be read, and no job that is ready
    to run has waited longer than ``REKINDLE_QUEUE_MAX_WAIT_MINUTES`` (which happens when no
    worker is running, or the workers cannot keep up)."""
    from django_tasks_db.models import DBTaskResult

    try:
        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
    except DatabaseError:
        logger.exception("Health check: the job queue could not be read")
        return ERROR
    if oldest is None:
        return OK
    waited = (now or timezone.now()) - oldest.enqueued_at
    if waited > timedelta(minutes=settings.QUEUE_MAX_WAIT_MINUTES):
        logger.error("Health check: a job has waited %s in the queue; is a worker running?", waited)
        return ERROR
    return OK
