"""The quick-exit control on a whole page that Rekindle serves as it is: the chat report.

The report is the library's self-contained HTML, whose own content security policy allows
no script and no stylesheet from elsewhere, so it cannot have the base template's bar. It
gets the same "Leave quickly" link as the first thing in its body instead, styled inline
(which that policy allows). Without the script, leaving does not replace the page in the
tab's history and Esc does nothing there: docs/safety.md, "Quick exit", says so.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.template.loader import render_to_string

_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def with_quick_exit(page: str) -> str:
    """``page`` with the quick-exit link right after its ``<body>`` tag."""
    link = render_to_string("core/quick_exit_inline.html", {"url": settings.QUICK_EXIT_URL})
    return _BODY.sub(lambda body: body.group(0) + link, page, count=1)
