"""The pages everyone can see: what Rekindle is, the AI disclosure, friendly error pages and the
security headers that come with every page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from pytest_django.fixtures import Settings

from rekindle.web import urls as project_urls

AI_DISCLOSURE = "Rekindle is an AI coach, not a therapist or a substitute for therapy."
LINK_ATTRIBUTES = frozenset({"href", "src", "action", "srcset", "poster", "data"})


class LinkCollector(HTMLParser):
    """Collect every URL a page points to through its tags' attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.extend(value for name, value in attrs if name in LINK_ATTRIBUTES and value)


def links_in(html: str) -> list[str]:
    collector = LinkCollector()
    collector.feed(html)
    return collector.links


def test_home_page_says_what_rekindle_is(client: Client) -> None:
    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "relationship coach" in page
    assert "runs on your own machine" in page
    assert "With your consent" in page
    assert "On your own, or together" in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_home_page_shows_the_ai_disclosure(client: Client) -> None:
    page = client.get("/").content.decode()

    assert AI_DISCLOSURE in page
    assert "not a therapist" in page


def test_home_page_loads_nothing_from_other_hosts(client: Client, settings: Settings) -> None:
    page = client.get("/").content.decode()

    links = links_in(page)
    assert any(link.endswith("site.css") for link in links)
    external = [link for link in links if link.startswith(("http:", "https:", "//"))]
    # The one address elsewhere is the quick exit: a link a person follows, never loaded.
    assert external == [settings.QUICK_EXIT_URL]
    # The only script is Rekindle's own file; nothing runs inline.
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.DOTALL)
    assert scripts == [(' src="/static/rekindle/quick-exit.js" defer', "")]


def test_every_page_carries_a_strict_content_security_policy(client: Client) -> None:
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_pages_refuse_to_be_framed_or_sniffed(client: Client) -> None:
    response = client.get("/")

    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_an_unknown_address_gets_the_friendly_not_found_page(client: Client) -> None:
    response = client.get("/no-such-page")

    assert response.status_code == 404
    page = response.content.decode()
    assert "couldn&rsquo;t find that page" in page
    assert AI_DISCLOSURE in page
    assert "Content-Security-Policy" in response.headers


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret internal detail")


urlpatterns = [*project_urls.urlpatterns, path("crash", crash)]


@pytest.mark.urls(__name__)
def test_a_crash_shows_a_kind_page_and_no_traceback() -> None:
    client = Client(raise_request_exception=False)

    response = client.get("/crash")

    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "Traceback" not in page
    assert "secret internal detail" not in page
