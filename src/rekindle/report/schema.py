"""The published JSON Schema of the Report (draft 2020-12), shipped beside this module.

The library does not validate at run time (the Report is built from typed data); the tests
validate every report they build against this schema, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from rekindle.report.document import SCHEMA_VERSION

SCHEMA_FILE = "report.schema.json"

__all__ = ["SCHEMA_FILE", "SCHEMA_VERSION", "json_schema"]


@cache
def _schema_text() -> str:
    return resources.files("rekindle.report").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The Report's JSON Schema, as a fresh dict."""
    schema = json.loads(_schema_text())
    assert isinstance(schema, dict)
    return schema
