"""Chat analyses: upload and list, one analysis with its live progress, the report, approving
a partner's report, running again and deleting."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rekindle.report.document import Report, from_dict
from rekindle.report.html import render_html
from rekindle.web.access import (
    access_analysis,
    access_analysis_report,
    access_analysis_to_approve,
    access_own_analysis,
    analyses_of,
    partner_of,
)
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.analyses.actions import (
    do_approve_analysis,
    do_delete_analysis,
    do_recover_stalled_analyses,
    do_rerun_analysis,
    do_start_analysis,
)
from rekindle.web.analyses.forms import RerunForm, UploadForm
from rekindle.web.analyses.models import QUEUED, Analysis
from rekindle.web.core.quick_exit import with_quick_exit
from rekindle.web.safety.resources import resources_of
from rekindle.web.safety.uploads import note_lines

# The report is a whole page with its own inline styles and inline SVG charts; nothing else
# may load, and no other page may frame it.
REPORT_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def report_of(analysis: Analysis) -> Report | None:
    if not analysis.report_json:
        return None
    return from_dict(json.loads(analysis.report_json))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def analysis_list(request: AuthenticatedRequest) -> HttpResponse:
    do_recover_stalled_analyses(timezone.now())
    posted = request.method == "POST"
    form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["export"]
        analysis = do_start_analysis(
            request.user, upload.chunks(), upload.name or "export", timezone.now()
        )
        messages.success(request, "Your chat is in the queue. This page shows how it goes.")
        return redirect("analyses:detail", analysis.id)
    return render(
        request,
        "analyses/list.html",
        {"form": form, "analyses": analyses_of(request.user), "partner": partner_of(request.user)},
        status=400 if form.errors else 200,
    )


def _detail_context(request: AuthenticatedRequest, analysis_id: int) -> dict[str, object]:
    do_recover_stalled_analyses(timezone.now())
    view = access_analysis(request.user, analysis_id)
    report = report_of(view.analysis) if view.shows_report else None
    # The safety note is the uploader's alone, whoever else may read the report.
    safety_lines = note_lines(view.analysis.safety_note) if view.is_own else []
    resources = resources_of(request.user) if safety_lines else None
    return {
        "view": view,
        "analysis": view.analysis,
        "report": report,
        "rerun_form": RerunForm() if view.is_own else None,
        "safety_lines": safety_lines,
        "safety_resources": resources,
    }


@require_safe
@login_required
def analysis_detail(request: AuthenticatedRequest, analysis_id: int) -> HttpResponse:
    return render(request, "analyses/detail.html", _detail_context(request, analysis_id))


@require_safe
@never_cache
@login_required
def analysis_status(request: AuthenticatedRequest, analysis_id: int) -> HttpResponse:
    """The progress panel alone, polled by htmx while the job runs."""
    context = _detail_context(request, analysis_id)
    response = render(request, "analyses/status.html", context)
    if getattr(request, "htmx", False) and context["analysis"].is_finished:  # type: ignore[attr-defined]
        response["HX-Refresh"] = "true"
    return response


@require_safe
@login_required
def report_page(request: AuthenticatedRequest, analysis_id: int) -> HttpResponse:
    """The library's report, as the standalone page it renders."""
    analysis = access_analysis_report(request.user, analysis_id)
    report = report_of(analysis)
    if report is None:
        return redirect("analyses:detail", analysis.id)
    page = with_quick_exit(render_html(report))
    response = HttpResponse(page, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = REPORT_CONTENT_SECURITY_POLICY
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def approve(request: AuthenticatedRequest, analysis_id: int) -> HttpResponse:
    analysis = access_analysis_to_approve(request.user, analysis_id)
    do_approve_analysis(analysis, timezone.now())
    messages.success(request, "You can read this report now.")
    return redirect("analyses:detail", analysis.id)


@require_POST
@login_required
def rerun(request: AuthenticatedRequest, analysis_id: int) -> HttpResponse:
    analysis = access_own_analysis(request.user, analysis_id)
    if analysis.status == QUEUED:
        messages.info(request, "This chat is already waiting in the queue.")
        return redirect("analyses:detail", analysis.id)
    form = RerunForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["export"]
        if upload is None and not analysis.upload:
            form.add_error(
                "export", "The earlier upload has been deleted; please choose the export again."
            )
        else:
            do_rerun_analysis(
                analysis,
                upload.chunks() if upload is not None else None,
                (upload.name or "export") if upload is not None else analysis.file_name,
                timezone.now(),
            )
            messages.success(request, "Your chat is in the queue again.")
            return redirect("analyses:detail", analysis.id)
    context = _detail_context(request, analysis_id)
    context["rerun_form"] = form
    return render(request, "analyses/detail.html", context, status=400)


@require_POST
@login_required
def delete(request: AuthenticatedRequest, analysis_id: int) -> HttpResponse:
    analysis = access_own_analysis(request.user, analysis_id)
    do_delete_analysis(analysis)
    messages.info(request, "That analysis and its report are deleted.")
    return redirect("analyses:list")
