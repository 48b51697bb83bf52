"""Precision, recall and F1 of one cue on its labelled dev set (``eval/cues/<cue>.tsv``).

Each line of a dev set is ``label<TAB>text``: 1 when the cue is in the message, 0 when it is
not. A message counts as flagged when any detector emits a cue of that name.

    python eval/cue_scores.py                 # every cue, with the misses
    python eval/cue_scores.py criticism -v    # one cue, listing false positives and negatives
    python eval/cue_scores.py --heldout       # the held-out sets, written after the lexicons
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rekindle.signals.base import Detector
from rekindle.signals.text import Text

CUES = Path(__file__).resolve().parent / "cues"


def read_dev_set(path: Path) -> list[tuple[int, str]]:
    """The (label, text) pairs of a dev set; a malformed line names its file and number."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        label, sep, text = line.partition("\t")
        if not sep or label not in ("0", "1"):
            raise ValueError(f"{path}, line {number}: expected '0 or 1<TAB>text'")
        rows.append((int(label), text))
    return rows


def flags(detectors: Sequence[Detector], cue: str, text: str) -> bool:
    """Whether any of ``detectors`` emits ``cue`` for ``text``."""
    message = Text(text)
    return any(
        c.name == cue for d in detectors if cue in d.produces for c in d.detect(message).cues
    )


def score_cue(
    detectors: Sequence[Detector], cue: str, path: Path
) -> tuple[float, float, float, int, int]:
    """(precision, recall, F1, positives, negatives) of ``cue`` on the dev set at ``path``."""
    tp = fp = fn = positives = negatives = 0
    for label, text in read_dev_set(path):
        predicted = flags(detectors, cue, text)
        positives += label
        negatives += 1 - label
        tp += label and predicted
        fp += (not label) and predicted
        fn += label and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, positives, negatives


def misses(detectors: Sequence[Detector], cue: str, path: Path) -> list[tuple[str, str]]:
    """The dev-set lines the detectors get wrong, as ("FP" or "FN", text)."""
    wrong = []
    for label, text in read_dev_set(path):
        predicted = flags(detectors, cue, text)
        if predicted != bool(label):
            wrong.append(("FN" if label else "FP", text))
    return wrong


def main(argv: Sequence[str] | None = None) -> int:
    from rekindle.signals.lexicon import lexicon_detectors

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cues", nargs="*", help="cue names (default: every dev set)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument(
        "--heldout", action="store_true", help="score eval/cues/heldout/ instead (never tuned on)"
    )
    args = parser.parse_args(argv)
    detectors = lexicon_detectors()
    folder = CUES / "heldout" if args.heldout else CUES
    names = args.cues or sorted(p.stem for p in folder.glob("*.tsv"))
    print(f"{'cue':24} {'P':>5} {'R':>5} {'F1':>5} {'pos':>4} {'neg':>4}")
    below = 0
    for cue in names:
        path = folder / f"{cue}.tsv"
        precision, recall, f1, pos, neg = score_cue(detectors, cue, path)
        below += f1 < 0.80
        print(f"{cue:24} {precision:5.2f} {recall:5.2f} {f1:5.2f} {pos:4} {neg:4}")
        if args.verbose:
            for kind, text in misses(detectors, cue, path):
                print(f"    {kind} {text}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
