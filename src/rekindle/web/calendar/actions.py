"""Making and revoking the secret feed address. Each action is one transaction."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import transaction

from rekindle.web.access import token_digest
from rekindle.web.accounts.models import User
from rekindle.web.calendar.models import CalendarFeed

TOKEN_BYTES = 32


@transaction.atomic
def do_create_calendar_feed(owner: User, now: datetime) -> str:
    """A fresh secret address; any earlier one stops working at once. Returns the token,
    which is never stored and so can be shown only now."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    CalendarFeed.objects.update_or_create(
        owner=owner, defaults={"token_digest": token_digest(token), "created_at": now}
    )
    return token


@transaction.atomic
def do_revoke_calendar_feed(owner: User) -> None:
    CalendarFeed.objects.filter(owner=owner).delete()
