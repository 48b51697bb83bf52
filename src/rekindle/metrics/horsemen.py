"""The Four Horsemen, their antidotes, and related cues, per 100 messages per person.

Criticism, contempt and defensiveness are read from their cues; stonewalling here is a
shut-down message during a conflict (silences are in :mod:`rekindle.metrics.stonewalling`).
The antidotes are gentle start-up, appreciation (appreciation or thanks), taking
responsibility and self-soothing (asking for a break with a promise to come back). Minimising,
backhanded remarks and deciding alone are counted beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.cue_rates import CueRates, cue_rates
from rekindle.metrics.examples import ExampleKeeper
from rekindle.metrics.records import About

HORSEMEN = ("criticism", "contempt", "defensiveness", "stonewalling")
ANTIDOTES = ("gentle_startup", "appreciation", "taking_responsibility", "self_soothing")
OTHERS = ("minimising", "backhanded", "unilateral_decision")


@dataclass(frozen=True, slots=True)
class HorsemenMetrics:
    about: About
    n: int  # text and media messages
    horsemen: CueRates
    antidotes: CueRates
    others: CueRates  # minimising, backhanded remarks, deciding alone


def result(context: Context, keeper: ExampleKeeper) -> HorsemenMetrics:
    return HorsemenMetrics(
        about=about.HORSEMEN,
        n=int(context.grids.messages("read").sum()),
        horsemen=cue_rates(context, HORSEMEN, keeper),
        antidotes=cue_rates(context, ANTIDOTES, keeper),
        others=cue_rates(context, OTHERS, keeper),
    )
