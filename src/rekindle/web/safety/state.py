"""Reading a person's safety state: is private safety mode on, which pauses wait for a re-check,
and which of their entries are held. Reads only; the changes are in ``actions.py``.

This module imports nothing from ``rekindle.web.access``, so the access rules can ask it
whether a person's sharing is paused:

- ``sharing_paused``: private safety mode is on, or a crisis or the screen's reading that the
  person uses abuse paused them. Everything their partner could see from them is then shown
  to the partner exactly as if it had not been shared yet.
- ``coaching_paused``: a crisis waits for its re-check; coaching features must not coach.
- ``joint_exercises_paused``: exercises done together wait (any pause, or safety mode).
- ``abuse_aware``: safety mode is on or the person was read as using abuse; a coach must not
  treat what they bring as ordinary conflict between equals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rekindle.web.accounts.models import User
from rekindle.web.safety.models import HeldItem, SafetyEvent, SafetyProfile

CHOSEN, SIGNS = "chosen", "signs"  # why safety mode is on

# What a held entry is; sharing it is the deliberate second step.
HELD_CHECK_IN_SHARE = "check_in_share"  # a check-in its writer asked to share
HELD_APPRECIATION = "appreciation"  # an appreciation, kept out of the daily reveal
HELD_PROGRESS_ENTRY = "progress_entry"  # a progress-log entry, kept out of the shared log
HELD_KINDS = (HELD_CHECK_IN_SHARE, HELD_APPRECIATION, HELD_PROGRESS_ENTRY)
HELD_LABELS = {
    HELD_CHECK_IN_SHARE: "Sharing your check-in",
    HELD_APPRECIATION: "Your appreciation",
    HELD_PROGRESS_ENTRY: "Your progress-log entry",
}

# The responses to a flagged text, the first that applies winning.
CRISIS, USING, ABUSE, CONCERN, UNCHECKED = "crisis", "using", "abuse", "concern", "unchecked"
RESPONSES = (CRISIS, USING, ABUSE, CONCERN, UNCHECKED)


def _when(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class SafetyState:
    """Where one person stands: private safety mode, and the pauses that wait for a re-check."""

    safety_mode_since: datetime | None = None
    safety_mode_reason: str = ""  # CHOSEN or SIGNS
    crisis_pause_since: datetime | None = None
    using_pause_since: datetime | None = None

    @property
    def safety_mode(self) -> bool:
        return self.safety_mode_since is not None

    @property
    def crisis_pause(self) -> bool:
        return self.crisis_pause_since is not None

    @property
    def using_pause(self) -> bool:
        return self.using_pause_since is not None

    @property
    def sharing_paused(self) -> bool:
        return self.safety_mode or self.crisis_pause or self.using_pause

    @property
    def recheck_needed(self) -> bool:
        return self.crisis_pause or self.using_pause

    def to_json(self) -> str:
        return json.dumps(
            {
                "safety_mode_since": _iso(self.safety_mode_since),
                "safety_mode_reason": self.safety_mode_reason,
                "crisis_pause_since": _iso(self.crisis_pause_since),
                "using_pause_since": _iso(self.using_pause_since),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> SafetyState:
        data: dict[str, Any] = json.loads(text) if text else {}
        return cls(
            safety_mode_since=_when(data.get("safety_mode_since")),
            safety_mode_reason=str(data.get("safety_mode_reason") or ""),
            crisis_pause_since=_when(data.get("crisis_pause_since")),
            using_pause_since=_when(data.get("using_pause_since")),
        )


NO_STATE = SafetyState()


def _user_id(person: User | int) -> int:
    return person if isinstance(person, int) else person.id


def state_of(person: User | int) -> SafetyState:
    """This person's safety state (nothing on, nothing paused, when they have none)."""
    profile = SafetyProfile.objects.filter(owner_id=_user_id(person)).only("state_json").first()
    if profile is None or not profile.state_json:
        return NO_STATE
    return SafetyState.from_json(profile.state_json)


def sharing_paused(person: User | int) -> bool:
    """Whether everything this person's partner could see from them is paused for now."""
    return state_of(person).sharing_paused


def coaching_paused(person: User | int) -> bool:
    """Whether coaching waits for this person's re-check after a crisis."""
    return state_of(person).crisis_pause


def joint_exercises_paused(person: User | int) -> bool:
    """Whether exercises done together with the partner wait for now."""
    return state_of(person).sharing_paused


def abuse_aware(person: User | int) -> bool:
    """Whether what this person brings must not be coached as ordinary conflict."""
    state = state_of(person)
    return state.safety_mode or state.using_pause


def country_of(person: User) -> str:
    """The country this person chose for their help lines; empty for the server's."""
    profile = SafetyProfile.objects.filter(owner=person).only("country").first()
    return profile.country if profile is not None else ""


# --- Held entries -------------------------------------------------------------------------


@dataclass(frozen=True)
class Held:
    """A held entry, decrypted for its writer."""

    id: int
    kind: str  # one of HELD_KINDS
    item_id: int
    response: str  # one of RESPONSES
    voice: str  # "", "experiencing" or "using"
    level: str
    event_id: int | None
    created_at: datetime
    text: str = ""  # the appreciation itself, kept here rather than in the check-in
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return HELD_LABELS.get(self.kind, "An entry")

    @property
    def never_shared(self) -> bool:
        """Text in which the writer uses abuse is not shared, whatever happens later."""
        return self.voice == "using"


def _held(row: HeldItem) -> Held:
    data: dict[str, Any] = json.loads(row.details_json)
    return Held(
        id=row.id,
        kind=str(data.get("kind", "")),
        item_id=int(data.get("item_id", 0)),
        response=str(data.get("response", "")),
        voice=str(data.get("voice", "")),
        level=str(data.get("level", "none")),
        event_id=data.get("event_id"),
        created_at=row.created_at,
        text=str(data.get("text", "")),
        details=data,
    )


def held_items_of(person: User | int) -> list[Held]:
    """Everything of this person's that the screen holds, newest first."""
    return [_held(row) for row in HeldItem.objects.filter(owner_id=_user_id(person))]


def held_for(person: User | int, kind: str, item_id: int) -> Held | None:
    """The held entry of one kind for one object, if any."""
    return next((h for h in held_items_of(person) if h.kind == kind and h.item_id == item_id), None)


def can_share(held: Held, state: SafetyState) -> bool:
    """Whether the writer may share a held entry now: never what uses abuse, and nothing
    while their sharing is paused (it would wait anyway)."""
    return not held.never_shared and not state.sharing_paused


def event_details(event: SafetyEvent) -> dict[str, Any]:
    details: dict[str, Any] = json.loads(event.details_json)
    return details
