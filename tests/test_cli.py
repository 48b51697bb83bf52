"""The `rekindle` command as a user meets it: output shapes, exit codes, one-line errors."""

from __future__ import annotations

import csv
import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rekindle.cli import main
from rekindle.demo import demo_chat_path

FIXTURES = Path(__file__).parent / "ingest" / "fixtures"
CHAT = FIXTURES / "whatsapp" / "android-dmy-24h.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_messages_prints_one_json_object_per_message() -> None:
    code, out, _ = run("messages", str(CHAT))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 14
    assert {"id", "timestamp", "sender", "text", "kind"} <= records[1].keys()
    assert records[1]["sender"] == "Sam 🌻"
    assert records[1]["timestamp"] == "2023-02-03T08:12:00"
    assert records[0]["kind"] == "system"


def test_messages_converts_to_csv(tmp_path: Path) -> None:
    out = tmp_path / "chat.csv"
    code, stdout, _ = run("messages", str(CHAT), "--out", str(out))
    assert code == 0 and stdout == ""
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 14
    assert rows[6]["text"].startswith("I was thinking about our first trip.\n12/05")


def test_messages_writes_jsonl_files(tmp_path: Path) -> None:
    out = tmp_path / "chat.jsonl"
    assert run("messages", str(CHAT), "--out", str(out))[0] == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 14


def test_a_failed_read_leaves_no_partial_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous content\n")
    bad = FIXTURES.parent / "bad" / "whatsapp-mostly-impossible.txt"
    code, _, err = run("messages", str(bad), "--out", str(out))
    assert code == 2
    assert out.read_text() == "previous content\n"
    assert list(tmp_path.iterdir()) == [out]
    assert err.count("\n") == 1


def test_an_unknown_me_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = run("messages", str(CHAT), "--me", "Nobody", "--out", str(out))
    assert code == 2
    assert "--me 'Nobody' is not in this chat" in err
    assert not out.exists()


def test_date_order_is_honoured(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("03/04/22, 10:00 - Kim: hi\n03/04/22, 10:05 - Alex: hello\n")
    code, _, err = run("messages", str(chat))
    assert code == 2 and "--date-order" in err
    code, out, _ = run("messages", str(chat), "--date-order", "mdy")
    assert code == 0
    assert json.loads(out.splitlines()[0])["timestamp"] == "2022-03-04T10:00:00"


def test_analyze_summarises_the_chat(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    code, out, _ = run("analyze", str(CHAT), "--me", "Anne-Marie", "--json", str(report_file))
    assert code == 0
    assert "14 messages" in out
    assert "Anne-Marie (me)" in out
    report = json.loads(report_file.read_text())
    assert report["version"].startswith("1.")
    people = {p["name"]: p["messages"] for p in report["participants"]}
    assert people == {"Sam 🌻": 6, "Anne-Marie": 5, "+44 7700 900123": 1}
    assert [p["name"] for p in report["participants"] if p["is_me"]] == ["Anne-Marie"]
    source = report["source"]
    assert source["first"] == "2023-02-03T08:12:00"
    assert source["last"] == "2023-02-06T18:00:00"
    assert source["kinds"] == {"system": 2, "text": 10, "media": 1, "deleted": 1}
    assert source["date_order"] == "dmy"
    assert source["file"] == CHAT.name


def test_analyze_reports_skipped_lines() -> None:
    code, out, _ = run("analyze", str(FIXTURES / "whatsapp" / "skipped-lines.txt"))
    assert code == 0
    assert "2 lines could not be read (lines 1, 3)" in out


def test_analyze_with_an_alias_merges_two_names(tmp_path: Path) -> None:
    report_file = tmp_path / "r.json"
    code, _, _ = run(
        "analyze", str(CHAT), "--alias", "+44 7700 900123=Sam 🌻", "--json", str(report_file)
    )
    assert code == 0
    people = {p["name"]: p["messages"] for p in json.loads(report_file.read_text())["participants"]}
    assert people == {"Sam 🌻": 7, "Anne-Marie": 5}


def test_analyze_writes_the_report_as_html_markdown_and_json(tmp_path: Path) -> None:
    html, md, js = tmp_path / "r.html", tmp_path / "r.md", tmp_path / "r.json"
    code, out, _ = run(
        "analyze", str(CHAT), "--html", str(html), "--md", str(md), "--json", str(js)
    )
    assert code == 0
    assert f"Report written to {html}" in out
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "How you talk together" in page
    assert "Not therapy." in page and "Made by an automated tool." in page
    assert md.read_text(encoding="utf-8").startswith("# How you talk together")
    assert json.loads(js.read_text(encoding="utf-8"))["caveats"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.json", "r.md"]


def test_analyze_without_quotes_writes_no_message_text(tmp_path: Path) -> None:
    demo = str(demo_chat_path())

    def written(*options: str) -> list[str]:
        outputs = [tmp_path / "r.html", tmp_path / "r.md", tmp_path / "r.json"]
        args = ["--html", str(outputs[0]), "--md", str(outputs[1]), "--json", str(outputs[2])]
        assert run("analyze", demo, *args, *options)[0] == 0
        return [path.read_text(encoding="utf-8") for path in outputs]

    quoted = json.loads(written()[2])
    examples = [e["text"] for f in quoted["findings"] for e in f["examples"]]
    assert len(examples) >= 4  # by default the report quotes messages
    for content in written("--no-quotes"):
        for text in examples:
            assert text not in content and html.escape(text) not in content, text


def test_analyze_reads_only_the_period_asked_for(tmp_path: Path) -> None:
    report_file = tmp_path / "r.json"
    code, _, _ = run(
        "analyze",
        str(CHAT),
        "--since",
        "2023-02-04",
        "--until",
        "2023-02-05",
        "--json",
        str(report_file),
    )
    assert code == 0
    source = json.loads(report_file.read_text())["source"]
    assert source["since"] == "2023-02-04" and source["until"] == "2023-02-05"
    assert source["first"] >= "2023-02-04" and source["last"] < "2023-02-06"
    assert 0 < source["messages"] < 14


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["messages", "missing.txt"], "missing.txt: no such file or folder"),
        (["analyze", str(FIXTURES.parent / "bad" / "unknown.txt")], "not a chat export"),
        (["messages", str(CHAT), "--out", "x.xml"], "should end in .jsonl or .csv"),
        (["messages", str(CHAT), "--out", "/no/such/folder/x.jsonl"], "does not exist"),
        (["analyze", str(CHAT), "--alias", "no-equals-sign"], "should look like"),
        (["messages", str(CHAT), "--column", "colour=Red"], "--column"),
        (["analyze", str(CHAT), "--since", "2023-02-30"], "--since '2023-02-30' is not a date"),
        (["analyze", str(CHAT), "--until", "yesterday"], "write it as YYYY-MM-DD"),
        (["analyze", str(CHAT), "--since", "2023-03-01", "--until", "2023-02-01"], "comes before"),
        (["analyze", str(CHAT), "--html", "/no/such/folder/r.html"], "does not exist"),
    ],
)
def test_errors_are_one_line_with_exit_status_2(args: list[str], wanted: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert wanted in err
    assert err.strip().count("\n") == 0
    assert "Traceback" not in err + out


def test_the_installed_command_never_shows_a_traceback(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.json"
    garbage.write_text('{"messages": [')
    result = subprocess.run(
        [sys.executable, "-m", "rekindle.cli", "messages", str(garbage)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("rekindle: error: ")
    assert "Traceback" not in result.stderr


def test_analyze_notes_signs_of_danger_privately_and_never_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REKINDLE_COUNTRY", "GB")
    chat = tmp_path / "chat.txt"
    lines = [
        "21/03/2024, 09:00 - Sam: morning, did you sleep ok?",
        "21/03/2024, 09:05 - Alex: not really. gonna hang myself in the garage tonight",
        "21/03/2024, 09:07 - Sam: he hit me again and took my phone",
        "21/03/2024, 09:10 - Alex: are we still on for dinner at 7?",
    ]
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = tmp_path / "r.md"
    code, _, err = run("analyze", str(chat), "--md", str(report))
    assert code == 0
    assert "This note is for you alone" in err
    assert "1 message from Alex spoke of suicide, self-harm or hurting someone" in err
    assert "1 message from Sam spoke of being hurt, threatened or controlled" in err
    assert "Samaritans" in err  # the help lines of REKINDLE_COUNTRY
    written = report.read_text(encoding="utf-8")
    assert "need care" not in written and "Samaritans" not in written


def test_analyze_of_an_ordinary_chat_prints_no_safety_note() -> None:
    code, _, err = run("analyze", str(CHAT))
    assert code == 0
    assert "need care" not in err
