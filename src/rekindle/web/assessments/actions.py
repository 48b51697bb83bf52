"""Saving a completed questionnaire. One action, one transaction."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from django.db import transaction

from rekindle.assessments import Instrument, score
from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.assessments.models import AssessmentResponse, scores_document


@transaction.atomic
def do_save_assessment(
    owner: User, instrument: Instrument, answers: Mapping[str, int | None], *, now: datetime
) -> AssessmentResponse:
    """Score the answers and keep them as a new entry in the person's history, tied to the
    couple they are in now (if any). Answers that do not fit raise ``AnswerError`` before
    anything is written."""
    result = score(instrument, answers)
    kept = {item.id: answers.get(item.id) for item in instrument.items}
    return AssessmentResponse.objects.create(
        owner=owner,
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        answers_json=json.dumps(kept),
        scores_json=json.dumps(scores_document(result)),
        couple=active_couple_of(owner),
        completed_at=now,
    )
