"""Password hashing at the OWASP baseline for Argon2id: 19 MiB of memory, two passes, one lane."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher

ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_TIME_COST = 2
ARGON2_PARALLELISM = 1


class RekindleArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's Argon2id hasher, tuned so that a small home server signs people in quickly.

    The algorithm name stays ``argon2``, so hashes made with other parameters still verify and
    are upgraded to these on the next successful sign-in."""

    memory_cost = ARGON2_MEMORY_KIB
    time_cost = ARGON2_TIME_COST
    parallelism = ARGON2_PARALLELISM
