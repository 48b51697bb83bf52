"""The progress log the two partners keep together: wins and challenges."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from rekindle.web.encryption import EncryptedTextField

WIN, CHALLENGE = "win", "challenge"
KINDS = [(WIN, "A win"), (CHALLENGE, "A challenge")]


class ProgressEntry(models.Model):
    """One line in the log. Written in a couple, both partners see it while the couple lasts;
    each person keeps the entries they wrote themselves after unlinking. Written alone, it is
    the writer's own."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress_entries"
    )
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=KINDS)
    text = EncryptedTextField()
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-day", "-created_at", "-id")
        verbose_name_plural = "progress entries"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.author} on {self.day.isoformat()}"
