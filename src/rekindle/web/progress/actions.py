"""Writing to the progress log. Each action is one transaction."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.safety.actions import Hold, Screened, do_screen_entry, forget_holds, read_text
from rekindle.web.safety.state import HELD_PROGRESS_ENTRY


@transaction.atomic
def do_add_progress_entry(
    author: User, *, kind: str, text: str, day: date, now: datetime
) -> Screened[ProgressEntry]:
    """Add a win or a challenge to the log of the couple the author is in now.

    The text is screened (``rekindle.web.safety``): a flagged entry is kept out of the shared
    log, private to its writer, who may share it afterwards."""
    couple = active_couple_of(author)
    text = text.strip()
    reading = read_text(text)
    hold = couple is not None and reading.flagged
    entry = ProgressEntry.objects.create(
        author=author,
        couple=None if hold else couple,
        kind=kind,
        text=text,
        day=day,
        created_at=now,
    )
    outcome = do_screen_entry(
        author,
        text,
        "progress_entry",
        now=now,
        reading=reading,
        hold=Hold(HELD_PROGRESS_ENTRY, entry.id) if hold else None,
    )
    return Screened(entry, outcome)


@transaction.atomic
def do_delete_progress_entry(entry: ProgressEntry) -> None:
    forget_holds(entry.author, HELD_PROGRESS_ENTRY, entry.id)
    ProgressEntry.objects.filter(id=entry.id).delete()
