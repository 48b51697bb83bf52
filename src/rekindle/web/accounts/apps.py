from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rekindle.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from rekindle.web.accounts import signals  # noqa: F401  (connects the receivers)
