from __future__ import annotations

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "rekindle.web.safety"
    label = "safety"
    verbose_name = "Safety: screening, the crisis card, private safety mode"

    def ready(self) -> None:
        from rekindle.web.safety import checks  # noqa: F401  (registers the system check)
