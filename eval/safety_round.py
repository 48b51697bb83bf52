"""Score the safety screen on one blind evaluation round (``eval/safety/rounds/<N>/``).

A round is written by someone who has not read the phrase files, the rules, the training
corpus or earlier rounds. It is scored once, on first contact, and that figure is published
(docs/safety.md) before anyone reads the statements; only then may the round join the
training data. This script prints counts and shares only, never the statements, unless
``--misses`` is given (for after the first-contact figure is recorded).

Each file holds ``label<TAB>category<TAB>text`` lines:

- ``crisis.tsv``: ``crisis`` (explicit) or ``concern`` (veiled);
- ``abuse.tsv``: ``experiencing`` (it happens to the writer) or ``using`` (the writer does it);
- ``benign.tsv``: ``none`` (hard negatives: the same words in ordinary talk).

The measures (and the targets the safety issue set):

- crisis caught: the level is concern or crisis (≥ 0.95);
- explicit at crisis: explicit statements screened at level crisis (≥ 0.95);
- abuse caught: ``abuse`` is true (≥ 0.90);
- voice right: among abuse caught, ``abuse_voice`` is the labelled one;
- false alarms: a benign statement with any level or abuse (≤ 0.03).

Each measure is also given per layer (phrases, rules, model) to show what each one adds, and
for the two whole-chat paths: ``upload`` (the web app's background screen of an uploaded
chat) and ``analyze`` (``rekindle analyze``, whose sentence encoder is capped at 0.2% of the
messages; the statements are mixed into 100,000 ordinary messages, as in a real chat).

    python eval/safety_round.py 6                 # figures only
    python eval/safety_round.py 6 --json out.json # ... and write them
    python eval/safety_round.py 6 --misses        # list the misses (after first contact)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rekindle.safety import Screening, screen, screen_many
from rekindle.safety.compositional import rule_signs
from rekindle.safety.model import default_model
from rekindle.safety.screening import (
    CHAT_ENCODER_SHARE,
    NOTHING_FOUND,
    _with_rules,
    screen_signs,
)
from rekindle.signals.safety_cues import find_signs
from rekindle.signals.text import Text

ROUNDS = Path(__file__).resolve().parent / "safety" / "rounds"
LABELS = {
    "crisis.tsv": ("crisis", "concern"),
    "abuse.tsv": ("experiencing", "using"),
    "benign.tsv": ("none",),
}
TARGETS = {
    "crisis_caught": ">= 0.95",
    "explicit_at_crisis": ">= 0.95",
    "abuse_caught": ">= 0.90",
    "false_alarms": "<= 0.03",
}


def read_round(folder: Path, name: str) -> list[tuple[str, str, str]]:
    """The (label, category, text) rows of one file; a bad line names its file and number."""
    rows = []
    path = folder / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in LABELS[name] or not parts[2].strip():
            raise ValueError(f"{path}, line {number}: expected label<TAB>category<TAB>text")
        rows.append((parts[0], parts[1], parts[2]))
    return rows


def _phrases(text: str) -> Screening:
    return screen_signs(find_signs(Text(text), "en"))


def _rules(text: str) -> Screening:
    return _with_rules(NOTHING_FOUND, rule_signs(text))


def _model(text: str) -> Screening:
    verdict = default_model().predict([text])[0]
    return Screening(
        level=verdict.level, abuse=bool(verdict.abuse_voice), abuse_voice=verdict.abuse_voice
    )


LAYERS: dict[str, Callable[[str], Screening]] = {
    "screen": screen,
    "phrases": _phrases,
    "rules": _rules,
    "model": _model,
}
# Whole-chat paths, scored on the round's statements as they would be met in a chat:
# "upload" is the web app's background screen (every message the cheap stage lets through
# reaches the encoder); "analyze" is rekindle analyze's, with the encoder capped at 0.2% of
# the messages, the statements mixed into ORDINARY ordinary messages.
ORDINARY = 100_000


def _upload(texts: list[str]) -> list[Screening]:
    return screen_many(texts)


def _analyze(texts: list[str]) -> list[Screening]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from screening import ordinary_texts

    filler = ordinary_texts(ORDINARY)
    step = len(filler) // (len(texts) + 1)
    chat: list[str] = []
    where = []
    for i, text in enumerate(texts):
        chat.extend(filler[i * step : (i + 1) * step])
        where.append(len(chat))
        chat.append(text)
    chat.extend(filler[len(texts) * step :])
    found = screen_many(chat, encoder_share=CHAT_ENCODER_SHARE)
    return [found[i] for i in where]


BATCH_LAYERS: dict[str, Callable[[list[str]], list[Screening]]] = {
    "upload": _upload,
    "analyze": _analyze,
}


def score_round(folder: Path) -> dict[str, Any]:
    """Every measure, for the whole screen and for each layer alone."""
    crisis = read_round(folder, "crisis.tsv")
    abuse = read_round(folder, "abuse.tsv")
    benign = read_round(folder, "benign.tsv")
    result: dict[str, Any] = {
        "n": {
            "crisis": len(crisis),
            "explicit": sum(1 for label, _, _ in crisis if label == "crisis"),
            "abuse": len(abuse),
            "using": sum(1 for label, _, _ in abuse if label == "using"),
            "benign": len(benign),
        }
    }
    texts = [text for _, _, text in crisis + abuse + benign]
    runs = {name: [layer(text) for text in texts] for name, layer in LAYERS.items()}
    runs.update({name: layer(texts) for name, layer in BATCH_LAYERS.items()})
    for name, found in runs.items():
        on_crisis = [(label, s) for (label, _, _), s in zip(crisis, found, strict=False)]
        on_abuse = [(lb, s) for (lb, _, _), s in zip(abuse, found[len(crisis) :], strict=False)]
        on_benign = found[len(crisis) + len(abuse) :]
        caught_abuse = [(label, s) for label, s in on_abuse if s.abuse]
        result[name] = {
            "crisis_caught": _count(s.level != "none" for _, s in on_crisis),
            "explicit_at_crisis": _count(
                s.level == "crisis" for lb, s in on_crisis if lb == "crisis"
            ),
            "veiled_caught": _count(s.level != "none" for lb, s in on_crisis if lb == "concern"),
            "abuse_caught": _count(s.abuse for _, s in on_abuse),
            "experiencing_caught": _count(s.abuse for lb, s in on_abuse if lb == "experiencing"),
            "using_caught": _count(s.abuse for lb, s in on_abuse if lb == "using"),
            "voice_right": _count(s.abuse_voice == label for label, s in caught_abuse),
            "false_alarms": _count(s.flagged for s in on_benign),
        }
    return result


def misses(folder: Path) -> list[str]:
    """One line per miss and false alarm of the whole screen."""
    lines = []
    for label, category, text in read_round(folder, "crisis.tsv"):
        found = screen(text)
        if found.level == "none" or (label == "crisis" and found.level != "crisis"):
            lines.append(f"{found.level} for {label}/{category}: {text}")
    for label, category, text in read_round(folder, "abuse.tsv"):
        found = screen(text)
        if not found.abuse or found.abuse_voice != label:
            lines.append(f"abuse={found.abuse} {found.abuse_voice} for {label}/{category}: {text}")
    for _, category, text in read_round(folder, "benign.tsv"):
        found = screen(text)
        if found.flagged:
            lines.append(f"FALSE ALARM {found.level} {found.abuse_voice} ({category}): {text}")
    return lines


def _count(flags: Any) -> list[int]:
    values = list(flags)
    return [sum(values), len(values)]


def table(scores: dict[str, Any]) -> str:
    """The figures as a plain table: measure, then hits/n (share) for each layer."""
    names = [*LAYERS, *BATCH_LAYERS]
    lines = [f"{'measure':<22}" + "".join(f"{name:>18}" for name in names) + "  target"]
    for measure in scores["screen"]:
        cells = []
        for name in names:
            hit, n = scores[name][measure]
            cells.append(f"{hit}/{n} ({hit / n:.3f})" if n else "-")
        lines.append(
            f"{measure:<22}" + "".join(f"{c:>18}" for c in cells) + f"  {TARGETS.get(measure, '')}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("round", help="the round's folder name under eval/safety/rounds/")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    folder = ROUNDS / args.round
    scores = score_round(folder)
    print(table(scores))
    if args.json:
        Path(args.json).write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    if args.misses:
        print("\n".join(misses(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
