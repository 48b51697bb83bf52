"""The slow fade: sustained declines in monthly series, and no false alarm on noise."""

from __future__ import annotations

from datetime import datetime, timedelta

from rekindle.metrics import MetricSettings
from rekindle.metrics.fade import mann_kendall_decline, trend
from tests.metrics.chat import Chat

LABELS = [f"2024-{m:02d}" for m in range(1, 9)]


def test_a_steady_decline_over_eight_months_is_flagged() -> None:
    values = [40.0, 37.0, 38.0, 31.0, 27.0, 26.0, 20.0, 18.0]
    result = trend(LABELS, values, MetricSettings())
    assert result.declining
    assert result.p_value is not None and result.p_value < 0.01
    assert result.change is not None and result.change < -0.4
    assert result.slope is not None and result.slope < 0
    assert result.since is not None and "2024-03" < result.since <= "2024-06"


def test_a_flat_noisy_series_is_not_flagged() -> None:
    values = [30.0, 36.0, 27.0, 33.0, 29.0, 35.0, 28.0, 32.0]
    result = trend(LABELS, values, MetricSettings())
    assert not result.declining
    assert result.p_value is not None and result.p_value > 0.2
    assert result.since is None


def test_a_small_consistent_dip_is_not_called_a_fade() -> None:
    values = [30.0, 29.8, 29.6, 29.5, 29.3, 29.1, 29.0, 28.8]  # significant, but only 4%
    result = trend(LABELS, values, MetricSettings())
    assert result.p_value is not None and result.p_value < 0.05
    assert not result.declining


def test_too_few_months_with_data_give_no_trend() -> None:
    result = trend(LABELS, [30.0, None, None, 20.0, None, None, 10.0, None], MetricSettings())
    assert result.months == 3
    assert not result.declining and result.p_value is None


def test_the_mann_kendall_test_reads_a_strictly_falling_series_as_a_decline() -> None:
    assert mann_kendall_decline([8, 7, 6, 5, 4, 3, 2, 1]) < 0.001
    assert mann_kendall_decline([1, 2, 3, 4, 5, 6, 7, 8]) > 0.99
    assert mann_kendall_decline([5, 5, 5, 5]) == 1.0


def test_a_conversation_that_thins_out_month_by_month_is_flagged_as_a_fade() -> None:
    chat = Chat(start=datetime(2023, 1, 2, 9))
    per_month = [60, 55, 44, 40, 31, 25, 18, 12]
    for month, count in enumerate(per_month, start=1):
        start = datetime(2023, month, 1, 9)
        for i in range(count):
            sender = "alice" if i % 2 else "bob"
            at = start + timedelta(days=27) * i / count
            chat.say(sender, "love you", "affection", at=at)
    fade = chat.metrics().fade
    volume = next(s for s in fade.series if s.name == "volume" and s.partner is None)
    assert volume.unit == "messages a day"
    assert volume.points[0].month == "2023-01"
    assert volume.points[0].value == round(60 / 31, 4)
    assert volume.trend.declining
    assert volume in fade.declining
    affection = next(s for s in fade.series if s.name == "affection" and s.partner is None)
    assert not affection.trend.declining  # every message is still affectionate
