"""The calendar feed: a page to make or revoke its secret address, and the feed itself."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from rekindle.web.access import access_calendar_feed_by_token, calendar_feed_of, own_habits
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.calendar.actions import do_create_calendar_feed, do_revoke_calendar_feed
from rekindle.web.calendar.ics import rituals_calendar


@require_safe
@login_required
def calendar_home(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "calendar/home.html", {"feed": calendar_feed_of(request.user)})


@require_POST
@login_required
def create(request: AuthenticatedRequest) -> HttpResponse:
    token = do_create_calendar_feed(request.user, timezone.now())
    link = request.build_absolute_uri(reverse("calendar:feed", args=[token]))
    return render(
        request,
        "calendar/home.html",
        {"feed": calendar_feed_of(request.user), "link": link},
    )


@require_POST
@login_required
def revoke(request: AuthenticatedRequest) -> HttpResponse:
    do_revoke_calendar_feed(request.user)
    messages.success(request, "The calendar address no longer works.")
    return redirect("calendar:home")


@require_safe
@never_cache
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself. Phones fetch it without signing in: the secret address is the key."""
    calendar_feed = access_calendar_feed_by_token(token)
    body = rituals_calendar(own_habits(calendar_feed.owner), settings.TIME_ZONE, timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = 'inline; filename="rekindle.ics"'
    response.headers["X-Robots-Tag"] = "noindex"
    return response
