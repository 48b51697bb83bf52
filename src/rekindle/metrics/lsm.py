"""Language style matching (Ireland et al. 2011) between the two people, overall and by month.

For each of nine function-word categories c, with p the share of a person's words in c:
``LSM_c = 1 - |p1 - p2| / (p1 + p2 + 0.0001)``; the score is the mean over the categories, from
0 (no match) to 1 (identical use). Each person needs ``min_words`` words in the period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.context import Context
from rekindle.metrics.periods import month_label
from rekindle.metrics.records import About
from rekindle.signals.function_words import LSM_CATEGORIES

SMOOTHING = 0.0001


@dataclass(frozen=True, slots=True)
class StyleMatch:
    score: float | None  # 0 to 1; None when either person wrote too little
    words: Mapping[str, int]  # words each of the two wrote
    by_category: Mapping[str, float]  # LSM per category (empty when score is None)


@dataclass(frozen=True, slots=True)
class MonthStyle:
    month: str
    match: StyleMatch


@dataclass(frozen=True, slots=True)
class LsmMetrics:
    about: About
    n: int  # words the two wrote together
    pair: tuple[str, str] | None  # the two people compared (the two who wrote most)
    overall: StyleMatch
    monthly: tuple[MonthStyle, ...]


def style_match(
    words: tuple[int, int], categories: tuple[Mapping[str, int], Mapping[str, int]], minimum: int
) -> tuple[float | None, dict[str, float]]:
    """The LSM score of two people from their word totals and category counts."""
    if min(words) < max(minimum, 1):
        return None, {}
    by_category = {}
    for category in LSM_CATEGORIES:
        p1 = categories[0].get(category, 0) / words[0]
        p2 = categories[1].get(category, 0) / words[1]
        by_category[category] = 1 - abs(p1 - p2) / (p1 + p2 + SMOOTHING)
    return sum(by_category.values()) / len(by_category), by_category


def result(context: Context, pair: tuple[int, int] | None) -> LsmMetrics:
    minimum = context.settings.min_words
    grids = context.grids
    words = grids.words("words")
    grid = {category: grids.words(category) for category in LSM_CATEGORIES}

    def match(rows: slice | int) -> StyleMatch:
        if pair is None:
            return StyleMatch(None, {}, {})
        totals = tuple(int(words[rows, p].sum()) for p in pair)
        counts = tuple({c: int(g[rows, p].sum()) for c, g in grid.items()} for p in pair)
        score, by_category = style_match((totals[0], totals[1]), (counts[0], counts[1]), minimum)
        return StyleMatch(
            None if score is None else round(score, 4),
            {context.people[p]: totals[k] for k, p in enumerate(pair)},
            {c: round(v, 4) for c, v in by_category.items()},
        )

    overall = match(slice(None))
    return LsmMetrics(
        about=about.LSM,
        n=sum(overall.words.values()),
        pair=None if pair is None else (context.people[pair[0]], context.people[pair[1]]),
        overall=overall,
        monthly=tuple(
            MonthStyle(month_label(m), match(m - context.first_month)) for m in context.months
        ),
    )
