"""One text in, one :class:`Screening` out: a level, an abuse flag, categories and evidence.

The level rules
---------------
- ``crisis``: an explicit sign of suicide or self-harm (thoughts, a wish to die, intent, a plan
  or the means, an attempt or self-harm that is recent or not placed in the past, an urge to
  hurt oneself now) or a threat or urge to harm someone else. Also a veiled wish not to be
  here together with hopelessness in the same message ("I'm a burden to everyone and it would
  be easier if I was gone"): together they are no longer veiled.
- ``concern``: one kind of veiled or passive sign (hopelessness, feeling a burden,
  "everyone would be better off without me", wishing to sleep and not wake up), or an attempt
  or self-harm the message places in the past ("when I was 16").
- ``none``: nothing of the above. A denial in the same clause ("I'm not going to hurt myself,
  don't worry") is not a sign: per message there is nothing to screen in it. Whoever acts on
  an earlier crisis must not take such a denial as an all-clear; that belongs to the response,
  which sees the whole conversation.

``abuse`` is true when any sign of abuse is found, whoever writes it (the person it happens to
or the person doing it). It is independent of the level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rekindle.signals.safety_cues import Sign, find_signs
from rekindle.signals.text import Text

LEVELS = ("none", "concern", "crisis")
VEILED_SIGNS_FOR_CRISIS = 2  # different kinds of veiled sign in one message that make a crisis


@dataclass(frozen=True, slots=True)
class Screening:
    """What the screen found in one text.

    ``categories`` are the kinds of sign found (``suicide``, ``hopelessness``,
    ``coercive_control``...), in the order they appear; ``evidence`` the phrases that showed
    them, as written.
    """

    level: str = "none"
    abuse: bool = False
    categories: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        """Whether anything was found (a crisis or concern level, or abuse)."""
        return self.level != "none" or self.abuse

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``level``, ``abuse``, ``categories`` and ``evidence``."""
        return {
            "level": self.level,
            "abuse": self.abuse,
            "categories": list(self.categories),
            "evidence": list(self.evidence),
        }


NOTHING_FOUND = Screening()


def screen(text: str, language: str = "en") -> Screening:
    """Screen one text for signs of a crisis or of abuse."""
    if not text:
        return NOTHING_FOUND
    return screen_signs(find_signs(Text(text), language))


def screen_signs(signs: Sequence[Sign]) -> Screening:
    """The screening that a message's safety signs add up to (see the module's level rules)."""
    if not signs:
        return NOTHING_FOUND
    crisis = [s for s in signs if s.cue == "crisis"]
    return Screening(
        level=_level(crisis),
        abuse=any(s.cue == "abuse" for s in signs),
        categories=tuple(dict.fromkeys(s.category for s in signs)),
        evidence=tuple(dict.fromkeys(s.evidence for s in signs)),
    )


def _level(signs: Sequence[Sign]) -> str:
    if not signs:
        return "none"
    if any(s.level == "crisis" for s in signs):
        return "crisis"
    veiled = {s.category for s in signs if s.role == "concern"}
    return "crisis" if len(veiled) >= VEILED_SIGNS_FOR_CRISIS else "concern"
