"""Screening a whole chat: what was seen, counted by kind and by who wrote it.

The result is for the person who uploaded the chat alone. It never quotes a message: it
counts, so that a gentle note can say what was seen ("3 messages from Sam spoke of being
hurt") and offer resources. It is not part of the report, which the partner may see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rekindle.safety.screening import Screening, screen_many

KINDS = ("crisis", "concern", "abuse_experiencing", "abuse_using")
BATCH = 20_000  # messages screened at a time (the model's cheap stage works on batches)


@dataclass(frozen=True, slots=True)
class ChatScreening:
    """How many messages of each sender showed each kind of sign.

    ``by_sender`` maps a sender to counts of ``crisis``, ``concern``, ``abuse_experiencing``
    and ``abuse_using`` (a message may count under a level and under abuse).
    """

    screened: int = 0
    by_sender: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def flagged(self) -> bool:
        """Whether any message showed any sign."""
        return any(any(counts.values()) for counts in self.by_sender.values())

    def total(self, kind: str) -> int:
        """How many messages, from anyone, showed this kind of sign."""
        return sum(counts.get(kind, 0) for counts in self.by_sender.values())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``screened`` and ``by_sender``."""
        return {"screened": self.screened, "by_sender": self.by_sender}


def kinds_of(found: Screening) -> list[str]:
    """The kinds one screening counts under (none, one or two of :data:`KINDS`)."""
    kinds = [found.level] if found.level != "none" else []
    if found.abuse:
        kinds.append(f"abuse_{found.abuse_voice or 'experiencing'}")
    return kinds


class ChatScreener:
    """Screens a chat's messages as they stream past, a batch at a time, keeping only counts."""

    def __init__(
        self, language: str = "en", batch: int = BATCH, encoder_share: float | None = None
    ) -> None:
        self.language = language
        self.size = batch
        self.encoder_share = encoder_share
        self.screened = 0
        self.counts: dict[str, Counter[str]] = {}
        self.batch: list[tuple[str, str]] = []

    def add(self, sender: str, text: str) -> None:
        """Screen one message (when its batch is full)."""
        if not text:
            return
        self.screened += 1
        self.batch.append((sender, text))
        if len(self.batch) >= self.size:
            self._flush()

    def result(self) -> ChatScreening:
        """What was seen in every message added so far."""
        self._flush()
        by_sender = {
            sender: {kind: tally[kind] for kind in KINDS if tally[kind]}
            for sender, tally in sorted(self.counts.items())
        }
        return ChatScreening(screened=self.screened, by_sender=by_sender)

    def _flush(self) -> None:
        if not self.batch:
            return
        texts = [text for _, text in self.batch]
        found = screen_many(texts, self.language, encoder_share=self.encoder_share)
        for (sender, _), screening in zip(self.batch, found, strict=True):
            for kind in kinds_of(screening):
                self.counts.setdefault(sender, Counter())[kind] += 1
        self.batch.clear()


def screen_chat(
    messages: Iterable[tuple[str, str]],
    language: str = "en",
    *,
    encoder_share: float | None = None,
) -> ChatScreening:
    """Screen every (sender, text) pair of a chat and count what was seen per sender
    (``encoder_share`` as for :func:`~rekindle.safety.screening.screen_many`)."""
    screener = ChatScreener(language, encoder_share=encoder_share)
    for sender, text in messages:
        screener.add(sender, text)
    return screener.result()
