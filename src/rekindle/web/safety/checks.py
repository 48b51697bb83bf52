"""A system check: a deployer's own help-line files must be readable and follow the format, or
``manage.py check`` (and every management command, ``serve`` included) says what is wrong."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from rekindle.safety.resources import ResourceError, load_resources


@checks.register()
def safety_resources_are_readable(
    app_configs: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    folder = settings.SAFETY_RESOURCES_DIR
    if folder is None:
        return []
    try:
        load_resources(folder)
    except ResourceError as error:
        return [
            checks.Error(
                str(error),
                hint="Fix the file (docs/safety.md describes the format), or unset "
                "REKINDLE_SAFETY_RESOURCES_DIR. Meanwhile the shipped help lines are shown.",
                id="rekindle_safety.E001",
            )
        ]
    return []
