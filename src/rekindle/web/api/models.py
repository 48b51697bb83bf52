"""Personal API tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

NAME_MAX_LENGTH = 60


class ApiToken(models.Model):
    """A key a person made so that a script or another app can use the API as them.

    Only a SHA-256 digest of the token is stored: the token itself is shown once, when it is
    made, and the database alone cannot be used to act as anyone. Revoking deletes the row."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"API token “{self.name}” of {self.owner}"
