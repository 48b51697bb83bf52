"""Sign-in throttling is django-axes; this tells it which account an attempt was for."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from rekindle.web.accounts.models import normalise_email


def submitted_email(request: HttpRequest, credentials: Mapping[str, Any] | None) -> str:
    """The email an attempt named, normalised so that changing its case is no way around the
    limit."""
    if credentials:
        value = credentials.get("username") or credentials.get("email") or ""
    else:
        value = request.POST.get("username", "")
    return normalise_email(str(value))
