"""Sentence sentiment with VADER (Hutto & Gilbert 2014), which handles emoji and intensifiers.

VADER is a rule- and lexicon-based scorer bundled with its lexicon (MIT licence), so nothing
is downloaded. Chats repeat themselves ("ok", "love you", "on my way"), so scores are cached by
text; the cache is bounded.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from rekindle.signals.base import Sentiment

CACHE_SIZE = 100_000
_ANALYZER = SentimentIntensityAnalyzer()


@lru_cache(maxsize=CACHE_SIZE)
def sentiment(text: str) -> Sentiment:
    """VADER's compound, positive, negative and neutral scores for ``text``."""
    scores = _ANALYZER.polarity_scores(text)
    return Sentiment(
        compound=scores["compound"],
        positive=scores["pos"],
        negative=scores["neg"],
        neutral=scores["neu"],
    )
