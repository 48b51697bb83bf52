"""Finding what in an HTML page a browser would fetch from elsewhere."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Attributes whose value a browser loads (on any element but <a>, whose href is only followed).
_FETCHED = {"src", "srcset", "href", "xlink:href", "poster", "data", "action", "formaction"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]?([^'\";\s]+)", re.I)


def _is_local(url: str) -> bool:
    url = url.strip()
    return url.startswith(("#", "data:")) or url == ""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self._css(value)
            elif name in _FETCHED and not (tag == "a" and name == "href"):
                urls = (
                    [part.split()[0] for part in value.split(",")] if name == "srcset" else [value]
                )
                self.found.extend(u for u in urls if u and not _is_local(u))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        for match in _CSS_URL.finditer(css):
            url = match.group(1) or match.group(2)
            if url and not _is_local(url):
                self.found.append(url)


def fetched_references(html: str) -> list[str]:
    """Every URL in ``html`` that a browser would fetch rather than find in the page."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.found
