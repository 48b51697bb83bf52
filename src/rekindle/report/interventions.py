"""The project's own interventions: micro-habits, exercises and conversations.

They live in ``interventions/<language>.json``, each keyed to the findings it answers
(``for``), to the tones it suits (a strength is kept, a pattern to watch is worked on) and to
the research it rests on. The report picks from them for "what to try"; the later guidance
stage (the weekly plan) reads the same library through :func:`library`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rekindle.report.document import Intervention, Tone

__all__ = ["LibraryEntry", "choose", "library"]


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One intervention, with what it is for."""

    intervention: Intervention
    findings: tuple[str, ...]
    tones: tuple[Tone, ...]


@cache
def library(language: str = "en") -> tuple[LibraryEntry, ...]:
    """Every intervention for ``language``, in the file's order."""
    folder = resources.files("rekindle.report").joinpath("interventions")
    data = json.loads(folder.joinpath(f"{language}.json").read_text(encoding="utf-8"))
    return tuple(_entry(item) for item in data["interventions"])


def _entry(item: dict[str, Any]) -> LibraryEntry:
    intervention = Intervention(
        id=item["id"],
        title=item["title"],
        kind=item["kind"],
        minutes=int(item["minutes"]),
        steps=tuple(item["steps"]),
        why=item["why"],
        citations=tuple(item.get("citations", ())),
    )
    return LibraryEntry(intervention, tuple(item["for"]), tuple(item["tones"]))


def choose(
    finding: str,
    tone: Tone,
    limit: int = 2,
    exclude: frozenset[str] = frozenset(),
    language: str = "en",
) -> tuple[Intervention, ...]:
    """Up to ``limit`` interventions for ``finding`` in this ``tone``, in library order.

    Those in ``exclude`` (already suggested elsewhere in the report) are passed over while
    others are available, so one report does not repeat itself.
    """
    fitting = [e for e in library(language) if finding in e.findings and tone in e.tones]
    fresh = [e for e in fitting if e.intervention.id not in exclude]
    repeats = [e for e in fitting if e.intervention.id in exclude]
    return tuple(e.intervention for e in (fresh + repeats)[:limit])
