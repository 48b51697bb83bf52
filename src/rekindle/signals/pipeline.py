"""Running every detector over a stream of messages: batched, cached, in order.

Chats repeat themselves ("ok", "love you", "on my way"), so results are cached by text (the
cache is bounded). Messages are read in batches so the emotion model runs on many texts at
once. Results come out in the order the messages went in, one per message.

With ``workers`` > 0 the detectors run in that many separate processes while this one goes on
reading the export and measuring: the new texts of each batch are sent to a worker, and up to
:data:`WINDOW` batches are in flight before the oldest one's results are waited for. The
results are the same as in one process; only the time differs. Workers are started with
``spawn`` (never ``fork``), so a caller with threads or open connections is safe.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from rekindle.model import Message, MessageKind
from rekindle.signals.base import Cue, Detector, Emotions, MessageCues, Sentiment
from rekindle.signals.registry import default_detectors, ordered
from rekindle.signals.text import Text

BATCH = 2048
CACHE_SIZE = 200_000
WINDOW = 48  # batches in flight to the worker processes (bounds the messages held)
# Kinds whose text is something a person wrote (a media message's text is its caption).
READ_KINDS = frozenset({MessageKind.TEXT, MessageKind.MEDIA})

_Result = tuple[tuple[Cue, ...], Sentiment | None, Emotions | None, int, dict[str, int]]


class CueRunner:
    """Runs detectors over texts, caching by text. Construct once, reuse for many messages.

    ``workers``: run the default detectors in that many other processes (0: in this one).
    ``names``: run only the default detectors of these names (all of them when None).
    """

    def __init__(
        self,
        detectors: Sequence[Detector] | None = None,
        workers: int = 0,
        names: Collection[str] | None = None,
    ) -> None:
        if workers < 0:
            raise ValueError("workers must be 0 or more")
        if detectors is not None and (workers or names is not None):
            raise ValueError(
                "worker processes and names choose among the default detectors;"
                " give detectors, or workers and names"
            )
        self.workers = workers
        self.names = None if names is None else tuple(sorted(set(names)))
        self._detectors = list(detectors) if detectors is not None else None
        self._cache: dict[str, _Result] = {}

    @property
    def detectors(self) -> list[Detector]:
        """The detectors this process runs (loaded on first use)."""
        if self._detectors is None:
            self._detectors = _default_detectors(self.names)
        return self._detectors

    def analyze(self, texts: Sequence[str]) -> list[_Result]:
        """The findings for each text (computed once per distinct text)."""
        cache = self._cache
        fresh = list(dict.fromkeys(t for t in texts if t not in cache))
        if fresh:
            if len(cache) + len(fresh) > CACHE_SIZE:
                cache.clear()
                fresh = list(dict.fromkeys(texts))  # what was cached is gone too
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
        if self.workers:
            yield from self._run_in_workers(messages, batch)
            return
        stream = iter(messages)
        while chunk := list(islice(stream, batch)):
            texts = [m.text for m in chunk if m.kind in READ_KINDS and m.text]
            yield from _cues_of(chunk, dict(zip(texts, self.analyze(texts), strict=True)))

    def _run_in_workers(self, messages: Iterable[Message], batch: int) -> Iterator[MessageCues]:
        cache = self._cache
        waiting: set[str] = set()  # texts sent to a worker whose results are not back yet
        in_flight: deque[_Sent] = deque()
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.names,),
        )
        try:
            stream = iter(messages)
            while chunk := list(islice(stream, batch)):
                texts = dict.fromkeys(m.text for m in chunk if m.kind in READ_KINDS and m.text)
                fresh = [t for t in texts if t not in cache and t not in waiting]
                if len(cache) + len(waiting) + len(fresh) > CACHE_SIZE:
                    # Settle everything sent so far before the cache is emptied, so that no
                    # batch in flight counts on a result that is no longer there.
                    while in_flight:
                        yield from _settle(in_flight.popleft(), cache, waiting)
                    cache.clear()
                    fresh = list(texts)
                waiting.update(fresh)
                share = -(-len(fresh) // self.workers) or 1
                jobs = [
                    (part, executor.submit(_detect_in_worker, part))
                    for part in (fresh[i : i + share] for i in range(0, len(fresh), share))
                ]
                in_flight.append((chunk, jobs))
                if len(in_flight) >= WINDOW:
                    yield from _settle(in_flight.popleft(), cache, waiting)
            while in_flight:
                yield from _settle(in_flight.popleft(), cache, waiting)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


_Sent = tuple[list[Message], list[tuple[list[str], "Future[list[_Result]]"]]]


def _settle(sent: _Sent, cache: dict[str, _Result], waiting: set[str]) -> Iterator[MessageCues]:
    """Wait for one batch's results, cache them, and give its messages' cues."""
    chunk, jobs = sent
    for texts, job in jobs:
        for text, result in zip(texts, job.result(), strict=True):
            cache[text] = result
            waiting.discard(text)
    yield from _cues_of(chunk, cache)


def _cues_of(chunk: Sequence[Message], found: Mapping[str, _Result]) -> Iterator[MessageCues]:
    for message in chunk:
        if message.kind in READ_KINDS and message.text:
            cue_list, sentiment, emotions, words, counts = found[message.text]
            yield MessageCues(message.id, cue_list, sentiment, emotions, words, counts)
        else:
            yield MessageCues(message.id, ())


# --- in a worker process --------------------------------------------------------------------
_worker_runner: CueRunner | None = None


def _start_worker(names: tuple[str, ...] | None) -> None:
    global _worker_runner
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker_runner = CueRunner(names=names)


def _detect_in_worker(texts: list[str]) -> list[_Result]:
    if _worker_runner is None:
        raise RuntimeError("the worker process was not started by a CueRunner")
    return _worker_runner._detect(texts)


def _default_detectors(names: Collection[str] | None) -> list[Detector]:
    detectors = default_detectors()
    if names is None:
        return detectors
    unknown = set(names) - {d.name for d in detectors}
    if unknown:
        raise ValueError(f"no detector named {', '.join(sorted(unknown))}")
    return ordered([d for d in detectors if d.name in names])


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
