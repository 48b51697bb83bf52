"""`rekindle screen` as a user meets it: one JSON object per line, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rekindle.cli import main

LINES = [
    "this commute is killing me",
    "i want to end my life",
    "he checks my phone every night",
    "",
    "i feel like such a burden",
]


def _records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_screen_reads_stdin_and_prints_one_object_per_line() -> None:
    result = CliRunner().invoke(main, ["screen"], input="\n".join(LINES) + "\n")
    assert result.exit_code == 0
    records = _records(result.stdout)
    assert [r["level"] for r in records] == ["none", "crisis", "none", "none", "concern"]
    assert [r["abuse"] for r in records] == [False, False, True, False, False]
    assert records[1]["categories"][0] == "suicide"
    assert records[2]["evidence"] == ["he checks my phone"]
    assert all(
        list(r) == ["level", "abuse", "categories", "evidence", "abuse_voice"] for r in records
    )


def test_screen_reads_a_file(tmp_path: Path) -> None:
    source = tmp_path / "messages.txt"
    source.write_text("\r\n".join(LINES) + "\r\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["screen", str(source)])
    assert result.exit_code == 0
    assert [r["level"] for r in _records(result.stdout)] == [
        "none",
        "crisis",
        "none",
        "none",
        "concern",
    ]


def test_a_dash_means_stdin() -> None:
    result = CliRunner().invoke(main, ["screen", "-"], input="i wish i was dead\n")
    assert result.exit_code == 0
    assert _records(result.stdout)[0]["level"] == "crisis"


def test_a_missing_file_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = CliRunner().invoke(main, ["screen", str(missing)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr
