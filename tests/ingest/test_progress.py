"""How far a read has got: the share of an export's bytes read, for progress bars."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from rekindle.ingest import open_export
from rekindle.report.analysis import analyze_export

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO = Path(__file__).resolve().parents[2] / "src" / "rekindle" / "demo" / "whatsapp-demo.txt"


def shares_while_reading(path: Path) -> list[float | None]:
    export = open_export(path)
    shares = [export.fraction_read() for _ in export.messages()]
    return [*shares, export.fraction_read()]


def test_a_text_export_is_read_from_about_nothing_to_all_of_it() -> None:
    shares = shares_while_reading(DEMO)
    assert all(s is not None for s in shares)
    values = [s for s in shares if s is not None]
    assert values == sorted(values)  # never goes back
    assert values[0] < 0.1  # sampling the dates first does not count as reading
    assert values[-1] == 1.0
    assert 0.3 < values[len(values) // 2] < 0.7


def test_a_zipped_export_counts_the_uncompressed_bytes(tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(DEMO, "_chat.txt")
    values = [s for s in shares_while_reading(archive) if s is not None]
    assert values == sorted(values)
    assert values[0] < 0.1 and values[-1] == 1.0


@pytest.mark.parametrize(
    "path", [FIXTURES / "telegram" / "couple.json", FIXTURES / "messenger" / "thread"]
)
def test_an_export_parsed_whole_is_all_read_once_loaded(path: Path) -> None:
    shares = shares_while_reading(path)
    assert shares[-1] == 1.0


def test_a_second_read_starts_again_from_nothing() -> None:
    export = open_export(DEMO)
    for _ in export.messages():
        pass
    assert export.fraction_read() == 1.0
    stream = export.messages()
    next(stream)
    share = export.fraction_read()
    assert share is not None and share < 0.1


def test_analyze_reports_messages_and_the_share_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from rekindle.report import analysis

    monkeypatch.setattr(analysis, "PROGRESS_EVERY", 1000)
    calls: list[tuple[int, float | None]] = []
    result = analyze_export(open_export(DEMO), progress=lambda n, f: calls.append((n, f)))
    assert [n for n, _ in calls] == [1000, 2000, 3000, result.summary.total]
    shares = [f for _, f in calls]
    assert all(f is not None for f in shares)
    assert shares == sorted(shares) and shares[-1] == 1.0
