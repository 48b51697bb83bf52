from __future__ import annotations

from django.apps import AppConfig


class CheckInsConfig(AppConfig):
    name = "rekindle.web.checkins"
    label = "checkins"
    verbose_name = "Daily check-ins"
