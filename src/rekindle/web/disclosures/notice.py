"""The "AI, not a person" notice for views: the reply to a text that asks whether a person is
there, and the check that the disclosures middleware runs on every form a person sends."""

from __future__ import annotations

from django.http import HttpRequest

from rekindle.safety.disclosure import NOTICE, REASON_LINES, asks_if_human

# Long texts are read only this far: a question about who is there comes early or not at all.
MAX_TEXT = 10_000
# Form fields that hold no free text of the person's own.
SKIPPED_FIELDS = frozenset({"csrfmiddlewaretoken", "next"})


def disclosure_reply_for(text: str) -> str | None:
    """The words to answer with when ``text`` asks whether a person is there ("are you a real
    person?", "am I talking to a bot"), or None when it does not ask.

    A view that answers people in its own words (a coach, say) puts this in its reply. Every
    page also shows the notice after such a form is sent, through the middleware."""
    if not asks_if_human(text[:MAX_TEXT]):
        return None
    return f"{REASON_LINES['asked']} {NOTICE}"


def form_asks_if_human(request: HttpRequest) -> bool:
    """Whether any free-text field of the form in ``request`` asks whether a person is there
    (passwords and hidden bookkeeping fields are not read)."""
    for name, values in request.POST.lists():
        if name in SKIPPED_FIELDS or "password" in name:
            continue
        if any(disclosure_reply_for(value) is not None for value in values):
            return True
    return False
