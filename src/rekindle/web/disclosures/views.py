"""Dismissing the "AI, not a person" notice."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.disclosures.actions import do_dismiss_disclosure


@require_POST
@login_required
def dismiss(request: AuthenticatedRequest) -> HttpResponse:
    """ "I understand": the notice leaves the person's pages until it is due again, and they go
    back to the page they were on."""
    do_dismiss_disclosure(request.user)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "dashboard:home"
    return redirect(back)
