"""Help lines for the safety responses: the crisis card, private safety mode, and the calm
response to someone who says they use abuse.

Each country has one JSON file in this folder (``gb.json``, ``us.json``...) and
``international.json`` (country ``INTL``) is the fallback for every other country. The format
is published as a JSON Schema (``schema.json``, draft 2020-12), and :func:`parse_resources`
checks the same rules, plus one the schema cannot say: every file names at least one resource
for a crisis and one for abuse, so no card is ever empty.

A deployer adds or corrects a country by writing a file of the same format in a folder of
their own and passing it to :func:`load_resources` (the web app's
``REKINDLE_SAFETY_RESOURCES_DIR``): a file there replaces the shipped file for its country.
Nothing here calls anyone; the numbers are only shown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources as package_files
from pathlib import Path
from typing import Any

from rekindle.errors import RekindleError

FORMAT = "rekindle-safety-resources"
FORMAT_VERSION = 1
SCHEMA_FILE = "schema.json"
INTERNATIONAL = "INTL"
CRISIS, ABUSE, USING_ABUSE = "crisis", "abuse", "using_abuse"
KINDS = (CRISIS, ABUSE, USING_ABUSE)
MAX_FILE_BYTES = 256 * 1024

_COUNTRY = re.compile(r"[A-Z]{2}|INTL")
_NUMBER = re.compile(r"\+?[0-9]([0-9 -]*[0-9])?")
_WEB = re.compile(r"https://\S+")
_TOP_KEYS = {"$schema", "format", "format_version", "country", "name", "emergency", "resources"}
_REQUIRED_TOP = ("format", "format_version", "country", "name", "emergency", "resources")
_RESOURCE_KEYS = {"name", "for", "description", "call", "text", "text_message", "web", "hours"}


class ResourceError(RekindleError):
    """A resources file is not as the format says; the message names the file and the place."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


@dataclass(frozen=True, slots=True)
class Resource:
    """One help line or service: how to reach it, and whom it is for."""

    name: str
    kinds: tuple[str, ...]
    description: str
    call: str = ""
    text: str = ""
    text_message: str = ""  # the word to send by text, when the line asks for one
    web: str = ""
    hours: str = ""

    @property
    def call_link(self) -> str:
        """A ``tel:`` address for the number (spaces and hyphens removed), or ``""``."""
        return "tel:" + _digits(self.call) if self.call else ""

    @property
    def text_link(self) -> str:
        """An ``sms:`` address for the text number, with the message when there is one."""
        if not self.text:
            return ""
        body = f"?body={self.text_message}" if self.text_message else ""
        return f"sms:{_digits(self.text)}{body}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "for": list(self.kinds),
            "description": self.description,
            "call": self.call,
            "text": self.text,
            "text_message": self.text_message,
            "web": self.web,
            "hours": self.hours,
        }


@dataclass(frozen=True, slots=True)
class CountryResources:
    """Everything shown to people in one country."""

    country: str
    name: str
    emergency_number: str
    emergency_note: str
    resources: tuple[Resource, ...]

    def lines(self, kind: str) -> tuple[Resource, ...]:
        """The resources for one kind of need (``crisis``, ``abuse`` or ``using_abuse``), in
        the file's order."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of resource {kind!r}; expected one of {KINDS}")
        return tuple(r for r in self.resources if kind in r.kinds)


def _digits(number: str) -> str:
    return number.replace(" ", "").replace("-", "")


# --- Checking a file ----------------------------------------------------------------------


def parse_resources(data: object, source: str = "resources") -> CountryResources:
    """Check an already-decoded resources document and build its :class:`CountryResources`;
    any problem is one :class:`ResourceError` naming ``source`` and the place."""
    if not isinstance(data, dict):
        raise ResourceError(source, "the file must be a JSON object")
    _no_unknown_keys(data, _TOP_KEYS, "the file", source)
    for key in _REQUIRED_TOP:
        if key not in data:
            raise ResourceError(source, f'"{key}" is missing')
    if data["format"] != FORMAT:
        raise ResourceError(source, f'"format" must be "{FORMAT}"')
    if data["format_version"] != FORMAT_VERSION or isinstance(data["format_version"], bool):
        raise ResourceError(source, f'"format_version" must be {FORMAT_VERSION}')
    country = _text(data, "country", '"country"', source)
    if not _COUNTRY.fullmatch(country):
        raise ResourceError(
            source,
            f'"country" must be a two-letter code in capitals (GB, US...) or {INTERNATIONAL}, '
            f"not {json.dumps(country)}",
        )
    name = _text(data, "name", '"name"', source)
    emergency = data["emergency"]
    if not isinstance(emergency, dict):
        raise ResourceError(source, '"emergency" must be an object')
    _no_unknown_keys(emergency, {"number", "note"}, '"emergency"', source)
    emergency_number = _number(emergency, "number", "emergency.number", source, required=True)
    emergency_note = _text(emergency, "note", "emergency.note", source)
    items = data["resources"]
    if not isinstance(items, list) or not items:
        raise ResourceError(source, '"resources" must be a list with at least one resource')
    found = tuple(_resource(item, f"resources[{i}]", source) for i, item in enumerate(items))
    for kind in (CRISIS, ABUSE):
        if not any(kind in r.kinds for r in found):
            raise ResourceError(
                source, f'"resources" must name at least one resource "for" {json.dumps(kind)}'
            )
    return CountryResources(country, name, emergency_number, emergency_note, found)


def _resource(item: object, where: str, source: str) -> Resource:
    if not isinstance(item, dict):
        raise ResourceError(source, f"{where} must be an object")
    _no_unknown_keys(item, _RESOURCE_KEYS, where, source)
    kinds = item.get("for")
    if (
        not isinstance(kinds, list)
        or not kinds
        or any(kind not in KINDS for kind in kinds)
        or len(set(kinds)) != len(kinds)
    ):
        raise ResourceError(
            source, f"{where}.for must be a list of different kinds from {', '.join(KINDS)}"
        )
    resource = Resource(
        name=_text(item, "name", f"{where}.name", source),
        kinds=tuple(kinds),
        description=_text(item, "description", f"{where}.description", source),
        call=_number(item, "call", f"{where}.call", source),
        text=_number(item, "text", f"{where}.text", source),
        text_message=_text(item, "text_message", f"{where}.text_message", source, required=False),
        web=_text(item, "web", f"{where}.web", source, required=False),
        hours=_text(item, "hours", f"{where}.hours", source, required=False),
    )
    if resource.web and not _WEB.fullmatch(resource.web):
        raise ResourceError(source, f"{where}.web must be an https:// address without spaces")
    if not (resource.call or resource.text or resource.web):
        raise ResourceError(source, f"{where} needs at least one of call, text or web")
    if resource.text_message and not resource.text:
        raise ResourceError(source, f"{where}.text_message needs a text number beside it")
    return resource


def _no_unknown_keys(data: dict[str, Any], allowed: set[str], where: str, source: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ResourceError(source, f"{where} has an unknown key {json.dumps(unknown[0])}")


def _text(data: dict[str, Any], key: str, where: str, source: str, *, required: bool = True) -> str:
    if key not in data:
        if required:
            raise ResourceError(source, f"{where} is missing")
        return ""
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ResourceError(source, f"{where} must be a non-empty text")
    return value.strip()


def _number(
    data: dict[str, Any], key: str, where: str, source: str, *, required: bool = False
) -> str:
    value = _text(data, key, where, source, required=required)
    if value and not _NUMBER.fullmatch(value):
        raise ResourceError(
            source,
            f"{where} must be a number as people dial it (digits, spaces, hyphens, an optional "
            f"leading +), not {json.dumps(value)}",
        )
    return value


# --- Reading files ------------------------------------------------------------------------


def _parse_bytes(raw: bytes, source: str) -> CountryResources:
    if len(raw) > MAX_FILE_BYTES:
        raise ResourceError(source, f"is larger than {MAX_FILE_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ResourceError(source, "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ResourceError(
            source, f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    return parse_resources(data, source)


def load_resource_file(path: str | Path) -> CountryResources:
    """Read and check one resources file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ResourceError(str(path), f"cannot be read ({error.strerror or error})") from None
    return _parse_bytes(raw, str(path))


def _add(table: dict[str, CountryResources], found: CountryResources, source: str) -> None:
    if found.country in table:
        raise ResourceError(source, f"country {found.country} has another file in the folder")
    table[found.country] = found


@cache
def builtin_resources() -> Mapping[str, CountryResources]:
    """The resources Rekindle ships, by country code (``INTL`` is the fallback)."""
    table: dict[str, CountryResources] = {}
    folder = package_files.files("rekindle.safety.resources")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json") and entry.name != SCHEMA_FILE:
            source = f"safety/resources/{entry.name}"
            _add(table, _parse_bytes(entry.read_bytes(), source), source)
    if INTERNATIONAL not in table:
        raise ResourceError("safety/resources", f"the {INTERNATIONAL} fallback file is missing")
    return table


def load_resources(folder: str | Path | None = None) -> dict[str, CountryResources]:
    """The shipped resources, with each file in ``folder`` (when given) replacing the shipped
    one for its country or adding a country. Every file is checked."""
    table = dict(builtin_resources())
    if folder is None:
        return table
    path = Path(folder)
    if not path.is_dir():
        raise ResourceError(str(path), "is not a folder")
    own: dict[str, CountryResources] = {}
    for file in sorted(path.glob("*.json")):
        if file.name != SCHEMA_FILE:
            _add(own, load_resource_file(file), str(file))
    table.update(own)
    return table


def resources_for(
    country: str, table: Mapping[str, CountryResources] | None = None
) -> CountryResources:
    """The resources for a country code (any case), or the international fallback."""
    found = table if table is not None else builtin_resources()
    return found.get(country.strip().upper()) or found[INTERNATIONAL]


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of a resources file."""
    text = package_files.files("rekindle.safety.resources").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema = json.loads(text)
    assert isinstance(schema, dict)
    return schema
