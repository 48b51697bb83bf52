"""`make eval`: precision, recall and F1 of every cue, the safety screen and the emotion model.

- Cues: the project's labelled chat-style dev sets in eval/cues/<cue>.tsv.
- Safety: eval/safety/ (crisis and abuse statements, explicit and veiled, and benign talk).
- Emotions: GoEmotions dev.tsv from ../shared (skipped when absent), macro-F1 over the 28
  labels and over Ekman's 7 groups.

Prints the tables and writes them into docs/signals.md between its eval markers.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOCS = ROOT / "docs" / "signals.md"
SHARED = Path(os.environ.get("REKINDLE_SHARED", ROOT.parent / "shared"))
GOEMOTIONS_DEV = SHARED / "datasets" / "goemotions" / "dev.tsv"
sys.path.insert(0, str(HERE))

CUE_TARGET = 0.80
TARGETS = {"crisis_recall": 0.95, "abuse_recall": 0.90, "false_alarms": 0.02}
EMOTION_TARGET = 0.40


def cue_table(folder: Path = HERE / "cues") -> tuple[str, list[str]]:
    from cue_scores import score_cue

    from rekindle.signals.registry import default_detectors

    detectors = default_detectors()
    rows = [
        "| cue | precision | recall | F1 | positives | hard negatives |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    misses = []
    for path in sorted(folder.glob("*.tsv")):
        cue = path.stem
        precision, recall, f1, positives, negatives = score_cue(detectors, cue, path)
        mark = "" if f1 >= CUE_TARGET else " (below 0.80)"
        if f1 < CUE_TARGET:
            misses.append(f"{folder.name}/{cue} F1 {f1:.2f}")
        rows.append(
            f"| {cue} | {precision:.2f} | {recall:.2f} | {f1:.2f}{mark}"
            f" | {positives} | {negatives} |"
        )
    return "\n".join(rows), misses


def safety_table(heldout: bool = False) -> tuple[str, list[str]]:
    from safety_scores import SAFETY, score_safety

    scores = score_safety(SAFETY / "heldout" if heldout else SAFETY)
    label = "held-out safety " if heldout else ""
    misses = []
    if scores["crisis_recall"] < TARGETS["crisis_recall"]:
        misses.append(f"{label}crisis recall {scores['crisis_recall']:.3f}")
    if scores["abuse_recall"] < TARGETS["abuse_recall"]:
        misses.append(f"{label}abuse recall {scores['abuse_recall']:.3f}")
    if scores["false_alarm_rate"] > TARGETS["false_alarms"]:
        misses.append(f"{label}false alarms {scores['false_alarm_rate']:.3f}")
    rows = [
        "| measure | value | target | examples |",
        "|---|---:|---:|---:|",
        f"| crisis recall | {scores['crisis_recall']:.3f} | ≥ 0.95 | {scores['crisis_n']} |",
        f"| abuse recall | {scores['abuse_recall']:.3f} | ≥ 0.90 | {scores['abuse_n']} |",
        f"| false alarms on benign talk | {scores['false_alarm_rate']:.3f} | ≤ 0.02 |"
        f" {scores['benign_n']} |",
    ]
    return "\n".join(rows), misses


def emotion_table() -> tuple[str, list[str]]:
    if not GOEMOTIONS_DEV.is_file():
        return "(GoEmotions dev.tsv not found: skipped)", []
    import numpy as np

    from rekindle.signals.emotion import EKMAN, EKMAN_LABELS, LABELS, EmotionModel

    texts, gold = [], []
    for line in GOEMOTIONS_DEV.read_text(encoding="utf-8").splitlines():
        text, labels, _ = line.split("\t")
        texts.append(text)
        row = np.zeros(len(LABELS), dtype=bool)
        row[[int(i) for i in labels.split(",")]] = True
        gold.append(row)
    truth = np.array(gold)
    model = EmotionModel.load()
    probabilities = model.predict_proba(texts)
    predicted = probabilities >= model.thresholds
    # Every text gets at least its most likely label, as top_labels does.
    predicted[np.arange(len(texts)), probabilities.argmax(axis=1)] = True
    macro28 = _macro_f1(truth, predicted)
    group_of = {label: group for group, members in EKMAN.items() for label in members}
    ekman_truth = np.zeros((len(texts), len(EKMAN_LABELS)), dtype=bool)
    ekman_pred = np.zeros_like(ekman_truth)
    for j, label in enumerate(LABELS):
        g = EKMAN_LABELS.index(group_of[label])
        ekman_truth[:, g] |= truth[:, j]
        ekman_pred[:, g] |= predicted[:, j]
    macro7 = _macro_f1(ekman_truth, ekman_pred)
    misses = [] if macro28 >= EMOTION_TARGET else [f"emotion macro-F1 {macro28:.3f}"]
    rows = [
        "| measure | value | target |",
        "|---|---:|---:|",
        f"| macro-F1, 28 GoEmotions labels (dev, {len(texts):,} comments) | {macro28:.3f} |"
        " ≥ 0.40 (stretch 0.46) |",
        f"| macro-F1, Ekman's 7 groups | {macro7:.3f} | |",
    ]
    return "\n".join(rows), misses


def _macro_f1(truth, predicted) -> float:  # type: ignore[no-untyped-def]
    import numpy as np

    tp = (truth & predicted).sum(axis=0)
    fp = (~truth & predicted).sum(axis=0)
    fn = (truth & ~predicted).sum(axis=0)
    denominator = 2 * tp + fp + fn
    f1 = np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), 0.0)
    return float(f1.mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-docs", action="store_true", help="do not update docs/signals.md")
    args = parser.parse_args()
    sections = {}
    all_misses = []
    builds = {
        "cues": cue_table,
        "heldout": lambda: cue_table(HERE / "cues" / "heldout"),
        "safety": safety_table,
        "safety-heldout": lambda: safety_table(heldout=True),
        "emotions": emotion_table,
    }
    for name, build in builds.items():
        table, misses = build()
        sections[name] = table
        all_misses += misses
        print(f"\n## {name}\n\n{table}")
    if all_misses:
        print("\nBelow target: " + "; ".join(all_misses))
    else:
        print("\nEvery target met.")
    if not args.no_docs:
        text = DOCS.read_text(encoding="utf-8")
        for name, table in sections.items():
            pattern = re.compile(
                rf"(<!-- eval:{name}:start -->\n).*?(\n<!-- eval:{name}:end -->)", re.S
            )
            if pattern.search(text):
                text = pattern.sub(lambda m, t=table: m.group(1) + t + m.group(2), text)
        DOCS.write_text(text, encoding="utf-8")
        print(f"updated {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
