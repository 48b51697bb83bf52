"""Your data: download all of it, or delete your account and all of it."""

from __future__ import annotations

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from rekindle.web.access import partner_of
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.data.actions import do_delete_account
from rekindle.web.data.export import export_json
from rekindle.web.data.forms import DeleteAccountForm


@require_safe
@login_required
def data_home(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "data/home.html")


@require_safe
@login_required
@never_cache
def export(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    response = HttpResponse(
        export_json(request.user, now), content_type="application/json; charset=utf-8"
    )
    filename = f"rekindle-export-{now.date().isoformat()}.json"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def delete_account(request: AuthenticatedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        do_delete_account(request.user)
        logout(request)
        return redirect("data:deleted")
    return render(request, "data/delete.html", {"form": form, "partner": partner_of(request.user)})


@require_safe
def deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "data/deleted.html")
