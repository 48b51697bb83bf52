"""Crisis and abuse screening of any text.

:func:`screen` reads one text (a chat message, a journal entry, a note to the coach) and says
whether it shows signs of a crisis or of abuse, and in whose voice. :func:`screen_many` and
:func:`screen_chat` do the same for a whole chat, cheaply. They detect only: what happens next
(the crisis card, private safety mode) belongs to the features that call them. See
``docs/safety.md`` for the layers, the level rules and the measured recall.
"""

from __future__ import annotations

from rekindle.safety.chat import ChatScreener, ChatScreening, screen_chat
from rekindle.safety.screening import (
    ABUSE_VOICES,
    LEVELS,
    Screening,
    screen,
    screen_many,
    screen_signs,
)

__all__ = [
    "ABUSE_VOICES",
    "LEVELS",
    "ChatScreener",
    "ChatScreening",
    "Screening",
    "screen",
    "screen_chat",
    "screen_many",
    "screen_signs",
]
