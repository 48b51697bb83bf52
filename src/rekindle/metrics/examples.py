"""Keeping a few example messages per finding, chosen the same way every time.

A finding keeps at most ``limit`` examples: the ones with the highest score (for instance the
most negative sentiment for a criticism), and among equal scores the most recent. Only a
reference to the message's text is held until the end, so offering an example is cheap.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable

from rekindle.metrics.records import Example
from rekindle.model import Message

# (score, position, message, evidence): the position breaks ties, so messages never compare.
_Candidate = tuple[float, int, Message, str | None]


class ExampleKeeper:
    """The best few examples per key."""

    def __init__(self, limit: int, chars: int) -> None:
        self.limit = limit
        self.chars = chars
        self._heaps: dict[Hashable, list[_Candidate]] = {}

    def offer(
        self, key: Hashable, score: float, seq: int, message: Message, evidence: str | None
    ) -> None:
        """Consider ``message`` as an example for ``key``."""
        heap = self._heaps.get(key)
        if heap is None:
            heap = self._heaps[key] = []
        candidate = (score, seq, message, evidence)
        if len(heap) < self.limit:
            heapq.heappush(heap, candidate)
        elif (score, seq) > heap[0][:2]:
            heapq.heapreplace(heap, candidate)

    def examples(self, key: Hashable) -> tuple[Example, ...]:
        """The examples for ``key``, best first."""
        kept = sorted(self._heaps.get(key, ()), key=lambda c: (c[0], c[1]), reverse=True)
        return tuple(example(c[2], self.chars, c[3]) for c in kept)


def example(message: Message, chars: int, evidence: str | None = None) -> Example:
    """An :class:`Example` of ``message``, its text cut to ``chars`` characters."""
    text = message.text
    if len(text) > chars:
        text = text[: chars - 1].rstrip() + "…"
    return Example(message.id, message.timestamp, message.sender or "", text, evidence)
