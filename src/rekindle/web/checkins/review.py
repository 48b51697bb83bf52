"""The weekly review: the last seven days beside the seven before, and four-week trends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

import pygal
from pygal.style import Style

from rekindle.web.checkins.models import CONNECTION_MAX, MOOD_MAX, CheckIn

WEEK = 7
TREND_DAYS = 28
# Drawn small, so that its text stays legible when a phone shrinks it to the screen's width.
CHART_WIDTH = 480
CHART_HEIGHT = 300

CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#2b211c",
    foreground_strong="#2b211c",
    foreground_subtle="#ecd9c9",
    colors=("#c2410c",),
    font_family="system-ui, sans-serif",
    title_font_size=20,
    label_font_size=15,
    major_label_font_size=15,
)


@dataclass(frozen=True)
class ReviewDay:
    day: date
    check_in: CheckIn | None


@dataclass(frozen=True)
class WeeklyReview:
    first_day: date
    last_day: date
    days: list[ReviewDay]
    average_mood: float | None
    average_connection: float | None
    previous_average_mood: float | None
    previous_average_connection: float | None

    @property
    def check_in_count(self) -> int:
        return sum(1 for row in self.days if row.check_in is not None)


def _average(values: Sequence[int]) -> float | None:
    return round(fmean(values), 1) if values else None


def weekly_review(check_ins: Sequence[CheckIn], last_day: date) -> WeeklyReview:
    """The week ending on ``last_day``, from check-ins that cover at least the two weeks."""
    first_day = last_day - timedelta(days=WEEK - 1)
    previous_first = first_day - timedelta(days=WEEK)
    by_day = {check_in.day: check_in for check_in in check_ins}
    this_week = [c for c in check_ins if first_day <= c.day <= last_day]
    last_week = [c for c in check_ins if previous_first <= c.day < first_day]
    return WeeklyReview(
        first_day=first_day,
        last_day=last_day,
        days=[
            ReviewDay(first_day + timedelta(days=offset), by_day.get(first_day + timedelta(offset)))
            for offset in range(WEEK)
        ],
        average_mood=_average([c.mood for c in this_week]),
        average_connection=_average([c.connection for c in this_week]),
        previous_average_mood=_average([c.mood for c in last_week]),
        previous_average_connection=_average([c.connection for c in last_week]),
    )


def trend_chart(check_ins: Sequence[CheckIn], last_day: date, measure: str) -> bytes:
    """An SVG line chart of ``measure`` ("mood" or "connection") over the last four weeks;
    days without a check-in leave a gap rather than pretending to be zero."""
    top = MOOD_MAX if measure == "mood" else CONNECTION_MAX
    title = "Mood, 1 to 5" if measure == "mood" else "Felt connection, 1 to 10"
    first_day = last_day - timedelta(days=TREND_DAYS - 1)
    by_day = {check_in.day: getattr(check_in, measure) for check_in in check_ins}
    days = [first_day + timedelta(days=offset) for offset in range(TREND_DAYS)]
    chart = pygal.Line(
        js=[],
        style=CHART_STYLE,
        title=title,
        show_legend=False,
        range=(1, top),
        allow_interruptions=True,
        show_minor_x_labels=False,
        x_labels_major_every=WEEK,
        truncate_label=-1,
        stroke_style={"width": 3},
        dots_size=4,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
    )
    chart.x_labels = [day.strftime("%d %b") for day in days]
    chart.add(title, [by_day.get(day) for day in days])
    rendered: bytes = chart.render()
    return rendered
