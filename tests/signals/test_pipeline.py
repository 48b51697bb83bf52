"""The cue runner: in one process or with worker processes, the same cues for every message,
in order, with a bounded cache."""

from __future__ import annotations

import gc
import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rekindle.ingest import open_export
from rekindle.model import Message
from rekindle.report.analysis import analyze_export
from rekindle.report.document import to_json
from rekindle.signals import pipeline
from rekindle.signals.pipeline import CueRunner
from rekindle.signals.registry import default_detectors

DEMO = Path(__file__).resolve().parents[2] / "src" / "rekindle" / "demo" / "whatsapp-demo.txt"


@pytest.fixture(scope="module")
def demo_messages() -> list[Message]:
    return list(open_export(DEMO).messages())[:1500]


def test_workers_give_the_same_cues_in_the_same_order(demo_messages: list[Message]) -> None:
    alone = list(CueRunner().run(demo_messages, batch=100))
    with_workers = list(CueRunner(workers=2).run(iter(demo_messages), batch=100))
    assert [c.message_id for c in with_workers] == [m.id for m in demo_messages]
    assert with_workers == alone
    assert sum(len(c.cues) for c in alone) > 100  # the demo chat has plenty to find


def test_a_full_cache_is_emptied_without_losing_a_batch(
    demo_messages: list[Message], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = list(CueRunner().run(demo_messages, batch=64))
    monkeypatch.setattr(pipeline, "CACHE_SIZE", 50)  # smaller than one batch's texts
    assert list(CueRunner().run(demo_messages, batch=64)) == expected
    assert list(CueRunner(workers=1).run(demo_messages, batch=64)) == expected


def test_the_report_is_the_same_with_worker_processes() -> None:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    alone = analyze_export(open_export(DEMO), created=created)
    parallel = analyze_export(open_export(DEMO), workers=1, created=created)
    assert to_json(parallel.report) == to_json(alone.report)


def test_stopping_early_shuts_the_workers_down(demo_messages: list[Message]) -> None:
    before = set(multiprocessing.active_children())
    stream = CueRunner(workers=1).run(iter(demo_messages), batch=50)
    first = next(stream)
    assert first.message_id == demo_messages[0].id
    stream.close()
    gc.collect()
    assert set(multiprocessing.active_children()) - before == set()


def test_workers_and_own_detectors_do_not_mix() -> None:
    with pytest.raises(ValueError, match="default detectors"):
        CueRunner(default_detectors(), workers=1)
    with pytest.raises(ValueError, match="0 or more"):
        CueRunner(workers=-1)


def test_names_run_only_those_detectors_in_workers_too(demo_messages: list[Message]) -> None:
    wanted = ("sentiment", "affection")
    alone = list(CueRunner(names=wanted).run(demo_messages[:300]))
    parallel = list(CueRunner(workers=1, names=wanted).run(demo_messages[:300]))
    assert parallel == alone
    found = {cue.name for cues in alone for cue in cues.cues}
    assert found == {"positive", "negative", "affection"}
    assert all(cues.emotions is None for cues in alone)
    with pytest.raises(ValueError, match="no detector named nonsense"):
        _ = CueRunner(names=("nonsense",)).detectors
