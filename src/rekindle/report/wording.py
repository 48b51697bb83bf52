"""The report's fixed wording: notices, caveats and what each finding means.

It lives in ``wording/<language>.json`` so that prose is edited as prose, and a translation
is one new file. The builder fills in the figures and names; everything else comes from here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["FindingWording", "Wording", "wording"]


@dataclass(frozen=True, slots=True)
class FindingWording:
    """What a finding is, what it means, what it rests on and where it stops."""

    title: str
    meaning: str
    evidence: str
    citations: tuple[str, ...]
    limits: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LabourWording:
    """The label and description of one row of the emotional-labour table."""

    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Wording:
    """Every fixed text of the report in one language."""

    disclosure: dict[str, str]
    caveats: tuple[str, ...]
    caveat_local_time: str
    caveat_few_messages: str
    caveat_period: str
    caveat_group: str
    findings: dict[str, FindingWording]
    labour_note: str
    labour_rows: dict[str, LabourWording]


@cache
def wording(language: str = "en") -> Wording:
    """The report's wording for ``language``."""
    folder = resources.files("rekindle.report").joinpath("wording")
    data: dict[str, Any] = json.loads(
        folder.joinpath(f"{language}.json").read_text(encoding="utf-8")
    )
    caveats = data["caveats"]
    labour = data["emotional_labour"]
    return Wording(
        disclosure=dict(data["disclosure"]),
        caveats=tuple(caveats["always"]),
        caveat_local_time=caveats["local_time"],
        caveat_few_messages=caveats["few_messages"],
        caveat_period=caveats["period"],
        caveat_group=caveats["group"],
        findings={
            key: FindingWording(
                title=item["title"],
                meaning=item["meaning"],
                evidence=item["evidence"],
                citations=tuple(item["citations"]),
                limits=tuple(item["limits"]),
            )
            for key, item in data["findings"].items()
        },
        labour_note=labour["note"],
        labour_rows={
            key: LabourWording(item["label"], item["description"])
            for key, item in labour["rows"].items()
        },
    )
