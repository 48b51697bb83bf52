"""Metrics speed and memory: ``rekindle.metrics.compute`` over the generated WhatsApp export.

Runs pinned to one CPU with one numpy thread. Two measurements, each in its own fresh process:

- ``compute``: messages and their cues are read into lists first, then only ``compute()`` is
  timed; the peak-memory figure is how far the process's peak grew during it.
- ``stream``: the whole pipeline streaming end to end (read the export, run every cue
  detector, compute the metrics) with nothing held in lists; its peak is the process's
  maximum resident set size, interpreter included.

    python bench/generate.py 200000 bench/data/whatsapp-200000.txt   # makes the file first
    python bench/metrics.py bench/data/whatsapp-200000.txt   # prints one JSON line per mode
    python bench/metrics.py --only stream bench/data/whatsapp-1000000.txt

Wall-clock seconds and CPU seconds are both printed: on a shared machine the CPU time says
more about the code, the wall-clock time about what a user waits.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from itertools import tee

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compute_only(path: str) -> dict[str, float]:
    from rekindle.ingest import open_export
    from rekindle.metrics import compute
    from rekindle.signals.pipeline import CueRunner

    export = open_export(path)
    messages = list(export.messages())
    cues = list(CueRunner().run(messages))
    before = peak_mb()
    start, cpu_start = time.perf_counter(), time.process_time()
    metrics = compute(messages, cues, ())  # participants are found as they write
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "mode": "compute",
        "messages": len(messages),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "messages_per_s": len(messages) / seconds,
        "us_per_message": seconds / len(messages) * 1e6,
        "cpu_us_per_message": cpu / len(messages) * 1e6,
        "peak_growth_mb": peak_mb() - before,
        "episodes": metrics.conflict.n,
        "bids": metrics.bids.n,
    }


def stream(path: str) -> dict[str, float]:
    from rekindle.ingest import open_export
    from rekindle.metrics import compute
    from rekindle.signals.pipeline import CueRunner

    start, cpu_start = time.perf_counter(), time.process_time()
    # One read of the export feeds both the cue runner and compute(): tee holds only the
    # messages between the two (one batch of the cue runner).
    for_cues, for_metrics = tee(open_export(path).messages())
    metrics = compute(for_metrics, CueRunner().run(for_cues), ())
    count = metrics.activity.n + metrics.activity.skipped
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "mode": "stream",
        "messages": count,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "messages_per_s": count / seconds,
        "peak_mb": peak_mb(),
    }


def main(path: str, modes: tuple[str, ...] = ("compute", "stream")) -> None:
    for mode in modes:
        done = subprocess.run(
            [sys.executable, __file__, "--mode", mode, path],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"{mode} failed:\n{done.stderr[-2000:]}")
        print(done.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--mode":
        result = compute_only(sys.argv[3]) if sys.argv[2] == "compute" else stream(sys.argv[3])
        print(json.dumps(result))
    elif len(sys.argv) == 4 and sys.argv[1] == "--only":
        main(sys.argv[3], (sys.argv[2],))
    else:
        main(sys.argv[1])
