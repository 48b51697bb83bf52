"""``{% ai_notice %}``: the "AI, not a person" notice, on the pages where it is due."""

from __future__ import annotations

from typing import Any

from django import template

from rekindle.safety.disclosure import NOTICE, REASON_LINES

register = template.Library()

# Pages whose own message must come first, above anything else: the crisis card and the other
# responses to the safety screen. The notice stays due and shows on the next page.
QUIET_VIEWS = frozenset({"safety:response"})


@register.inclusion_tag("disclosures/notice.html", takes_context=True)
def ai_notice(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    reason = getattr(request, "ai_notice", None) if request is not None else None
    if reason is None or request is None:
        return {"reason": None}
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in QUIET_VIEWS:
        return {"reason": None}
    return {
        "reason": reason,
        "reason_line": REASON_LINES[reason],
        "notice": NOTICE,
        "next": request.get_full_path(),
        # An inclusion tag starts a new context: the form needs the page's token.
        "csrf_token": context.get("csrf_token"),
    }
