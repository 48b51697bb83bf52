"""The help lines a person sees: the library's files, a deployer's own folder
(``REKINDLE_SAFETY_RESOURCES_DIR``) over them, and the country the person chose or, failing
that, the server's ``REKINDLE_COUNTRY``."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache

from django.conf import settings

from rekindle.safety.resources import (
    INTERNATIONAL,
    CountryResources,
    ResourceError,
    builtin_resources,
    load_resources,
    resources_for,
)
from rekindle.web.accounts.models import User
from rekindle.web.safety.state import country_of

logger = logging.getLogger(__name__)


@cache
def _table(folder: str) -> Mapping[str, CountryResources]:
    if not folder:
        return builtin_resources()
    try:
        return load_resources(folder)
    except ResourceError:
        # A typo in a deployer's file must never leave a crisis card empty: the system check
        # reports it at startup, and the shipped lines are shown meanwhile.
        logger.exception(
            "The safety resources in %s could not be read; using the shipped ones", folder
        )
        return builtin_resources()


def resource_table() -> Mapping[str, CountryResources]:
    """Every country's help lines, by code (``INTL`` is the fallback)."""
    folder = settings.SAFETY_RESOURCES_DIR
    return _table(str(folder) if folder is not None else "")


def country_choices() -> list[tuple[str, str]]:
    """The countries with their own help lines, by name, for the person's choice."""
    table = resource_table()
    named = sorted((r.name, code) for code, r in table.items() if code != INTERNATIONAL)
    return [(code, name) for name, code in named]


def effective_country(person: User | None) -> str:
    """The person's chosen country, else the server's; empty means international."""
    chosen = country_of(person) if person is not None else ""
    return chosen or str(settings.COUNTRY)


def resources_of(person: User | None) -> CountryResources:
    """The help lines this person sees."""
    return resources_for(effective_country(person), resource_table())
