"""Cue speed: every detector together versus plain VADER in a naive loop, on one core.

Runs in its own process pinned to one CPU with one numpy thread. Both sides read the same
messages (the text messages of the generated WhatsApp export). Rekindle's runner caches
repeated texts and batches the emotion model, as the issue allows; to show what the cache is
worth, the run is repeated on the distinct texts alone (where no cache can help).

    python bench/cues.py bench/data/whatsapp-200000.txt   # prints one JSON line
"""

from __future__ import annotations

import json
import os
import sys
import time

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main(path: str) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from rekindle.ingest import open_export
    from rekindle.model import MessageKind
    from rekindle.signals.pipeline import CueRunner

    messages = [m for m in open_export(path).messages() if m.kind is MessageKind.TEXT]
    texts = [m.text for m in messages]
    distinct = list(dict.fromkeys(texts))

    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for text in texts:
        analyzer.polarity_scores(text)
    vader_seconds = time.perf_counter() - start

    runner = CueRunner()
    runner.analyze(["warm up the model and lexicons"])
    start = time.perf_counter()
    count = sum(1 for _ in runner.run(messages))
    cues_seconds = time.perf_counter() - start

    fresh = CueRunner()
    fresh.analyze(["warm up the model and lexicons"])
    start = time.perf_counter()
    for i in range(0, len(distinct), 2048):
        fresh.analyze(distinct[i : i + 2048])
    distinct_seconds = time.perf_counter() - start

    print(
        json.dumps(
            {
                "messages": count,
                "distinct": len(distinct),
                "vader_seconds": vader_seconds,
                "cues_seconds": cues_seconds,
                "distinct_seconds": distinct_seconds,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
