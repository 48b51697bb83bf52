"""Making and revoking personal API tokens. Each action is one transaction."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import transaction

from rekindle.web.access import token_digest
from rekindle.web.accounts.models import User
from rekindle.web.api.models import ApiToken

TOKEN_BYTES = 32
TOKEN_PREFIX = "rk_"


@transaction.atomic
def do_create_api_token(owner: User, name: str, now: datetime) -> tuple[ApiToken, str]:
    """A new token for ``owner``. Returns the row and the token itself, which is never stored
    and so can be shown only now."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    api_token = ApiToken.objects.create(
        owner=owner, name=name.strip(), token_digest=token_digest(token), created_at=now
    )
    return api_token, token


@transaction.atomic
def do_revoke_api_token(api_token: ApiToken) -> None:
    """The token stops working at once."""
    ApiToken.objects.filter(id=api_token.id).delete()
