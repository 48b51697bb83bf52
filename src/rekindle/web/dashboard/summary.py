"""What the dashboard shows, gathered from the apps that own it: the check-in trend, habits
and their streaks, the headline figures of the latest report one may read, and one next
step to try."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from rekindle.report.document import Intervention, Report, from_dict
from rekindle.report.formatting import UNIT_NOTES, format_value
from rekindle.web.access import latest_visible_report, own_check_ins_between, own_habits
from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import Analysis
from rekindle.web.checkins.review import WEEK, WeeklyReview, weekly_review
from rekindle.web.habits.catalogue import habit_idea
from rekindle.web.habits.models import WEEKLY, Habit
from rekindle.web.habits.streaks import Streak, streak_of

HEADLINE_FIGURES = 3


@dataclass(frozen=True)
class HabitLine:
    habit: Habit
    streak: Streak


@dataclass(frozen=True)
class HeadlineFigure:
    finding: str
    label: str
    unit_note: str  # e.g. "per 100 messages"; empty when the value says it all
    values: list[tuple[str, str]]  # (whose, formatted value)


@dataclass(frozen=True)
class NextStep:
    intervention: Intervention
    can_become_habit: bool


@dataclass(frozen=True)
class Dashboard:
    review: WeeklyReview
    habits: list[HabitLine]
    analysis: Analysis | None
    report: Report | None
    figures: list[HeadlineFigure]
    next_step: NextStep | None


def headline_figures(report: Report) -> list[HeadlineFigure]:
    """The first figure of the first few findings, each partner's value in words. What is
    going well comes first, as in the report's own summary."""
    figures = []
    ordered = sorted(report.findings, key=lambda finding: finding.tone != "strength")
    for finding in ordered:
        if not finding.figures:
            continue
        figure = finding.figures[0]
        values = [
            (report.name(value.participant), format_value(value.value, figure.unit))
            for value in figure.values
        ]
        note = UNIT_NOTES.get(figure.unit, "")
        figures.append(HeadlineFigure(finding.title, figure.label, note, values))
        if len(figures) == HEADLINE_FIGURES:
            break
    return figures


def next_step(report: Report | None, habits: list[Habit]) -> NextStep | None:
    """The first thing the report suggests that this person is not doing already."""
    if report is None:
        return None
    taken = {habit.intervention_id for habit in habits if habit.is_active}
    for finding in report.findings:
        for intervention in finding.what_to_try:
            if intervention.id not in taken:
                return NextStep(intervention, habit_idea(intervention.id) is not None)
    return None


def dashboard_for(user: User, today: date) -> Dashboard:
    check_ins = own_check_ins_between(user, today - timedelta(days=2 * WEEK), today)
    habits = own_habits(user)
    lines = [
        HabitLine(
            habit,
            streak_of(
                [tick.day for tick in habit.ticks.all()], today, weekly=habit.cadence == WEEKLY
            ),
        )
        for habit in habits
        if habit.is_active
    ]
    analysis = latest_visible_report(user)
    report = (
        from_dict(json.loads(analysis.report_json))
        if analysis is not None and analysis.report_json
        else None
    )
    return Dashboard(
        review=weekly_review(check_ins, today),
        habits=lines,
        analysis=analysis,
        report=report,
        figures=headline_figures(report) if report is not None else [],
        next_step=next_step(report, habits),
    )
