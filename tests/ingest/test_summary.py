"""The one-pass summary behind `rekindle analyze`, including its progress reports."""

from __future__ import annotations

import sys
from pathlib import Path

from rekindle.ingest import ParticipantMap, open_export
from rekindle.ingest.summary import PROGRESS_EVERY, summarize

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from generate import generate


def test_progress_is_reported_while_a_long_chat_is_read(tmp_path: Path) -> None:
    chat = tmp_path / "long.txt"
    generate(PROGRESS_EVERY * 2 + 500, chat)
    seen: list[int] = []
    summary = summarize(open_export(chat), ParticipantMap(me="Sam Rivera"), seen.append)
    assert seen == [PROGRESS_EVERY, 2 * PROGRESS_EVERY, summary.total]
    assert summary.total == PROGRESS_EVERY * 2 + 501  # the messages and the encryption notice
    assert {p.name for p in summary.participants} == {"Alex Morgan", "Sam Rivera"}
    assert [p.name for p in summary.participants if p.is_me] == ["Sam Rivera"]
    assert sum(summary.messages_by_sender.values()) + summary.kinds["system"] == summary.total
    assert summary.first is not None and summary.last is not None
    assert summary.first < summary.last
