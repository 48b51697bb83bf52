"""Typed readers for the environment variables that configure the web app.

Each reader returns a value of one type, registers the variable it read (name, type, default
and a one-line description) in ``REGISTRY``, and turns a malformed value into an
``ImproperlyConfigured`` error with a one-line message, so that a typo stops Rekindle at
startup instead of surprising someone later. A test checks that every registered variable
has a heading in ``docs/settings.md``.

An empty value counts as unset, so ``REKINDLE_DEBUG=`` in a compose file means "use the
default".
"""

from __future__ import annotations

import os
import zoneinfo
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "0"})


@dataclass(frozen=True)
class EnvVariable:
    """One environment variable the web app reads, as documented in docs/settings.md."""

    name: str
    kind: str
    default: str
    description: str


REGISTRY: dict[str, EnvVariable] = {}


def env_str(
    name: str,
    default: str,
    description: str,
    *,
    choices: Iterable[str] | None = None,
    environ: Mapping[str, str] | None = None,
    registry: MutableMapping[str, EnvVariable] | None = None,
) -> str:
    """Read a string; with ``choices``, the value must be one of them (case-insensitive)."""
    allowed = tuple(choices) if choices is not None else None
    kind = "one of " + ", ".join(allowed) if allowed else "string"
    raw = _read(name, kind, default, description, environ, registry)
    if raw is None:
        return default
    if allowed is None:
        return raw
    for choice in allowed:
        if raw.casefold() == choice.casefold():
            return choice
    raise _malformed(name, "must be one of " + ", ".join(allowed), raw)


def env_bool(
    name: str,
    default: bool,
    description: str,
    *,
    environ: Mapping[str, str] | None = None,
    registry: MutableMapping[str, EnvVariable] | None = None,
) -> bool:
    """Read ``true`` or ``false`` (``yes``/``no``, ``on``/``off`` and ``1``/``0`` work too)."""
    raw = _read(name, "boolean", str(default).lower(), description, environ, registry)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _malformed(name, "must be true or false", raw)


def env_int(
    name: str,
    default: int,
    description: str,
    *,
    minimum: int | None = None,
    environ: Mapping[str, str] | None = None,
    registry: MutableMapping[str, EnvVariable] | None = None,
) -> int:
    """Read a whole number, no smaller than ``minimum`` when one is given."""
    raw = _read(name, "integer", str(default), description, environ, registry)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise _malformed(name, "must be a whole number", raw) from None
    if minimum is not None and value < minimum:
        raise _malformed(name, f"must be {minimum} or more", raw)
    return value


def env_list(
    name: str,
    default: Iterable[str],
    description: str,
    *,
    environ: Mapping[str, str] | None = None,
    registry: MutableMapping[str, EnvVariable] | None = None,
) -> list[str]:
    """Read a comma-separated list; spaces around items and empty items are dropped."""
    fallback = list(default)
    raw = _read(name, "comma-separated list", ",".join(fallback), description, environ, registry)
    if raw is None:
        return fallback
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(
    name: str,
    default: str,
    description: str,
    *,
    environ: Mapping[str, str] | None = None,
    registry: MutableMapping[str, EnvVariable] | None = None,
) -> Path:
    """Read a file system path; ``~`` is expanded and a relative path is taken from the
    current working directory. The result is absolute."""
    raw = _read(name, "path", default, description, environ, registry)
    return Path(raw if raw is not None else default).expanduser().resolve()


def env_time_zone(
    name: str,
    default: str,
    description: str,
    *,
    environ: Mapping[str, str] | None = None,
    registry: MutableMapping[str, EnvVariable] | None = None,
) -> str:
    """Read an IANA time zone name such as ``Europe/Paris``."""
    raw = _read(name, "time zone name", default, description, environ, registry)
    if raw is None:
        return default
    value = raw.strip()
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise _malformed(name, "must be a time zone name such as Europe/Paris", raw) from None
    return value


def env_country(
    name: str,
    default: str,
    description: str,
    *,
    environ: Mapping[str, str] | None = None,
    registry: MutableMapping[str, EnvVariable] | None = None,
) -> str:
    """Read a two-letter country code (ISO 3166-1 alpha-2, any case), returned in capitals."""
    raw = _read(name, "two-letter country code", default, description, environ, registry)
    if raw is None:
        return default
    value = raw.strip().upper()
    if len(value) != 2 or not value.isascii() or not value.isalpha():
        raise _malformed(name, "must be a two-letter country code such as GB or US", raw)
    return value


def _read(
    name: str,
    kind: str,
    default: str,
    description: str,
    environ: Mapping[str, str] | None,
    registry: MutableMapping[str, EnvVariable] | None,
) -> str | None:
    """Register the variable, then return its raw value, or None when it is unset or empty."""
    target = REGISTRY if registry is None else registry
    target[name] = EnvVariable(name=name, kind=kind, default=default, description=description)
    raw = (os.environ if environ is None else environ).get(name, "")
    return raw if raw.strip() else None


def _malformed(name: str, expectation: str, raw: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{name} {expectation}, got {raw!r}")
