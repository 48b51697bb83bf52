"""The one scoring engine: answers in, subscale scores and bands out.

The rules, for every instrument:

- an answer is a whole number on its item's scale, or ``None`` (or absent) for "skipped";
- a reverse-keyed item counts as ``minimum + maximum - answer``;
- a subscale is scored only when at most ``max_missing`` of its items are skipped; the
  skipped ones are then prorated: the mean of the answered items stands in for each of them,
  so a "mean" subscale is the mean of what was answered and a "sum" subscale is that mean
  times the number of items;
- the score is rounded to the subscale's ``decimals`` and falls in the last band whose
  lower bound it reaches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.assessments.instrument import Band, Instrument, Item, Subscale
from rekindle.errors import AnswerError

__all__ = ["Result", "SubscaleScore", "check_answers", "score", "score_subscale"]


@dataclass(frozen=True, slots=True)
class SubscaleScore:
    """One subscale's result. ``score`` and ``band`` are None when it is not scoreable."""

    id: str
    label: str
    score: float | None
    band: Band | None
    answered: int
    missing: int
    scoreable: bool
    lowest: float
    highest: float


@dataclass(frozen=True, slots=True)
class Result:
    """Every subscale's result for one set of answers."""

    instrument_id: str
    instrument_version: str
    subscales: tuple[SubscaleScore, ...]
    answered: int
    missing: int

    def subscale(self, subscale_id: str) -> SubscaleScore:
        return next(s for s in self.subscales if s.id == subscale_id)

    @property
    def complete(self) -> bool:
        return self.missing == 0


def check_answers(instrument: Instrument, answers: Mapping[str, int | None]) -> dict[str, int]:
    """The given answers, checked: every key an item, every value on that item's scale.

    Returns the answered items only (``None`` means skipped)."""
    known = {item.id: item for item in instrument.items}
    checked: dict[str, int] = {}
    for item_id, value in answers.items():
        item = known.get(item_id)
        if item is None:
            raise AnswerError(f"{instrument.id} has no item {item_id!r}")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(f"the answer to {item_id!r} must be a whole number, not {value!r}")
        if not item.scale.minimum <= value <= item.scale.maximum:
            raise AnswerError(
                f"the answer to {item_id!r} is {value}, outside "
                f"{item.scale.minimum}..{item.scale.maximum}"
            )
        checked[item_id] = value
    return checked


def keyed(item: Item, answer: int) -> int:
    """The answer as it counts towards a score: reverse-keyed items are flipped."""
    return item.scale.minimum + item.scale.maximum - answer if item.reverse else answer


def band_for(subscale: Subscale, value: float) -> Band | None:
    found = None
    for band in subscale.bands:
        if value >= band.lower:
            found = band
    return found


def score_subscale(
    instrument: Instrument, subscale: Subscale, answers: Mapping[str, int]
) -> SubscaleScore:
    values = [keyed(instrument.item(i), answers[i]) for i in subscale.items if i in answers]
    answered = len(values)
    missing = len(subscale.items) - answered
    scoreable = answered > 0 and missing <= subscale.max_missing
    value: float | None = None
    if scoreable:
        mean = sum(values) / answered
        raw = mean if subscale.method == "mean" else mean * len(subscale.items)
        value = round(raw, subscale.decimals)
    return SubscaleScore(
        id=subscale.id,
        label=subscale.label,
        score=value,
        band=band_for(subscale, value) if value is not None else None,
        answered=answered,
        missing=missing,
        scoreable=scoreable,
        lowest=subscale.lowest,
        highest=subscale.highest,
    )


def score(instrument: Instrument, answers: Mapping[str, int | None]) -> Result:
    """Score one person's answers. Raises :class:`AnswerError` for answers that do not fit."""
    checked = check_answers(instrument, answers)
    return Result(
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        subscales=tuple(score_subscale(instrument, s, checked) for s in instrument.subscales),
        answered=len(checked),
        missing=len(instrument.items) - len(checked),
    )
