"""Daily check-in pages: today's check-in, one check-in, and the weekly review."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from rekindle.web.access import (
    access_check_in,
    own_check_in_days,
    own_check_in_on,
    own_check_ins_between,
    partner_check_in_on,
    partner_of,
)
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.checkins.actions import do_save_check_in
from rekindle.web.checkins.forms import CheckInForm
from rekindle.web.checkins.review import TREND_DAYS, WEEK, trend_chart, weekly_review
from rekindle.web.checkins.streaks import current_streak, longest_streak
from rekindle.web.safety.views import held_initial, held_parts_of, redirect_to_safety_response

CHART_MEASURES = ("mood", "connection")
# The chart is an image: it may style itself, and it can run nothing.
CHART_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def today(request: AuthenticatedRequest) -> HttpResponse:
    day = timezone.localdate()
    partner = partner_of(request.user)
    existing = own_check_in_on(request.user, day)
    held = held_parts_of(request.user, existing)
    form = CheckInForm(
        request.POST or None,
        instance=existing,
        initial=held_initial(held),
        has_partner=partner is not None,
    )
    if request.method == "POST" and form.is_valid():
        saved = do_save_check_in(request.user, day, now=timezone.now(), **form.cleaned_data)
        if saved.safety.flagged:
            return redirect_to_safety_response(saved.safety)
        messages.success(request, "Thank you for checking in today.")
        return redirect("checkins:today")
    days = own_check_in_days(request.user)
    return render(
        request,
        "checkins/today.html",
        {
            "form": form,
            "day": day,
            "existing": existing,
            "held": held,
            "partner": partner,
            "partner_view": partner_check_in_on(request.user, day),
            "current_streak": current_streak(days, day),
            "longest_streak": longest_streak(days),
        },
    )


@require_safe
@login_required
def check_in_detail(request: AuthenticatedRequest, check_in_id: int) -> HttpResponse:
    view = access_check_in(request.user, check_in_id)
    held = held_parts_of(request.user, view.check_in) if view.is_own else {}
    return render(request, "checkins/detail.html", {"view": view, "held": held})


@require_safe
@login_required
def review(request: AuthenticatedRequest) -> HttpResponse:
    last_day = timezone.localdate()
    check_ins = own_check_ins_between(request.user, last_day - timedelta(days=2 * WEEK), last_day)
    return render(
        request,
        "checkins/review.html",
        {"review": weekly_review(check_ins, last_day), "trend_days": TREND_DAYS},
    )


@require_safe
@login_required
@never_cache
def review_chart(request: AuthenticatedRequest, measure: str) -> HttpResponse:
    if measure not in CHART_MEASURES:
        raise Http404("No such chart")
    last_day = timezone.localdate()
    check_ins = own_check_ins_between(request.user, last_day - timedelta(days=TREND_DAYS), last_day)
    response = HttpResponse(trend_chart(check_ins, last_day, measure), content_type="image/svg+xml")
    response.headers["Content-Security-Policy"] = CHART_CONTENT_SECURITY_POLICY
    return response
