"""The report as Markdown: the same content as the HTML page, for reading as plain text.

Anything that came from the chat (names, quoted messages, the chat's title) is escaped, so
a message cannot turn into a link, a heading or a table when the Markdown is displayed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rekindle.report.document import Finding, Report
from rekindle.report.formatting import (
    NO_VALUE,
    UNIT_NOTES,
    format_count,
    format_frequency,
    format_value,
    format_when,
)
from rekindle.report.tables import figure_table

__all__ = ["escape", "render_markdown"]

TONE_LABELS = {"strength": "Going well", "watch": "Worth a closer look", "neutral": "For context"}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_LIST_MARK = re.compile(r"^(\s*)([-+=])(?=\s|$)")
_NUMBER_MARK = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def escape(text: str) -> str:
    """``text`` with Markdown's special characters escaped, for inline use."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    lines = escaped.split("\n")
    return "\n".join(_NUMBER_MARK.sub(r"\1\\\2", _LIST_MARK.sub(r"\1\\\2", line)) for line in lines)


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document (ending in a newline)."""
    blocks = [
        *_masthead(report),
        *_summary(report),
        *_findings(report),
        *_labour(report),
        *_trends(report),
        *_caveats(report),
        *_about(report),
    ]
    return "\n\n".join(blocks) + "\n"


def _masthead(report: Report) -> Iterator[str]:
    yield "# How you talk together"
    names = " and ".join(
        f"**{escape(p.name)}**" + (" (you)" if p.is_me else "") for p in report.participants
    )
    source = report.source
    parts = [names] if names else []
    if source.first and source.last:
        parts.append(f"{format_when(source.first, False)} to {format_when(source.last, False)}")
    parts.append(format_count(source.messages, "messages"))
    yield " · ".join(parts)
    notices = report.disclosure
    yield "\n>\n".join(
        [
            f"> **Made by an automated tool.** {notices.automated}",
            f"> **Emotions are read from text.** {notices.emotions}",
            f"> **Not therapy.** {notices.not_therapy}",
            f"> **Private.** {notices.privacy}",
        ]
    )


def _summary(report: Report) -> Iterator[str]:
    summary = report.summary
    yield "## What we see"
    yield escape(summary.headline)
    if summary.strengths:
        yield "### Going well"
        yield "\n".join(f"- {escape(line)}" for line in summary.strengths)
    if summary.watch:
        yield "### Worth a closer look"
        yield "\n".join(f"- {escape(line)}" for line in summary.watch)


def _findings(report: Report) -> Iterator[str]:
    if not report.findings:
        return
    yield "## Findings"
    for finding in report.findings:
        yield from _finding(report, finding)


def _finding(report: Report, finding: Finding) -> Iterator[str]:
    yield f"### {finding.title}"
    yield f"*{TONE_LABELS[finding.tone]}.* **{escape(finding.headline)}**"
    if finding.figures:
        yield _figures_table(report, finding)
    yield f"**What it means.** {finding.meaning}"
    if finding.examples:
        yield "**From your messages**"
        for example in finding.examples:
            quoted = "\n".join(
                f"> {line}" if line else ">" for line in escape(example.text).split("\n")
            )
            when = f", {format_when(example.timestamp)}" if example.timestamp else ""
            who = _cell(report.name(example.participant))
            yield f"{quoted}\n>\n> — {who}{when} · {escape(example.label)}"
    if finding.what_to_try:
        yield "**What to try**"
        ideas = []
        for idea in finding.what_to_try:
            steps = "\n".join(f"   {i}. {step}" for i, step in enumerate(idea.steps, 1))
            cites = f" ({'; '.join(idea.citations)})" if idea.citations else ""
            ideas.append(
                f"- **{idea.title}** ({idea.kind}, {idea.minutes} min)\n{steps}\n\n"
                f"   Why: {idea.why}{cites}"
            )
        yield "\n".join(ideas)
    yield f"**The evidence.** {finding.evidence.summary}"
    yield "\n".join(f"- *{citation}*" for citation in finding.evidence.citations)
    yield "**Limits.**\n\n" + "\n".join(f"- {limit}" for limit in finding.limits)
    confidence = finding.confidence
    yield (
        f"Confidence: {confidence.level}, based on {format_count(confidence.n, confidence.basis)}."
    )


def _figures_table(report: Report, finding: Finding) -> str:
    table = figure_table(report, finding)
    header = "| |" + "".join(f" {_cell(report.name(c))} |" for c in table.columns)
    rows = [header, "|---|" + "---|" * len(table.columns)]
    for row in table.rows:
        label = f"{row.label} ({row.note})" if row.note else row.label
        cells = "".join(
            f" {cell.value} ({cell.base}) |" if cell.base else f" {cell.value} |"
            for cell in row.cells
        )
        rows.append(f"| {label} |{cells}")
    return "\n".join(rows)


def _labour(report: Report) -> Iterator[str]:
    labour = report.emotional_labour
    if labour is None:
        return
    yield "## Emotional labour"
    yield labour.note
    people = report.participants
    rows = [
        f"| Over {_weeks(labour.weeks)} |" + "".join(f" {_cell(p.name)} |" for p in people),
        "|---|" + "---|" * len(people),
    ]
    for row in labour.rows:
        cells = []
        for person in people:
            found = [v for v in row.values if v.participant == person.id]
            cells.append(
                f"{found[0].total} ({format_frequency(found[0].per_week)})" if found else NO_VALUE
            )
        rows.append(f"| {row.label} |" + "".join(f" {cell} |" for cell in cells))
    yield "\n".join(rows)
    yield "\n".join(f"- **{row.label}**: {row.description}" for row in labour.rows)


def _weeks(weeks: float) -> str:
    return "1 week" if round(weeks) <= 1 else f"{weeks:.0f} weeks"


def _trends(report: Report) -> Iterator[str]:
    trends = report.trends
    if not trends.months:
        return
    yield "## Month by month"
    if trends.changes:
        yield "\n".join(f"- {escape(change)}" for change in trends.changes)
    for series in trends.series:
        note = UNIT_NOTES[series.unit]
        yield f"### {series.label}" + (f" ({note})" if note else "")
        header = "| Month |" + "".join(
            f" {_cell(report.name(line.participant))} |" for line in series.lines
        )
        rows = [header, "|---|" + "---|" * len(series.lines)]
        for i, month in enumerate(trends.months):
            cells = "".join(
                f" {format_value(line.values[i], series.unit)} |" for line in series.lines
            )
            rows.append(f"| {month} |{cells}")
        yield "\n".join(rows)


def _caveats(report: Report) -> Iterator[str]:
    yield "## Caveats"
    yield "\n".join(f"- {escape(caveat)}" for caveat in report.caveats)


def _about(report: Report) -> Iterator[str]:
    source = report.source
    lines = [f"- Export: {escape(source.file)} ({source.format})"]
    if source.title:
        lines[0] += f", “{escape(source.title)}”"
    if source.since or source.until:
        lines.append(f"- Period read: {source.since or 'the start'} to {source.until or 'the end'}")
    people = "; ".join(f"{escape(p.name)} {p.messages:,}" for p in report.participants)
    lines.append(
        f"- Messages: {format_count(source.messages, 'messages')}"
        + (f"; {people}" if people else "")
    )
    if source.timezone_aware:
        lines.append("- Times: with time zones, as the export records them")
    else:
        lines.append("- Times: the phone's local time (the export has no time zones)")
    if source.skipped_lines:
        numbers = ", ".join(str(s.line) for s in source.skipped)
        more = "..." if source.skipped_lines > len(source.skipped) else ""
        plural = "s" if len(source.skipped) > 1 else ""
        detail = f" (line{plural} {numbers}{more})" if numbers else ""
        lines.append(f"- Unreadable lines: {format_count(source.skipped_lines, 'lines')}{detail}")
    lines.extend(f"- Note: {escape(note)}" for note in source.notes)
    if report.quotes:
        lines.append("- Quotes: a few messages are quoted as examples")
    else:
        lines.append("- Quotes: left out; this report holds no message text")
    generator = report.generator
    lines.append(
        f"- Made: {format_when(generator.created)} by {generator.name} {generator.version}"
        f" (report format {report.version})"
    )
    yield "## About this report"
    yield "\n".join(lines)
