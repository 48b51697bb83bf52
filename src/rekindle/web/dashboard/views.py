"""The dashboard: one page that gathers how things are going."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from rekindle.web.access import partner_of
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.dashboard.summary import dashboard_for


@require_safe
@login_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "dashboard/home.html",
        {
            "dashboard": dashboard_for(request.user, timezone.localdate()),
            "partner": partner_of(request.user),
        },
    )
