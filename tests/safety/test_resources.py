"""The help lines behind the safety responses: the shipped files match the published schema
and the loader, every country has crisis and abuse lines, the numbers people must be able to
rely on are there, and a deployer's own file replaces a shipped one or is refused with a
message that names it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rekindle.safety.resources import (
    ABUSE,
    CRISIS,
    INTERNATIONAL,
    ResourceError,
    builtin_resources,
    json_schema,
    load_resources,
    parse_resources,
    resources_for,
)

FOLDER = Path(__file__).resolve().parents[2] / "src" / "rekindle" / "safety" / "resources"
SHIPPED = sorted(p for p in FOLDER.glob("*.json") if p.name != "schema.json")
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
REQUIRED_COUNTRIES = {"US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE", "FR", "ES", INTERNATIONAL}


def numbers(country: str) -> set[str]:
    found = resources_for(country)
    return ({r.call for r in found.resources} | {r.text for r in found.resources}) - {""}


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_shipped_file_matches_the_schema_and_loads(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))

    VALIDATOR.validate(data)
    found = parse_resources(data, path.name)

    assert found.lines(CRISIS) and found.lines(ABUSE)
    assert found.emergency_number


def test_the_required_countries_and_the_international_fallback_are_shipped() -> None:
    assert set(builtin_resources()) >= REQUIRED_COUNTRIES


@pytest.mark.parametrize(
    ("country", "number"),
    [
        ("US", "988"),
        ("US", "1-800-799-7233"),
        ("GB", "116 123"),
        ("GB", "0808 2000 247"),
        ("IE", "116 123"),
        ("CA", "988"),
        ("AU", "13 11 14"),
        ("AU", "1800 737 732"),
        ("FR", "3114"),
        ("FR", "3919"),
        ("ES", "024"),
        ("ES", "016"),
        ("DE", "116 016"),
    ],
)
def test_the_well_known_lines_are_there(country: str, number: str) -> None:
    assert number in numbers(country)


@pytest.mark.parametrize(
    ("country", "emergency"),
    [("US", "911"), ("CA", "911"), ("GB", "999"), ("IE", "112"), ("AU", "000"), ("NZ", "111")],
)
def test_each_country_names_its_emergency_number(country: str, emergency: str) -> None:
    assert resources_for(country).emergency_number == emergency


def test_the_fallback_names_both_112_and_911() -> None:
    fallback = resources_for("zz")

    assert fallback.country == INTERNATIONAL
    assert "112" in fallback.emergency_note and "911" in fallback.emergency_note


def test_a_country_code_in_any_case_finds_its_file() -> None:
    assert resources_for(" gb ").country == "GB"
    assert resources_for("").country == INTERNATIONAL


def test_links_dial_the_number_without_spaces() -> None:
    samaritans = resources_for("GB").lines(CRISIS)[0]
    shout = next(r for r in resources_for("GB").resources if r.text == "85258")

    assert samaritans.call_link == "tel:116123"
    assert shout.text_link == "sms:85258?body=SHOUT"


def good_file(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "rekindle-safety-resources",
        "format_version": 1,
        "country": "PT",
        "name": "Portugal",
        "emergency": {"number": "112", "note": "Call 112 in an emergency."},
        "resources": [
            {"name": "A crisis line", "for": ["crisis"], "description": "Help.", "call": "123"},
            {"name": "An abuse line", "for": ["abuse"], "description": "Help.", "call": "456"},
        ],
    }
    data.update(changes)
    return data


def test_a_deployers_folder_adds_a_country_and_replaces_a_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "pt.json").write_text(json.dumps(good_file()), encoding="utf-8")
    (tmp_path / "gb.json").write_text(
        json.dumps(good_file(country="GB", name="United Kingdom (ours)")), encoding="utf-8"
    )

    table = load_resources(tmp_path)

    assert resources_for("PT", table).name == "Portugal"
    assert resources_for("GB", table).name == "United Kingdom (ours)"
    assert resources_for("US", table).name == "United States"


MISTAKES = [
    (good_file(format="something else"), '"format" must be'),
    (good_file(country="UK1"), '"country" must be a two-letter code'),
    (good_file(country="gb"), '"country" must be a two-letter code'),
    (good_file(extra=1), 'unknown key "extra"'),
    (good_file(emergency={"number": "call 112", "note": "x"}), "emergency.number must be"),
    (
        good_file(resources=[{"name": "x", "for": ["crisis"], "description": "y"}]),
        "resources[0] needs at least one of call, text or web",
    ),
    (
        good_file(
            resources=[{"name": "x", "for": ["crisis", "hugs"], "description": "y", "call": "1"}]
        ),
        "resources[0].for must be",
    ),
    (
        good_file(
            resources=[{"name": "x", "for": ["crisis"], "description": "y", "web": "http://a.b"}]
        ),
        "resources[0].web must be an https:// address",
    ),
    (
        good_file(
            resources=[{"name": "x", "for": ["crisis"], "description": "y", "call": "1 2 3"}]
        ),
        'must name at least one resource "for" "abuse"',
    ),
]


@pytest.mark.parametrize(("data", "message"), MISTAKES, ids=[m for _, m in MISTAKES])
def test_a_mistake_is_one_line_naming_the_file_and_the_place(
    data: dict[str, Any], message: str, tmp_path: Path
) -> None:
    (tmp_path / "pt.json").write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(ResourceError) as raised:
        load_resources(tmp_path)

    assert message in str(raised.value)
    assert "pt.json" in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(("data", "message"), MISTAKES, ids=[m for _, m in MISTAKES])
def test_the_schema_refuses_what_it_can_express_of_the_same_mistakes(
    data: dict[str, Any], message: str
) -> None:
    if "must name at least one resource" in message:
        pytest.skip("the loader's own rule: the schema cannot count kinds across resources")

    assert not VALIDATOR.is_valid(data)


def test_two_files_for_one_country_are_refused(tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps(good_file()), encoding="utf-8")

    with pytest.raises(ResourceError, match="country PT has another file"):
        load_resources(tmp_path)


def test_a_file_that_is_not_json_is_refused_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "pt.json").write_text('{"format": ', encoding="utf-8")

    with pytest.raises(ResourceError, match=r"pt.json: is not valid JSON \(line 1"):
        load_resources(tmp_path)
