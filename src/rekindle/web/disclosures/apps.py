from __future__ import annotations

from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "rekindle.web.disclosures"
    label = "disclosures"
    verbose_name = "The 'AI, not a person' notice"
