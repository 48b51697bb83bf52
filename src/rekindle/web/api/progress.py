"""The progress log: what you both see, adding to it, and deleting what you wrote."""

from __future__ import annotations

from typing import Literal, cast

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.params.functions import Path

from rekindle.web.access import access_own_progress_entry, access_progress_entry, progress_log_of
from rekindle.web.accounts.models import User
from rekindle.web.api.auth import caller
from rekindle.web.api.safety import safety_out
from rekindle.web.api.schemas import MAX_ID, Problem, ProgressEntryIn, ProgressEntryOut
from rekindle.web.progress.actions import do_add_progress_entry, do_delete_progress_entry
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.safety.views import held_progress_entry_ids

router = Router(tags=["progress log"])

EntryId = Path(..., ge=1, le=MAX_ID)


def entry_out(
    entry: ProgressEntry, viewer: User, held_ids: set[int] | None = None
) -> ProgressEntryOut:
    is_own = entry.author_id == viewer.id
    if held_ids is None:
        held_ids = held_progress_entry_ids(viewer) if is_own else set()
    return ProgressEntryOut(
        id=entry.id,
        kind=cast(Literal["win", "challenge"], entry.kind),
        text=entry.text,
        day=entry.day,
        created_at=entry.created_at,
        is_own=is_own,
        author_name=entry.author.display_name,
        held=is_own and entry.id in held_ids,
    )


@router.get("", response=list[ProgressEntryOut])
def list_progress_entries(request: HttpRequest) -> list[ProgressEntryOut]:
    """Everything you wrote, and what your partner wrote while you are a couple; newest first."""
    person = caller(request)
    held_ids = held_progress_entry_ids(person)
    return [entry_out(entry, person, held_ids) for entry in progress_log_of(person)]


@router.post("", response={201: ProgressEntryOut})
def add_progress_entry(request: HttpRequest, payload: ProgressEntryIn) -> Status[ProgressEntryOut]:
    """Add a win or a challenge, dated today, to the log you share with your partner.

    The text is screened for signs of a crisis or abuse. When the screen finds something, the
    answer's ``safety`` says what and offers help lines, and the entry is kept out of the
    shared log (``held``) until you share it yourself."""
    person = caller(request)
    saved = do_add_progress_entry(
        person,
        kind=payload.kind,
        text=payload.text,
        day=timezone.localdate(),
        now=timezone.now(),
    )
    out = entry_out(saved.item, person)
    out.safety = safety_out(person, saved.safety)
    return Status(201, out)


@router.get("/{entry_id}", response={200: ProgressEntryOut, 404: Problem})
def get_progress_entry(request: HttpRequest, entry_id: int = EntryId) -> ProgressEntryOut:
    person = caller(request)
    return entry_out(access_progress_entry(person, entry_id), person)


@router.delete("/{entry_id}", response={204: None, 404: Problem})
def delete_progress_entry(request: HttpRequest, entry_id: int = EntryId) -> Status[None]:
    """Delete an entry you wrote. Only the writer may."""
    do_delete_progress_entry(access_own_progress_entry(caller(request), entry_id))
    return Status(204, None)
