"""One completed questionnaire: the answers (private to the person) and the scores."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from rekindle.assessments import Result
from rekindle.web.encryption import EncryptedTextField


def scores_document(result: Result) -> dict[str, Any]:
    """The scores of one result as stored: what may be shown, to the person and (while
    linked) to their partner. It holds no item-level answer."""
    return {
        "instrument_version": result.instrument_version,
        "answered": result.answered,
        "missing": result.missing,
        "subscales": [
            {
                "id": s.id,
                "label": s.label,
                "score": s.score,
                "scoreable": s.scoreable,
                "answered": s.answered,
                "missing": s.missing,
                "lowest": s.lowest,
                "highest": s.highest,
                "band": (
                    {"label": s.band.label, "meaning": s.band.meaning, "source": s.band.source}
                    if s.band is not None
                    else None
                ),
            }
            for s in result.subscales
        ],
    }


class AssessmentResponse(models.Model):
    """One time one person took one questionnaire. Retaking adds another, so the history
    stays. The answers are the person's alone; the scores are what a partner may see, while
    the couple they were taken in lasts. Both are encrypted at rest."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_responses"
    )
    instrument_id = models.CharField(max_length=64)
    instrument_version = models.CharField(max_length=32)
    answers_json = EncryptedTextField()
    scores_json = EncryptedTextField()
    # The couple the person was in when they answered: only that partner may see the scores,
    # and only while that couple lasts.
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-completed_at", "-id")
        indexes = (models.Index(fields=["owner", "instrument_id"], name="assessment_owner_idx"),)

    def __str__(self) -> str:
        return f"{self.instrument_id} by {self.owner} at {self.completed_at.isoformat()}"

    @property
    def answers(self) -> dict[str, int | None]:
        value: dict[str, int | None] = json.loads(self.answers_json)
        return value

    @property
    def scores(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.scores_json)
        return value
