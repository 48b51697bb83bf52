"""Write the per-cue reference in docs/signals.md from the cue lexicon files.

Each lexicon file (``src/rekindle/signals/lexicons/<lang>/<cue>.json``) carries the cue's
description, the research behind it and its known limits. This script copies them, one
``###`` heading per cue, between the ``cues:reference`` markers of docs/signals.md, so the
docs and the data cannot drift apart (tests/test_docs.py checks that they agree).

    .venv/bin/python scripts/cue_docs.py
"""

from __future__ import annotations

import re
from pathlib import Path

from rekindle.signals.lexicon import load_lexicons

DOCS = Path(__file__).resolve().parents[1] / "docs" / "signals.md"
MARKERS = re.compile(r"(<!-- cues:reference:start -->\n).*?(\n<!-- cues:reference:end -->)", re.S)

# The order and grouping of the reference: the research's families, then the rest.
FAMILIES = (
    ("The Four Horsemen", ("criticism", "contempt", "defensiveness", "stonewalling_marker")),
    (
        "Their antidotes",
        ("gentle_startup", "appreciation", "taking_responsibility", "break_request"),
    ),
    (
        "Repair, bids and warmth",
        ("repair_attempt", "bid", "affection", "apology", "gratitude", "question", "logistics"),
    ),
    (
        "Emotional labour",
        ("check_in", "serious_talk", "comfort", "remembering_dates"),
    ),
    ("Micro-aggressions that show in text", ("minimising", "backhanded", "unilateral_decision")),
)


def reference(language: str = "en") -> str:
    """The Markdown reference of every lexicon cue of ``language``."""
    lexicons = {lex.cue: lex for lex in load_lexicons(language).lexicons}
    placed = {cue for _, cues in FAMILIES for cue in cues}
    families = [*FAMILIES, ("Other cues", tuple(sorted(set(lexicons) - placed)))]
    parts = []
    for title, cues in families:
        present = [cue for cue in cues if cue in lexicons]
        if not present:
            continue
        parts.append(f"### {title}\n")
        for cue in present:
            lexicon = lexicons[cue]
            details = sorted({g.detail for g in lexicon.groups if g.detail})
            lines = [
                f"#### {cue}",
                "",
                f"**What it detects.** {lexicon.description}",
                "",
                f"**Evidence.** {lexicon.evidence}",
                "",
                f"**Known limits.** {lexicon.limits}",
                "",
                f"Data file: `lexicons/{language}/{cue}.json`."
                + (f" Details: {', '.join(f'`{d}`' for d in details)}." if details else ""),
                "",
            ]
            parts.append("\n".join(lines))
    return "\n".join(parts).rstrip()


def main() -> None:
    text = DOCS.read_text(encoding="utf-8")
    if not MARKERS.search(text):
        raise SystemExit(f"{DOCS.name} has no cues:reference markers")
    updated = MARKERS.sub(lambda m: m.group(1) + reference() + m.group(2), text)
    DOCS.write_text(updated, encoding="utf-8")
    print(f"updated docs/{DOCS.name}")


if __name__ == "__main__":
    main()
