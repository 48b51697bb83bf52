"""The Report's JSON form: valid against the published schema, and read back unchanged."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rekindle.report import SCHEMA_VERSION, document, from_dict, json_schema, render_json, to_dict
from tests.report.sample import sample_report

VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
DOCS = Path(__file__).parents[2] / "docs"


def errors(data: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert json_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("quotes", [True, False])
def test_a_report_validates_against_the_schema(quotes: bool) -> None:
    data = json.loads(render_json(sample_report(quotes=quotes)))
    assert errors(data) == []
    assert data["version"] == SCHEMA_VERSION


def test_the_json_reads_back_into_the_same_report() -> None:
    report = sample_report()
    assert from_dict(json.loads(render_json(report))) == report


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d.pop("caveats"), "'caveats' is a required property"),
        (lambda d: d.update(version="2.0"), "does not match"),
        (lambda d: d["findings"][0].update(tone="great"), "is not one of"),
        (lambda d: d["findings"][0]["evidence"].update(citations=[]), "should be non-empty"),
        (lambda d: d["trends"].update(months=["March"]), "does not match"),
        (lambda d: d["findings"][0].update(surprise=1), "Additional properties"),
    ],
)
def test_the_schema_rejects_a_broken_report(change: Any, complaint: str) -> None:
    data = to_dict(sample_report())
    change(data)
    found = errors(data)
    assert any(complaint in message for message in found), found


def test_a_report_of_another_major_version_is_refused() -> None:
    data = to_dict(sample_report())
    data["version"] = "2.0"
    with pytest.raises(ValueError, match=r"version '2\.0'"):
        from_dict(data)


def _record_types() -> list[type[Any]]:
    return [
        value
        for value in vars(document).values()
        if isinstance(value, type)
        and dataclasses.is_dataclass(value)
        and value.__module__ == document.__name__
    ]


def _schema_objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append(node)
        for value in node.values():
            found.extend(_schema_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_schema_objects(value))
    return found


def test_every_field_of_every_record_is_in_the_schema() -> None:
    schema_keys = [set(obj["properties"]) for obj in _schema_objects(json_schema())]
    for record in _record_types():
        names = {f.name for f in dataclasses.fields(record)}
        assert any(names == keys for keys in schema_keys), (
            f"report.schema.json has no object with exactly the fields of {record.__name__}"
        )


def test_the_docs_publish_the_schema_file() -> None:
    text = (DOCS / "report.md").read_text(encoding="utf-8")
    link = "../src/rekindle/report/report.schema.json"
    assert f"]({link})" in text
    assert json.loads((DOCS / link).read_text(encoding="utf-8")) == json_schema()
