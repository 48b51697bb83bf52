"""``{% quick_exit %}``: the "Leave quickly" control at the top of every page.

It is a plain link to a neutral site (``settings.QUICK_EXIT_URL``), so it works without
JavaScript; ``static/rekindle/quick-exit.js`` makes it replace the page in the tab's history
and adds the Escape key. See docs/safety.md, "Quick exit"."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("core/quick_exit.html")
def quick_exit() -> dict[str, Any]:
    return {"url": settings.QUICK_EXIT_URL}
