"""What goes in and out of the API, as pydantic schemas; the OpenAPI schema is built from them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints

from rekindle.web.checkins.forms import APPRECIATION_MAX_LENGTH, NOTE_MAX_LENGTH
from rekindle.web.checkins.models import CONNECTION_MAX, CONNECTION_MIN, MOOD_MAX, MOOD_MIN
from rekindle.web.progress.forms import TEXT_MAX_LENGTH

# The largest id a row can have; a bigger number can only be "not found".
MAX_ID = 2**63 - 1


def _storable(text: str) -> str:
    """Text the database can keep: no NUL characters, and valid Unicode throughout."""
    if "\x00" in text:
        raise ValueError("Text cannot contain NUL characters.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return text


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("Please write a few words.")
    return text


Note = Annotated[str, StringConstraints(max_length=NOTE_MAX_LENGTH), AfterValidator(_storable)]
Appreciation = Annotated[
    str, StringConstraints(max_length=APPRECIATION_MAX_LENGTH), AfterValidator(_storable)
]
EntryText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=TEXT_MAX_LENGTH),
    AfterValidator(_storable),
    AfterValidator(_not_blank),
]


class Problem(Schema):
    """Every error: a message meant for people (or, for invalid input, the list of problems)."""

    detail: str


# --- Safety -------------------------------------------------------------------------------


class HelpLineOut(Schema):
    name: str
    description: str
    call: str | None
    text: str | None
    text_message: str | None
    web: str | None
    hours: str | None


class SafetyResponseOut(Schema):
    """What the safety screen found in what you just wrote, and what Rekindle does about it.
    Present only in the answer to your own write, and only when something was found."""

    response: Literal["crisis", "using", "abuse", "concern", "unchecked"]
    message: str
    held: bool
    held_id: int | None
    sharing_paused: bool
    safety_mode: bool
    recheck_needed: bool
    emergency: str
    help_lines: list[HelpLineOut]
    page: str


class HeldEntryOut(Schema):
    id: int
    kind: Literal["check_in_share", "appreciation", "progress_entry"]
    item_id: int
    created_at: datetime
    shareable: bool
    never_shared: bool


class SafetyStatusOut(Schema):
    """Your own safety state. Nobody else's is ever shown."""

    safety_mode: bool
    sharing_paused: bool
    coaching_paused: bool
    recheck_needed: bool
    country: str
    emergency: str
    held: list[HeldEntryOut]


class EndSafetyModeIn(Schema):
    confirm: Literal[True]


class RecheckIn(Schema):
    answers: dict[str, Literal["yes", "no", "not_sure"]]


# --- Check-ins ----------------------------------------------------------------------------


class CheckInOut(Schema):
    """A check-in as the caller may see it: a field they may not see is null."""

    id: int
    day: date
    is_own: bool
    mood: int | None
    connection: int | None
    note: str | None
    shared_with_partner: bool
    appreciation: str | None
    # Yours only: what the safety screen keeps private of it ("share", "appreciation").
    held: list[Literal["share", "appreciation"]] = Field(default_factory=list)
    safety: SafetyResponseOut | None = None


class TodayOut(Schema):
    day: date
    has_partner: bool
    mine: CheckInOut | None
    partner: CheckInOut | None


class CheckInIn(Schema):
    mood: int = Field(ge=MOOD_MIN, le=MOOD_MAX)
    connection: int = Field(ge=CONNECTION_MIN, le=CONNECTION_MAX)
    note: Note = ""
    shared_with_partner: bool = False
    appreciation: Appreciation = ""


# --- Habits -------------------------------------------------------------------------------


class StreakOut(Schema):
    current: int
    longest: int
    unit: Literal["day", "week"]


class HabitOut(Schema):
    id: int
    title: str
    intervention_id: str
    cadence: str
    is_own: bool
    is_active: bool
    shared_with_partner: bool
    ticked_today: bool
    streak: StreakOut
    recent_ticks: list[date]


# --- The progress log ---------------------------------------------------------------------


class ProgressEntryOut(Schema):
    id: int
    kind: Literal["win", "challenge"]
    text: str
    day: date
    created_at: datetime
    is_own: bool
    author_name: str
    held: bool = False  # yours only: kept out of the shared log by the safety screen
    safety: SafetyResponseOut | None = None


class ProgressEntryIn(Schema):
    kind: Literal["win", "challenge"]
    text: EntryText


# --- Chat analyses ------------------------------------------------------------------------


class SafetyNotePersonOut(Schema):
    name: str
    counts: dict[str, int]


class SafetyNoteOut(Schema):
    screened: int
    totals: dict[str, int]
    people: list[SafetyNotePersonOut]


class AnalysisOut(Schema):
    """An analysis as the caller may see it. Its file name and any error are the uploader's
    alone; the partner learns only that it exists and whether they may read its report."""

    id: int
    is_own: bool
    owner_name: str
    file_name: str | None
    status: str
    progress: int
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    partner_approved: bool
    report_available: bool
    # The uploader's alone: what the safety screen saw in the messages, as counts.
    safety_note: SafetyNoteOut | None = None
