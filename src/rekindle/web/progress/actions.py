"""Writing to the progress log. Each action is one transaction."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.progress.models import ProgressEntry


@transaction.atomic
def do_add_progress_entry(
    author: User, *, kind: str, text: str, day: date, now: datetime
) -> ProgressEntry:
    """Add a win or a challenge to the log of the couple the author is in now."""
    return ProgressEntry.objects.create(
        author=author,
        couple=active_couple_of(author),
        kind=kind,
        text=text.strip(),
        day=day,
        created_at=now,
    )


@transaction.atomic
def do_delete_progress_entry(entry: ProgressEntry) -> None:
    ProgressEntry.objects.filter(id=entry.id).delete()
