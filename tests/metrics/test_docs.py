"""docs/metrics.md keeps up with the code: one section per measure, with the same evidence
and limits the results carry, and every setting documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from rekindle.metrics import MetricSettings
from rekindle.metrics.about import ALL
from rekindle.metrics.records import About

DOC = Path(__file__).parents[2] / "docs" / "metrics.md"


def sections() -> dict[str, str]:
    parts = re.split(r"^## (.+)$", DOC.read_text(encoding="utf-8"), flags=re.M)
    return {parts[i].strip(): " ".join(parts[i + 1].split()) for i in range(1, len(parts), 2)}


@pytest.mark.parametrize("about", ALL, ids=[a.key for a in ALL])
def test_every_measure_has_a_section_with_its_evidence_limits_and_minimum(about: About) -> None:
    body = sections().get(about.title)
    assert body is not None, f"docs/metrics.md needs a '## {about.title}' section"
    assert " ".join(about.evidence.split()) in body, f"{about.title}: evidence differs"
    assert " ".join(about.limits.split()) in body, f"{about.title}: limits differ"
    assert "**Minimum data.**" in body, f"{about.title}: say what data it needs"


def test_every_setting_is_documented() -> None:
    body = sections()["Settings"]
    missing = [f.name for f in fields(MetricSettings) if f"`{f.name}`" not in body]
    assert not missing, f"docs/metrics.md does not document {', '.join(missing)}"
