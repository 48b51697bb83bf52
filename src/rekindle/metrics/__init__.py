"""Stage 3: conversation-level measures per person and over time.

:func:`compute` reads a conversation's messages and their cues (stage 2) once, in lockstep,
and returns :class:`Metrics`: one field per measure of research.md §2 (conflict episodes, bids,
the positive-to-negative ratio, the Horsemen and antidotes, repair, we/you-talk, style
matching, initiation, response times, stonewalling, emotional labour, transactional share,
affection, demand–withdraw and the slow fade). Every measure carries what it rests on (``n``),
its evidence and its limits (``about``), and a rate with too little data under it has no value
(``None``) rather than a misleading 0%. docs/metrics.md describes each one.

    from rekindle.signals.pipeline import CueRunner
    metrics = compute(conversation.messages, CueRunner().run(conversation.messages),
                      conversation.participants)
"""

from rekindle.metrics.builder import MetricsBuilder, compute
from rekindle.metrics.profile import DETECTORS_READ
from rekindle.metrics.records import About, Example, Exchange, MonthCount, Rate
from rekindle.metrics.result import Metrics
from rekindle.metrics.settings import MetricSettings

__all__ = [
    "DETECTORS_READ",
    "About",
    "Example",
    "Exchange",
    "MetricSettings",
    "Metrics",
    "MetricsBuilder",
    "MonthCount",
    "Rate",
    "compute",
]
