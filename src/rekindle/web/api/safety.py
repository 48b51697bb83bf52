"""Your own safety state: private safety mode, the pauses and their re-check, and the entries
the safety screen keeps private, with the deliberate step to share one. Nobody but you ever
sees any of it; a partner's calls answer exactly as if nothing had happened."""

from __future__ import annotations

from typing import Literal, cast

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError
from ninja.params.functions import Path

from rekindle.safety.resources import ABUSE as ABUSE_LINES
from rekindle.safety.resources import CRISIS as CRISIS_LINES
from rekindle.safety.resources import USING_ABUSE as USING_LINES
from rekindle.safety.resources import CountryResources, Resource
from rekindle.web.access import access_own_held_item
from rekindle.web.accounts.models import User
from rekindle.web.api.auth import caller
from rekindle.web.api.schemas import (
    MAX_ID,
    EndSafetyModeIn,
    HeldEntryOut,
    HelpLineOut,
    Problem,
    RecheckIn,
    SafetyResponseOut,
    SafetyStatusOut,
)
from rekindle.web.safety.actions import (
    SafetyError,
    SafetyOutcome,
    do_end_safety_mode,
    do_recheck,
    do_share_held_item,
    do_start_safety_mode,
)
from rekindle.web.safety.resources import effective_country, resources_of
from rekindle.web.safety.state import (
    ABUSE,
    CONCERN,
    CRISIS,
    UNCHECKED,
    USING,
    can_share,
    held_items_of,
    state_of,
)

router = Router(tags=["safety"])

HeldId = Path(..., ge=1, le=MAX_ID)
ResponseKind = Literal["crisis", "using", "abuse", "concern", "unchecked"]
HeldKind = Literal["check_in_share", "appreciation", "progress_entry"]

MESSAGES = {
    CRISIS: "What you wrote makes us worried that you, or someone close to you, might be in "
    "danger. It is saved, and only you can see it. Sharing and coaching are paused until a "
    "short re-check; there is no hurry. These lines are there for you now.",
    USING: "What you wrote sounds like it could frighten, threaten or pressure your partner. It "
    "stays private and will not be shared. Sharing and exercises together are paused until a "
    "short re-check.",
    ABUSE: "What you wrote sounds like someone may be hurting, threatening or controlling you. "
    "If so, it is not your fault. Private safety mode is on: nothing you write or share is "
    "shown to your partner, who is not told.",
    CONCERN: "What you wrote sounds heavy. It is kept private for now, and you may share it if "
    "you choose. If things feel like too much, these lines are there for you.",
    UNCHECKED: "This entry could not be checked just now, so it is kept private for now; you "
    "may share it if you choose.",
}


def help_line_out(line: Resource) -> HelpLineOut:
    return HelpLineOut(
        name=line.name,
        description=line.description,
        call=line.call or None,
        text=line.text or None,
        text_message=line.text_message or None,
        web=line.web or None,
        hours=line.hours or None,
    )


def lines_for(response: str, resources: CountryResources) -> list[Resource]:
    if response in (CRISIS, CONCERN):
        return list(resources.lines(CRISIS_LINES))
    if response == USING:
        return list(resources.lines(USING_LINES) or resources.lines(CRISIS_LINES))
    if response == ABUSE:
        return list(resources.lines(ABUSE_LINES))
    return []


def safety_out(person: User, outcome: SafetyOutcome) -> SafetyResponseOut | None:
    """The safety part of the answer to a write: only for the writer, only when flagged."""
    if not outcome.flagged or outcome.event_id is None:
        return None
    state = state_of(person)
    resources = resources_of(person)
    return SafetyResponseOut(
        response=cast(ResponseKind, outcome.response),
        message=MESSAGES[outcome.response],
        held=outcome.held,
        held_id=outcome.held_id,
        sharing_paused=state.sharing_paused,
        safety_mode=state.safety_mode,
        recheck_needed=state.recheck_needed,
        emergency=resources.emergency_note,
        help_lines=[help_line_out(line) for line in lines_for(outcome.response, resources)],
        page=reverse("safety:response", args=[outcome.event_id]),
    )


def status_out(person: User) -> SafetyStatusOut:
    state = state_of(person)
    return SafetyStatusOut(
        safety_mode=state.safety_mode,
        sharing_paused=state.sharing_paused,
        coaching_paused=state.crisis_pause,
        recheck_needed=state.recheck_needed,
        country=effective_country(person),
        emergency=resources_of(person).emergency_note,
        held=[
            HeldEntryOut(
                id=held.id,
                kind=cast(HeldKind, held.kind),
                item_id=held.item_id,
                created_at=held.created_at,
                shareable=can_share(held, state),
                never_shared=held.never_shared,
            )
            for held in held_items_of(person)
        ],
    )


@router.get("", response=SafetyStatusOut)
def get_safety(request: HttpRequest) -> SafetyStatusOut:
    """Your safety state and the entries kept private for now."""
    return status_out(caller(request))


@router.post("/held/{held_id}/share", response={200: SafetyStatusOut, 404: Problem, 409: Problem})
def share_held_entry(request: HttpRequest, held_id: int = HeldId) -> SafetyStatusOut:
    """Share an entry the screen kept private, as you first asked: the deliberate second
    step. Refused (409) for text that is not to be shared, and while sharing is paused."""
    person = caller(request)
    row = access_own_held_item(person, held_id)
    held = next(h for h in held_items_of(person) if h.id == row.id)
    try:
        do_share_held_item(person, held, timezone.now())
    except SafetyError as error:
        raise HttpError(409, str(error)) from None
    return status_out(person)


@router.put("/safety-mode", response=SafetyStatusOut)
def start_safety_mode(request: HttpRequest) -> SafetyStatusOut:
    """Turn private safety mode on: everything your partner could see from you is paused,
    and they are not told."""
    person = caller(request)
    do_start_safety_mode(person, timezone.now())
    return status_out(person)


@router.delete("/safety-mode", response=SafetyStatusOut)
def end_safety_mode(request: HttpRequest, payload: EndSafetyModeIn) -> SafetyStatusOut:
    """End private safety mode; the body must confirm it (``{"confirm": true}``)."""
    person = caller(request)
    do_end_safety_mode(person, timezone.now())
    return status_out(person)


@router.post("/recheck", response=SafetyStatusOut)
def recheck(request: HttpRequest, payload: RecheckIn) -> SafetyStatusOut:
    """Answer the re-check that ends a pause. A pause ends only when every question of its
    re-check is answered with "yes"; anything less keeps it, as one "I'm fine" would."""
    person = caller(request)
    if state_of(person).recheck_needed:
        do_recheck(person, payload.answers, timezone.now())
    return status_out(person)
