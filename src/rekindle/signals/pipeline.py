"""Running every detector over a stream of messages: batched, cached, in order.

Chats repeat themselves ("ok", "love you", "on my way"), so results are cached by text (the
cache is bounded). Messages are read in batches so the emotion model runs on many texts at
once. Results come out in the order the messages went in, one per message.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from rekindle.model import Message, MessageKind
from rekindle.signals.base import Cue, Detector, Emotions, MessageCues, Sentiment
from rekindle.signals.registry import default_detectors
from rekindle.signals.text import Text

BATCH = 2048
CACHE_SIZE = 200_000
# Kinds whose text is something a person wrote (a media message's text is its caption).
READ_KINDS = frozenset({MessageKind.TEXT, MessageKind.MEDIA})

_Result = tuple[tuple[Cue, ...], Sentiment | None, Emotions | None, int, dict[str, int]]


class CueRunner:
    """Runs detectors over texts, caching by text. Construct once, reuse for many messages."""

    def __init__(self, detectors: Sequence[Detector] | None = None) -> None:
        self.detectors = list(detectors) if detectors is not None else default_detectors()
        self._cache: dict[str, _Result] = {}

    def analyze(self, texts: Sequence[str]) -> list[_Result]:
        """The findings for each text (computed once per distinct text)."""
        cache = self._cache
        fresh = list(dict.fromkeys(t for t in texts if t not in cache))
        if fresh:
            if len(cache) + len(fresh) > CACHE_SIZE:
                cache.clear()
            for raw, result in zip(fresh, self._detect(fresh), strict=True):
                cache[raw] = result
        return [cache[t] for t in texts]

    def _detect(self, raws: list[str]) -> list[_Result]:
        texts = [Text(raw) for raw in raws]
        cues: list[list[Cue]] = [[] for _ in texts]
        counts: list[dict[str, int]] = [{} for _ in texts]
        sentiments: list[Sentiment | None] = [None] * len(texts)
        emotions: list[Emotions | None] = [None] * len(texts)
        for detector in self.detectors:
            for i, found in enumerate(detector.detect_batch(texts)):
                if found.cues:
                    cues[i].extend(found.cues)
                if found.counts:
                    counts[i].update(found.counts)
                if found.sentiment is not None:
                    sentiments[i] = found.sentiment
                if found.emotions is not None:
                    emotions[i] = found.emotions
        return [
            (tuple(cues[i]), sentiments[i], emotions[i], counts[i].pop("words", 0), counts[i])
            for i in range(len(texts))
        ]

    def run(self, messages: Iterable[Message], batch: int = BATCH) -> Iterator[MessageCues]:
        """One :class:`MessageCues` per message, in order (empty for system, call...)."""
        stream = iter(messages)
        while chunk := list(islice(stream, batch)):
            readable = [m for m in chunk if m.kind in READ_KINDS and m.text]
            results = dict(
                zip(
                    (m.id for m in readable),
                    self.analyze([m.text for m in readable]),
                    strict=True,
                )
            )
            for message in chunk:
                found = results.get(message.id)
                if found is None:
                    yield MessageCues(message.id, ())
                else:
                    cue_list, sentiment, emotions, words, counts = found
                    yield MessageCues(message.id, cue_list, sentiment, emotions, words, counts)


def run(
    messages: Iterable[Message], detectors: Sequence[Detector] | None = None
) -> Iterator[MessageCues]:
    """Every cue of every message, streamed in order, keyed by message id."""
    return CueRunner(detectors).run(messages)


def analyze_texts(
    texts: Iterable[str], detectors: Sequence[Detector] | None = None, batch: int = BATCH
) -> Iterator[tuple[str, MessageCues]]:
    """Each text with its cues, in order (ids are 1-based positions)."""
    runner = CueRunner(detectors)
    stream = iter(texts)
    number = 0
    while chunk := list(islice(stream, batch)):
        for text, found in zip(chunk, runner.analyze(chunk), strict=True):
            number += 1
            cue_list, sentiment, emotions, words, counts = found
            yield text, MessageCues(str(number), cue_list, sentiment, emotions, words, counts)
