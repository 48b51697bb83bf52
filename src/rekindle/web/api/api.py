"""The API itself, mounted at ``/api/``; its OpenAPI schema is served at ``/api/openapi.json``.

Every operation needs a caller (a personal token or the browser session). What a caller may
see or change is decided by ``rekindle.web.access``, and every write is one of the same
actions the pages use. Errors are JSON: ``{"detail": ...}`` with a 4xx status."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.operation import Operation

from rekindle.web.api import analyses, checkins, habits, progress, safety
from rekindle.web.api.auth import ApiTokenAuth, SignedInSessionAuth

NOT_FOUND = "Nothing here, or nothing you may see."
NOT_SIGNED_IN = "Please sign in, or send a personal API token as 'Authorization: Bearer <token>'."
NO_CSRF_TOKEN = (
    "A change made with the browser session needs the CSRF token in the X-CSRFToken header."
)


class RekindleApi(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """Short operation ids: each view's name, unique across the API."""
        return operation.view_func.__name__


api = RekindleApi(
    title="Rekindle API",
    version="1",
    description=(
        "Check-ins, habits, the progress log and chat analysis reports of the person "
        "calling. Authenticate with a personal API token (`Authorization: Bearer <token>`) "
        "or a signed-in browser session (which needs the CSRF token on every change)."
    ),
    urls_namespace="api",
    # The interactive docs page would load scripts from outside this server; the schema alone
    # is served, for any OpenAPI viewer to read.
    docs_url=None,
    auth=[ApiTokenAuth(), SignedInSessionAuth()],
)
api.add_router("/check-ins", checkins.router)
api.add_router("/habits", habits.router)
api.add_router("/progress", progress.router)
api.add_router("/analyses", analyses.router)
api.add_router("/safety", safety.router)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": NOT_FOUND}, status=404)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": NOT_SIGNED_IN}, status=401)


@api.exception_handler(HttpError)
def refused(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # The one 403 the API gives is django-ninja's refusal of a session write without CSRF.
    detail = NO_CSRF_TOKEN if exc.status_code == 403 else str(exc)
    return api.create_response(request, {"detail": detail}, status=exc.status_code)
