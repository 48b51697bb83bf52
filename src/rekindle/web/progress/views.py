"""The progress log: the list with a form to add to it, one entry, and deleting one's own."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rekindle.web.access import (
    access_own_progress_entry,
    access_progress_entry,
    partner_of,
    progress_log_of,
)
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.progress.actions import do_add_progress_entry, do_delete_progress_entry
from rekindle.web.progress.forms import ProgressEntryForm
from rekindle.web.safety.views import held_progress_entry_ids, redirect_to_safety_response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def progress_log(request: AuthenticatedRequest) -> HttpResponse:
    form = ProgressEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = do_add_progress_entry(
            request.user,
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"],
            day=timezone.localdate(),
            now=timezone.now(),
        )
        if saved.safety.flagged:
            return redirect_to_safety_response(saved.safety)
        messages.success(request, "Added to the log.")
        return redirect("progress:log")
    return render(
        request,
        "progress/log.html",
        {
            "form": form,
            "entries": progress_log_of(request.user),
            "partner": partner_of(request.user),
            "held_ids": held_progress_entry_ids(request.user),
        },
    )


@require_safe
@login_required
def entry_detail(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = access_progress_entry(request.user, entry_id)
    held_ids = (
        held_progress_entry_ids(request.user) if entry.author_id == request.user.id else set()
    )
    return render(request, "progress/detail.html", {"entry": entry, "held": entry.id in held_ids})


@require_POST
@login_required
def delete(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = access_own_progress_entry(request.user, entry_id)
    do_delete_progress_entry(entry)
    messages.info(request, "That entry is deleted.")
    return redirect("progress:log")
