"""Everything that changes who is linked with whom. Each action is one transaction."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from rekindle.web.access import active_couple_of, token_digest
from rekindle.web.accounts.models import User
from rekindle.web.couples.models import Couple, Invitation

TOKEN_BYTES = 32


class CoupleError(Exception):
    """Something the person asked for cannot happen; the message says why, kindly."""


def invitation_lifetime() -> timedelta:
    return timedelta(days=settings.INVITATION_LIFETIME_DAYS)


def _withdraw_open_invitations(user: User, now: datetime) -> None:
    Invitation.objects.filter(
        inviter=user, accepted_at__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)


@transaction.atomic
def do_create_invitation(inviter: User, now: datetime) -> tuple[Invitation, str]:
    """A fresh invitation link; any earlier link that was not used stops working."""
    _lock_people(inviter)
    if active_couple_of(inviter) is not None:
        raise CoupleError("You are already linked with a partner.")
    _withdraw_open_invitations(inviter, now)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    invitation = Invitation.objects.create(
        inviter=inviter,
        token_digest=token_digest(token),
        created_at=now,
        expires_at=now + invitation_lifetime(),
    )
    return invitation, token


@transaction.atomic
def do_withdraw_invitation(invitation: Invitation, now: datetime) -> None:
    Invitation.objects.filter(id=invitation.id, withdrawn_at__isnull=True).update(withdrawn_at=now)


@transaction.atomic
def do_accept_invitation(invitation: Invitation, person: User, now: datetime) -> Couple:
    """Link ``person`` with whoever sent the invitation, if the link is still good."""
    _lock_people(invitation.inviter, person)
    invitation = Invitation.objects.select_for_update().get(id=invitation.id)
    if invitation.inviter_id == person.id:
        raise CoupleError("This is your own invitation link: send it to your partner.")
    if invitation.accepted_at is not None:
        raise CoupleError("This invitation link has already been used. Ask for a new one.")
    if invitation.withdrawn_at is not None:
        raise CoupleError("This invitation link was withdrawn. Ask for a new one.")
    if now >= invitation.expires_at:
        raise CoupleError("This invitation link has expired. Ask for a new one.")
    if active_couple_of(person) is not None:
        raise CoupleError(
            "You are already linked with a partner. Unlink first if you want to accept this one."
        )
    if active_couple_of(invitation.inviter) is not None:
        raise CoupleError("The person who invited you is already linked with someone.")
    couple = Couple.objects.create(first=invitation.inviter, second=person, linked_at=now)
    invitation.accepted_at = now
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _withdraw_open_invitations(person, now)
    return couple


@transaction.atomic
def do_unlink_couple(person: User, now: datetime) -> None:
    """End the couple at once. Each person keeps everything they wrote; nothing is shared any
    more, in either direction."""
    couple = active_couple_of(person)
    if couple is None:
        raise CoupleError("You are not linked with anyone right now.")
    _lock_people(couple.first, couple.second)
    Couple.objects.filter(id=couple.id, unlinked_at__isnull=True).update(unlinked_at=now)


def _lock_people(*people: User) -> None:
    """Take the rows of everyone involved, in a fixed order, so that two people accepting or
    unlinking at once cannot both succeed."""
    ids = sorted({person.id for person in people})
    list(User.objects.select_for_update().filter(id__in=ids).order_by("id"))
