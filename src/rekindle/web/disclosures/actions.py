"""Keeping track of when each person saw the "AI, not a person" notice. Each action is one
transaction; the decisions themselves are the library's (``rekindle.safety.disclosure``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction

from rekindle.safety.disclosure import REASONS, Reason, disclosure_due, use_began_after
from rekindle.web.accounts.models import User
from rekindle.web.disclosures.models import DisclosureState

# Visits closer together than this are one visit as far as the record goes: it saves a
# write per page, and the rules count in half hours, hours and days.
LAST_SEEN_PRECISION = timedelta(minutes=1)


def _state_for_update(user: User, now: datetime) -> DisclosureState:
    state, _ = DisclosureState.objects.select_for_update().get_or_create(
        user=user,
        defaults={"first_seen_at": now, "last_seen_at": now, "use_began_at": now},
    )
    return state


@transaction.atomic
def do_note_visit(user: User, now: datetime) -> Reason | None:
    """Record that ``user`` is using Rekindle at ``now``, and say which notice their page
    shows: a reason when one is due now or an earlier one is not dismissed yet, else None."""
    state = _state_for_update(user, now)
    due = disclosure_due(
        state.first_seen_at, state.last_seen_at, state.last_shown_at, now, state.use_began_at
    )
    fields = []
    if due is not None:
        state.showing = due
        state.last_shown_at = now
        fields += ["showing", "last_shown_at"]
    began = use_began_after(state.use_began_at, state.last_seen_at, now)
    if began != state.use_began_at:
        state.use_began_at = began
        fields.append("use_began_at")
    if fields or now - state.last_seen_at >= LAST_SEEN_PRECISION:
        state.last_seen_at = now
        fields.append("last_seen_at")
        state.save(update_fields=fields)
    return shown(state.showing)


@transaction.atomic
def do_show_disclosure_asked(user: User, now: datetime) -> None:
    """The person asked whether a person is there: show them the notice now."""
    state = _state_for_update(user, now)
    state.showing = "asked"
    state.last_shown_at = now
    state.save(update_fields=["showing", "last_shown_at"])


@transaction.atomic
def do_dismiss_disclosure(user: User) -> None:
    """The person read the notice: take it off their pages until it is due again."""
    DisclosureState.objects.filter(user=user).update(showing="")


def shown(value: str) -> Reason | None:
    """The stored ``showing`` value as a reason, or None when nothing is showing."""
    for reason in REASONS:
        if value == reason:
            return reason
    return None
