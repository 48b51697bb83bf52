"""Writing a check-in. One action, one transaction."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn


@transaction.atomic
def do_save_check_in(
    author: User,
    day: date,
    *,
    mood: int,
    connection: int,
    note: str = "",
    shared_with_partner: bool = False,
    appreciation: str = "",
    now: datetime,
) -> CheckIn:
    """Write (or rewrite) the author's check-in for ``day``. Sharing and the appreciation
    belong to the couple the author is in now; on their own, there is nobody to share with."""
    couple = active_couple_of(author)
    fields = {
        "mood": mood,
        "connection": connection,
        "note": note.strip(),
        "shared_with_partner": shared_with_partner and couple is not None,
        "appreciation": appreciation.strip() if couple is not None else "",
        "couple": couple,
        "updated_at": now,
    }
    check_in, _ = CheckIn.objects.update_or_create(
        author=author, day=day, defaults=fields, create_defaults={**fields, "created_at": now}
    )
    return check_in
