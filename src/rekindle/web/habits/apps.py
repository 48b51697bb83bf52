from __future__ import annotations

from django.apps import AppConfig


class HabitsConfig(AppConfig):
    name = "rekindle.web.habits"
    label = "habits"
    verbose_name = "Habits and streaks"
