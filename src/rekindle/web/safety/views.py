"""The person's private safety pages, under the discreet "Privacy" entry of the menu: the
response to a flagged entry (the crisis card, the safety-mode notice, the calm response to the
using voice), sharing a held entry, private safety mode, the re-check, the safety questions
and the country of the help lines. Every page shows only the signed-in person's own things."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rekindle.safety.resources import ABUSE as ABUSE_LINES
from rekindle.safety.resources import CRISIS as CRISIS_LINES
from rekindle.safety.resources import USING_ABUSE as USING_LINES
from rekindle.web.access import access_own_held_item, access_own_safety_event, partner_of
from rekindle.web.accounts.models import AuthenticatedRequest, User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.safety.actions import (
    SafetyError,
    SafetyOutcome,
    answers_show_abuse,
    answers_worry,
    do_end_safety_mode,
    do_recheck,
    do_save_safety_answers,
    do_set_country,
    do_share_held_item,
    do_start_safety_mode,
)
from rekindle.web.safety.forms import CountryForm, EndSafetyModeForm, QuestionsForm
from rekindle.web.safety.models import SafetyAnswers
from rekindle.web.safety.questions import (
    CRISIS_QUESTIONS,
    CRISIS_RECHECK,
    SAFETY_QUESTIONS,
    USING_RECHECK,
)
from rekindle.web.safety.resources import country_choices, resource_table, resources_of
from rekindle.web.safety.state import (
    HELD_APPRECIATION,
    HELD_CHECK_IN_SHARE,
    HELD_PROGRESS_ENTRY,
    Held,
    SafetyState,
    can_share,
    country_of,
    event_details,
    held_items_of,
    state_of,
)

# --- Helpers for the pages of other apps --------------------------------------------------


def redirect_to_safety_response(outcome: SafetyOutcome) -> HttpResponse:
    """After saving a flagged entry, the writer sees the safety response first."""
    return redirect("safety:response", event_id=outcome.event_id)


def held_parts_of(person: User, check_in: CheckIn | None) -> dict[str, Held]:
    """What the screen holds of one of this person's check-ins: ``share`` and/or
    ``appreciation``."""
    if check_in is None:
        return {}
    parts = {HELD_CHECK_IN_SHARE: "share", HELD_APPRECIATION: "appreciation"}
    return {
        parts[h.kind]: h
        for h in held_items_of(person)
        if h.kind in parts and h.item_id == check_in.id
    }


def held_initial(held: dict[str, Held]) -> dict[str, Any]:
    """The check-in form as its writer left it: the held appreciation, the share asked for."""
    initial: dict[str, Any] = {}
    if "appreciation" in held:
        initial["appreciation"] = held["appreciation"].text
    if "share" in held:
        initial["shared_with_partner"] = True
    return initial


def held_progress_entry_ids(person: User) -> set[int]:
    return {h.item_id for h in held_items_of(person) if h.kind == HELD_PROGRESS_ENTRY}


# --- Context ------------------------------------------------------------------------------


def _common(person: User) -> dict[str, Any]:
    state = state_of(person)
    resources = resources_of(person)
    return {
        "state": state,
        "resources": resources,
        "crisis_lines": resources.lines(CRISIS_LINES),
        "abuse_lines": resources.lines(ABUSE_LINES),
        "using_lines": resources.lines(USING_LINES),
        "partner": partner_of(person),
    }


def _held_rows(
    person: User, state: SafetyState, event_id: int | None = None
) -> list[dict[str, Any]]:
    return [
        {"held": held, "shareable": can_share(held, state)}
        for held in held_items_of(person)
        if event_id is None or held.event_id == event_id
    ]


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed and target.startswith("/") else default


# --- Pages --------------------------------------------------------------------------------


def _posted(request: HttpRequest) -> Any:
    """The posted form, even an empty one (every field left blank is still an answer)."""
    return request.POST if request.method == "POST" else None


@require_safe
@login_required
@never_cache
def home(request: AuthenticatedRequest) -> HttpResponse:
    context = _common(request.user)
    table = resource_table()
    server = resources_of(None)
    context.update(
        {
            "country_form": CountryForm(
                initial={"country": country_of(request.user)},
                choices=country_choices(),
                default_name=server.name,
            ),
            "held_rows": _held_rows(request.user, context["state"]),
            "last_answers": SafetyAnswers.objects.filter(owner=request.user).first(),
            "countries": len(table),
        }
    )
    return render(request, "safety/home.html", context)


@require_POST
@login_required
def set_country(request: AuthenticatedRequest) -> HttpResponse:
    form = CountryForm(request.POST, choices=country_choices(), default_name="")
    if form.is_valid():
        do_set_country(request.user, form.cleaned_data["country"], timezone.now())
        messages.success(request, "Saved. The help lines below are for that country.")
    else:
        messages.error(request, "Please choose a country from the list.")
    return redirect("safety:home")


@require_POST
@login_required
def start_safety_mode(request: AuthenticatedRequest) -> HttpResponse:
    do_start_safety_mode(request.user, timezone.now())
    messages.success(request, "Private safety mode is on. Nothing new is shown to your partner.")
    return redirect("safety:home")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@never_cache
def end_safety_mode(request: AuthenticatedRequest) -> HttpResponse:
    state = state_of(request.user)
    if not state.safety_mode:
        return redirect("safety:home")
    form = EndSafetyModeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        do_end_safety_mode(request.user, timezone.now())
        messages.success(request, "Private safety mode is off.")
        return redirect("safety:home")
    context = _common(request.user)
    context["form"] = form
    return render(request, "safety/end_mode.html", context, status=400 if form.errors else 200)


@require_safe
@login_required
@never_cache
def response(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = access_own_safety_event(request.user, event_id)
    details = event_details(event)
    if details.get("kind") != "screened":
        raise Http404("No such response")
    context = _common(request.user)
    context.update(
        {
            "event": event,
            "details": details,
            "response": details.get("response", ""),
            "effects": details.get("effects", []),
            "held_rows": _held_rows(request.user, context["state"], event.id),
        }
    )
    return render(request, "safety/response.html", context)


@require_POST
@login_required
def share_held(request: AuthenticatedRequest, held_id: int) -> HttpResponse:
    row = access_own_held_item(request.user, held_id)
    held = next(h for h in held_items_of(request.user) if h.id == row.id)
    try:
        do_share_held_item(request.user, held, timezone.now())
    except SafetyError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, "Shared, as you asked.")
    return redirect(_safe_next(request, reverse("safety:home")))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@never_cache
def recheck(request: AuthenticatedRequest) -> HttpResponse:
    state = state_of(request.user)
    if not state.recheck_needed:
        return redirect("safety:home")
    questions = (CRISIS_RECHECK if state.crisis_pause else ()) + (
        USING_RECHECK if state.using_pause else ()
    )
    form = QuestionsForm(_posted(request), questions=questions, required=True)
    context = _common(request.user)
    if request.method == "POST" and form.is_valid():
        result = do_recheck(request.user, form.answers(), timezone.now())
        if not result.kept:
            messages.success(request, "Thank you. Sharing and coaching carry on as before.")
            return redirect("safety:home")
        context.update({"form": None, "kept": result.kept, "state": state_of(request.user)})
        return render(request, "safety/recheck.html", context)
    context.update({"form": form, "kept": ()})
    return render(request, "safety/recheck.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@never_cache
def questions(request: AuthenticatedRequest) -> HttpResponse:
    next_page = _safe_next(request, reverse("safety:home"))
    form = QuestionsForm(_posted(request), questions=SAFETY_QUESTIONS, required=False)
    context = _common(request.user)
    context.update(
        {
            "form": form,
            "next": next_page,
            "welcome": request.GET.get("welcome") == "1" or request.POST.get("welcome") == "1",
        }
    )
    if request.method == "POST" and form.is_valid():
        answers = form.answers()
        do_save_safety_answers(request.user, answers, timezone.now())
        worry = answers_worry(answers)
        context.update(
            {
                "answered": True,
                "worry_abuse": answers_show_abuse(answers),
                "worry_crisis": bool(worry & CRISIS_QUESTIONS),
            }
        )
        return render(request, "safety/questions_done.html", context)
    return render(request, "safety/questions.html", context)
