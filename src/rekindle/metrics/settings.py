"""The knobs of the metrics stage, with documented defaults (see docs/metrics.md)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class MetricSettings:
    """How the metrics read a conversation. Every field has a default that suits texting.

    Times are :class:`~datetime.timedelta`; counts are minimums below which a rate is
    reported as "not enough data" (``None``) rather than as a number.
    """

    idle_gap: timedelta = timedelta(hours=4)
    """Silence after which the next message starts a new conversation. A reply slower than
    this is not counted as a reply (the message it follows is unanswered)."""

    response_window: timedelta = timedelta(hours=3)
    """How long a partner has to respond to a bid or a request before it counts as
    unanswered (turned away, or withdrawn from)."""

    conflict_gap: timedelta = timedelta(minutes=60)
    """Tension messages closer together than this belong to one conflict episode."""

    conflict_min_messages: int = 2
    """Tension messages an episode needs (one sharp message alone is not a conflict)."""

    heated_sentiment: float = -0.4
    """A message addressed to the partner (a second-person word) with a VADER compound score
    at or below this counts as tension even without a Horseman cue."""

    stonewall_silence: timedelta = timedelta(hours=3)
    """After a conflict, a partner who writes nothing for this long has gone silent."""

    repair_span: int = 4
    """Messages before and after a repair attempt compared to see whether negativity fell."""

    apology_after_conflict: timedelta = timedelta(hours=24)
    """An apology counts as emotional labour when it comes this soon after a tense message."""

    min_events: int = 5
    """Events (bids, repairs, requests, conflicts, replies) a rate needs."""

    min_messages: int = 20
    """Messages a per-message rate or a positive-to-negative ratio needs."""

    min_words: int = 100
    """Words (per person) a per-100-words rate or a style-matching score needs."""

    examples: int = 3
    """Example messages kept per finding (the strongest, then the most recent)."""

    example_chars: int = 240
    """Longest example text kept, in characters (longer ones are cut with an ellipsis)."""

    fade_window_months: int = 12
    """The slow-fade test looks at this many most recent months."""

    fade_min_months: int = 4
    """Months with a value the slow-fade test needs."""

    fade_alpha: float = 0.05
    """Significance level of the one-sided Mann-Kendall test for a decline."""

    fade_min_drop: float = 0.2
    """Relative fall (0.2 is 20%) across the window a decline must reach to be flagged."""

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, timedelta) and value <= timedelta(0):
                raise ValueError(f"MetricSettings.{item.name} must be positive, not {value}")
            if isinstance(value, int) and not isinstance(value, bool) and value < 1:
                raise ValueError(f"MetricSettings.{item.name} must be at least 1, not {value}")
        if not -1.0 <= self.heated_sentiment <= 0.0:
            raise ValueError("MetricSettings.heated_sentiment must be between -1 and 0")
        if not 0.0 < self.fade_alpha < 1.0:
            raise ValueError("MetricSettings.fade_alpha must be between 0 and 1")
        if not 0.0 <= self.fade_min_drop < 1.0:
            raise ValueError("MetricSettings.fade_min_drop must be at least 0 and below 1")
        if self.fade_min_months < 3:
            raise ValueError("MetricSettings.fade_min_months must be at least 3")
