"""The docs keep up with the code: every format, CLI command and option has its heading.

(Every setting is checked by tests/web/test_settings_docs.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from rekindle.cli import main
from rekindle.ingest import FORMATS

DOCS = Path(__file__).parents[1] / "docs"


def _sections(path: Path, level: str = "##") -> dict[str, str]:
    """Heading text -> the text under it, for headings of exactly ``level``."""
    text = path.read_text(encoding="utf-8")
    parts = re.split(rf"^{level} (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_cli_command_and_option_is_documented(name: str) -> None:
    sections = _sections(DOCS / "cli.md")
    heading = f"rekindle {name}"
    assert heading in sections, f"docs/cli.md needs a '## {heading}' heading"
    body = sections[heading]
    command = main.commands[name]
    for param in command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                if flag.startswith("--"):
                    assert f"`{flag}`" in body or f"### {flag}" in body, (
                        f"docs/cli.md: '{heading}' does not document {flag}"
                    )


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
def test_every_export_format_is_documented(fmt: str) -> None:
    sections = _sections(DOCS / "formats.md")
    assert any(title.split()[0].lower() == fmt for title in sections), (
        f"docs/formats.md needs a '## {fmt} ...' heading"
    )
    body = next(b for t, b in sections.items() if t.split()[0].lower() == fmt)
    assert len(body.split()) > 40, f"docs/formats.md: the {fmt} section says too little"


def test_readme_gives_the_two_quick_start_commands() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def _headings(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {m.group(1).strip() for m in re.finditer(r"^#{2,4} (.+)$", text, flags=re.M)}


def test_every_cue_a_detector_can_produce_has_a_heading_in_signals_docs() -> None:
    from rekindle.signals.registry import cue_names, default_detectors

    headings = _headings(DOCS / "signals.md")
    words = {word for heading in headings for word in re.split(r"[ ,()]+", heading)}
    missing = [cue for cue in cue_names(default_detectors()) if cue not in words]
    assert not missing, f"docs/signals.md needs a heading for {', '.join(missing)}"


def test_the_lexicon_reference_in_signals_docs_matches_the_lexicon_files() -> None:
    from rekindle.signals.lexicon import load_lexicons

    text = (DOCS / "signals.md").read_text(encoding="utf-8")
    sections = dict(
        (m.group(1), m.group(2))
        for m in re.finditer(r"^#### (\w+)\n(.*?)(?=^#{2,4} |\Z)", text, flags=re.M | re.S)
    )
    for lexicon in load_lexicons("en").lexicons:
        body = sections.get(lexicon.cue)
        assert body is not None, f"docs/signals.md has no '#### {lexicon.cue}' heading"
        for part in (lexicon.description, lexicon.evidence, lexicon.limits):
            assert part in body, (
                f"docs/signals.md: the {lexicon.cue} section is out of date with its lexicon "
                "file; run scripts/cue_docs.py"
            )


def test_every_field_of_the_questionnaire_format_is_documented() -> None:
    from rekindle.assessments import json_schema

    text = (DOCS / "assessments.md").read_text(encoding="utf-8")
    schema = json_schema()
    fields = set(schema["properties"]) - {"$schema"}
    fields |= set(schema["properties"]["licence"]["properties"])
    subscale = schema["properties"]["subscales"]["items"]["properties"]
    fields |= set(subscale) | set(subscale["bands"]["items"]["properties"])
    missing = sorted(field for field in fields if f"`{field}`" not in text)
    assert not missing, f"docs/assessments.md does not document {', '.join(missing)}"


def test_every_shipped_questionnaire_is_documented_item_by_item() -> None:
    from rekindle.assessments import builtin_instruments

    text = " ".join((DOCS / "assessments.md").read_text(encoding="utf-8").split())
    for instrument in builtin_instruments():
        parts = [f"`{instrument.id}`", instrument.licence.notice]
        parts += [item.text for item in instrument.items]
        for subscale in instrument.subscales:
            parts.append(f"{subscale.label} (`{subscale.id}`)")
            parts += [
                f"| {band.label} | {band.meaning} | {band.source} |" for band in subscale.bands
            ]
        missing = [part for part in parts if part not in text]
        assert not missing, f"docs/assessments.md is out of date for {instrument.id}: {missing[0]}"
