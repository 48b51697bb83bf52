"""Questionnaire pages: the list, one questionnaire and your history, taking it, one result,
and the two partners' scores side by side."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from rekindle.assessments import Instrument, builtin_instruments, find_instrument
from rekindle.web.access import (
    access_own_assessment_response,
    latest_own_assessment_response,
    own_assessment_responses,
    partner_of,
    side_by_side_of,
)
from rekindle.web.accounts.models import AuthenticatedRequest
from rekindle.web.assessments.actions import do_save_assessment
from rekindle.web.assessments.forms import QuestionnaireForm


def _instrument(instrument_id: str) -> Instrument:
    instrument = find_instrument(instrument_id)
    if instrument is None:
        raise Http404("No such questionnaire")
    return instrument


@require_safe
@login_required
def questionnaire_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = [
        (instrument, latest_own_assessment_response(request.user, instrument.id))
        for instrument in builtin_instruments()
    ]
    return render(
        request,
        "assessments/list.html",
        {"rows": rows, "partner": partner_of(request.user)},
    )


@require_safe
@login_required
def questionnaire(request: AuthenticatedRequest, instrument_id: str) -> HttpResponse:
    instrument = _instrument(instrument_id)
    history = own_assessment_responses(request.user, instrument.id)
    return render(
        request,
        "assessments/questionnaire.html",
        {
            "instrument": instrument,
            "history": history,
            "subscales": instrument.subscales,
            "partner": partner_of(request.user),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def take(request: AuthenticatedRequest, instrument_id: str) -> HttpResponse:
    instrument = _instrument(instrument_id)
    form = QuestionnaireForm(
        request.POST if request.method == "POST" else None, instrument=instrument
    )
    if request.method == "POST" and form.is_valid():
        response = do_save_assessment(request.user, instrument, form.answers(), now=timezone.now())
        messages.success(request, "Thank you. Your answers are saved.")
        return redirect("assessments:result", response_id=response.id)
    return render(
        request,
        "assessments/take.html",
        {"instrument": instrument, "form": form, "partner": partner_of(request.user)},
        status=400 if request.method == "POST" else 200,
    )


@require_safe
@login_required
def result(request: AuthenticatedRequest, response_id: int) -> HttpResponse:
    response = access_own_assessment_response(request.user, response_id)
    instrument = find_instrument(response.instrument_id)
    return render(
        request,
        "assessments/result.html",
        {
            "response": response,
            "scores": response.scores,
            "instrument": instrument,
            "partner": partner_of(request.user),
        },
    )


@require_safe
@login_required
def together(request: AuthenticatedRequest, instrument_id: str) -> HttpResponse:
    instrument = _instrument(instrument_id)
    view = side_by_side_of(request.user, instrument.id)
    rows = []
    if view is not None and view.ready and view.own is not None and view.partner_scores:
        theirs = {s["id"]: s for s in view.partner_scores["subscales"]}
        rows = [(own, theirs.get(own["id"])) for own in view.own.scores["subscales"]]
    return render(
        request,
        "assessments/together.html",
        {"instrument": instrument, "view": view, "rows": rows},
    )
