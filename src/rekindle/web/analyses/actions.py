"""Starting, approving, re-running and deleting analyses. Each action is one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction

from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.analyses.jobs import enqueue_analysis, recover_stalled_analyses
from rekindle.web.analyses.models import QUEUED, Analysis
from rekindle.web.analyses.storage import delete_upload, store_upload


@transaction.atomic
def do_start_analysis(
    owner: User, chunks: Iterable[bytes], file_name: str, now: datetime
) -> Analysis:
    """Keep the upload and queue its analysis, in the couple the uploader is in now."""
    recover_stalled_analyses(now)
    stored, size = store_upload(chunks, file_name)
    try:
        analysis = Analysis.objects.create(
            owner=owner,
            couple=active_couple_of(owner),
            file_name=file_name[-255:],
            upload=stored,
            upload_size=size,
            created_at=now,
        )
    except Exception:
        delete_upload(stored)
        raise
    enqueue_analysis(analysis)
    return analysis


@transaction.atomic
def do_recover_stalled_analyses(now: datetime) -> int:
    """Queue again (or fail, once out of attempts) analyses whose worker stopped: run when
    analysis pages are opened or polled, so no extra process is needed to notice."""
    return recover_stalled_analyses(now)


@transaction.atomic
def do_rerun_analysis(
    analysis: Analysis, chunks: Iterable[bytes] | None, file_name: str, now: datetime
) -> None:
    """Analyse again, from a fresh upload or the one still kept. A new report needs the
    partner's approval again."""
    if chunks is not None:
        stored, size = store_upload(chunks, file_name)
        delete_upload(analysis.upload)
        analysis.upload, analysis.upload_size = stored, size
        analysis.file_name = file_name[-255:]
    analysis.status = QUEUED
    analysis.attempts = 0
    analysis.messages_read = 0
    analysis.progress = 0
    analysis.error = ""
    analysis.report_json = ""
    analysis.safety_note = ""
    analysis.partner_approved_at = None
    analysis.created_at = now
    analysis.started_at = None
    analysis.heartbeat_at = None
    analysis.finished_at = None
    analysis.save()
    enqueue_analysis(analysis)


@transaction.atomic
def do_approve_analysis(analysis: Analysis, now: datetime) -> None:
    Analysis.objects.filter(id=analysis.id, partner_approved_at__isnull=True).update(
        partner_approved_at=now
    )


@transaction.atomic
def do_delete_analysis(analysis: Analysis) -> None:
    delete_upload(analysis.upload)
    Analysis.objects.filter(id=analysis.id).delete()


def delete_analyses_of(user: User) -> None:
    """Delete every analysis a person uploaded, with any upload still kept."""
    for analysis in Analysis.objects.filter(owner=user):
        do_delete_analysis(analysis)
