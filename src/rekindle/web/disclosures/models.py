"""When each person used Rekindle and was last shown the "AI, not a person" notice."""

from __future__ import annotations

from django.db import models

from rekindle.web.accounts.models import User

REASON_CHOICES = [
    ("first_use", "first use"),
    ("continuous_use", "three hours of continuous use"),
    ("returning", "back after seven days away"),
    ("asked", "asked whether a person is there"),
]


class DisclosureState(models.Model):
    """One row per person, written by the disclosures middleware as they use the app.

    ``showing`` is the reason the notice is on their pages now (empty once they dismissed
    it); ``use_began_at`` is when their current stretch of continuous use began, which the
    three-hour rule counts from."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, primary_key=True, related_name="disclosure_state"
    )
    first_seen_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    use_began_at = models.DateTimeField()
    last_shown_at = models.DateTimeField(null=True, blank=True)
    showing = models.CharField(max_length=20, choices=REASON_CHOICES, blank=True)

    def __str__(self) -> str:
        return f"AI notice for {self.user}"
