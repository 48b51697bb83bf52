from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rekindle.web.api"
    label = "api"
    verbose_name = "JSON API and its personal tokens"
