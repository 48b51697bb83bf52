"""``{{ value|score_number }}``: a score as people write it, 3.5 rather than 3.50 or 3.5000."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def score_number(value: float | int | None) -> str:
    if value is None:
        return "–"
    return f"{float(value):.6f}".rstrip("0").rstrip(".")
