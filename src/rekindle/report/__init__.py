"""Stage 4: the Report, a versioned JSON document, and its renderers.

- :mod:`~rekindle.report.document` holds the Report's frozen dataclasses, with
  :func:`to_dict`/:func:`from_dict` for its JSON form; ``report.schema.json`` publishes it.
- :func:`render_html`, :func:`render_markdown` and :func:`render_json` write it out.
- ``wording/`` holds the fixed prose (what each finding means, its evidence and limits) and
  ``interventions/`` the project's own ideas of what to try.
"""

from __future__ import annotations

from rekindle.report.document import SCHEMA_VERSION, Report, from_dict, to_dict, to_json
from rekindle.report.html import render_html
from rekindle.report.markdown import render_markdown
from rekindle.report.schema import json_schema

render_json = to_json

__all__ = [
    "SCHEMA_VERSION",
    "Report",
    "from_dict",
    "json_schema",
    "render_html",
    "render_json",
    "render_markdown",
    "to_dict",
    "to_json",
]
