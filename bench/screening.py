"""What screening every message costs: ``rekindle analyze`` with and without the safety screen,
on a 200,000-message two-person chat of mostly distinct texts, in one run.

The chat's texts are real short comments (GoEmotions' train and dev sets, in ``../shared``),
cut into sentences and recombined deterministically, so that at least 85% of messages are
distinct and their lengths are those of real writing, plus a head of short repeats ("ok",
"haha", "love you") as real chats have. The synthetic chat of ``bench/generate.py`` repeats
94% of its texts, which lets the cache of results do most of the work; this one does not.

Both analyses run in fresh processes, alternately, ``--repeat`` times each (best kept), with
the worker process the CLI uses by default. The screen is also timed alone, with the share of
messages its cheap stage let through to the sentence encoder.

    .venv/bin/python bench/screening.py               # 200,000 messages, docs updated
    .venv/bin/python bench/screening.py --size 50000 --no-docs
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SHARED = Path(os.environ.get("REKINDLE_SHARED", ROOT.parent / "shared"))
GOEMOTIONS = SHARED / "datasets" / "goemotions"
PEOPLE = ("Alex Morgan", "Sam Rivera")
SHORT = [
    "ok",
    "okay",
    "haha",
    "love you",
    "lol",
    "yes",
    "no",
    "omw",
    "night x",
    "thanks",
    "same",
    "sure",
    "ok 👍",
    "❤️",
    "miss you",
    "hahaha",
    "yep",
    "home",
    "k",
    "sorry",
]
SENTENCE = re.compile(r"(?<=[.!?])\s+")

HARNESS = """
import json, resource, sys, time
from rekindle.ingest import open_export
from rekindle.report.analysis import analyze_export
start = time.perf_counter(); cpu = time.process_time()
analysis = analyze_export(open_export(sys.argv[1]), workers=1, screen=sys.argv[2] == "1")
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": time.process_time() - cpu, "peak_mb": peak,
                  "count": analysis.summary.total}))
"""


def texts_from_goemotions() -> list[str]:
    """Every sentence of GoEmotions' train and dev comments, in file order."""
    if not GOEMOTIONS.is_dir():
        raise SystemExit(f"{GOEMOTIONS}: GoEmotions is needed for the distinct-text chat")
    sentences = []
    for name in ("train.tsv", "dev.tsv"):
        for line in (GOEMOTIONS / name).read_text(encoding="utf-8").splitlines():
            comment = line.split("\t")[0].replace("[NAME]", "Sam").strip()
            sentences.extend(s for s in SENTENCE.split(comment) if s)
    return sentences


def ordinary_texts(count: int, seed: int = 11) -> list[str]:
    """``count`` chat messages: real sentences, alone or in pairs, and short repeats."""
    rng = random.Random(seed)
    sentences = texts_from_goemotions()
    texts = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.10:
            text = rng.choice(SHORT)
        elif roll < 0.25:
            text = rng.choice(sentences)
        else:
            text = f"{rng.choice(sentences)} {rng.choice(sentences)}"
        texts.append(text)
    return texts


def generate(count: int, path: Path, seed: int = 11) -> float:
    """Write the chat; return its share of distinct texts."""
    texts = ordinary_texts(count, seed)
    rng = random.Random(seed + 1)
    stamp = datetime(2021, 3, 1, 7, 30)
    path.parent.mkdir(parents=True, exist_ok=True)
    sender = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for text in texts:
            stamp += timedelta(seconds=rng.choice((20, 45, 90, 240, 600, 1800, 5400)))
            if rng.random() < 0.45:
                sender = 1 - sender
            out.write(f"{stamp:%d/%m/%Y, %H:%M} - {PEOPLE[sender]}: {text}\n")
    return len(set(texts)) / len(texts)


def measure(path: Path, screen: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as cache:
        done = subprocess.run(
            [sys.executable, "-c", HARNESS, str(path), "1" if screen else "0"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "REKINDLE_CACHE_DIR": cache},
        )
    if done.returncode != 0:
        raise SystemExit(f"analyze failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def screen_alone(path: Path) -> dict[str, float]:
    """The screen on its own over the chat's texts, and the share reaching the encoder."""
    from rekindle.safety import screen_many
    from rekindle.safety.model import default_model
    from rekindle.safety.screening import CHAT_ENCODER_SHARE, ENCODER_FLOOR

    texts = [line.split(": ", 1)[1] for line in path.read_text(encoding="utf-8").splitlines()]
    model = default_model()
    start = time.perf_counter()
    found = screen_many(texts, encoder_share=CHAT_ENCODER_SHARE)
    seconds = time.perf_counter() - start
    passed = min(
        int(model.cheap.passes(texts).sum()),
        max(ENCODER_FLOOR, int(CHAT_ENCODER_SHARE * len(texts))),
    )
    return {
        "seconds": seconds,
        "per_message_us": 1e6 * seconds / len(texts),
        "encoder_share": passed / len(texts),
        "flagged": sum(1 for s in found if s.flagged),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-docs", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args()
    path = DATA / f"distinct-{args.size}.txt"
    distinct = generate(args.size, path)
    megabytes = path.stat().st_size / 1024**2
    runs: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    for _ in range(args.repeat):
        for screen in (False, True):
            runs[screen].append(measure(path, screen))
    plain = min(runs[False], key=lambda r: r["seconds"])
    screened = min(runs[True], key=lambda r: r["seconds"])
    alone = screen_alone(path)
    added = screened["seconds"] / plain["seconds"] - 1
    table = "\n".join(
        [
            f"Chat: {args.size:,} messages ({megabytes:.1f} MB), {distinct:.0%} distinct texts; "
            f"best of {args.repeat} runs each, in one run.",
            "",
            "| run | seconds | CPU seconds | peak MB |",
            "|---|---:|---:|---:|",
            f"| analyze, no screen | {plain['seconds']:.1f} | {plain['cpu']:.1f} "
            f"| {plain['peak_mb']:.0f} |",
            f"| analyze, every message screened | {screened['seconds']:.1f} "
            f"| {screened['cpu']:.1f} | {screened['peak_mb']:.0f} |",
            f"| the screen alone (one process) | {alone['seconds']:.1f} | | |",
            "",
            f"Screening adds **{added:+.0%}** to the whole analysis (target: at most +20%). "
            f"The screen alone costs {alone['per_message_us']:.0f} µs a message; its cheap stage "
            f"sent {alone['encoder_share']:.2%} of the messages to the sentence encoder (the cap); "
            f"{alone['flagged']:,} messages were flagged.",
        ]
    )
    print(table)
    if not args.no_docs:
        update_docs(table)


def update_docs(table: str) -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    text = docs.read_text(encoding="utf-8")
    begin, end = "<!-- screening:begin -->", "<!-- screening:end -->"
    block = f"{begin}\n{table}\n{end}"
    if begin in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text += f"\n## Screening every message\n\n{block}\n"
    docs.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
