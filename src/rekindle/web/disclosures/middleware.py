"""Shows the "AI, not a person" notice when it is due.

For a signed-in person, every request is a visit: the middleware records it and puts the
reason the notice shows on this page (or None) on ``request.ai_notice``, which the
``{% ai_notice %}`` tag in the base template reads. A form the person sends that asks
whether a person is there ("are you a real person?") shows the notice on the response too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from rekindle.web.disclosures.actions import do_note_visit, do_show_disclosure_asked
from rekindle.web.disclosures.notice import form_asks_if_human

# Requests that are not a person using the app: the health check, and the JSON API, whose
# clients are programs holding a token.
NOT_A_VISIT = ("/health", "/api/")


class DisclosureMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.ai_notice = None  # type: ignore[attr-defined]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(NOT_A_VISIT):
            request.ai_notice = do_note_visit(user, timezone.now())  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        """After the form's CSRF token was checked: a question about who is there."""
        user = getattr(request, "user", None)
        if (
            request.method == "POST"
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(NOT_A_VISIT)
            and form_asks_if_human(request)
        ):
            do_show_disclosure_asked(user, timezone.now())
            request.ai_notice = "asked"  # type: ignore[attr-defined]
