"""The one-minute daily check-in."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from rekindle.web.encryption import EncryptedTextField

MOOD_MIN, MOOD_MAX = 1, 5
CONNECTION_MIN, CONNECTION_MAX = 1, 10


class CheckIn(models.Model):
    """How one person felt on one day. The note is theirs alone unless they share the
    check-in; the appreciation is for their partner and is revealed only when both wrote one
    that day."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField()
    mood = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MOOD_MIN), MaxValueValidator(MOOD_MAX)]
    )
    connection = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(CONNECTION_MIN), MaxValueValidator(CONNECTION_MAX)]
    )
    note = EncryptedTextField(blank=True, default="")
    shared_with_partner = models.BooleanField(default=False)
    appreciation = EncryptedTextField(blank=True, default="")
    # The couple the author was in when they wrote it: an appreciation is meant for that
    # partner only, and unlinking ends every view of it.
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-day",)
        constraints = (
            models.UniqueConstraint(fields=["author", "day"], name="one_check_in_per_day"),
            models.CheckConstraint(
                condition=Q(mood__gte=MOOD_MIN) & Q(mood__lte=MOOD_MAX), name="mood_in_range"
            ),
            models.CheckConstraint(
                condition=Q(connection__gte=CONNECTION_MIN) & Q(connection__lte=CONNECTION_MAX),
                name="connection_in_range",
            ),
        )

    def __str__(self) -> str:
        return f"Check-in by {self.author} on {self.day.isoformat()}"
