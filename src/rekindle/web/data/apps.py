from __future__ import annotations

from django.apps import AppConfig


class DataConfig(AppConfig):
    name = "rekindle.web.data"
    label = "data_rights"
    verbose_name = "Your data: export and erasure"
