"""Affection ('love you', pet names, hearts) and appreciation (thanks, compliments) per 100
messages per person, overall and by month; the trend is tested in :mod:`rekindle.metrics.fade`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.cue_rates import CueRates, cue_rates
from rekindle.metrics.examples import ExampleKeeper
from rekindle.metrics.records import About

NAMES = ("affection", "appreciation")


@dataclass(frozen=True, slots=True)
class AffectionMetrics:
    about: About
    n: int  # text and media messages
    rates: CueRates  # names: affection, appreciation


def result(context: Context, keeper: ExampleKeeper) -> AffectionMetrics:
    return AffectionMetrics(
        about=about.AFFECTION,
        n=int(context.grids.messages("read").sum()),
        rates=cue_rates(context, NAMES, keeper),
    )
