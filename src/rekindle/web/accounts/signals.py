"""Keep the list of signed-in browsers in step with sign-ins and sign-outs."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from rekindle.web.accounts.models import SignedInSession
from rekindle.web.accounts.sessions import start_session


@receiver(user_logged_in, dispatch_uid="rekindle-start-session")
def record_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        start_session(request, user, timezone.now())


@receiver(user_logged_out, dispatch_uid="rekindle-end-session")
def record_sign_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and request.session.session_key:
        SignedInSession.objects.filter(session_key=request.session.session_key).delete()
