"""The typed environment readers: right values, clear one-line errors, and a registry of
every variable read."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from rekindle.web.env import (
    EnvVariable,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
    env_time_zone,
)


@pytest.fixture
def registry() -> dict[str, EnvVariable]:
    """A registry of its own, so these test variables never reach the real one."""
    return {}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("FALSE", False), ("yes", True), ("off", False), ("1", True), (" 0 ", False)],
)
def test_env_bool_reads_the_usual_spellings(
    raw: str, expected: bool, registry: dict[str, EnvVariable]
) -> None:
    value = env_bool("FLAG", False, "A flag.", environ={"FLAG": raw}, registry=registry)

    assert value is expected


def test_env_bool_rejects_a_malformed_value_in_one_clear_line(
    registry: dict[str, EnvVariable],
) -> None:
    with pytest.raises(ImproperlyConfigured) as raised:
        env_bool(
            "REKINDLE_DEBUG",
            False,
            "Debug.",
            environ={"REKINDLE_DEBUG": "maybe"},
            registry=registry,
        )

    assert str(raised.value) == "REKINDLE_DEBUG must be true or false, got 'maybe'"


def test_env_int_rejects_a_value_that_is_not_a_whole_number(
    registry: dict[str, EnvVariable],
) -> None:
    with pytest.raises(ImproperlyConfigured) as raised:
        env_int("WORKERS", 2, "Workers.", environ={"WORKERS": "two"}, registry=registry)

    assert str(raised.value) == "WORKERS must be a whole number, got 'two'"


def test_env_int_rejects_a_value_below_its_minimum(registry: dict[str, EnvVariable]) -> None:
    with pytest.raises(ImproperlyConfigured, match="SECONDS must be 0 or more, got '-5'"):
        env_int("SECONDS", 1, "Seconds.", minimum=0, environ={"SECONDS": "-5"}, registry=registry)


def test_env_int_reads_a_number(registry: dict[str, EnvVariable]) -> None:
    assert env_int("SECONDS", 1, "Seconds.", environ={"SECONDS": " 60 "}, registry=registry) == 60


def test_env_list_splits_on_commas_and_drops_blanks(registry: dict[str, EnvVariable]) -> None:
    raw = " example.org, ,www.example.org ,"

    hosts = env_list("HOSTS", ["localhost"], "Hosts.", environ={"HOSTS": raw}, registry=registry)

    assert hosts == ["example.org", "www.example.org"]


def test_env_str_with_choices_accepts_any_case_and_rejects_others(
    registry: dict[str, EnvVariable],
) -> None:
    levels = ("INFO", "DEBUG")
    read = {"LEVEL": "debug"}
    assert (
        env_str("LEVEL", "INFO", "Level.", choices=levels, environ=read, registry=registry)
        == "DEBUG"
    )

    with pytest.raises(ImproperlyConfigured, match="LEVEL must be one of INFO, DEBUG, got 'loud'"):
        env_str(
            "LEVEL", "INFO", "Level.", choices=levels, environ={"LEVEL": "loud"}, registry=registry
        )


def test_env_time_zone_rejects_an_unknown_zone(registry: dict[str, EnvVariable]) -> None:
    with pytest.raises(ImproperlyConfigured, match="ZONE must be a time zone name"):
        env_time_zone("ZONE", "UTC", "Zone.", environ={"ZONE": "Mars/Olympus"}, registry=registry)

    assert (
        env_time_zone("ZONE", "UTC", "Zone.", environ={"ZONE": "Europe/Paris"}, registry=registry)
        == "Europe/Paris"
    )


def test_env_path_makes_a_relative_path_absolute_from_the_working_directory(
    registry: dict[str, EnvVariable], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    assert (
        env_path("DIR", "var", "Dir.", environ={}, registry=registry) == tmp_path.resolve() / "var"
    )


def test_an_empty_value_means_the_default(registry: dict[str, EnvVariable]) -> None:
    assert env_bool("FLAG", True, "Flag.", environ={"FLAG": " "}, registry=registry) is True
    assert (
        env_str("NAME", "fallback", "Name.", environ={"NAME": ""}, registry=registry) == "fallback"
    )


def test_every_read_registers_its_variable_with_type_default_and_description(
    registry: dict[str, EnvVariable],
) -> None:
    env_bool("FLAG", False, "Turns the thing on.", environ={}, registry=registry)
    env_list("HOSTS", ["a", "b"], "Hosts to answer.", environ={}, registry=registry)

    assert registry == {
        "FLAG": EnvVariable("FLAG", "boolean", "false", "Turns the thing on."),
        "HOSTS": EnvVariable("HOSTS", "comma-separated list", "a,b", "Hosts to answer."),
    }
