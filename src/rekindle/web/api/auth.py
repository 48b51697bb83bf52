"""Who is calling: a personal API token, or the signed-in browser session.

A token is sent as ``Authorization: Bearer <token>``. A browser's session works too, but then
every request that changes something must carry the CSRF token, as forms do: a page on
another site must never be able to write in someone's name."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from rekindle.web.access import person_with_api_token
from rekindle.web.accounts.models import User


class ApiTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return person_with_api_token(token)


class SignedInSessionAuth(SessionAuth):
    """The Django session, with CSRF checked on unsafe methods; only people still active."""

    def __call__(self, request: HttpRequest) -> User | None:
        # Without a session cookie there is no session to check, and the caller is told to
        # authenticate (401) rather than that a CSRF token is missing (403).
        if self.param_name not in request.COOKIES:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        if isinstance(user, User) and user.is_authenticated and user.is_active:
            return user
        return None


def caller(request: HttpRequest) -> User:
    """The person a request authenticated as; every operation requires one."""
    person = getattr(request, "auth", None)
    if not isinstance(person, User):
        raise AuthenticationError()
    return person
