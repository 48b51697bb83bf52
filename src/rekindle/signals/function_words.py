"""Pronoun rates and the function-word categories that language style matching needs.

We-talk ("we", "us", "our") goes with more positive behaviour in couples' conflicts, and
you-talk with more negative behaviour (Seider et al. 2009; Karan, Rosenthal & Robbins 2019;
Meier et al. 2021). Language style matching compares how alike two people use nine kinds of
function words (Ireland et al. 2011). This detector only counts; the metrics stage turns
counts into rates per 100 words and into LSM scores. The word lists are the project's own
(``lexicons/<lang>/function_words.json``); LIWC's are proprietary.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources

from rekindle.signals.base import Detector, Findings
from rekindle.signals.text import WORD, Text

# The nine LSM categories (Ireland et al. 2011), in a fixed order.
LSM_CATEGORIES = (
    "personal_pronouns",
    "impersonal_pronouns",
    "articles",
    "conjunctions",
    "prepositions",
    "auxiliary_verbs",
    "adverbs",
    "negations",
    "quantifiers",
)
PRONOUN_CATEGORIES = ("i", "you", "we")
CATEGORIES = PRONOUN_CATEGORIES + LSM_CATEGORIES


@cache
def word_categories(language: str = "en") -> Mapping[str, tuple[str, ...]]:
    """Each function word and the categories it belongs to."""
    path = resources.files("rekindle.signals").joinpath("lexicons", language, "function_words.json")
    lists = json.loads(path.read_text("utf-8"))
    table: dict[str, list[str]] = {}
    for category in CATEGORIES:
        for word in lists[category]:
            table.setdefault(word, []).append(category)
    return {word: tuple(cats) for word, cats in table.items()}


class FunctionWords(Detector):
    """Counts words per category (pronouns I/you/we and the nine LSM categories)."""

    name = "function_words"
    needs = ("text",)
    produces = ()

    def __init__(self, language: str = "en") -> None:
        self.language = language

    def detect(self, text: Text) -> Findings:
        table = word_categories(self.language)
        counts: dict[str, int] = {"words": 0}
        total = 0
        for word in WORD.findall(text.lower):
            total += 1
            categories = table.get(word)
            if categories is not None:
                for category in categories:
                    counts[category] = counts.get(category, 0) + 1
        counts["words"] = total
        return Findings(counts=counts)
