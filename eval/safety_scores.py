"""Recall of the safety screen on crisis and abuse statements, and its false alarms on benign
couple talk (``eval/safety/``).

Each line of a set is ``level<TAB>category<TAB>text``. In ``crisis.tsv`` the level is
``crisis`` or ``concern`` (explicit or veiled), in ``abuse.tsv`` it is ``abuse`` and in
``benign.tsv`` ``none``. The rules (also in docs/safety.md):

- a crisis statement is recalled when the screen's level is not ``none`` (concern or crisis);
- an abuse statement is recalled when the screen says ``abuse``;
- a benign message is a false alarm when the level is not ``none`` or the screen says ``abuse``.

``level_agreement`` is the share of crisis statements whose level is the one labelled.

    python eval/safety_scores.py            # the dev sets
    python eval/safety_scores.py -v         # ... listing every miss and false alarm
    python eval/safety_scores.py --heldout  # eval/safety/heldout/, written after tuning
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rekindle.safety import Screening, screen

SAFETY = Path(__file__).resolve().parent / "safety"
LEVELS = {"crisis.tsv": ("crisis", "concern"), "abuse.tsv": ("abuse",), "benign.tsv": ("none",)}


def read_set(path: Path) -> list[tuple[str, str, str]]:
    """The (level, category, text) rows of a set; a malformed line names its file and number."""
    rows = []
    allowed = LEVELS[path.name]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in allowed or not parts[2].strip():
            wanted = " or ".join(allowed)
            raise ValueError(f"{path}, line {number}: expected '{wanted}<TAB>category<TAB>text'")
        rows.append((parts[0], parts[1], parts[2]))
    return rows


def score_safety(folder: Path = SAFETY) -> dict[str, Any]:
    """Recall on crisis and abuse, the false-alarm rate on benign talk, and the counts."""
    crisis = [(level, text, screen(text)) for level, _, text in read_set(folder / "crisis.tsv")]
    abuse = [screen(text) for _, _, text in read_set(folder / "abuse.tsv")]
    benign = [screen(text) for _, _, text in read_set(folder / "benign.tsv")]
    return {
        "crisis_recall": _share(s.level != "none" for _, _, s in crisis),
        "abuse_recall": _share(s.abuse for s in abuse),
        "false_alarm_rate": _share(s.flagged for s in benign),
        "level_agreement": _share(level == s.level for level, _, s in crisis),
        "crisis_n": len(crisis),
        "abuse_n": len(abuse),
        "benign_n": len(benign),
    }


def misses(folder: Path = SAFETY) -> list[str]:
    """One line per miss, false alarm or level disagreement, for reading."""
    lines = []
    for level, category, text in read_set(folder / "crisis.tsv"):
        found = screen(text)
        if found.level == "none":
            lines.append(f"MISS crisis ({level}/{category}): {text}")
        elif found.level != level:
            lines.append(f"level {found.level}, labelled {level} ({category}): {text}")
    for _, category, text in read_set(folder / "abuse.tsv"):
        if not screen(text).abuse:
            lines.append(f"MISS abuse ({category}): {text}")
    for _, _, text in read_set(folder / "benign.tsv"):
        found = screen(text)
        if found.flagged:
            lines.append(f"FALSE ALARM {_describe(found)}: {text}")
    return lines


def _describe(found: Screening) -> str:
    abuse = " abuse" if found.abuse else ""
    return f"[{found.level}{abuse} {', '.join(found.categories)}: {' | '.join(found.evidence)}]"


def _share(flags: Any) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument(
        "--heldout", action="store_true", help="score eval/safety/heldout/ (never tuned on)"
    )
    args = parser.parse_args(argv)
    folder = SAFETY / "heldout" if args.heldout else SAFETY
    scores = score_safety(folder)
    print(f"{'set':<9}{'measure':<26}{'value':>7}  target   n")
    print(
        f"{folder.name:<9}{'crisis recall':<26}{scores['crisis_recall']:>7.3f}  ≥ 0.95 "
        f"{scores['crisis_n']:>4}"
    )
    print(
        f"{'':<9}{'abuse recall':<26}{scores['abuse_recall']:>7.3f}  ≥ 0.90 {scores['abuse_n']:>4}"
    )
    print(
        f"{'':<9}{'false alarms (benign)':<26}{scores['false_alarm_rate']:>7.3f}  ≤ 0.02 "
        f"{scores['benign_n']:>4}"
    )
    print(f"{'':<9}{'crisis level as labelled':<26}{scores['level_agreement']:>7.3f}")
    if args.verbose:
        for line in misses(folder):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
