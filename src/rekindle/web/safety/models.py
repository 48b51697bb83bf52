"""A person's private safety space: their safety state, the events the screen raised, the
entries it holds back, and their answers to the safety questions.

Everything here belongs to one person and is never shown to anyone else, their partner least
of all. What it says is encrypted at rest: the state (private safety mode, the pauses), each
event, each held entry and each answer is a JSON document in an ``EncryptedTextField``. Only
the owner, the country they chose and the times are stored in the clear."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from rekindle.web.encryption import EncryptedTextField

COUNTRY_MAX_LENGTH = 4  # a two-letter code, or INTL


class SafetyProfile(models.Model):
    """One person's safety settings and state: the country whose help lines they see, and
    (encrypted) whether private safety mode is on and which pauses wait for a re-check."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_profile"
    )
    # Empty: the server's REKINDLE_COUNTRY.
    country = models.CharField(max_length=COUNTRY_MAX_LENGTH, blank=True, default="")
    state_json = EncryptedTextField(blank=True, default="")
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Safety profile of {self.owner}"


class SafetyEvent(models.Model):
    """Something that happened in one person's safety space: a text the screen flagged, safety
    mode switched on or off, a re-check. What it was is in the encrypted details."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_events"
    )
    details_json = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"Safety event {self.pk} of {self.owner}"


class HeldItem(models.Model):
    """An entry the screen kept private although its writer meant it for their partner (a
    shared check-in, an appreciation, a progress-log entry). Which entry, and why, is in the
    encrypted details; the entry itself is stored in its private form, so nothing in its own
    table shows that it was held. Sharing it is a deliberate second step, which deletes this
    row."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="held_items"
    )
    details_json = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"Held entry {self.pk} of {self.owner}"


class SafetyAnswers(models.Model):
    """One time one person answered the safety questions. Answering again adds another."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_answers"
    )
    answers_json = EncryptedTextField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-answered_at", "-id")
        verbose_name_plural = "safety answers"

    def __str__(self) -> str:
        return f"Safety answers of {self.owner} at {self.answered_at.isoformat()}"
