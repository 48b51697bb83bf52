"""Everything that changes an account. Each action is one transaction."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rekindle.web.accounts.models import SignedInSession, User
from rekindle.web.accounts.sessions import absolute_timeout, end_session, idle_timeout


@transaction.atomic
def do_create_user(*, email: str, display_name: str, password: str) -> User:
    """A new account for someone who confirmed they are an adult and read the AI disclosure."""
    now = timezone.now()
    return User.objects.create_user(
        email,
        password,
        display_name=display_name,
        confirmed_adult_at=now,
        ai_disclosure_accepted_at=now,
    )


@transaction.atomic
def do_revoke_session(signed_in: SignedInSession) -> None:
    """Sign that browser out at once."""
    end_session(signed_in.session_key)


@transaction.atomic
def do_sign_out_everywhere(user: User) -> None:
    """Sign every browser of this person out, as after a password reset."""
    for session_key in SignedInSession.objects.filter(user=user).values_list(
        "session_key", flat=True
    ):
        end_session(session_key)


@transaction.atomic
def do_forget_expired_sessions(user: User, now: datetime) -> None:
    """Drop the browsers whose session has timed out, so the list shows only live ones."""
    expired = SignedInSession.objects.filter(user=user).filter(
        Q(last_seen_at__lt=now - idle_timeout()) | Q(signed_in_at__lt=now - absolute_timeout())
    )
    for session_key in expired.values_list("session_key", flat=True):
        end_session(session_key)
