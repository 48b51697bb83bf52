"""The secret address of a person's calendar feed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class CalendarFeed(models.Model):
    """A person's feed of rituals, reached through a long random token in its address.

    Only a SHA-256 digest of the token is stored, so the database alone cannot be used to
    read the feed. Revoking deletes the row; making a new address replaces the digest."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed of {self.owner}"
