"""Erasing an account and everything in it. One action, one transaction."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog
from django.db import transaction

from rekindle.web.accounts.models import SignedInSession, User
from rekindle.web.accounts.sessions import end_session
from rekindle.web.analyses.actions import delete_analyses_of


@transaction.atomic
def do_delete_account(user: User) -> None:
    """Delete the person and everything of theirs, and sign out every browser they use.

    Deleting the account deletes, with it, their check-ins, habits and ticks, the progress
    entries they wrote, the invitations they sent, their calendar address and every couple
    they were part of, so their partner is unlinked at once, and the chat analyses they
    uploaded, with any upload still kept on disk, and their questionnaire answers and
    scores. What the partner wrote stays
    with the partner; nothing the partner wrote points at the person any more."""
    for session_key in SignedInSession.objects.filter(user=user).values_list(
        "session_key", flat=True
    ):
        end_session(session_key)
    delete_analyses_of(user)
    AccessAttempt.objects.filter(username=user.email).delete()
    AccessFailureLog.objects.filter(username=user.email).delete()
    User.objects.filter(id=user.id).delete()
