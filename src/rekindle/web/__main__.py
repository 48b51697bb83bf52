"""``python -m rekindle.web <command>``: Django's manage.py for Rekindle.

A configuration mistake (a malformed environment variable, say) is printed as one line and
the process exits with status 2, without a traceback.
"""

from __future__ import annotations

import os
import sys

from django.core.exceptions import ImproperlyConfigured

PROGRAM_NAME = "python -m rekindle.web"
CONFIGURATION_ERROR_STATUS = 2


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rekindle.web.settings")
    from django.core.management import execute_from_command_line

    arguments = sys.argv[1:] if argv is None else argv
    try:
        execute_from_command_line([PROGRAM_NAME, *arguments])
    except ImproperlyConfigured as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        sys.exit(CONFIGURATION_ERROR_STATUS)


if __name__ == "__main__":
    main()
