"""The analysis job, run by a django-tasks worker (``python -m rekindle.web db_worker``).

Jobs are rows in the database (django-tasks' database backend), so a job enqueued before a
restart is picked up by the next worker. django-tasks does not retry by itself, so the job
keeps its own count: an unexpected error puts the analysis back in the queue until it has
been tried ``REKINDLE_ANALYSIS_ATTEMPTS`` times. An export the library cannot read is not
retried: the same file would fail the same way, so the person gets its one-line reason at
once. A worker killed mid-job is noticed by its missing heartbeat (see
``recover_stalled_analyses``) and its analysis is queued again.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from rekindle.errors import ParseError, RekindleError
from rekindle.ingest import open_export
from rekindle.report.analysis import analyze_export
from rekindle.report.document import Report, to_json
from rekindle.web.analyses.models import DONE, FAILED, QUEUED, RUNNING, Analysis
from rekindle.web.analyses.storage import delete_upload, local_copy
from rekindle.web.safety.uploads import note_json

logger = logging.getLogger(__name__)

ERROR_MAX_LENGTH = 300
UNEXPECTED_ERROR = (
    "Something went wrong while reading this chat, and trying again did not help. "
    "You can run it again later."
)
MISSING_UPLOAD = "The uploaded file is no longer here. Please upload the export again."
STALLED = (
    "The reading stopped partway and did not pick up again after several tries. "
    "You can run it again."
)


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
    recover_stalled_analyses(now or timezone.now())  # a worker that died left these behind
    with transaction.atomic():
        analysis = Analysis.objects.select_for_update().filter(id=analysis_id).first()
        if analysis is None or analysis.status not in (QUEUED, RUNNING):
            return "gone" if analysis is None else analysis.status
        analysis.status = RUNNING
        analysis.attempts += 1
        analysis.started_at = analysis.heartbeat_at = now or timezone.now()
        analysis.error = ""
        analysis.save(update_fields=["status", "attempts", "started_at", "heartbeat_at", "error"])

    def progress(messages_read: int, fraction: float | None) -> None:
        # The share of the file read, held below 100 until the report is stored.
        percent = 0 if fraction is None else min(99, int(fraction * 100))
        Analysis.objects.filter(id=analysis_id).update(
            messages_read=messages_read, progress=percent, heartbeat_at=timezone.now()
        )

    try:
        if not analysis.upload:
            raise FileNotFoundError("no stored upload")
        with local_copy(analysis.upload) as path:
            result = analyze_export(
                open_export(path), progress=progress, created=timezone.now(), encoder_share=None
            )
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
        current.report_json = to_json(_named(result.report, current.file_name))
        current.safety_note = note_json(result.safety, result.report.name)
        current.status = DONE
        current.progress = 100
        current.messages_read = result.summary.total
        current.finished_at = finished
        current.save(
            update_fields=[
                "report_json",
                "safety_note",
                "status",
                "progress",
                "messages_read",
                "finished_at",
            ]
        )
    purge_expired_uploads(finished)
    return DONE


def _named(report: Report, file_name: str) -> Report:
    """The report names the export as the person called it, not by its random stored name."""
    return dataclasses.replace(report, source=dataclasses.replace(report.source, file=file_name))


def _fail(analysis_id: int, message: str) -> str:
    finished = timezone.now()
    Analysis.objects.filter(id=analysis_id).update(
        status=FAILED, error=message, finished_at=finished
    )
    purge_expired_uploads(finished)
    return FAILED


@transaction.atomic
def recover_stalled_analyses(now: datetime) -> int:
    """Put back in the queue each running analysis whose worker has not been heard from for
    ``REKINDLE_ANALYSIS_STALL_MINUTES`` (killed, or its machine lost), or mark it failed once
    it has had all its attempts. Safe to run from many processes at once: rows are locked
    where the database can, and each change is conditional on the row being unchanged, so an
    analysis is recovered once. Returns how many were recovered."""
    cutoff = now - timedelta(minutes=settings.ANALYSIS_STALL_MINUTES)
    stalled = Analysis.objects.select_for_update(skip_locked=True).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff),
        status=RUNNING,
    )
    count = 0
    for analysis in stalled:
        unchanged = Analysis.objects.filter(
            id=analysis.id, status=RUNNING, heartbeat_at=analysis.heartbeat_at
        )
        if analysis.attempts < settings.ANALYSIS_ATTEMPTS:
            if unchanged.update(status=QUEUED):
                logger.warning("Analysis %s stalled; queued again", analysis.id)
                enqueue_analysis(analysis)
                count += 1
        elif unchanged.update(status=FAILED, error=STALLED, finished_at=now):
            logger.warning("Analysis %s stalled on its last attempt; failed", analysis.id)
            # Its upload goes as any finished analysis's does, once this has committed.
            transaction.on_commit(lambda: purge_expired_uploads(now))
            count += 1
    return count


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
