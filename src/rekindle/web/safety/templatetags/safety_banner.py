"""``{% safety_banner %}``: a short line at the top of the signed-in person's pages while their
sharing is paused, with the way on (the re-check) or back (Privacy). It shows only the person's
own state, and nothing at all to anyone else."""

from __future__ import annotations

from typing import Any

from django import template

from rekindle.web.accounts.models import User
from rekindle.web.safety.state import NO_STATE, state_of

register = template.Library()


@register.inclusion_tag("safety/_banner.html", takes_context=True)
def safety_banner(context: template.Context) -> dict[str, Any]:
    user = context.get("user")
    state = state_of(user) if isinstance(user, User) and user.is_authenticated else NO_STATE
    return {"state": state}
