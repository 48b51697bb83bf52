from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rekindle.web.core"
    label = "rekindle_core"
    verbose_name = "Rekindle core"
