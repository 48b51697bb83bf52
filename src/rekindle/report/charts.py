"""The report's charts, drawn by pygal as inline SVG: no script, no web font, no network.

Every chart is sized for a phone first (it scales up on a wider screen), gets a stable id
(so the same report draws the same SVG), and carries its title for screen readers. Each chart
sits next to a table with the same numbers, which is its text alternative.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from xml.etree import ElementTree

import pygal
from pygal.style import Style

from rekindle.report.document import Figure, Report, Series, Unit
from rekindle.report.formatting import format_value

__all__ = [
    "PALETTE",
    "TOGETHER_COLOUR",
    "colour_for",
    "figures_chart",
    "labour_chart",
    "trend_chart",
]

# One colour per participant, in report order; the couple as a whole is grey.
PALETTE = ("#c2410c", "#0f766e", "#7c3aed", "#a16207", "#be185d", "#1d4ed8")
TOGETHER_COLOUR = "#57534e"
WIDTH = 400
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def colour_for(report: Report, participant: str | None) -> str:
    """The colour that stands for ``participant`` in every chart of ``report``."""
    if participant is None:
        return TOGETHER_COLOUR
    ids = [p.id for p in report.participants]
    index = ids.index(participant) if participant in ids else len(ids)
    return PALETTE[index % len(PALETTE)]


def _style(colours: Sequence[str]) -> Style:
    return Style(
        background="transparent",
        plot_background="transparent",
        foreground="#292524",
        foreground_strong="#1c1917",
        foreground_subtle="#d6d3d1",
        colors=tuple(colours) or (TOGETHER_COLOUR,),
        font_family=FONT,
        label_font_size=15,
        major_label_font_size=15,
        value_font_size=15,
        value_label_font_size=15,
        legend_font_size=16,
        tooltip_font_size=15,
        opacity="0.9",
        opacity_hover="1",
    )


def _formatter(unit: Unit) -> Callable[[float | None], str]:
    def formatted(value: float | None) -> str:
        if unit == "minutes" and value is not None:
            return _short_minutes(value)
        return format_value(value, unit)

    return formatted


def _short_minutes(minutes: float) -> str:
    """Durations short enough for an axis: "0", "45 min", "1.5 h", "2.0 d"."""
    if minutes == 0:
        return "0"
    if minutes < 60:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} d"


def _finish(chart_id: str, title: str) -> Callable[[ElementTree.Element], ElementTree.Element]:
    """An SVG filter: drop pygal's comments and scripts, and label the chart for readers."""

    def finish(root: ElementTree.Element) -> ElementTree.Element:
        for parent in list(root.iter()):
            for child in list(parent):
                tag = child.tag if isinstance(child.tag, str) else ""
                if not tag or tag.rsplit("}", 1)[-1] == "script":
                    parent.remove(child)
                elif tag.rsplit("}", 1)[-1] == "title" and parent is root:
                    child.text = title
        root.set("role", "img")
        root.set("aria-label", title)
        root.set("class", "chart")
        root.set("data-chart", chart_id)
        return root

    return finish


def _render(chart: pygal.graph.graph.Graph, chart_id: str, title: str) -> str:
    chart.uuid = chart_id
    chart.add_xml_filter(_finish(chart_id, title))
    svg = chart.render(is_unicode=True)
    assert isinstance(svg, str)
    return re.sub(r"<\?xml[^>]*\?>\s*", "", svg)


def _common(
    chart_type: type[pygal.graph.graph.Graph], colours: Sequence[str], **extra: object
) -> pygal.graph.graph.Graph:
    return chart_type(
        style=_style(colours),
        width=WIDTH,
        js=[],
        disable_xml_declaration=False,
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        margin=8,
        margin_right=32,
        spacing=12,
        max_scale=5,
        truncate_legend=-1,
        truncate_label=-1,
        **extra,
    )


def figures_chart(report: Report, key: str, figures: Sequence[Figure]) -> str | None:
    """Bars comparing the participants on a finding's figures that share its first figure's
    unit; ``None`` when there is no per-person value to draw."""
    if not figures:
        return None
    unit = figures[0].unit
    # Rows that are zero for everyone stay in the table but would only stretch the chart.
    same = [f for f in figures if f.unit == unit and any(v.value for v in f.values)]
    people = [
        p.id
        for p in report.participants
        if any(v.participant == p.id for f in same for v in f.values)
    ]
    values = [v.value for f in same for v in f.values if v.value is not None]
    if not people or not values:
        return None
    chart = _common(
        pygal.HorizontalBar,
        [colour_for(report, p) for p in people],
        height=90 + 44 * len(same) * len(people),
        value_formatter=_formatter(unit),
        print_values=True,
        print_values_position="top",
        show_y_guides=False,
        show_y_labels=len(same) > 1,
        include_x_axis=True,
        **(_scale(unit, values) if min(values) >= 0 else {}),
    )
    # pygal draws horizontal bars bottom-up: reverse them so the first reads first.
    rows = list(reversed(same))
    chart.x_labels = [f.label for f in rows]
    for person in people:
        chart.add(report.name(person), [_value_of(f, person) for f in rows])
    return _render(chart, f"finding-{key}", same[0].label if len(same) == 1 else _title(key))


def _scale(unit: Unit, values: Sequence[float | None] = ()) -> dict[str, object]:
    """Shares and scores always span 0 to 1, with five gridlines; counts get whole numbers."""
    if unit in ("percent", "score"):
        return {"range": (0, 1), "y_labels": [0, 0.25, 0.5, 0.75, 1]}
    if unit == "count":
        top = max((v for v in values if v is not None), default=0.0)
        step = max(1, math.ceil(top / 5))
        return {"y_labels": list(range(0, int(top) + step + 1, step))}
    return {}


def _title(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _value_of(figure: Figure, participant: str) -> float | None:
    for value in figure.values:
        if value.participant == participant:
            return value.value
    return None


def labour_chart(report: Report) -> str | None:
    """Bars of each participant's emotional-labour counts, one group per kind of work."""
    labour = report.emotional_labour
    if labour is None or not labour.rows:
        return None
    people = [p.id for p in report.participants]
    if not any(v.total for row in labour.rows for v in row.values):
        return None
    counts = [float(v.total) for row in labour.rows for v in row.values]
    chart = _common(
        pygal.HorizontalBar,
        [colour_for(report, p) for p in people],
        height=90 + 40 * len(labour.rows) * len(people),
        value_formatter=_formatter("count"),
        print_values=True,
        show_y_guides=False,
        **_scale("count", counts),
    )
    rows = list(reversed(labour.rows))
    chart.x_labels = [row.label for row in rows]
    for person in people:
        totals: list[float | None] = []
        for row in rows:
            found = [v.total for v in row.values if v.participant == person]
            totals.append(float(found[0]) if found else None)
        chart.add(report.name(person), totals)
    return _render(chart, "emotional-labour", "Emotional labour: who does what")


def trend_chart(report: Report, series: Series) -> str | None:
    """A line per participant across the months; ``None`` when there is nothing to draw."""
    months = report.trends.months
    drawn = [line for line in series.lines if any(v is not None for v in line.values)]
    if not months or not drawn:
        return None
    chart = _common(
        pygal.Line,
        [colour_for(report, line.participant) for line in drawn],
        height=300,
        value_formatter=_formatter(series.unit),
        allow_interruptions=True,
        show_dots=len(months) <= 24,
        dots_size=3,
        stroke_style={"width": 2.5},
        x_label_rotation=0 if len(months) <= 6 else 35,
        show_minor_x_labels=False,
        x_labels_major_every=max(1, math.ceil(len(months) / 6)),
        include_x_axis=series.unit in ("count", "percent"),
        **_scale(series.unit, [v for line in drawn for v in line.values]),
    )
    chart.x_labels = list(months)
    for line in drawn:
        chart.add(report.name(line.participant), list(line.values))
    return _render(chart, f"trend-{series.key}", series.label)
