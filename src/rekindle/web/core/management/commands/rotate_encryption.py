"""``python -m rekindle.web rotate_encryption``: re-encrypt private text with the newest key."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from rekindle.web.encryption import EncryptedTextField

BATCH_SIZE = 500


class Command(BaseCommand):
    help = (
        "Rewrite every encrypted value with the first secret in REKINDLE_ENCRYPTION_SECRETS, "
        "so that older secrets can be removed afterwards."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            names = [f.name for f in model._meta.get_fields() if isinstance(f, EncryptedTextField)]
            if not names:
                continue
            with transaction.atomic():
                rows = list(model._default_manager.select_for_update().only("pk", *names))
                # Reading decrypts with whichever key fits; saving encrypts with the newest.
                model._default_manager.bulk_update(rows, names, batch_size=BATCH_SIZE)
            total += len(rows)
            self.stdout.write(f"{model._meta.label}: {len(rows)} rows re-encrypted")
        self.stdout.write(f"Done: {total} rows.")
