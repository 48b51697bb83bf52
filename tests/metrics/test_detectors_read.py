"""The analysis runs only the detectors whose output the metrics read, and that changes
nothing in the report."""

from __future__ import annotations

from datetime import UTC, datetime

from rekindle.demo import demo_chat_path
from rekindle.ingest import open_export
from rekindle.metrics import DETECTORS_READ, compute
from rekindle.metrics.profile import CUE_NAMES
from rekindle.report.analysis import analyze_export
from rekindle.report.build import build
from rekindle.report.document import to_json
from rekindle.signals.pipeline import CueRunner
from rekindle.signals.registry import default_detectors


def test_every_cue_the_metrics_read_has_its_detector_in_the_list() -> None:
    detectors = default_detectors()
    names = {d.name for d in detectors}
    assert set(DETECTORS_READ) <= names
    for detector in detectors:
        if set(detector.produces) & set(CUE_NAMES):
            assert detector.name in DETECTORS_READ, detector.name
    assert "emotions" not in DETECTORS_READ and "safety" not in DETECTORS_READ


def test_the_report_is_the_same_as_with_every_detector() -> None:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    analysis = analyze_export(open_export(demo_chat_path()), created=created)
    messages = list(open_export(demo_chat_path()).messages())
    everything = compute(messages, CueRunner().run(messages), ())
    assert everything == analysis.metrics
    report = build(everything, analysis.summary, created=created)
    assert to_json(report) == to_json(analysis.report)
