"""Encryption at rest for sensitive free text (check-in notes, appreciations, later journals).

Values are encrypted with Fernet (AES-128-CBC with an HMAC-SHA256 tag) from the
``cryptography`` package before they reach the database, and decrypted when they are read.
Keys are derived with HKDF-SHA256 from the secrets in ``settings.FIELD_ENCRYPTION_SECRETS``;
when none are configured, from ``settings.SECRET_KEY``. The first secret encrypts and every
secret decrypts (``MultiFernet``), so a key is rotated by putting a new secret first, running
``python -m rekindle.web rotate_encryption``, which rewrites every encrypted value with the
newest key, and then dropping the old one.
"""

from __future__ import annotations

import base64
import functools
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models

# Stored values start with this marker, so that plain text written before encryption was
# turned on (or by a fixture) is still read back as it is.
PREFIX = "fernet:"
_SALT = b"rekindle field encryption"
_INFO = b"rekindle text at rest, v1"


class UnreadableText(Exception):
    """A stored value could not be decrypted with any configured key."""


def derive_key(secret: str) -> bytes:
    """The Fernet key derived from one configured secret."""
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_INFO)
    return base64.urlsafe_b64encode(kdf.derive(secret.encode("utf-8")))


@functools.lru_cache(maxsize=8)
def _cipher_for(secrets: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(derive_key(secret)) for secret in secrets])


def configured_secrets() -> tuple[str, ...]:
    secrets = tuple(getattr(settings, "FIELD_ENCRYPTION_SECRETS", ()) or ())
    return secrets or (settings.SECRET_KEY,)


def cipher() -> MultiFernet:
    return _cipher_for(configured_secrets())


def encrypt_text(text: str) -> str:
    token = cipher().encrypt(text.encode("utf-8"))
    return PREFIX + token.decode("ascii")


def decrypt_text(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored
    try:
        return cipher().decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise UnreadableText(
            "Stored text cannot be decrypted with the configured keys; was "
            "REKINDLE_ENCRYPTION_SECRETS or REKINDLE_SECRET_KEY changed without keeping the "
            "old one?"
        ) from None


def rotate_text(stored: str) -> str:
    """The same text encrypted with the newest key (plain text gets encrypted)."""
    if not stored:
        return stored
    if not stored.startswith(PREFIX):
        return encrypt_text(stored)
    token = cipher().rotate(stored[len(PREFIX) :].encode("ascii"))
    return PREFIX + token.decode("ascii")


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A text column whose content is encrypted in the database. An empty value stays empty,
    so "no note" costs nothing; the text cannot be searched or filtered on."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(value)
