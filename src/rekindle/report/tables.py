"""A finding's figures as a table of text, the same for every renderer.

One column per participant with a figure (and "Together" for the couple as a whole), one row
per figure. Each cell shows the value and what it rests on ("88%", "120 bids"); the base is
left out where it is the same as in the row above, so a column of rates over the same messages
does not repeat it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rekindle.report.document import Finding, Report
from rekindle.report.formatting import NO_VALUE, UNIT_NOTES, format_count, format_value

__all__ = ["Cell", "FigureTable", "Row", "figure_table"]


@dataclass(frozen=True, slots=True)
class Cell:
    value: str
    base: str | None  # "120 bids", or None where it repeats the row above or is a count


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    note: str  # the unit in words ("per 100 messages"), or ""
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class FigureTable:
    columns: tuple[str | None, ...]  # participant ids; None is "together"
    rows: tuple[Row, ...]


def figure_table(report: Report, finding: Finding) -> FigureTable:
    """The table of ``finding``'s figures."""
    present = {v.participant for f in finding.figures for v in f.values}
    columns: list[str | None] = [p.id for p in report.participants if p.id in present]
    if None in present:
        columns.append(None)
    previous: dict[str | None, tuple[int, str]] = {}
    rows = []
    for figure in finding.figures:
        cells = []
        for column in columns:
            found = [v for v in figure.values if v.participant == column]
            if not found:
                cells.append(Cell(NO_VALUE, None))
                continue
            value = found[0]
            base = None
            if figure.unit != "count" and previous.get(column) != (value.n, figure.basis):
                base = format_count(value.n, figure.basis)
            previous[column] = (value.n, figure.basis)
            cells.append(Cell(format_value(value.value, figure.unit), base))
        rows.append(Row(figure.label, UNIT_NOTES[figure.unit], tuple(cells)))
    return FigureTable(tuple(columns), tuple(rows))
