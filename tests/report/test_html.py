"""The HTML report as a file: self-contained, escaped, complete, and quiet about quotes
when asked."""

from __future__ import annotations

import dataclasses

from rekindle.report import render_html, render_json, render_markdown
from rekindle.report.document import Example
from tests.report.references import fetched_references
from tests.report.sample import QUOTES, sample_report


def test_the_page_fetches_nothing_from_elsewhere() -> None:
    html = render_html(sample_report())
    assert fetched_references(html) == []
    assert "<script" not in html
    assert "default-src 'none'" in html  # the page forbids fetching, should anything slip in


def test_the_reference_finder_would_notice_a_fetch() -> None:
    page = (
        '<img src="https://example.org/a.png"><a href="https://example.org/">a link</a>'
        '<style>body { background: url("http://example.org/b.png") }</style>'
        '<div style="background:url(//cdn.example.org/c.png)"></div><svg><use href="#x"/></svg>'
    )
    assert fetched_references(page) == [
        "https://example.org/a.png",
        "http://example.org/b.png",
        "//cdn.example.org/c.png",
    ]


def test_every_section_is_there_with_strengths_first() -> None:
    report = sample_report()
    html = render_html(report)
    order = [
        "Made by an automated tool.",
        "Emotions are read from text.",
        "Not therapy.",
        'id="summary"',
        "Going well",
        "Worth a closer look",
        'id="finding-bids"',
        'id="finding-horsemen"',
        'id="emotional-labour"',
        'id="trends"',
        'id="caveats"',
        "About this report",
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    for finding in report.findings:
        assert finding.title.replace("'", "&#39;") in html
        for idea in finding.what_to_try:
            assert idea.title in html
        for citation in finding.evidence.citations:
            assert citation.replace("&", "&amp;") in html


def test_figures_are_shown_as_people_read_them() -> None:
    html = render_html(sample_report())
    assert "88%" in html and "120 bids" in html
    assert "1 h 35 min" in html  # a 95-minute typical reply
    assert '<span class="value">1.2</span> <span class="n">800 messages</span>' in html
    assert '<span class="value">0.13</span></td>' in html  # the same 800 messages: not repeated
    assert "per 100 messages" in html


def test_every_chart_comes_with_its_numbers_as_text() -> None:
    html = render_html(sample_report())
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 6
    assert html.count('role="img"') == 6
    assert 'aria-label="Messages per month"' in html
    # The trend numbers are in a table beside each chart.
    assert '<th scope="row">2024-04</th><td>260</td><td>250</td>' in html


def test_message_text_is_escaped() -> None:
    report = sample_report()
    bids = dataclasses.replace(
        report.findings[0],
        examples=(Example("sam", None, "<script>alert(1)</script> <3", "A bid", "alert"),),
    )
    html = render_html(dataclasses.replace(report, findings=(bids, *report.findings[1:])))
    assert "<script>" not in html
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; &lt;3" in html


def test_the_highlight_marks_the_words_that_were_noticed() -> None:
    html = render_html(sample_report())
    assert "<mark>Guess what</mark>, the bakery on Elm Street finally reopened!" in html


def test_without_quotes_no_message_text_is_left_in_any_output() -> None:
    report = sample_report(quotes=False)
    outputs = [render_html(report), render_markdown(report), render_json(report)]
    for output in outputs:
        for quote in QUOTES:
            assert quote not in output
            assert quote.replace("<", "&lt;") not in output
    assert "From your messages" not in outputs[0]
    assert "holds no message text" in outputs[0]
