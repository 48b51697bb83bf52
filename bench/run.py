"""Benchmarks, with the peers they compare against, side by side in one run.

Each measurement runs in a fresh Python process, so peak memory (the process's maximum
resident set size, as the operating system reports it) is that parser's alone, interpreter
included. Results are printed and written into docs/benchmarks.md between its markers.

    make bench                      # everything
    python bench/run.py --sizes 200000 --skip-peers
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
DOCS = ROOT / "docs" / "benchmarks.md"

sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

# Each snippet reads the file named by sys.argv[1] and prints how many messages it found.
ANALYZE = """
import os
from rekindle.ingest import open_export
from rekindle.report.analysis import analyze_export, default_workers
from rekindle.report.html import render_html
export = open_export(sys.argv[1])
workers = int(os.environ.get("BENCH_WORKERS", default_workers(os.path.getsize(sys.argv[1]))))
analysis = analyze_export(export, workers=workers)
html = render_html(analysis.report)
count = analysis.summary.total
"""
PARSERS = {
    "rekindle": """
from rekindle.ingest import open_export
count = sum(1 for _ in open_export(sys.argv[1]).messages())
""",
    # The whole of `rekindle analyze FILE --html OUT`: parse, every cue, metrics, report, HTML,
    # with the CLI's default worker processes and the compiled-pattern cache already filled.
    "rekindle-analyze": ANALYZE,
    # The same, on a machine where it never ran: an empty compiled-pattern cache.
    "rekindle-analyze-first-run": ANALYZE,
    # The same in one process (no worker), cache filled.
    "rekindle-analyze-one-process": ANALYZE,
    "whatstk": """
from whatstk.whatsapp.parser import df_from_whatsapp
count = len(df_from_whatsapp(sys.argv[1], max_size=None))  # no size cap, to compare at 1M
""",
    "chat-miner": """
import logging
logging.disable(logging.WARNING)
from chatminer.chatparsers import WhatsAppParser
parser = WhatsAppParser(sys.argv[1])
parser.parse_file()
count = len(parser.parsed_messages.get_df())
""",
}
ANALYZE_NOTES = {
    "rekindle-analyze": "(parse, cues, metrics, report, HTML; default worker, warm cache)",
    "rekindle-analyze-first-run": "on its first run (empty compiled-pattern cache)",
    "rekindle-analyze-one-process": "in one process (--jobs 0, warm cache)",
}
REKINDLE = (
    "rekindle",
    "rekindle-analyze",
    "rekindle-analyze-first-run",
    "rekindle-analyze-one-process",
)

# Wall-clock seconds; CPU seconds of the process and its workers together; peak memory of the
# process plus that of its largest worker (each one's maximum resident set size).
HARNESS = """
import json, resource, sys, time
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime
print(json.dumps({{"count": count, "seconds": seconds, "cpu": cpu,
                  "peak_mb": (me.ru_maxrss + workers.ru_maxrss) / 1024}}))
"""


def measure(name: str, path: Path, repeat: int) -> dict[str, float]:
    """Run one parser on one file in fresh processes; keep the fastest of ``repeat`` runs
    (the least disturbed by whatever else the machine was doing) and the highest peak."""
    code = HARNESS.format(body=PARSERS[name])
    runs = []
    with tempfile.TemporaryDirectory() as warm_cache:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as empty_cache:
                environ = {**os.environ, "REKINDLE_CACHE_DIR": warm_cache}
                if name == "rekindle-analyze-first-run":
                    environ["REKINDLE_CACHE_DIR"] = empty_cache
                elif name.startswith("rekindle-analyze"):
                    warm(code, path, environ)
                if name == "rekindle-analyze-one-process":
                    environ["BENCH_WORKERS"] = "0"
                done = subprocess.run(
                    [sys.executable, "-c", code, str(path)],
                    capture_output=True,
                    text=True,
                    check=False,
                    env=environ,
                )
            if done.returncode != 0:
                raise SystemExit(f"{name} failed on {path.name}:\n{done.stderr[-2000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak_mb": max(r["peak_mb"] for r in runs)}


def warm(code: str, path: Path, environ: dict[str, str]) -> None:
    """Fill the compiled-pattern cache as an earlier run on this machine would have: run the
    same analysis once, untimed."""
    marker = Path(environ["REKINDLE_CACHE_DIR"]) / f".warmed-{path.name}"
    if not marker.exists():
        subprocess.run(
            [sys.executable, "-c", code, str(path)], check=True, env=environ, capture_output=True
        )
        marker.touch()


def dataset(size: int) -> Path:
    path = DATA / f"whatsapp-{size}.txt"
    if not path.exists():
        print(f"generating {path.name}...", flush=True)
        generate(size, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="200000,1000000")
    parser.add_argument("--skip-peers", action="store_true", help="measure Rekindle alone")
    parser.add_argument("--no-docs", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best kept)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = list(REKINDLE) if args.skip_peers else list(PARSERS)
    rows = []
    for size in sizes:
        path = dataset(size)
        megabytes = path.stat().st_size / 1024**2
        results = {}
        for name in names:
            print(f"{name} on {path.name}...", flush=True)
            results[name] = measure(name, path, args.repeat)
        base = results["rekindle"]
        for name in names:
            result = results[name]
            rows.append(
                {
                    "file": f"{size:,} messages ({megabytes:.1f} MB)",
                    "parser": name,
                    "messages": int(result["count"]),
                    "seconds": result["seconds"],
                    "rate": result["count"] / result["seconds"],
                    "peak_mb": result["peak_mb"],
                    "cpu": result["cpu"],
                    "speedup": result["seconds"] / base["seconds"],
                }
            )
    table = render(rows, args.repeat)
    print(table)
    cue_table = measure_cues(dataset(sizes[0]))
    print(cue_table)
    if not args.no_docs:
        update_docs("ingest", table)
        update_docs("cues", cue_table)


def render(rows: list[dict[str, object]], repeat: int) -> str:
    lines = [
        f"Measured {date.today():%Y-%m-%d} on {platform.machine()}, Python"
        f" {platform.python_version()}, fresh processes, best of {repeat} runs each"
        " (`make bench`).",
        "",
        "| file | what runs | messages found | seconds | CPU seconds | messages/s |"
        " peak memory (MB) | time ÷ Rekindle's parse |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['file']} | {row['parser']} | {row['messages']:,} | {row['seconds']:.2f} |"
            f" {row['cpu']:.2f} | {row['rate']:,.0f} | {row['peak_mb']:.0f} |"
            f" {row['speedup']:.1f}x |"
        )
    by_file: dict[object, dict[object, dict[str, object]]] = {}
    for row in rows:
        by_file.setdefault(row["file"], {})[row["parser"]] = row
    notes = []
    for file, found in by_file.items():
        if "whatstk" not in found:
            continue
        whatstk = float(str(found["whatstk"]["seconds"]))
        for name, what in ANALYZE_NOTES.items():
            if name in found:
                seconds = float(str(found[name]["seconds"]))
                notes.append(
                    f"- {file}: `rekindle analyze` {what} took {seconds:.2f} s; whatstk took"
                    f" {whatstk:.2f} s just to parse ({seconds / whatstk:.2f}× whatstk's time)."
                )
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def measure_cues(path: Path) -> str:
    """All cues vs plain VADER, on one core, in one fresh process."""
    print(f"cues on {path.name}...", flush=True)
    with tempfile.TemporaryDirectory() as cache:
        # The second run is the one kept: its compiled-pattern cache was filled by the first,
        # as on any machine after Rekindle's first run.
        for _ in range(2):
            done = subprocess.run(
                [sys.executable, str(HERE / "cues.py"), str(path)],
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "REKINDLE_CACHE_DIR": cache},
            )
            if done.returncode != 0:
                raise SystemExit(f"the cue benchmark failed:\n{done.stderr[-2000:]}")
    r = json.loads(done.stdout.strip().splitlines()[-1])
    n, distinct = r["messages"], r["distinct"]
    return "\n".join(
        [
            f"Measured {date.today():%Y-%m-%d} on one pinned core, one numpy thread, on the"
            f" {n:,} text messages of `{path.name}` ({distinct:,} distinct texts).",
            "",
            "| what runs | seconds | messages/s |",
            "|---|---:|---:|",
            f"| plain VADER, naive loop (sentiment only) | {r['vader_seconds']:.2f} |"
            f" {n / r['vader_seconds']:,.0f} |",
            f"| Rekindle, every cue (sentiment, emotions, lexicon cues, safety, function words),"
            f" cached and batched | {r['cues_seconds']:.2f} | {n / r['cues_seconds']:,.0f} |",
            f"| Rekindle, every cue, on the {distinct:,} distinct texts only (no cache hits) |"
            f" {r['distinct_seconds']:.2f} | {distinct / r['distinct_seconds']:,.0f} |",
        ]
    )


def update_docs(section: str, table: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    pattern = re.compile(
        rf"(<!-- bench:{section}:start -->\n).*?(\n<!-- bench:{section}:end -->)", re.S
    )
    if not pattern.search(text):
        raise SystemExit(f"{DOCS} has no bench:{section} markers")
    DOCS.write_text(pattern.sub(lambda m: m.group(1) + table + m.group(2), text), encoding="utf-8")
    print(f"updated {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
