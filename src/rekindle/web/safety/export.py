"""A person's own safety data, for their data export: the country of their help lines, private
safety mode and the pauses, every safety event (decrypted), the entries the screen keeps
private, and their answers to the safety questions. It is only ever part of its owner's
export: a partner's export holds none of it, not even that it exists."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.safety.models import SafetyAnswers, SafetyEvent
from rekindle.web.safety.state import (
    HELD_PROGRESS_ENTRY,
    Held,
    country_of,
    event_details,
    held_items_of,
    state_of,
)


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _held(user: User, held: Held) -> dict[str, Any]:
    if held.kind == HELD_PROGRESS_ENTRY:
        entry = ProgressEntry.objects.filter(id=held.item_id, author=user).first()
        day = entry.day if entry is not None else None
    else:
        check_in = CheckIn.objects.filter(id=held.item_id, author=user).first()
        day = check_in.day if check_in is not None else None
    found: dict[str, Any] = {
        "kind": held.kind,
        "day": day.isoformat() if day is not None else None,
        "why": held.response,
        "kept_private_at": _when(held.created_at),
    }
    if held.text:
        found["text"] = held.text
    return found


def safety_export_of(user: User) -> dict[str, Any]:
    state = state_of(user)
    return {
        "country": country_of(user),
        "private_safety_mode": {
            "on": state.safety_mode,
            "since": _when(state.safety_mode_since),
            "why": state.safety_mode_reason,
        },
        "crisis_pause_since": _when(state.crisis_pause_since),
        "using_pause_since": _when(state.using_pause_since),
        "events": [
            {"at": _when(event.created_at), **event_details(event)}
            for event in SafetyEvent.objects.filter(owner=user).order_by("created_at", "id")
        ],
        "held_entries": [_held(user, held) for held in reversed(held_items_of(user))],
        "safety_questions": [
            {"answered_at": _when(answers.answered_at), "answers": json.loads(answers.answers_json)}
            for answers in SafetyAnswers.objects.filter(owner=user).order_by("answered_at", "id")
        ],
    }
