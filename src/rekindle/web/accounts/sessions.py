"""Session lifetimes: signed out after 30 idle minutes and, whatever happens, after 12 hours
(both configurable).

Both limits are checked on the server from timestamps kept in the session, so a stolen cookie
stops working on time even if a browser keeps sending it. Every signed-in browser also has a
``SignedInSession`` row, which is what the "Where you are signed in" page lists and revokes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from rekindle.web.accounts.models import SignedInSession, User

SIGNED_IN_AT = "rekindle_signed_in_at"
LAST_SEEN_AT = "rekindle_last_seen_at"
# The list of sessions shows "last seen" to the minute; writing it more often is wasted work.
LAST_SEEN_PRECISION = timedelta(minutes=1)
DEVICE_LENGTH = 200


def idle_timeout() -> timedelta:
    return timedelta(minutes=settings.SESSION_IDLE_MINUTES)


def absolute_timeout() -> timedelta:
    return timedelta(hours=settings.SESSION_ABSOLUTE_HOURS)


def start_session(request: HttpRequest, user: User, now: datetime) -> None:
    """Record a fresh sign-in: called when Django has just created a new session key."""
    session = request.session
    session[SIGNED_IN_AT] = now.timestamp()
    session[LAST_SEEN_AT] = now.timestamp()
    if session.session_key is None:
        session.save()
    device = request.headers.get("User-Agent", "")[:DEVICE_LENGTH]
    SignedInSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "signed_in_at": now,
            "last_seen_at": now,
            "device": device,
        },
    )


def expiry_reason(session: SessionBase, now: datetime) -> str | None:
    """Why this session must end now, in words for the person, or None while it is valid."""
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen_at = session.get(LAST_SEEN_AT)
    if signed_in_at is None or last_seen_at is None:
        return "Please sign in again."
    if now.timestamp() - signed_in_at > absolute_timeout().total_seconds():
        return (
            "You were signed out because you signed in a long while ago, to keep your account "
            "safe. Please sign in again."
        )
    if now.timestamp() - last_seen_at > idle_timeout().total_seconds():
        return "You were signed out after a while without activity. Please sign in again."
    return None


def end_session(session_key: str) -> None:
    """Sign one browser out for good, wherever it is."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    store(session_key=session_key).delete()
    SignedInSession.objects.filter(session_key=session_key).delete()


class SessionTimeoutMiddleware:
    """Sign out sessions that were idle too long or are too old; note activity on the rest."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = timezone.now()
            reason = expiry_reason(request.session, now)
            if reason is not None:
                logout(request)
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path())
            request.session[LAST_SEEN_AT] = now.timestamp()
            SignedInSession.objects.filter(
                session_key=request.session.session_key,
                last_seen_at__lt=now - LAST_SEEN_PRECISION,
            ).update(last_seen_at=now)
        return self.get_response(request)
