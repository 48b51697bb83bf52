"""Every export in tests/ingest/fixtures reads to exactly the messages its expectation lists.

Layout (one folder per format, any number of cases in each):

    fixtures/<format>/<case>.<ext>            the export (or a folder <case>/ for multi-file ones)
    fixtures/<format>/<case>.expected.json    {"format": ..., "messages": [...], "skipped": [...]}
    fixtures/<format>/<case>.options.json     optional: {"format", "date_order", "chat", "columns"}

Each expected message lists the record keys it checks (see rekindle.ingest.records); at least
timestamp, sender, text and kind. Ids are checked for stability and uniqueness instead.

    bad/<case>.<ext> + bad/<case>.error.txt   the export must fail with a one-line ParseError
                                              whose message contains the .error.txt text
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekindle.errors import ParseError
from rekindle.ingest import open_export
from rekindle.ingest.records import message_record

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
BAD = HERE / "bad"
REQUIRED = {"timestamp", "sender", "text", "kind"}


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for expected in sorted(FIXTURES.rglob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        candidates = [
            p
            for p in expected.parent.iterdir()
            if (p.name.startswith(stem + ".") or p.name == stem)
            and not p.name.endswith((".expected.json", ".options.json"))
        ]
        assert len(candidates) == 1, f"{expected}: expected one input, found {candidates}"
        cases.append((candidates[0], expected))
    return cases


def _options(export_path: Path) -> dict[str, object]:
    stem = export_path.name.split(".")[0] if export_path.is_file() else export_path.name
    options_file = export_path.parent / f"{stem}.options.json"
    return json.loads(options_file.read_text()) if options_file.exists() else {}


def _read(export_path: Path) -> tuple[str, list[dict[str, object]], list[int]]:
    export = open_export(export_path, **_options(export_path))  # type: ignore[arg-type]
    messages = list(export.messages())
    names = export.report.names
    records = [message_record(m, names) for m in messages]
    return export.format.name, records, [s.line for s in export.report.skipped]


CASES = _cases()


def test_there_is_a_fixture_for_every_format() -> None:
    from rekindle.ingest import FORMATS

    folders = {p.parent.name for p, _ in CASES}
    assert {f.name for f in FORMATS} <= folders


@pytest.mark.parametrize(
    ("export_path", "expected_path"), CASES, ids=[str(p.relative_to(FIXTURES)) for p, _ in CASES]
)
def test_export_reads_to_its_expected_messages(export_path: Path, expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text())
    fmt, records, skipped = _read(export_path)
    assert fmt == expected["format"]
    assert len(records) == len(expected["messages"]), [r["text"] for r in records]
    for got, want in zip(records, expected["messages"], strict=True):
        assert want.keys() >= REQUIRED, f"{expected_path}: each message needs {REQUIRED}"
        assert {k: got[k] for k in want} == want
    assert skipped == expected.get("skipped", [])
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids), "message ids must be unique"
    assert _read(export_path)[1] == records, "reading twice must give the same ids"


BAD_CASES = sorted(p for p in BAD.iterdir() if not p.name.endswith(".error.txt"))


@pytest.mark.parametrize("bad_path", BAD_CASES, ids=[p.name for p in BAD_CASES])
def test_bad_export_fails_with_a_clear_one_line_error(bad_path: Path) -> None:
    stem = bad_path.name.split(".")[0]
    wanted = (BAD / f"{stem}.error.txt").read_text().strip()
    with pytest.raises(ParseError) as caught:
        export = open_export(bad_path)
        list(export.messages())
    message = str(caught.value)
    assert "\n" not in message
    assert wanted in message
    assert message.startswith(str(bad_path))
