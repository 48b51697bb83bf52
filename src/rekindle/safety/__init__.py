"""Crisis and abuse screening of any text.

:func:`screen` reads one text (a chat message, a journal entry, a note to the coach) and says
whether it shows signs of a crisis or of abuse. It detects only: what happens next (the crisis
card, private safety mode) belongs to the features that call it. See ``docs/safety.md`` for the
categories, the level rules and the measured recall.
"""

from __future__ import annotations

from rekindle.safety.screening import LEVELS, Screening, screen, screen_signs

__all__ = ["LEVELS", "Screening", "screen", "screen_signs"]
