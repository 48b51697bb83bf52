"""Writing a check-in. One action, one transaction."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.safety.actions import (
    Hold,
    Screened,
    do_screen_entry,
    forget_holds,
    most_urgent,
    read_text,
)
from rekindle.web.safety.state import HELD_APPRECIATION, HELD_CHECK_IN_SHARE


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
) -> Screened[CheckIn]:
    """Write (or rewrite) the author's check-in for ``day``. Sharing and the appreciation
    belong to the couple the author is in now; on their own, there is nobody to share with.

    The note and the appreciation are screened (``rekindle.web.safety``). A flagged note
    keeps the check-in private even if its writer asked to share it, and a flagged
    appreciation is kept out of the day's reveal; the writer may share either afterwards."""
    couple = active_couple_of(author)
    note = note.strip()
    appreciation = appreciation.strip() if couple is not None else ""
    wants_share = shared_with_partner and couple is not None
    note_reading = read_text(note)
    appreciation_reading = read_text(appreciation)
    hold_share = wants_share and note_reading.flagged
    hold_appreciation = appreciation_reading.flagged
    fields = {
        "mood": mood,
        "connection": connection,
        "note": note,
        "shared_with_partner": wants_share and not hold_share,
        "appreciation": "" if hold_appreciation else appreciation,
        "couple": couple,
        "updated_at": now,
    }
    check_in, _ = CheckIn.objects.update_or_create(
        author=author, day=day, defaults=fields, create_defaults={**fields, "created_at": now}
    )
    # Writing the check-in again replaces whatever of it was held before.
    forget_holds(author, HELD_CHECK_IN_SHARE, check_in.id)
    forget_holds(author, HELD_APPRECIATION, check_in.id)
    outcomes = [
        do_screen_entry(
            author,
            note,
            "check_in_note",
            now=now,
            reading=note_reading,
            hold=Hold(HELD_CHECK_IN_SHARE, check_in.id) if hold_share else None,
        ),
        do_screen_entry(
            author,
            appreciation,
            "appreciation",
            now=now,
            reading=appreciation_reading,
            hold=Hold(HELD_APPRECIATION, check_in.id, appreciation) if hold_appreciation else None,
        ),
    ]
    return Screened(check_in, most_urgent(outcomes))
