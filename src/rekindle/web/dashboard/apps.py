from __future__ import annotations

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "rekindle.web.dashboard"
    label = "dashboard"
    verbose_name = "The dashboard"
