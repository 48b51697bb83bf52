"""Check-ins: your own list, today's (yours and what you may see of your partner's), writing
today's, and one by id, showing only what the privacy rules allow."""

from __future__ import annotations

from datetime import date
from typing import Literal, cast

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.params.functions import Path, Query

from rekindle.web.access import (
    CheckInView,
    access_check_in,
    own_check_in_on,
    own_check_ins_between,
    partner_check_in_on,
    partner_of,
)
from rekindle.web.api.auth import caller
from rekindle.web.api.safety import safety_out
from rekindle.web.api.schemas import MAX_ID, CheckInIn, CheckInOut, Problem, TodayOut
from rekindle.web.checkins.actions import do_save_check_in
from rekindle.web.checkins.models import CheckIn
from rekindle.web.safety.views import held_parts_of

router = Router(tags=["check-ins"])

FIRST_DAY = Query(None, description="Earliest day to include.")
LAST_DAY = Query(None, description="Latest day to include.")
CheckInId = Path(..., ge=1, le=MAX_ID)


def check_in_out(view: CheckInView) -> CheckInOut:
    check_in = view.check_in
    details = view.shows_details
    held = held_parts_of(check_in.author, check_in) if view.is_own else {}
    appreciation = held["appreciation"].text if "appreciation" in held else check_in.appreciation
    return CheckInOut(
        id=check_in.id,
        day=check_in.day,
        is_own=view.is_own,
        mood=check_in.mood if details else None,
        connection=check_in.connection if details else None,
        note=check_in.note if details else None,
        shared_with_partner=check_in.shared_with_partner,
        appreciation=appreciation if view.shows_appreciation else None,
        held=sorted(cast(Literal["share", "appreciation"], part) for part in held),
    )


def own(check_in: CheckIn) -> CheckInOut:
    return check_in_out(CheckInView(check_in, True, True, True))


@router.get("", response=list[CheckInOut])
def list_check_ins(
    request: HttpRequest,
    first_day: date | None = FIRST_DAY,
    last_day: date | None = LAST_DAY,
) -> list[CheckInOut]:
    """Your own check-ins, oldest first, optionally between two days."""
    check_ins = own_check_ins_between(caller(request), first_day or date.min, last_day or date.max)
    return [own(check_in) for check_in in check_ins]


@router.get("/today", response=TodayOut)
def todays_check_ins(request: HttpRequest) -> TodayOut:
    """Today's check-in, and what your partner shares of theirs."""
    person = caller(request)
    day = timezone.localdate()
    mine = own_check_in_on(person, day)
    partner = partner_check_in_on(person, day)
    return TodayOut(
        day=day,
        has_partner=partner_of(person) is not None,
        mine=own(mine) if mine is not None else None,
        partner=check_in_out(partner) if partner is not None else None,
    )


@router.put("/today", response=CheckInOut)
def save_todays_check_in(request: HttpRequest, payload: CheckInIn) -> CheckInOut:
    """Write today's check-in, or rewrite it. Sharing and the appreciation need a partner.

    The note and the appreciation are screened for signs of a crisis or abuse. When the screen
    finds something, the answer's ``safety`` says what and offers help lines, and what you
    meant for your partner is kept private (``held``) until you share it yourself."""
    person = caller(request)
    saved = do_save_check_in(person, timezone.localdate(), now=timezone.now(), **payload.dict())
    out = own(saved.item)
    out.safety = safety_out(person, saved.safety)
    return out


@router.get("/{check_in_id}", response={200: CheckInOut, 404: Problem})
def get_check_in(request: HttpRequest, check_in_id: int = CheckInId) -> CheckInOut:
    """One check-in: any of yours, or your partner's as far as they share it."""
    return check_in_out(access_check_in(caller(request), check_in_id))
