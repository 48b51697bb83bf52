"""What the metrics read from a message's text alone, worked out once per distinct text.

Chats repeat themselves ("ok", "love you", "on my way"), and the cue stage hands back the very
same cue, count and sentiment objects for a text it has seen before. So the profile bits a
text's cues give, and its word counts as (position, count) pairs, are worked out once per such
record: a small table keyed by the identity of the record's counts, checked against all four
parts, so two records that merely share a dictionary never mix. The table is bounded; when
full it starts again.
"""

from __future__ import annotations

from collections.abc import Mapping

from rekindle.metrics.profile import CUE_BITS
from rekindle.metrics.tally import WORD_INDEX, Tally
from rekindle.signals.base import Cue, MessageCues, Sentiment

LIMIT = 20_000  # distinct texts held at once (a few MB)


class TextProfile:
    """The cue bits, sentiment and word counts of one cue record."""

    __slots__ = ("compound", "counts", "cues", "flags", "pairs", "sentiment", "words", "you")

    def __init__(self, found: MessageCues) -> None:
        self.counts: Mapping[str, int] = found.counts
        self.cues: tuple[Cue, ...] = found.cues
        self.sentiment: Sentiment | None = found.sentiment
        self.words = found.words
        flags = 0
        for cue in found.cues:
            flags |= CUE_BITS.get(cue.name, 0)
        self.flags = flags
        self.compound = 0.0 if found.sentiment is None else found.sentiment.compound
        self.you = bool(found.counts.get("you"))
        # (position in the tally's word row, count): the word total, then each category
        pairs = [(0, found.words)] if found.words else []
        for category, count in found.counts.items():
            i = WORD_INDEX.get(category)
            if i and count:
                pairs.append((i, count))
        self.pairs = tuple(pairs)


class TextProfiles:
    """The table of profiles, and the word rows they are added to."""

    def __init__(self, tally: Tally) -> None:
        self.rows = tally.words
        self._profiles: dict[int, TextProfile] = {}

    def get(self, found: MessageCues) -> TextProfile:
        """The profile of ``found`` (worked out now unless its record was seen before)."""
        counts = found.counts
        profile = self._profiles.get(id(counts))
        if (
            profile is not None
            and profile.counts is counts
            and profile.cues is found.cues
            and profile.sentiment is found.sentiment
            and profile.words == found.words
        ):
            return profile
        if len(self._profiles) >= LIMIT:
            self._profiles.clear()
        profile = self._profiles[id(counts)] = TextProfile(found)
        return profile

    def count_words(self, month: int, sender: int, profile: TextProfile) -> None:
        """Add ``profile``'s word counts to ``sender``'s row for ``month``."""
        key = (month, sender)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = [0] * len(WORD_INDEX)
        for i, count in profile.pairs:
            row[i] += count
