"""The HTML report in a real browser (Debian's Chromium, driven by Playwright).

Skipped, with the reason, only where ``/usr/bin/chromium`` or the ``playwright`` package is
missing. Full-page screenshots at 390 pixels (a phone) are kept under ``test-artifacts/`` for a
person to look at. ``REKINDLE_UPDATE_SCREENSHOTS=1`` also rewrites the screenshot of the demo
report that docs/report.md shows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from rekindle.demo import demo_chat_path
from rekindle.ingest import open_export
from rekindle.report import render_html
from rekindle.report.analysis import analyze_export
from tests.report.sample import sample_report

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "test-artifacts"
DOCS_SHOT = ROOT / "docs" / "images" / "report-demo-390.png"
PHONE = 390

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="the playwright package is not installed"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def open_report(browser: Any, path: Path, width: int) -> tuple[Any, list[str], list[str]]:
    """The page, the console errors it logged and every URL it requested."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


@pytest.fixture(scope="module", params=["sample", "demo"])
def report_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made sample report, and the demo chat's report as a person would make it."""
    if request.param == "sample":
        report = sample_report()
    else:
        report = analyze_export(open_export(demo_chat_path())).report
    path = tmp_path_factory.mktemp("report") / f"{request.param}.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path


def test_the_report_loads_without_errors_or_fetches(browser: Any, report_file: Path) -> None:
    page, problems, requests = open_report(browser, report_file, PHONE)
    assert problems == []
    assert requests == [report_file.as_uri()]
    page.close()


def test_the_charts_are_drawn(browser: Any, report_file: Path) -> None:
    page, _, _ = open_report(browser, report_file, PHONE)
    charts = page.locator("svg.chart")
    assert charts.count() == report_file.read_text(encoding="utf-8").count("<svg ") >= 6
    for i in range(charts.count()):
        chart = charts.nth(i)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 80
        # Bars are rects and lines are paths inside the plotted series.
        drawn = chart.locator(".series rect, .series path").count()
        assert drawn > 0, chart.get_attribute("data-chart")
    page.close()


def test_it_reads_on_a_phone_and_keeps_a_screenshot(browser: Any, report_file: Path) -> None:
    page, _, _ = open_report(browser, report_file, PHONE)
    # Nothing makes the whole page scroll sideways (wide tables scroll inside their box).
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    font = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert font >= 16
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"report-{report_file.stem}-{PHONE}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if report_file.stem == "demo" and os.environ.get("REKINDLE_UPDATE_SCREENSHOTS"):
        # The top of the report: the notices, the summary and the first finding.
        page.screenshot(path=str(DOCS_SHOT), clip={"x": 0, "y": 0, "width": PHONE, "height": 2400})
    page.close()


def test_printing_hides_the_navigation_and_keeps_the_charts(
    browser: Any, report_file: Path
) -> None:
    page, _, _ = open_report(browser, report_file, 800)
    page.emulate_media(media="print")
    assert not page.locator("nav.contents").is_visible()
    assert page.locator("svg.chart").first.is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"
    page.close()


def test_a_long_file_name_without_spaces_still_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    """The export's name is shown as it was given; a long one with no spaces must wrap."""
    export = tmp_path / ("WhatsApp_Chat_with_" + "x" * 40 + "_2025-11-30_final_copy.txt")
    export.write_bytes(demo_chat_path().read_bytes())
    path = tmp_path / "long-name.html"
    path.write_text(render_html(analyze_export(open_export(export)).report), encoding="utf-8")
    page, _, _ = open_report(browser, path, PHONE)
    assert export.name[:30] in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.close()
