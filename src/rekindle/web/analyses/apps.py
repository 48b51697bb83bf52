from __future__ import annotations

from django.apps import AppConfig


class AnalysesConfig(AppConfig):
    name = "rekindle.web.analyses"
    label = "analyses"
    verbose_name = "Chat analyses"
