"""The analysis job, run by a django-tasks worker (``python -m rekindle.web db_worker``).

Jobs are rows in the database (django-tasks' database backend), so a job enqueued before a
restart is picked up by the next worker. django-tasks does not retry by itself, so the job
keeps its own count: an unexpected error puts the analysis back in the queue until it has
been tried ``REKINDLE_ANALYSIS_ATTEMPTS`` times. An export the library cannot read is not
retried: the same file would fail the same way, so the person gets its one-line reason at
once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from rekindle.errors import ParseError, RekindleError
from rekindle.ingest import open_export
from rekindle.report.analysis import analyze_export
from rekindle.report.document import to_json
from rekindle.web.analyses.models import DONE, FAILED, QUEUED, RUNNING, Analysis
from rekindle.web.analyses.storage import delete_upload, upload_path

logger = logging.getLogger(__name__)

ERROR_MAX_LENGTH = 300
UNEXPECTED_ERROR = (
    "Something went wrong while reading this chat, and trying again did not help. "
    "You can run it again later."
)
MISSING_UPLOAD = "The uploaded file is no longer here. Please upload the export again."


def one_line(error: RekindleError) -> str:
    """The library's message for a person: one line, and never a path on the server."""
    text = error.problem if isinstance(error, ParseError) else str(error)
    line = " ".join(text.split())
    if len(line) > ERROR_MAX_LENGTH:
        line = line[: ERROR_MAX_LENGTH - 1].rstrip() + "…"
    return line


def enqueue_analysis(analysis: Analysis) -> None:
    """Put the analysis in the queue once the current transaction has committed."""

    def _enqueue() -> None:
        result = analyse_chat.enqueue(analysis.id)
        Analysis.objects.filter(id=analysis.id).update(task_id=str(result.id))

    transaction.on_commit(_enqueue)


@task()
def analyse_chat(analysis_id: int) -> str:
    """The queued job: run the analysis and say how it ended."""
    return run_analysis(analysis_id)


def run_analysis(analysis_id: int, now: datetime | None = None) -> str:
    """Analyse one upload and store its report; the job's body, callable directly too."""
    with transaction.atomic():
        analysis = Analysis.objects.select_for_update().filter(id=analysis_id).first()
        if analysis is None or analysis.status not in (QUEUED, RUNNING):
            return "gone" if analysis is None else analysis.status
        analysis.status = RUNNING
        analysis.attempts += 1
        analysis.started_at = now or timezone.now()
        analysis.error = ""
        analysis.save(update_fields=["status", "attempts", "started_at", "error"])

    def progress(messages_read: int) -> None:
        Analysis.objects.filter(id=analysis_id).update(messages_read=messages_read)

    try:
        if not analysis.upload:
            raise FileNotFoundError("no stored upload")
        path = upload_path(analysis.upload)
        if not path.exists():
            raise FileNotFoundError("no stored upload")
        result = analyze_export(open_export(path), progress=progress, created=timezone.now())
    except FileNotFoundError:
        return _fail(analysis_id, MISSING_UPLOAD)
    except RekindleError as error:
        return _fail(analysis_id, one_line(error))
    except Exception:
        logger.exception("Analysis %s failed on attempt %s", analysis_id, analysis.attempts)
        if analysis.attempts < settings.ANALYSIS_ATTEMPTS:
            with transaction.atomic():
                updated = Analysis.objects.filter(id=analysis_id, status=RUNNING).update(
                    status=QUEUED
                )
                if updated:
                    enqueue_analysis(analysis)
            return "retrying"
        return _fail(analysis_id, UNEXPECTED_ERROR)

    finished = timezone.now()
    with transaction.atomic():
        current = Analysis.objects.select_for_update().filter(id=analysis_id).first()
        if current is None:  # deleted while it ran
            return "gone"
        current.report_json = to_json(result.report)
        current.status = DONE
        current.progress = 100
        current.messages_read = result.summary.total
        current.finished_at = finished
        current.save(
            update_fields=["report_json", "status", "progress", "messages_read", "finished_at"]
        )
    purge_expired_uploads(finished)
    return DONE


def _fail(analysis_id: int, message: str) -> str:
    finished = timezone.now()
    Analysis.objects.filter(id=analysis_id).update(
        status=FAILED, error=message, finished_at=finished
    )
    purge_expired_uploads(finished)
    return FAILED


def purge_expired_uploads(now: datetime) -> int:
    """Delete the raw uploads of finished analyses older than the retention setting."""
    cutoff = now - timedelta(hours=settings.UPLOAD_RETENTION_HOURS)
    expired = Analysis.objects.filter(status__in=(DONE, FAILED), finished_at__lte=cutoff).exclude(
        upload=""
    )
    count = 0
    for analysis in expired:
        delete_upload(analysis.upload)
        Analysis.objects.filter(id=analysis.id, upload=analysis.upload).update(upload="")
        count += 1
    return count
