"""Two people who chose to use Rekindle together, and the links that bring a partner in."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Couple(models.Model):
    """A link between two accounts. Unlinking ends it (``unlinked_at``); it is never reused."""

    first = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    linked_at = models.DateTimeField(default=timezone.now)
    unlinked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = (
            models.CheckConstraint(
                condition=~Q(first=F("second")), name="couple_has_two_different_people"
            ),
        )

    def __str__(self) -> str:
        return f"Couple {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.unlinked_at is None


class Invitation(models.Model):
    """A single-use link that lets one other person become the inviter's partner.

    Only a digest of the link's token is stored, so the database alone cannot be used to join.
    """

    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Invitation {self.pk} from {self.inviter}"

    def is_open(self, now: datetime) -> bool:
        return self.accepted_at is None and self.withdrawn_at is None and now < self.expires_at
