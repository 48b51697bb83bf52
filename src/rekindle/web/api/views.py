"""The page where a person makes and revokes their personal API tokens.

It is a page for the signed-in browser only: a token cannot make more tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from rekindle.web.access import access_own_api_token, api_tokens_of
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.api.actions import do_create_api_token, do_revoke_api_token
from rekindle.web.api.forms import ApiTokenForm


def _page(
    request: AuthenticatedRequest, form: ApiTokenForm, new_token: str | None = None
) -> HttpResponse:
    return render(
        request,
        "api/tokens.html",
        {"tokens": api_tokens_of(request.user), "form": form, "new_token": new_token},
    )


@require_safe
@login_required
def tokens(request: AuthenticatedRequest) -> HttpResponse:
    return _page(request, ApiTokenForm())


@require_POST
@login_required
@never_cache
def create(request: AuthenticatedRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    _, token = do_create_api_token(request.user, form.cleaned_data["name"], timezone.now())
    return _page(request, ApiTokenForm(), new_token=token)


@require_POST
@login_required
def revoke(request: AuthenticatedRequest, api_token_id: int) -> HttpResponse:
    api_token = access_own_api_token(request.user, api_token_id)
    do_revoke_api_token(api_token)
    messages.success(request, f"The token “{api_token.name}” no longer works.")
    return redirect("api_tokens:list")
