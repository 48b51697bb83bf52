"""Message counts per month, sender and profile, and word counts per month and sender.

While reading, each message adds one to its (month, sender, profile) count, and its word and
function-word counts to its (month, sender) row. At the end both become numpy grids of shape
(name, month, sender), from which every per-message and per-word rate is read.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from rekindle.metrics import profile as p
from rekindle.signals.function_words import LSM_CATEGORIES, PRONOUN_CATEGORIES

# Named message counts: a message counts under a name when its profile has any of the bits.
MESSAGE_COUNTS: Mapping[str, int] = {
    "read": p.READ,
    "positive": p.POSITIVE,
    "negative": p.NEGATIVE,
    "transactional": p.TRANSACTIONAL,
    "bid": p.BID,
    "affection": p.AFFECTION,
    "appreciation": p.APPRECIATION | p.GRATITUDE,
    "criticism": p.CRITICISM,
    "contempt": p.CONTEMPT,
    "defensiveness": p.DEFENSIVENESS,
    "stonewalling": p.SHUTDOWN,
    "gentle_startup": p.GENTLE_STARTUP,
    "taking_responsibility": p.TAKING_RESPONSIBILITY,
    "self_soothing": p.BREAK_REQUEST,
    "minimising": p.MINIMISING,
    "backhanded": p.BACKHANDED,
    "unilateral_decision": p.UNILATERAL_DECISION,
}
COUNTED = 0
for _mask in MESSAGE_COUNTS.values():
    COUNTED |= _mask

# Word counts: the total, the three pronoun groups, then the nine LSM categories.
WORD_COUNTS = ("words", *PRONOUN_CATEGORIES, *LSM_CATEGORIES)
WORD_INDEX: Mapping[str, int] = {name: i for i, name in enumerate(WORD_COUNTS)}

Grid = npt.NDArray[np.int64]


class Tally:
    """The counts gathered while reading."""

    __slots__ = ("messages", "words")

    def __init__(self) -> None:
        self.messages: dict[tuple[int, int, int], int] = {}  # (month, sender, profile)
        self.words: dict[tuple[int, int], list[int]] = {}  # (month, sender) -> WORD_COUNTS

    def grids(self, first_month: int, months: int, people: int) -> Grids:
        """The counts as grids over months ``first_month`` and after."""
        messages = np.zeros((len(MESSAGE_COUNTS) + 1, months, people), dtype=np.int64)
        masks = list(MESSAGE_COUNTS.values())
        for (month, sender, flags), count in self.messages.items():
            row = month - first_month
            messages[0, row, sender] += count
            for i, mask in enumerate(masks, start=1):
                if flags & mask:
                    messages[i, row, sender] += count
        words = np.zeros((len(WORD_COUNTS), months, people), dtype=np.int64)
        for (month, sender), values in self.words.items():
            words[:, month - first_month, sender] = values
        return Grids(messages, words)


class Grids:
    """Counts by name, as arrays of shape (month, sender)."""

    def __init__(self, messages: Grid, words: Grid) -> None:
        self._messages = messages
        self._words = words
        self._index = {name: i for i, name in enumerate(MESSAGE_COUNTS, start=1)}

    def sent(self) -> Grid:
        """Every message people sent (text, media, calls, deleted)."""
        grid: Grid = self._messages[0]
        return grid

    def messages(self, name: str) -> Grid:
        """Messages counted under ``name`` (see :data:`MESSAGE_COUNTS`)."""
        grid: Grid = self._messages[self._index[name]]
        return grid

    def words(self, name: str) -> Grid:
        """Words, or words of one category (see :data:`WORD_COUNTS`)."""
        grid: Grid = self._words[WORD_INDEX[name]]
        return grid
