"""The safety evaluation sets are well formed, big enough, and the screen keeps its targets on
them (a change to the phrase files that loses recall or adds false alarms fails here)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from rekindle.safety import screen

EVAL = Path(__file__).parents[2] / "eval" / "safety"
LEVELS = {"crisis.tsv": {"crisis", "concern"}, "abuse.tsv": {"abuse"}, "benign.tsv": {"none"}}


def _rows(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split("\t")
        assert len(parts) == 3, f"{path.name}, line {number}: expected level<TAB>category<TAB>text"
        assert parts[0] in LEVELS[path.name], f"{path.name}, line {number}: level {parts[0]!r}"
        assert parts[2].strip(), f"{path.name}, line {number}: empty text"
        rows.append((parts[0], parts[1], parts[2]))
    return rows


@pytest.mark.parametrize("folder", [EVAL, EVAL / "heldout"], ids=["dev", "heldout"])
def test_the_sets_are_well_formed_and_distinct(folder: Path) -> None:
    texts = Counter(text for name in LEVELS for _, _, text in _rows(folder / name))
    assert [text for text, count in texts.items() if count > 1] == []


def test_the_dev_sets_are_big_enough_and_hold_explicit_and_veiled_statements() -> None:
    crisis, abuse, benign = (_rows(EVAL / name) for name in LEVELS)
    assert len(crisis) + len(abuse) >= 100
    assert len(benign) >= 300
    assert {level for level, _, _ in crisis} == {"crisis", "concern"}


def test_the_held_out_sets_share_nothing_with_the_dev_sets() -> None:
    dev = {text for name in LEVELS for _, _, text in _rows(EVAL / name)}
    heldout = {text for name in LEVELS for _, _, text in _rows(EVAL / "heldout" / name)}
    assert dev.isdisjoint(heldout)


def test_the_screen_meets_its_targets_on_the_dev_sets() -> None:
    crisis = [screen(text).level != "none" for _, _, text in _rows(EVAL / "crisis.tsv")]
    abuse = [screen(text).abuse for _, _, text in _rows(EVAL / "abuse.tsv")]
    alarms = [screen(text).flagged for _, _, text in _rows(EVAL / "benign.tsv")]
    assert sum(crisis) / len(crisis) >= 0.95
    assert sum(abuse) / len(abuse) >= 0.90
    assert sum(alarms) / len(alarms) <= 0.02
