"""Acting on the safety screen. Each ``do_`` action is one transaction.

``do_screen_entry`` is the one entry point every feature that takes free text calls (check-in
notes and appreciations, the progress log, and later journals, flows, the softener and the
coach). It screens the text with the library's :func:`rekindle.safety.screen`, and when the
screen finds something it:

- records a private, encrypted event in the writer's safety space;
- on a crisis, pauses sharing and coaching until a short re-check;
- on signs that the writer is being hurt, threatened or controlled, turns on private safety
  mode (everything the partner could see from them is paused, and the partner is not told);
- on signs that the writer uses abuse, pauses sharing and joint exercises until a re-check;
- holds the entry, when the writer meant it for their partner: it is stored in its private
  form, and sharing it becomes a deliberate second step (``do_share_held_item``), never
  possible for text that uses abuse, and not while a pause lasts.

A feature that writes an entry reads the text first (``read_text``), writes the entry in its
private form if the reading is flagged, then calls ``do_screen_entry`` with that reading and
what to hold, all in its own transaction: nothing is ever half-written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.db import transaction

from rekindle.safety import Screening, screen
from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.safety.models import HeldItem, SafetyAnswers, SafetyEvent, SafetyProfile
from rekindle.web.safety.questions import (
    ABUSE_QUESTIONS,
    CRISIS_RECHECK,
    SAFETY_QUESTIONS,
    USING_RECHECK,
    all_reassuring,
    worrying,
)
from rekindle.web.safety.state import (
    ABUSE,
    CHOSEN,
    CONCERN,
    CRISIS,
    HELD_APPRECIATION,
    HELD_CHECK_IN_SHARE,
    HELD_PROGRESS_ENTRY,
    RESPONSES,
    SIGNS,
    UNCHECKED,
    USING,
    Held,
    SafetyState,
    can_share,
    held_items_of,
)

logger = logging.getLogger(__name__)

EXPERIENCING, USING_VOICE = "experiencing", "using"
_T = TypeVar("_T")


class SafetyError(Exception):
    """What the person asked for cannot happen now; the message says why, kindly."""


# --- Reading a text -----------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What the screen found in one text, and which response it calls for ("" for none)."""

    response: str
    level: str = "none"
    voice: str = ""  # "", "experiencing" or "using"
    screening: Screening | None = None

    @property
    def flagged(self) -> bool:
        return bool(self.response)


NOTHING = Reading("")


def voice_of(screening: Screening) -> str:
    """Whether the writer meets the abuse (``experiencing``) or uses it (``using``).

    When the screen finds abuse but cannot tell, the writer is taken to be the one it happens
    to: private safety mode costs them nothing their partner can see, while reading a person
    who is being hurt as the one who hurts would answer them with the wrong response."""
    if not screening.abuse:
        return ""
    voice = screening.abuse_voice
    return voice if voice in (EXPERIENCING, USING_VOICE) else EXPERIENCING


def read_screening(screening: Screening | None) -> Reading:
    """The response a screening calls for; ``None`` (the screen failed) holds the text."""
    if screening is None:
        return Reading(UNCHECKED)
    voice = voice_of(screening)
    if screening.level == "crisis":
        response = CRISIS
    elif voice == USING_VOICE:
        response = USING
    elif voice == EXPERIENCING:
        response = ABUSE
    elif screening.level == "concern":
        response = CONCERN
    else:
        response = ""
    return Reading(response, screening.level, voice, screening)


def read_text(text: str) -> Reading:
    """Screen one text. A failure of the screen is logged and the text is held, unchecked:
    an entry is never shared because the screen broke."""
    if not text.strip():
        return NOTHING
    try:
        screening = screen(text)
    except Exception:
        logger.exception("The safety screen failed on a text; it is held unchecked")
        return read_screening(None)
    return read_screening(screening)


@dataclass(frozen=True)
class Hold:
    """What to hold when a reading is flagged: one entry of the writer's, by kind and id, and
    for an appreciation the text itself (kept here until it is shared)."""

    kind: str
    item_id: int
    text: str = ""


@dataclass(frozen=True)
class SafetyOutcome:
    """What screening an entry led to, for the page or the API to answer with."""

    reading: Reading
    event_id: int | None = None
    held_id: int | None = None

    @property
    def flagged(self) -> bool:
        return self.reading.flagged

    @property
    def response(self) -> str:
        return self.reading.response

    @property
    def held(self) -> bool:
        return self.held_id is not None


NOT_FLAGGED = SafetyOutcome(NOTHING)


def most_urgent(outcomes: Iterable[SafetyOutcome]) -> SafetyOutcome:
    """The outcome whose response comes first (crisis, then the using voice, then abuse...)."""
    flagged = [o for o in outcomes if o.flagged]
    if not flagged:
        return NOT_FLAGGED
    return min(flagged, key=lambda o: RESPONSES.index(o.response))


@dataclass(frozen=True)
class Screened(Generic[_T]):
    """An entry a feature saved, and what screening it led to."""

    item: _T
    safety: SafetyOutcome


# --- The safety space ---------------------------------------------------------------------


def _locked_profile(person: User, now: datetime) -> SafetyProfile:
    profile, _ = SafetyProfile.objects.select_for_update().get_or_create(
        owner=person, defaults={"updated_at": now}
    )
    return profile


def _state(profile: SafetyProfile) -> SafetyState:
    return SafetyState.from_json(profile.state_json)


def _save_state(profile: SafetyProfile, state: SafetyState, now: datetime) -> None:
    profile.state_json = state.to_json()
    profile.updated_at = now
    profile.save(update_fields=["state_json", "updated_at"])


def _event(person: User, now: datetime, **details: Any) -> SafetyEvent:
    return SafetyEvent.objects.create(
        owner=person, created_at=now, details_json=json.dumps(details, ensure_ascii=False)
    )


@transaction.atomic
def do_screen_entry(
    person: User,
    text: str,
    field: str,
    *,
    now: datetime,
    reading: Reading | None = None,
    hold: Hold | None = None,
) -> SafetyOutcome:
    """Screen ``text`` that ``person`` wrote in ``field`` (``check_in_note``,
    ``appreciation``, ``progress_entry``...) and act on what is found; see the module's
    docstring. ``reading`` is the text's reading when the caller already has it (to write
    its entry in the private form first); ``hold`` the entry to hold if it is flagged."""
    found = reading if reading is not None else read_text(text)
    if not found.flagged:
        return NOT_FLAGGED
    profile = _locked_profile(person, now)
    state = _state(profile)
    effects = []
    if found.level == "crisis" and not state.crisis_pause:
        state = replace(state, crisis_pause_since=now)
        effects.append("crisis_pause")
    if found.voice == EXPERIENCING and not state.safety_mode:
        state = replace(state, safety_mode_since=now, safety_mode_reason=SIGNS)
        effects.append("safety_mode")
    if found.voice == USING_VOICE and not state.using_pause:
        state = replace(state, using_pause_since=now)
        effects.append("using_pause")
    if effects:
        _save_state(profile, state, now)
    screening = found.screening
    event = _event(
        person,
        now,
        kind="screened",
        field=field,
        response=found.response,
        level=found.level,
        abuse=screening.abuse if screening is not None else False,
        voice=found.voice,
        categories=list(screening.categories) if screening is not None else [],
        evidence=list(screening.evidence) if screening is not None else [],
        held=hold is not None,
        effects=effects,
    )
    held_id = None
    if hold is not None:
        held_id = HeldItem.objects.create(
            owner=person,
            created_at=now,
            details_json=json.dumps(
                {
                    "kind": hold.kind,
                    "item_id": hold.item_id,
                    "text": hold.text,
                    "field": field,
                    "response": found.response,
                    "level": found.level,
                    "voice": found.voice,
                    "event_id": event.id,
                },
                ensure_ascii=False,
            ),
        ).id
    return SafetyOutcome(found, event.id, held_id)


def forget_holds(person: User, kind: str, item_id: int) -> None:
    """Drop what is held of one entry: it was written again, or deleted."""
    ids = [h.id for h in held_items_of(person) if h.kind == kind and h.item_id == item_id]
    if ids:
        HeldItem.objects.filter(id__in=ids, owner=person).delete()


@transaction.atomic
def do_share_held_item(person: User, held: Held, now: datetime) -> None:
    """The deliberate second step: share an entry the screen held, as its writer first
    asked. Refused (``SafetyError``) for text that uses abuse, while sharing is paused, and
    when the partner it was meant for is no longer the writer's partner."""
    profile = _locked_profile(person, now)
    state = _state(profile)
    if held.never_shared:
        raise SafetyError("This entry stays private: it is not something to share.")
    if not can_share(held, state):
        raise SafetyError(
            "Sharing is paused for now, so this entry stays private until the pause ends."
        )
    couple = active_couple_of(person)
    if held.kind in (HELD_CHECK_IN_SHARE, HELD_APPRECIATION):
        check_in = (
            CheckIn.objects.select_for_update().filter(id=held.item_id, author=person).first()
        )
        if check_in is None or couple is None or check_in.couple_id != couple.id:
            raise SafetyError("The partner this was meant for is no longer linked with you.")
        if held.kind == HELD_CHECK_IN_SHARE:
            check_in.shared_with_partner = True
            check_in.save(update_fields=["shared_with_partner"])
        else:
            check_in.appreciation = held.text
            check_in.save(update_fields=["appreciation"])
    elif held.kind == HELD_PROGRESS_ENTRY:
        entry = ProgressEntry.objects.filter(id=held.item_id, author=person).first()
        if entry is None or couple is None:
            raise SafetyError(
                "You are not linked with a partner now, so there is nobody to share with."
            )
        entry.couple = couple
        entry.save(update_fields=["couple"])
    HeldItem.objects.filter(id=held.id, owner=person).delete()
    _event(person, now, kind="held_shared", held=held.kind)


@transaction.atomic
def do_start_safety_mode(person: User, now: datetime, reason: str = CHOSEN) -> bool:
    """Turn private safety mode on; False when it already was."""
    profile = _locked_profile(person, now)
    state = _state(profile)
    if state.safety_mode:
        return False
    _save_state(profile, replace(state, safety_mode_since=now, safety_mode_reason=reason), now)
    _event(person, now, kind="safety_mode_on", reason=reason)
    return True


@transaction.atomic
def do_end_safety_mode(person: User, now: datetime) -> bool:
    """Turn private safety mode off, as the person confirmed; False when it was not on."""
    profile = _locked_profile(person, now)
    state = _state(profile)
    if not state.safety_mode:
        return False
    _save_state(profile, replace(state, safety_mode_since=None, safety_mode_reason=""), now)
    _event(person, now, kind="safety_mode_off")
    return True


@dataclass(frozen=True)
class RecheckResult:
    ended: tuple[str, ...]  # "crisis_pause", "using_pause"
    kept: tuple[str, ...]


@transaction.atomic
def do_recheck(person: User, answers: Mapping[str, str], now: datetime) -> RecheckResult:
    """Answer the re-check. Each pause ends only when every question of its own re-check is
    answered with the reassuring answer; otherwise it stays, whatever else was said."""
    profile = _locked_profile(person, now)
    state = _state(profile)
    ended, kept = [], []
    known = {q.id for q in CRISIS_RECHECK + USING_RECHECK}
    given = {key: str(value) for key, value in answers.items() if key in known}
    if state.crisis_pause:
        if all_reassuring(CRISIS_RECHECK, given):
            state = replace(state, crisis_pause_since=None)
            ended.append("crisis_pause")
        else:
            kept.append("crisis_pause")
    if state.using_pause:
        if all_reassuring(USING_RECHECK, given):
            state = replace(state, using_pause_since=None)
            ended.append("using_pause")
        else:
            kept.append("using_pause")
    _save_state(profile, state, now)
    _event(person, now, kind="recheck", answers=given, ended=ended, kept=kept)
    return RecheckResult(tuple(ended), tuple(kept))


@transaction.atomic
def do_save_safety_answers(
    person: User, answers: Mapping[str, str], now: datetime
) -> SafetyAnswers:
    """Keep the person's answers to the safety questions (private, encrypted)."""
    known = {q.id for q in SAFETY_QUESTIONS}
    kept = {key: str(value) for key, value in answers.items() if key in known and value}
    return SafetyAnswers.objects.create(
        owner=person, answered_at=now, answers_json=json.dumps(kept, ensure_ascii=False)
    )


def answers_worry(answers: Mapping[str, str]) -> frozenset[str]:
    return worrying(SAFETY_QUESTIONS, dict(answers))


def answers_show_abuse(answers: Mapping[str, str]) -> bool:
    return bool(answers_worry(answers) & ABUSE_QUESTIONS)


@transaction.atomic
def do_set_country(person: User, country: str, now: datetime) -> None:
    """The country whose help lines this person sees; empty for the server's."""
    profile = _locked_profile(person, now)
    profile.country = country.strip().upper()
    profile.updated_at = now
    profile.save(update_fields=["country", "updated_at"])
