"""A strict Content-Security-Policy header on every response.

Django 5.2 has no built-in CSP support, and the policy is one fixed string, so a small
middleware is enough. Pages load scripts, styles, images and fonts from Rekindle itself only;
there are no inline scripts or styles, nothing from a CDN, and no page may be framed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


class ContentSecurityPolicyMiddleware:
    """Add ``settings.CONTENT_SECURITY_POLICY`` to responses that do not set their own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response.headers:
            response.headers[HEADER] = settings.CONTENT_SECURITY_POLICY
        return response
