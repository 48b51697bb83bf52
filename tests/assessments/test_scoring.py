"""The scoring engine, on small instruments whose right answers are worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from rekindle.assessments import Instrument, parse_instrument, score
from rekindle.errors import AnswerError


def instrument(**subscale: Any) -> Instrument:
    """A four-item instrument on a 1..5 scale; item "d" is reverse-keyed. The bands suit a
    sum, so a mean subscale gets its own (or none)."""
    if subscale.get("method") == "mean":
        subscale.setdefault("bands", [])
    document = {
        "format": "rekindle-instrument",
        "format_version": 1,
        "id": "tiny",
        "version": "1",
        "title": "Tiny",
        "description": "A test instrument.",
        "instructions": "Answer.",
        "language": "en",
        "licence": {"holder": "Tests", "terms": "None.", "clinical": False, "notice": "Test."},
        "scales": {
            "five": {"min": 1, "max": 5, "anchors": [{"value": 1, "label": "Low"}]},
            "yes-no": {"min": 0, "max": 1, "anchors": [{"value": 1, "label": "Yes"}]},
        },
        "default_scale": "five",
        "items": [
            {"id": "a", "text": "A"},
            {"id": "b", "text": "B"},
            {"id": "c", "text": "C"},
            {"id": "d", "text": "D", "reverse": True},
            {"id": "y", "text": "Y", "scale": "yes-no"},
        ],
        "subscales": [
            {
                "id": "s",
                "label": "S",
                "items": ["a", "b", "c", "d"],
                "method": "sum",
                "bands": [
                    {"from": 4, "label": "low", "meaning": "m", "source": "ours"},
                    {"from": 10, "label": "middle", "meaning": "m", "source": "ours"},
                    {"from": 16, "label": "high", "meaning": "m", "source": "ours"},
                ],
                **subscale,
            },
            {
                "id": "yes",
                "label": "Yes count",
                "items": ["y"],
                "method": "sum",
                "bands": [],
            },
        ],
    }
    return parse_instrument(document, "tiny.json")


def test_a_sum_adds_the_answers_and_flips_reverse_keyed_ones() -> None:
    result = score(instrument(), {"a": 5, "b": 4, "c": 3, "d": 2})

    # d = 2 on 1..5 counts as 1 + 5 - 2 = 4.
    assert result.subscale("s").score == 5 + 4 + 3 + 4


def test_a_mean_averages_the_keyed_answers() -> None:
    result = score(instrument(method="mean"), {"a": 5, "b": 4, "c": 3, "d": 1})

    assert result.subscale("s").score == pytest.approx((5 + 4 + 3 + 5) / 4)


def test_a_reverse_keyed_item_scores_its_opposite_on_a_yes_no_scale_too() -> None:
    tiny = instrument()
    assert score(tiny, {"d": 5, "a": 1, "b": 1, "c": 1}).subscale("s").score == 4
    assert score(tiny, {"d": 1, "a": 1, "b": 1, "c": 1}).subscale("s").score == 8


def test_a_sum_with_a_missing_item_is_prorated_when_the_rule_allows_one() -> None:
    result = score(instrument(max_missing=1), {"a": 5, "b": 4, "c": 3})

    subscale = result.subscale("s")
    assert subscale.scoreable
    assert subscale.score == 16.0  # mean 4 of three answers, times four items
    assert (subscale.answered, subscale.missing) == (3, 1)
    assert subscale.band is not None and subscale.band.label == "high"


def test_a_mean_with_a_missing_item_is_the_mean_of_the_answered_ones() -> None:
    result = score(instrument(method="mean", max_missing=1), {"a": 5, "b": 2, "d": None})

    # a and b answered, c and d skipped: two missing, over the rule's one.
    assert not result.subscale("s").scoreable
    result = score(instrument(method="mean", max_missing=2), {"a": 5, "b": 2, "d": None})
    assert result.subscale("s").score == 3.5


def test_too_many_missing_items_leave_the_subscale_unscored() -> None:
    result = score(instrument(max_missing=1), {"a": 5, "b": 4})

    subscale = result.subscale("s")
    assert not subscale.scoreable
    assert subscale.score is None and subscale.band is None
    assert (subscale.answered, subscale.missing) == (2, 2)


def test_no_missing_item_is_allowed_by_default() -> None:
    assert not score(instrument(), {"a": 5, "b": 4, "c": 3}).subscale("s").scoreable


def test_nothing_answered_scores_nothing() -> None:
    result = score(instrument(), {})

    assert all(not s.scoreable for s in result.subscales)
    assert (result.answered, result.missing) == (0, 5)


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        ({"a": 1, "b": 1, "c": 1, "d": 5}, "low"),  # 4: the lowest score, first band
        ({"a": 3, "b": 3, "c": 2, "d": 5}, "low"),  # 9: just under the second cut-off
        ({"a": 3, "b": 3, "c": 3, "d": 5}, "middle"),  # 10: exactly on the cut-off
        ({"a": 4, "b": 4, "c": 4, "d": 3}, "middle"),  # 15
        ({"a": 4, "b": 4, "c": 4, "d": 2}, "high"),  # 16
        ({"a": 5, "b": 5, "c": 5, "d": 1}, "high"),  # 20: the highest score
    ],
)
def test_a_score_falls_in_the_band_whose_lower_bound_it_reaches(
    answers: dict[str, int], band: str
) -> None:
    found = score(instrument(), answers).subscale("s").band

    assert found is not None and found.label == band
    assert found.source == "ours"


def test_the_mean_is_rounded_to_the_subscales_decimals() -> None:
    result = score(instrument(method="mean", decimals=1, max_missing=1), {"a": 5, "b": 4, "c": 4})

    assert result.subscale("s").score == 4.3


def test_a_subscale_without_bands_has_a_score_and_no_band() -> None:
    result = score(instrument(), {"y": 1})

    assert result.subscale("yes").score == 1
    assert result.subscale("yes").band is None


def test_the_result_reports_the_possible_range() -> None:
    subscale = score(instrument(method="mean"), {}).subscale("s")

    assert (subscale.lowest, subscale.highest) == (1.0, 5.0)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"zz": 3}, "tiny has no item 'zz'"),
        ({"a": 6}, "the answer to 'a' is 6, outside 1..5"),
        ({"y": 2}, "the answer to 'y' is 2, outside 0..1"),
        ({"a": "3"}, "the answer to 'a' must be a whole number, not '3'"),
        ({"a": 2.5}, "the answer to 'a' must be a whole number, not 2.5"),
        ({"a": True}, "the answer to 'a' must be a whole number, not True"),
    ],
)
def test_answers_that_do_not_fit_are_one_clear_error(answers: dict[str, Any], message: str) -> None:
    with pytest.raises(AnswerError) as raised:
        score(instrument(), answers)

    assert str(raised.value) == message
