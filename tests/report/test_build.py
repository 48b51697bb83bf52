"""Reports built from real chats: every fixture export and the demo chat."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from rekindle.demo import demo_chat_path
from rekindle.ingest import ParticipantMap, open_export
from rekindle.report import json_schema, render_html, render_json, render_markdown
from rekindle.report.analysis import Analysis, analyze_export
from rekindle.report.interventions import choose
from rekindle.report.markdown import escape
from tests.report.references import fetched_references

FIXTURES = Path(__file__).parents[1] / "ingest" / "fixtures"
CHATS = sorted(
    path
    for folder in FIXTURES.iterdir()
    for path in folder.iterdir()
    if not path.name.endswith((".expected.json", ".options.json"))
)
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
CREATED = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def analyse(path: Path) -> Analysis:
    """``path`` analysed with the reading options its fixture needs (``*.options.json``)."""
    settings = path.with_name(path.name.split(".")[0] + ".options.json")
    opened = json.loads(settings.read_text()) if settings.exists() else {}
    return analyze_export(open_export(path, **opened), created=CREATED)


@cache
def demo(quotes: bool = True) -> Analysis:
    return analyze_export(open_export(demo_chat_path()), quotes=quotes, created=CREATED)


@pytest.mark.parametrize("path", CHATS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_chat_makes_a_valid_report_in_three_formats(path: Path) -> None:
    report = analyse(path).report
    data = json.loads(render_json(report))
    assert list(VALIDATOR.iter_errors(data)) == []
    page = render_html(report)
    assert fetched_references(page) == []
    assert "Not therapy." in page
    text = render_markdown(report)
    for person in report.participants:
        assert escape(person.name) in text


def test_the_demo_report_puts_strengths_first_and_backs_every_finding() -> None:
    report = demo().report
    assert report.summary.strengths
    tones = [f.tone for f in report.findings]
    order = {"strength": 0, "watch": 1, "neutral": 2}
    assert tones == sorted(tones, key=order.__getitem__)
    assert len(report.findings) >= 8
    for finding in report.findings:
        assert finding.evidence.citations and finding.limits and finding.what_to_try
        assert finding.confidence.n > 0
        assert any(v.value is not None for f in finding.figures for v in f.values), finding.key
    assert sum(len(f.examples) for f in report.findings) >= 4
    keys = [f.key for f in report.findings]
    assert {"bids", "horsemen", "repair", "initiation", "affection"} <= set(keys)


def test_the_demo_report_never_names_a_person_in_a_pattern_to_watch() -> None:
    report = demo().report
    names = [p.name for p in report.participants]
    for finding in report.findings:
        if finding.tone == "watch":
            assert not any(name in finding.headline for name in names), finding.headline
    for line in report.summary.watch:
        assert not any(name in line for name in names), line


def test_an_idea_is_suggested_twice_only_when_nothing_else_fits() -> None:
    findings = demo().report.findings
    # Ideas are chosen for the patterns to watch first, then context, then strengths.
    order = {"watch": 0, "neutral": 1, "strength": 2}
    used: set[str] = set()
    for finding in sorted(findings, key=lambda f: order[f.tone]):
        fitting = {i.id for i in choose(finding.key, finding.tone, limit=99)}
        suggested = {i.id for i in finding.what_to_try}
        if suggested & used:  # a repeat: every idea that fits was suggested already
            assert fitting <= used | suggested, (finding.key, fitting - used - suggested)
        used |= suggested


def test_the_emotional_labour_table_and_the_trends_cover_both_partners() -> None:
    report = demo().report
    people = {p.id for p in report.participants}
    labour = report.emotional_labour
    assert labour is not None and len(labour.rows) == 5
    for row in labour.rows:
        assert {v.participant for v in row.values} == people
    assert sum(v.total for row in labour.rows for v in row.values) > 0
    assert len(report.trends.months) >= 18
    assert report.trends.months[0] == "2024-05"
    messages = next(s for s in report.trends.series if s.key == "messages")
    assert {line.participant for line in messages.lines} == people
    for series in report.trends.series:
        for line in series.lines:
            assert len(line.values) == len(report.trends.months)


def test_without_quotes_the_demo_report_holds_no_message_text() -> None:
    quoted = demo().report
    examples = [e.text for f in quoted.findings for e in f.examples]
    assert examples
    redacted = demo(quotes=False).report
    outputs = [render_html(redacted), render_markdown(redacted), render_json(redacted)]
    assert all(not f.examples for f in redacted.findings)
    for output in outputs:
        for text in examples:
            assert text not in output


def test_the_same_chat_makes_the_same_report() -> None:
    first = render_json(demo().report)
    again = render_json(analyze_export(open_export(demo_chat_path()), created=CREATED).report)
    assert first == again


def test_a_period_reads_only_its_messages() -> None:
    whole = demo().report
    part = analyze_export(
        open_export(demo_chat_path()),
        since=date(2025, 1, 1),
        until=date(2025, 3, 31),
        created=CREATED,
    ).report
    assert part.source.since == "2025-01-01" and part.source.until == "2025-03-31"
    assert part.trends.months == ("2025-01", "2025-02", "2025-03")
    assert 0 < part.source.messages < whole.source.messages / 3
    assert any("2025-01-01 to 2025-03-31" in caveat for caveat in part.caveats)


def test_me_is_marked_in_the_report() -> None:
    report = analyze_export(
        open_export(demo_chat_path()), ParticipantMap(me="Rosa"), created=CREATED
    ).report
    assert [p.name for p in report.participants if p.is_me] == ["Rosa"]
