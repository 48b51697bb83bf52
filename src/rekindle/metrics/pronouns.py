"""We-talk, you-talk and I-talk: pronoun rates per 100 words, per person.

Counts come from the function-word counter of the cue stage (the project's own word lists).
Rates are given over everything each person wrote, within conflict episodes, and per month.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekindle.metrics import about
from rekindle.metrics.conflict import IN_CONFLICT
from rekindle.metrics.context import Context
from rekindle.metrics.periods import month_label
from rekindle.metrics.records import About, Rate, rate


@dataclass(frozen=True, slots=True)
class PronounRates:
    words: int
    i: Rate  # per 100 words
    we: Rate
    you: Rate


@dataclass(frozen=True, slots=True)
class MonthPronouns:
    month: str
    by_partner: Mapping[str, PronounRates]


@dataclass(frozen=True, slots=True)
class PronounMetrics:
    about: About
    n: int  # words
    by_partner: Mapping[str, PronounRates]
    in_conflict_by_partner: Mapping[str, PronounRates]
    monthly: tuple[MonthPronouns, ...]


def pronoun_rates(words: int, i: int, we: int, you: int, minimum: int) -> PronounRates:
    return PronounRates(
        words,
        rate(i, words, minimum, 100),
        rate(we, words, minimum, 100),
        rate(you, words, minimum, 100),
    )


def result(context: Context, in_conflict: Mapping[int, list[int]]) -> PronounMetrics:
    grids = context.grids
    minimum = context.settings.min_words
    words, i_words, we, you = (grids.words(n) for n in ("words", "i", "we", "you"))
    field = {name: k for k, name in enumerate(IN_CONFLICT)}

    def overall(p: int) -> PronounRates:
        return pronoun_rates(
            int(words[:, p].sum()),
            int(i_words[:, p].sum()),
            int(we[:, p].sum()),
            int(you[:, p].sum()),
            minimum,
        )

    def conflict(p: int) -> PronounRates:
        row = in_conflict.get(p, [0] * len(IN_CONFLICT))
        return pronoun_rates(
            row[field["words"]], row[field["i"]], row[field["we"]], row[field["you"]], minimum
        )

    def month(m: int) -> MonthPronouns:
        row = m - context.first_month
        return MonthPronouns(
            month_label(m),
            context.per_person(
                lambda p: pronoun_rates(
                    int(words[row, p]),
                    int(i_words[row, p]),
                    int(we[row, p]),
                    int(you[row, p]),
                    minimum,
                )
            ),
        )

    return PronounMetrics(
        about=about.PRONOUNS,
        n=int(words.sum()),
        by_partner=context.per_person(overall),
        in_conflict_by_partner=context.per_person(conflict),
        monthly=tuple(month(m) for m in context.months),
    )
