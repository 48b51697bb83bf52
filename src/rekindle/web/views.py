"""Project-level pages. Views stay thin: they call one function and render its result."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from rekindle.web.health import ERROR, OK, check_database, check_queue


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@require_safe
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    checks = {"database": check_database()}
    checks["queue"] = check_queue() if checks["database"] == OK else ERROR
    healthy = all(result == OK for result in checks.values())
    status = OK if healthy else ERROR
    return JsonResponse({"status": status, **checks}, status=200 if healthy else 503)
