"""The report as one self-contained HTML page: inline CSS, inline SVG charts, no script.

It opens offline in any browser, reads on a phone (the layout starts at phone width) and
prints cleanly. A content security policy in the page itself forbids fetching anything, so
even a stray reference could not reach the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from rekindle.report import charts
from rekindle.report.document import Example, Finding, Report
from rekindle.report.formatting import (
    UNIT_NOTES,
    format_count,
    format_frequency,
    format_value,
    format_when,
)
from rekindle.report.tables import figure_table

__all__ = ["render_html"]

TONE_LABELS = {"strength": "Going well", "watch": "Worth a closer look", "neutral": "For context"}
CONFIDENCE_LABELS = {"low": "Low", "medium": "Medium", "high": "High"}


@dataclass(frozen=True, slots=True)
class _Quote:
    """An example split around its highlighted words."""

    example: Example
    before: str
    marked: str
    after: str


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("rekindle.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["value"] = format_value
    environment.filters["count"] = format_count
    environment.filters["when"] = format_when
    environment.filters["frequency"] = format_frequency
    return environment


@cache
def _stylesheet() -> str:
    folder = resources.files("rekindle.report").joinpath("templates")
    return folder.joinpath("report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    """The whole report as an HTML document."""
    template = _environment().get_template("report.html")
    return template.render(
        report=report,
        css=Markup(_stylesheet()),
        tone_labels=TONE_LABELS,
        confidence_labels=CONFIDENCE_LABELS,
        unit_notes=UNIT_NOTES,
        strengths=[f for f in report.findings if f.tone == "strength"],
        finding_charts={f.key: _finding_chart(report, f) for f in report.findings},
        quotes={f.key: [_split(e) for e in f.examples] for f in report.findings},
        tables={f.key: figure_table(report, f) for f in report.findings},
        labour_chart=_markup(charts.labour_chart(report)),
        trend_charts={s.key: _markup(charts.trend_chart(report, s)) for s in report.trends.series},
        colour=lambda participant: charts.colour_for(report, participant),
    )


def _finding_chart(report: Report, finding: Finding) -> Markup | None:
    return _markup(charts.figures_chart(report, finding.key, finding.figures))


def _markup(svg: str | None) -> Markup | None:
    # pygal escapes every label and value it writes into the SVG.
    return Markup(svg) if svg is not None else None


def _split(example: Example) -> _Quote:
    text = example.text
    if example.highlight:
        start = text.lower().find(example.highlight.lower())
        if start >= 0:
            end = start + len(example.highlight)
            return _Quote(example, text[:start], text[start:end], text[end:])
    return _Quote(example, text, "", "")
