"""The sentiment detector: VADER's scores for every message, and a positive or negative cue.

The cue uses VADER's usual cut-offs (compound ≥ 0.05 positive, ≤ -0.05 negative; Hutto &
Gilbert 2014). The evidence is the whole message: VADER scores it as a whole.
"""

from __future__ import annotations

from rekindle.signals.base import Cue, Detector, Findings
from rekindle.signals.sentiment import sentiment
from rekindle.signals.text import Text

POSITIVE_FROM = 0.05
NEGATIVE_FROM = -0.05


class SentimentCues(Detector):
    """VADER sentiment, with a ``positive`` or ``negative`` cue beyond the usual cut-offs."""

    name = "sentiment"
    needs = ("text",)
    produces = ("positive", "negative")

    def detect(self, text: Text) -> Findings:
        scores = sentiment(text.raw)
        cues: tuple[Cue, ...] = ()
        if scores.compound >= POSITIVE_FROM:
            cues = (Cue("positive", text.raw, 0, len(text.raw), strength=scores.compound),)
        elif scores.compound <= NEGATIVE_FROM:
            cues = (Cue("negative", text.raw, 0, len(text.raw), strength=-scores.compound),)
        return Findings(cues=cues, sentiment=scores)
