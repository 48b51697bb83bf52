"""Micro-habits a person chose, and the days they kept them."""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone

from rekindle.web.habits.catalogue import habit_idea

DAILY, WEEKLY = "daily", "weekly"
CADENCES = [(DAILY, "Every day"), (WEEKLY, "Once a week")]
DEFAULT_REMINDER = time(8, 0)


class Habit(models.Model):
    """One intervention from the library that a person took on.

    A habit is private to its owner. They may share it with their partner, and then it is
    shown to the partner in the couple it was shared in (``shared_in``) for as long as that
    couple lasts: unlinking ends it, and a later partner never sees it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="habits"
    )
    intervention_id = models.CharField(max_length=80)
    cadence = models.CharField(max_length=10, choices=CADENCES, default=DAILY)
    reminder_time = models.TimeField(default=DEFAULT_REMINDER)
    shared_in = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("started_at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["owner", "intervention_id"], name="one_habit_per_intervention"
            ),
        )

    def __str__(self) -> str:
        return f"{self.title} ({self.owner})"

    @property
    def title(self) -> str:
        idea = habit_idea(self.intervention_id)
        return idea.title if idea is not None else "A habit you chose"

    @property
    def is_active(self) -> bool:
        return self.stopped_at is None


class HabitTick(models.Model):
    """The habit was kept on this day."""

    habit = models.ForeignKey(Habit, on_delete=models.CASCADE, related_name="ticks")
    day = models.DateField()
    ticked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-day",)
        constraints = (
            models.UniqueConstraint(fields=["habit", "day"], name="one_tick_per_habit_and_day"),
        )

    def __str__(self) -> str:
        return f"{self.habit} on {self.day.isoformat()}"
