"""Pages for linking with a partner, and for unlinking."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rekindle.web.access import (
    access_invitation_by_token,
    access_own_invitation,
    active_couple_of,
    other_member,
)
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.couples.actions import (
    CoupleError,
    do_accept_invitation,
    do_create_invitation,
    do_unlink_couple,
    do_withdraw_invitation,
)
from rekindle.web.couples.models import Invitation


@require_safe
@login_required
def couple_home(request: AuthenticatedRequest) -> HttpResponse:
    couple = active_couple_of(request.user)
    now = timezone.now()
    open_invitations = [
        invitation
        for invitation in Invitation.objects.filter(inviter=request.user)
        if invitation.is_open(now)
    ]
    return render(
        request,
        "couples/home.html",
        {
            "couple": couple,
            "partner": other_member(couple, request.user) if couple else None,
            "open_invitations": open_invitations,
        },
    )


@require_POST
@login_required
def invite(request: AuthenticatedRequest) -> HttpResponse:
    try:
        invitation, token = do_create_invitation(request.user, timezone.now())
    except CoupleError as error:
        messages.error(request, str(error))
        return redirect("couples:home")
    link = request.build_absolute_uri(reverse("couples:join", args=[token]))
    return render(
        request, "couples/invitation_created.html", {"invitation": invitation, "link": link}
    )


@require_POST
@login_required
def withdraw(request: AuthenticatedRequest, invitation_id: int) -> HttpResponse:
    invitation = access_own_invitation(request.user, invitation_id)
    do_withdraw_invitation(invitation, timezone.now())
    messages.success(request, "That invitation link no longer works.")
    return redirect("couples:home")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def join(request: AuthenticatedRequest, token: str) -> HttpResponse:
    invitation = access_invitation_by_token(token)
    if request.method == "POST":
        try:
            do_accept_invitation(invitation, request.user, timezone.now())
        except CoupleError as error:
            messages.error(request, str(error))
            return redirect("couples:home")
        messages.success(request, f"You and {invitation.inviter.display_name} are now linked.")
        return redirect("couples:home")
    return render(
        request,
        "couples/join.html",
        {"invitation": invitation, "is_open": invitation.is_open(timezone.now())},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def unlink(request: AuthenticatedRequest) -> HttpResponse:
    couple = active_couple_of(request.user)
    if couple is None:
        return redirect("couples:home")
    if request.method == "POST":
        try:
            do_unlink_couple(request.user, timezone.now())
        except CoupleError as error:  # the partner unlinked a moment earlier
            messages.info(request, str(error))
            return redirect("couples:home")
        messages.success(
            request, "You are no longer linked. Everything you wrote is still here, and private."
        )
        return redirect("couples:home")
    return render(request, "couples/unlink.html", {"partner": other_member(couple, request.user)})
