"""Chat analyses, read only: the ones you may see, and a report once you may read it.

Uploading, approving, running again and deleting stay on the pages."""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router
from ninja.params.functions import Path

from rekindle.web.access import (
    AnalysisView,
    access_analysis,
    access_analysis_report,
    analyses_of,
)
from rekindle.web.analyses.models import DONE
from rekindle.web.api.auth import caller
from rekindle.web.api.schemas import MAX_ID, AnalysisOut, Problem, SafetyNoteOut
from rekindle.web.safety.uploads import note_document

router = Router(tags=["chat analyses"])

AnalysisId = Path(..., ge=1, le=MAX_ID)


def analysis_out(view: AnalysisView) -> AnalysisOut:
    analysis = view.analysis
    return AnalysisOut(
        id=analysis.id,
        is_own=view.is_own,
        owner_name=analysis.owner.display_name,
        file_name=analysis.file_name if view.is_own else None,
        status=analysis.status,
        progress=analysis.progress,
        error=(analysis.error or None) if view.is_own else None,
        created_at=analysis.created_at,
        finished_at=analysis.finished_at,
        partner_approved=view.partner_approved_at is not None,
        report_available=view.shows_report
        and analysis.status == DONE
        and bool(analysis.report_json),
        safety_note=_note(analysis.safety_note) if view.is_own else None,
    )


def _note(stored: str) -> SafetyNoteOut | None:
    document = note_document(stored)
    return SafetyNoteOut.model_validate(document) if document is not None else None


@router.get("", response=list[AnalysisOut])
def list_analyses(request: HttpRequest) -> list[AnalysisOut]:
    """Your analyses, and the finished ones your partner uploaded while you are a couple."""
    return [analysis_out(view) for view in analyses_of(caller(request))]


@router.get("/{analysis_id}", response={200: AnalysisOut, 404: Problem})
def get_analysis(request: HttpRequest, analysis_id: int = AnalysisId) -> AnalysisOut:
    return analysis_out(access_analysis(caller(request), analysis_id))


@router.get("/{analysis_id}/report", response={200: dict[str, Any], 404: Problem})
def get_analysis_report(request: HttpRequest, analysis_id: int = AnalysisId) -> dict[str, Any]:
    """The report as the library's versioned JSON: yours, or your partner's once you approved
    reading it."""
    analysis = access_analysis_report(caller(request), analysis_id)
    if not analysis.report_json:
        raise Http404("No report yet")
    report: dict[str, Any] = json.loads(analysis.report_json)
    return report
