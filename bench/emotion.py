"""Emotion model speed: messages per second through ``EmotionModel.predict_proba``, one core.

Pins itself to one CPU with one numpy thread, then scores the GoEmotions dev comments (from
``../shared/datasets/goemotions``, or ``$REKINDLE_SHARED``) in batches of 2,048, as the cue
runner does. Without the shared data it scores generated chat lines instead. Each pass is
timed five times; the best and the median are printed.

    python bench/emotion.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("REKINDLE_SHARED", HERE.parent.parent / "shared"))
DEV = SHARED / "datasets" / "goemotions" / "dev.tsv"
BATCH = 2048
REPEATS = 5


def messages() -> tuple[str, list[str]]:
    """A description of the texts, and the texts."""
    if DEV.is_file():
        lines = DEV.read_text(encoding="utf-8").splitlines()
        return "GoEmotions dev comments", [line.split("\t")[0] for line in lines]
    from generate import BODIES, ENDINGS, OPENERS

    rng = random.Random(7)
    texts = [
        f"{rng.choice(OPENERS)}, {rng.choice(BODIES)}{rng.choice(ENDINGS)}" for _ in range(5000)
    ]
    return "generated chat lines", texts


def main() -> None:
    from rekindle.signals.emotion import EmotionModel

    source, texts = messages()
    model = EmotionModel.load()
    model.predict_proba(texts[:100])  # warm up
    seconds = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for i in range(0, len(texts), BATCH):
            model.predict_proba(texts[i : i + BATCH])
        seconds.append(time.perf_counter() - start)
    best = len(texts) / min(seconds)
    median = len(texts) / statistics.median(seconds)
    print(
        f"{len(texts):,} {source}, one core, batches of {BATCH:,}:"
        f" {best:,.0f} messages/s (best of {REPEATS}), {median:,.0f} (median)"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
