from __future__ import annotations

from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "rekindle.web.progress"
    label = "progress"
    verbose_name = "The shared progress log"
