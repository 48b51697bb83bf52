"""Questionnaires ("assessments"): definitions as data files, and one scoring engine.

- :func:`load_instrument` reads and checks an instrument file (the format is published as
  ``instrument.schema.json``); a malformed file is one clear
  :class:`~rekindle.errors.InstrumentError` line.
- :func:`builtin_instruments` and :func:`find_instrument` give the instruments Rekindle
  ships, written by the project itself.
- :func:`score` turns one person's answers into a :class:`Result`: each subscale's score,
  its band, and how many items were answered or missing.

Nothing here imports Django; the web app stores answers and calls :func:`score`.
"""

from __future__ import annotations

from rekindle.assessments.instrument import (
    Anchor,
    Band,
    Instrument,
    Item,
    Licence,
    Scale,
    Subscale,
    builtin_instruments,
    find_instrument,
    json_schema,
    load_instrument,
    parse_instrument,
)
from rekindle.assessments.scoring import Result, SubscaleScore, check_answers, score

__all__ = [
    "Anchor",
    "Band",
    "Instrument",
    "Item",
    "Licence",
    "Result",
    "Scale",
    "Subscale",
    "SubscaleScore",
    "builtin_instruments",
    "check_answers",
    "find_instrument",
    "json_schema",
    "load_instrument",
    "parse_instrument",
    "score",
]
