"""The demo chat that ships with Rekindle: it reads cleanly, it is the file the script writes,
and the story it tells (warm, then a slow fade, then a partial recovery) shows in the cues."""

from __future__ import annotations

import runpy
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from statistics import mean
from typing import cast

import pytest

from rekindle.demo import demo_chat_path
from rekindle.ingest import read_conversation
from rekindle.model import Conversation, MessageKind
from rekindle.signals.lexicon import lexicon_detectors
from rekindle.signals.pipeline import CueRunner

SCRIPT = Path(__file__).parents[2] / "scripts" / "make_demo_chat.py"

# Whole months of each part of the story (the script's FADE_STARTS and MEND_STARTS).
WARM = ("2024-05", "2024-06", "2024-07", "2024-08")
FADE = ("2024-11", "2024-12", "2025-01", "2025-02", "2025-03")
MEND = ("2025-06", "2025-07", "2025-08", "2025-09", "2025-10")


@pytest.fixture(scope="module")
def chat() -> Conversation:
    return read_conversation(demo_chat_path())


@pytest.fixture(scope="module")
def cued(chat: Conversation) -> list[tuple[str, set[str]]]:
    """Each written message's month and the cues the project's detectors find in it."""
    written = [m for m in chat.messages if m.kind is MessageKind.TEXT]
    found = CueRunner(lexicon_detectors()).run(written)
    return [
        (message.timestamp.strftime("%Y-%m"), {cue.name for cue in cues.cues})
        for message, cues in zip(written, found, strict=True)
    ]


@pytest.fixture(scope="module")
def monthly_share(cued: list[tuple[str, set[str]]]) -> dict[str, dict[str, float]]:
    """Per month: the share of written messages that carry each cue."""
    totals: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {}
    for month, names in cued:
        totals[month] += 1
        counts.setdefault(month, Counter()).update(names)
    return {month: {cue: n / totals[month] for cue, n in counts[month].items()} for month in totals}


def _average(shares: dict[str, dict[str, float]], cue: str, months: tuple[str, ...]) -> float:
    return mean(shares[month].get(cue, 0.0) for month in months)


def test_the_demo_chat_reads_with_no_skipped_lines(chat: Conversation) -> None:
    assert chat.format == "whatsapp"
    assert chat.skipped_count == 0


def test_it_is_a_chat_between_two_people(chat: Conversation) -> None:
    assert sorted(p.name for p in chat.participants) == ["Rosa", "Theo"]


def test_it_has_a_few_thousand_messages_over_more_than_sixteen_months(
    chat: Conversation,
) -> None:
    sent = [m for m in chat.messages if m.sender is not None]
    assert 3000 <= len(sent) <= 5000
    first, last = sent[0].timestamp.date(), sent[-1].timestamp.date()
    months = (last.year - first.year) * 12 + last.month - first.month
    assert months >= 16
    assert first >= date(2024, 5, 1)


def test_it_looks_like_a_real_export(chat: Conversation) -> None:
    kinds = Counter(m.kind for m in chat.messages)
    assert chat.messages[0].kind is MessageKind.SYSTEM  # the encryption notice
    assert kinds[MessageKind.MEDIA] >= 10
    assert kinds[MessageKind.DELETED] >= 1
    assert any("\n" in m.text for m in chat.messages)
    assert any(m.edited for m in chat.messages)
    times = [m.timestamp for m in chat.messages]
    assert times == sorted(times)


def test_the_script_writes_exactly_the_shipped_file() -> None:
    script = runpy.run_path(str(SCRIPT), run_name="make_demo_chat")
    compose = cast(Callable[[], str], script["compose"])
    shipped = demo_chat_path().read_text(encoding="utf-8")
    assert compose() == shipped


def test_talk_turns_to_logistics_in_the_fade(monthly_share: dict[str, dict[str, float]]) -> None:
    warm = _average(monthly_share, "logistics", WARM)
    fade = _average(monthly_share, "logistics", FADE)
    assert fade > 1.5 * warm


def test_affection_drains_in_the_fade_and_partly_returns(
    monthly_share: dict[str, dict[str, float]],
) -> None:
    warm = _average(monthly_share, "affection", WARM)
    fade = _average(monthly_share, "affection", FADE)
    mend = _average(monthly_share, "affection", MEND)
    assert fade < warm / 3
    assert fade < mend < warm * 1.2


def test_the_recovery_is_partial_with_more_logistics_than_at_the_start(
    monthly_share: dict[str, dict[str, float]],
) -> None:
    warm = _average(monthly_share, "logistics", WARM)
    fade = _average(monthly_share, "logistics", FADE)
    mend = _average(monthly_share, "logistics", MEND)
    assert warm < mend < fade


def test_fewer_messages_are_sent_in_the_fade(chat: Conversation) -> None:
    per_month = Counter(m.timestamp.strftime("%Y-%m") for m in chat.messages)
    assert mean(per_month[m] for m in FADE) < 0.6 * mean(per_month[m] for m in WARM)
    assert mean(per_month[m] for m in FADE) < mean(per_month[m] for m in MEND)


def test_conflict_cues_cluster_in_the_fade(cued: list[tuple[str, set[str]]]) -> None:
    horsemen = {"criticism", "contempt", "defensiveness", "stonewalling_marker"}
    months = Counter(month for month, names in cued if horsemen & names)
    in_fade = sum(n for month, n in months.items() if "2024-10" <= month <= "2025-04")
    assert in_fade >= 10
    assert in_fade > 3 * sum(n for month, n in months.items() if month < "2024-10")
