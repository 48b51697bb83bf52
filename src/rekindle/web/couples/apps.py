from __future__ import annotations

from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "rekindle.web.couples"
    label = "couples"
    verbose_name = "Couples"
