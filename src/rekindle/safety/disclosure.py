"""The "AI, not a person" notice: when it is due, and whether a text asks for it.

Rekindle must say plainly that it is an AI and not a person (research.md §5: New York GBL
Art. 47 asks for the notice at the start and every three hours of continuing use; Utah
13-72a before first use, after seven days without use, and whenever someone asks). This
module holds the two decisions behind that, as pure functions with no Django and no clock of
their own, so that they can be tested with any times:

- :func:`disclosure_due` says whether the notice is due now, and why (a :data:`Reason`);
- :func:`asks_if_human` says whether a text asks whether a person is on the other side
  ("are you a real person?", "am I talking to a bot", "is this a human").

:func:`use_began_after` keeps track of the current stretch of continuous use, which the
three-hour rule counts, and :data:`NOTICE` and :data:`REASON_LINES` are the words the notice
uses wherever it is shown. ``docs/safety.md`` ("Disclosures") describes the rules.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Final, Literal

Reason = Literal["first_use", "continuous_use", "returning", "asked"]
REASONS: Final[tuple[Reason, ...]] = ("first_use", "continuous_use", "returning", "asked")

CONTINUOUS_USE_LIMIT: Final = timedelta(hours=3)
"""After this much continuous use since the notice was last shown, it is shown again."""

AWAY_LIMIT: Final = timedelta(days=7)
"""Someone who comes back after this long without using Rekindle sees the notice again."""

BREAK: Final = timedelta(minutes=30)
"""A gap this long between two visits ends a stretch of continuous use (it is also how long
the web app keeps an idle browser signed in)."""

NOTICE: Final = (
    "Rekindle is an AI: a computer program, not a person. Everything it suggests or says to "
    "you is made by software; no person writes its replies. It is not a therapist, and it "
    "is not a substitute for therapy."
)
"""The notice itself, the same wherever it is shown."""

REASON_LINES: Final[dict[Reason, str]] = {
    "first_use": "Before you start, one thing to know.",
    "continuous_use": "You have been using Rekindle for a while, so here is a reminder.",
    "returning": "Welcome back. A reminder, since it has been a while.",
    "asked": "You asked whether you are talking to a person. You are not.",
}
"""One line before the notice that says why it is shown now."""


def disclosure_due(
    first_seen: datetime | None,
    last_seen: datetime | None,
    last_shown: datetime | None,
    now: datetime,
    use_began: datetime | None = None,
) -> Reason | None:
    """Whether the notice is due at ``now``, and why; ``None`` when it is not.

    ``first_seen`` is when the person first used Rekindle (``None``: never), ``last_seen``
    their latest visit before ``now``, ``last_shown`` when the notice was last shown to them
    (``None``: never), and ``use_began`` when the current stretch of continuous use began
    (see :func:`use_began_after`; ``None`` counts the stretch from ``last_shown``).

    - ``first_use``: never used, or never shown the notice;
    - ``returning``: away for :data:`AWAY_LIMIT` (seven days) or more since the last visit;
    - ``continuous_use``: the person has been here without a :data:`BREAK` since the later of
      ``last_shown`` and ``use_began``, for :data:`CONTINUOUS_USE_LIMIT` (three hours) or more.

    A visit after a break starts a new stretch: nothing is due then (unless the break lasted
    seven days), and the three hours count again from there. "Asked" is not a matter of
    time: see :func:`asks_if_human`.
    """
    if first_seen is None or last_shown is None:
        return "first_use"
    previous = last_seen if last_seen is not None else first_seen
    away = now - previous
    if away >= AWAY_LIMIT:
        return "returning"
    if away >= BREAK:
        return None
    began = last_shown if use_began is None else max(use_began, last_shown)
    if now - began >= CONTINUOUS_USE_LIMIT:
        return "continuous_use"
    return None


def use_began_after(
    use_began: datetime | None, last_seen: datetime | None, now: datetime
) -> datetime:
    """When the stretch of continuous use that includes a visit at ``now`` began: ``now``
    itself after a :data:`BREAK` (or on a first visit), ``use_began`` otherwise."""
    if use_began is None or last_seen is None or now - last_seen >= BREAK:
        return now
    return use_began


# --- Asking whether a person is there ---------------------------------------------------

_YOU = r"(?:are|r) (?:you|u)"
_WHAT = (
    r"(?:real |actual |live |living )?"
    r"(?:person|human(?: being)?|bot|chat ?bot|robot|ai|a\.i\.|machine|computer|program|"
    r"programme|software|algorithm|therapist)"
)
_PERSON_OR_AI = r"(?:real |actual |live )?(?:person|human(?: being)?|bot|chat ?bot|robot|ai|a\.i\.)"
_ARTICLE = r"(?:an? |the |just an? )?"
_TALKING = r"(?:talking|chatting|speaking|texting|writing|typing|messaging|venting)"
_SOMEONE = r"(?:an? (?:real |actual |live )?(?:person|human)|someone|somebody|anyone|anybody)"

_QUESTIONS = (
    # "are you a real person", "r u a bot", "are you human", "are you real"
    rf"\b{_YOU} (?:really |actually |even |just )?{_ARTICLE}{_WHAT}\b",
    rf"\b{_YOU} (?:really |actually |even )?(?:real|sentient|conscious)\b",
    # "you're not a real person, are you?", "you are a bot right"
    rf"\byou(?:'re| are) (?:not )?(?:really |actually |just )?{_ARTICLE}{_WHAT}\b"
    r"[^.!?\n]{0,30}(?:\?|\bright\b|\baren't you\b|\bare you\b)",
    # "am I talking to a bot", "who am I talking to"
    rf"\bam i (?:really |actually |even |just )?{_TALKING} (?:to|with) {_ARTICLE}{_WHAT}\b",
    rf"\b(?:who|what) am i (?:really |actually |even )?{_TALKING} (?:to|with)\b",
    # "is this a human", "is it an AI" (not "is it a human thing")
    rf"\bis (?:this|it|that) (?:really |actually |even |just )?(?:an? )?{_PERSON_OR_AI}\b"
    r"(?! (?:thing|problem|issue|question|trait|error|rights|nature|resources?)\b)",
    # "is anyone actually reading this", "is there a real person on the other end"
    rf"\bis (?:there )?{_SOMEONE} (?:real |actually |really )?"
    r"(?:(?:reading|answering|seeing|writing|replying to) (?:this|these|me|my|what i)|"
    r"on the other (?:end|side)|behind (?:this|these|the (?:screen|app|replies|answers))|"
    r"there ?\?)",
    rf"\bdoes {_SOMEONE} (?:real |actually |really )?(?:read|answer|see|write)\b",
    r"\bdo (?:real )?(?:people|humans) (?:actually |really )?(?:read|answer|write)\b",
    # "can I talk to a real person"
    r"\b(?:can|could|may) i (?:please )?(?:talk|speak|chat) (?:to|with) (?:an? )?"
    r"(?:real |actual |live )?(?:person|human)\b",
    # "are these replies automated", "is this written by a person"
    r"\b(?:is|are) (?:(?:this|these|the|your) (?:replies|answers|responses|messages|suggestions|"
    r"app)|this|these|it|they) (?:all |really |actually |just )?(?:automated|(?:ai|computer)[- ]"
    r"generated|generated|written by (?:an? )?(?:real )?(?:person|human|ai|bot|computer|machine))"
    r"\b",
)
_PATTERN = re.compile("|".join(f"(?:{pattern})" for pattern in _QUESTIONS), re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SPACES = re.compile(r"\s+")


def asks_if_human(text: str) -> bool:
    """Whether ``text`` asks if a person (rather than software) is on the other side.

    It reads the questions people put to a chat program ("are you a real person?", "am I
    talking to a bot", "is this a human", "who am I talking to", "is anyone actually reading
    this", "r u a bot"), whether or not they end with a question mark. Talk about other
    people is not a question about Rekindle: "my partner is a real person", "he acts like a
    robot", "are you okay", "are you for real?" and "is this a good time" are all ``False``.
    """
    plain = _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip()
    return _PATTERN.search(plain) is not None
