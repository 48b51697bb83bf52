"""The Markdown report, checked against a golden file built from a hand-made Report.

After an intended change to the Markdown, rewrite the golden file with
``REKINDLE_UPDATE_GOLDEN=1 pytest tests/report/test_markdown.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from rekindle.report import render_markdown
from rekindle.report.document import Example
from rekindle.report.markdown import escape
from tests.report.sample import QUOTES, sample_report

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("REKINDLE_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def test_the_markdown_matches_the_golden_file() -> None:
    check_golden("sample.md", render_markdown(sample_report()))


def test_the_markdown_without_quotes_matches_its_golden_file() -> None:
    text = render_markdown(sample_report(quotes=False))
    check_golden("sample-no-quotes.md", text)
    assert not any(quote in text for quote in QUOTES)
    assert "this report holds no message text" in text


def test_the_strengths_come_before_what_to_watch() -> None:
    text = render_markdown(sample_report())
    assert text.index("### Going well") < text.index("### Worth a closer look")
    assert text.index("What we see") < text.index("## Findings")


def test_a_message_cannot_become_a_link_heading_or_table() -> None:
    report = sample_report()
    sneaky = "# Big news\n[click me](http://example.org) | <b>bold</b>\n- not a list"
    bids = dataclasses.replace(
        report.findings[0], examples=(Example("sam", None, sneaky, "A bid: news shared"),)
    )
    text = render_markdown(dataclasses.replace(report, findings=(bids, *report.findings[1:])))
    assert "> \\# Big news" in text
    assert "\\[click me\\](http://example.org) \\| \\<b\\>bold\\</b\\>" in text
    assert "> \\- not a list" in text


def test_escape_leaves_plain_words_alone() -> None:
    assert escape("Sam and Alex, 3 o'clock.") == "Sam and Alex, 3 o'clock."
    assert escape("1. first") == "1\\. first"
