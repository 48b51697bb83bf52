"""No page scrolls sideways on a 390 px phone: the report of a very short chat and of the demo
chat (both analysed by the real worker), their analysis pages, and every page in the main
navigation, in Debian's Chromium against a live server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from rekindle.web.analyses.actions import do_start_analysis
from rekindle.web.analyses.models import DONE, Analysis
from tests.e2e.conftest import ARTIFACTS
from tests.web.analysis_support import FIXTURES, run_worker
from tests.web.conftest import make_person

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 390
SHORT_CHAT = FIXTURES / "finnish-klo.txt"  # three messages
DEMO_CHAT = Path(__file__).parents[2] / "src" / "rekindle" / "demo" / "whatsapp-demo.txt"

# The widest element that reaches past the right edge, to name the culprit when one does.
WIDEST_OVERFLOW = """() => {
  const edge = document.documentElement.clientWidth;
  let worst = null;
  for (const element of document.querySelectorAll("body *")) {
    const right = element.getBoundingClientRect().right;
    if (right > edge + 0.5 && (worst === null || right > worst.right)) {
      worst = {right, tag: element.tagName, text: (element.textContent || "").slice(0, 60)};
    }
  }
  return worst;
}"""


def phone_page(browser: Any, live_server: Any, client: Client) -> Any:
    """A phone-sized page signed in with the session of ``client``."""
    context = browser.new_context(
        viewport={"width": PHONE, "height": 844}, base_url=live_server.url
    )
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def assert_fits(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    width = page.evaluate("document.documentElement.scrollWidth")
    culprit = page.evaluate(WIDEST_OVERFLOW) if width > PHONE else None
    if width > PHONE:
        folder = ARTIFACTS / "narrow-screens"
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{url.strip('/').replace('/', '-')}.png"))
    assert width <= PHONE, f"{url} is {width}px wide at {PHONE}px; widest: {culprit}"


def test_analysis_reports_and_main_pages_fit_a_phone(
    browser: Any, live_server: Any, settings: Settings, tmp_path: Path
) -> None:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    alice = make_person("alice@example.org", "Alice")
    short = do_start_analysis(alice, [SHORT_CHAT.read_bytes()], "our chat.txt", timezone.now())
    demo = do_start_analysis(
        alice, [DEMO_CHAT.read_bytes()], "WhatsApp Chat with Theo.txt", timezone.now()
    )
    run_worker()
    assert set(Analysis.objects.values_list("status", flat=True)) == {DONE}

    client = Client()
    client.force_login(alice)
    page = phone_page(browser, live_server, client)
    try:
        for analysis in (short, demo):
            assert_fits(page, f"/analyses/{analysis.id}/report")
            assert_fits(page, f"/analyses/{analysis.id}")
        # The report names the export as uploaded, never by its stored name.
        page.goto(f"/analyses/{short.id}/report")
        assert "our chat.txt" in page.locator("body").inner_text()

        page.goto("/")
        links = page.locator(".site-nav a").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
        assert "/analyses/" in links
        for url in ["/", *links]:
            assert_fits(page, url)
    finally:
        page.context.close()
