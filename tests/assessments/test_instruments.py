"""Instrument files: the shipped ones load and score, and a malformed file is one clear line."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rekindle.assessments import builtin_instruments, find_instrument, json_schema, load_instrument
from rekindle.assessments import score as score_answers
from rekindle.errors import InstrumentError

INSTRUMENTS = Path(__file__).parents[2] / "src" / "rekindle" / "assessments" / "instruments"
SHIPPED = sorted(INSTRUMENTS.glob("*.json"))
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_rekindle_ships_the_connection_check() -> None:
    assert [i.id for i in builtin_instruments()] == sorted(p.stem for p in SHIPPED)
    assert find_instrument("connection-check") is not None
    assert find_instrument("no-such-thing") is None


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_instrument_matches_the_schema_loads_and_scores(path: Path) -> None:
    VALIDATOR.validate(json.loads(path.read_text(encoding="utf-8")))
    instrument = load_instrument(path)
    assert instrument.id == path.stem

    lowest = score_answers(instrument, {i.id: i.scale.minimum for i in instrument.items})
    highest = score_answers(instrument, {i.id: i.scale.maximum for i in instrument.items})

    for result in (lowest, highest):
        assert result.complete
        for subscale in result.subscales:
            assert subscale.scoreable and subscale.score is not None
            assert subscale.lowest <= subscale.score <= subscale.highest
            if instrument.subscale(subscale.id).bands:
                assert subscale.band is not None and subscale.band.source.strip()


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_our_own_instruments_say_they_are_not_clinical(path: Path) -> None:
    licence = load_instrument(path).licence

    assert licence.holder == "The Rekindle project"
    assert not licence.clinical
    assert "Not a clinical instrument" in licence.notice


def test_the_connection_check_scores_a_known_set_of_answers() -> None:
    check = find_instrument("connection-check")
    assert check is not None
    answers = {
        # Feeling close: 4, 3, "lonely" answered 2 (counts 4), 5 -> mean 4.0, strong.
        "close-1": 4,
        "close-2": 3,
        "close-3": 2,
        "close-4": 5,
        # Satisfaction: 3, 2, "wish different" answered 4 (counts 2), one skipped -> 2.33.
        "satisfied-1": 3,
        "satisfied-2": 2,
        "satisfied-3": 4,
        # Feeling understood: two skipped, over the one-item allowance -> not scored.
        "understood-1": 4,
        "understood-2": 4,
        # Drifting apart: two yes -> 2, "a sign or two".
        "drift-1": 1,
        "drift-2": 0,
        "drift-3": 1,
        "drift-4": 0,
    }

    result = score_answers(check, answers)

    closeness = result.subscale("closeness")
    assert closeness.score == 4.0 and closeness.band is not None
    assert closeness.band.label == "strong"
    satisfaction = result.subscale("satisfaction")
    assert satisfaction.score == 2.33 and satisfaction.band is not None
    assert satisfaction.band.label == "worth attention"
    assert not result.subscale("understood").scoreable
    drift = result.subscale("drift")
    assert drift.score == 2 and drift.band is not None and drift.band.label == "a sign or two"
    assert (result.answered, result.missing) == (13, 3)


# --- Malformed files ----------------------------------------------------------------------

GOOD = json.loads((INSTRUMENTS / "connection-check.json").read_text(encoding="utf-8"))


def broken(change: Any) -> dict[str, Any]:
    document = copy.deepcopy(GOOD)
    change(document)
    return document


BROKEN = [
    (lambda d: d.pop("licence"), '"licence" is missing'),
    (lambda d: d.update(format="something-else"), "is not a questionnaire file"),
    (lambda d: d.update(format_version=2), '"format_version" is 2; this Rekindle reads version 1'),
    (lambda d: d.update(id="Connection Check"), "must be lower-case letters, digits and dashes"),
    (lambda d: d["licence"].update(clinical="no"), "licence.clinical must be true or false"),
    (lambda d: d["scales"]["how-true"].update(max=1), "scales.how-true has max 1 not above min 1"),
    (
        lambda d: d["scales"]["how-true"]["anchors"].append({"value": 9, "label": "Nine"}),
        "scales.how-true.anchors[5].value 9 is outside 1..5",
    ),
    (lambda d: d["items"][0].update(scale="nine-point"), 'names "nine-point", not a scale'),
    (lambda d: d["items"][1].update(id="close-1"), 'items[1].id "close-1" is used twice'),
    (lambda d: d["items"][0].update(text="  "), "items[0].text must not be empty"),
    (lambda d: d["items"][0].update(reversed=True), 'items[0] has an unknown field "reversed"'),
    (lambda d: d["subscales"][0]["items"].append("close-9"), 'names "close-9", not an item'),
    (lambda d: d["subscales"][0].update(method="median"), 'must be "sum" or "mean"'),
    (lambda d: d["subscales"][0].update(max_missing=4), "max_missing must be from 0 to 3, not 4"),
    (
        lambda d: d["subscales"][0]["bands"][1].update({"from": 0.5}),
        "subscales[0].bands[1].from must be above the band before it",
    ),
    (
        lambda d: d["subscales"][0]["bands"][0].update({"from": 2}),
        "subscales[0].bands[0].from must be the lowest possible score, 1",
    ),
    (
        lambda d: d["subscales"][3]["bands"][2].update({"from": 7}),
        "subscales[3].bands[2].from 7 is outside the scores 0..4",
    ),
    (lambda d: d["subscales"][0]["bands"][0].pop("source"), "bands[0].source is missing"),
    (lambda d: d["subscales"].clear(), '"subscales" must list at least one subscale'),
]


@pytest.mark.parametrize(("change", "message"), BROKEN)
def test_a_malformed_file_is_one_clear_line(tmp_path: Path, change: Any, message: str) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(broken(change)), encoding="utf-8")

    with pytest.raises(InstrumentError) as raised:
        load_instrument(path)

    text = str(raised.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize(("change", "message"), BROKEN)
def test_the_schema_refuses_what_it_can_express_of_the_same_mistakes(
    change: Any, message: str
) -> None:
    """The published schema and the loader agree on every mistake the schema can see."""
    document = broken(change)
    schema_only = (
        "not a scale",
        "used twice",
        "not an item",
        "above the band before it",
        "lowest possible score",
        "outside",
        "max_missing",
        "not above min",
    )
    if any(words in message for words in schema_only):
        return
    assert not VALIDATOR.is_valid(document), message


def test_a_file_that_is_not_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "rekindle-instrument",\n  "id": }', encoding="utf-8")

    with pytest.raises(InstrumentError, match=r"is not valid JSON \(line 2, column 9"):
        load_instrument(path)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InstrumentError, match="cannot be read"):
        load_instrument(tmp_path / "nowhere.json")


def test_a_file_that_is_not_an_object_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")

    with pytest.raises(InstrumentError, match="the file must be a JSON object"):
        load_instrument(path)


def test_a_clinicians_own_instrument_loads_from_a_file(tmp_path: Path) -> None:
    document = broken(
        lambda d: (
            d.update(id="licensed-scale", title="A licensed scale"),
            d["licence"].update(
                holder="A clinic", terms="Licensed to the clinic.", clinical=True, notice="x"
            ),
        )
    )
    path = tmp_path / "licensed-scale.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    instrument = load_instrument(path)

    assert instrument.licence.clinical
    assert instrument.licence.holder == "A clinic"
