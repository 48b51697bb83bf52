"""Questionnaire definitions: the data-file format and its loader.

An instrument is a JSON file (``instrument.schema.json`` publishes its format). It carries
its items, the answer scales they use, the subscales they are scored into and the bands
(cut-offs) each subscale's score falls into, every band with the source it rests on, and its
licence. :func:`load_instrument` checks a file completely before anything is scored, so a
malformed file gives one clear :class:`~rekindle.errors.InstrumentError` line instead of a
wrong score later.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from rekindle.errors import InstrumentError

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "SCHEMA_FILE",
    "Anchor",
    "Band",
    "Instrument",
    "Item",
    "Licence",
    "Method",
    "Scale",
    "Subscale",
    "builtin_instruments",
    "find_instrument",
    "json_schema",
    "load_instrument",
    "parse_instrument",
]

FORMAT = "rekindle-instrument"
FORMAT_VERSION = 1
SCHEMA_FILE = "instrument.schema.json"
MAX_FILE_BYTES = 1_000_000
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

Method = Literal["sum", "mean"]
METHODS: tuple[Method, ...] = ("sum", "mean")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The words shown for one point of a scale, e.g. 1 = "Not at all"."""

    value: int
    label: str


@dataclass(frozen=True, slots=True)
class Scale:
    """An answer scale: whole numbers from ``minimum`` to ``maximum``, with anchor labels."""

    id: str
    minimum: int
    maximum: int
    anchors: tuple[Anchor, ...]

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(range(self.minimum, self.maximum + 1))

    def label_for(self, value: int) -> str | None:
        return next((a.label for a in self.anchors if a.value == value), None)


@dataclass(frozen=True, slots=True)
class Item:
    """One question. A reverse-keyed item is scored as ``minimum + maximum - answer``."""

    id: str
    text: str
    scale: Scale
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class Band:
    """A range of scores, from ``lower`` (inclusive) up to the next band's lower bound."""

    lower: float
    label: str
    meaning: str
    source: str


@dataclass(frozen=True, slots=True)
class Subscale:
    """Items scored together, by sum or by mean.

    A subscale is scored only when at most ``max_missing`` of its items are unanswered; the
    missing ones are then prorated (filled with the mean of the answered ones)."""

    id: str
    label: str
    description: str
    items: tuple[str, ...]
    method: Method
    max_missing: int
    decimals: int
    bands: tuple[Band, ...]
    lowest: float
    highest: float


@dataclass(frozen=True, slots=True)
class Licence:
    """Who holds the rights, on what terms it may be used, and whether it is clinical."""

    holder: str
    terms: str
    clinical: bool
    notice: str


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    version: str
    title: str
    description: str
    instructions: str
    language: str
    licence: Licence
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    sources: tuple[str, ...]

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    def subscale(self, subscale_id: str) -> Subscale:
        return next(s for s in self.subscales if s.id == subscale_id)


# --- Loading ------------------------------------------------------------------------------


def load_instrument(path: str | Path) -> Instrument:
    """Read and check one instrument file; any problem is one :class:`InstrumentError`."""
    path = Path(path)
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InstrumentError(source, f"cannot be read ({error.strerror or error})") from None
    return _parse_bytes(raw, source)


def _parse_bytes(raw: bytes, source: str) -> Instrument:
    if len(raw) > MAX_FILE_BYTES:
        raise InstrumentError(source, f"is larger than {MAX_FILE_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InstrumentError(source, "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InstrumentError(
            source, f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    return parse_instrument(data, source)


def parse_instrument(data: object, source: str = "instrument") -> Instrument:
    """Check an already-decoded instrument document and build the :class:`Instrument`."""
    return _Parser(source).instrument(data)


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> InstrumentError:
        return InstrumentError(self.source, f"{where} {problem}" if where else problem)

    def obj(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where or "the file", "must be a JSON object")
        return value

    def field(self, data: dict[str, Any], key: str, where: str, kind: type, **opt: Any) -> Any:
        label = f"{where}.{key}" if where else f'"{key}"'
        if key not in data:
            if "default" in opt:
                return opt["default"]
            raise self.fail(label, "is missing")
        value = data[key]
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(label, f"must be a whole number, not {json.dumps(value)}")
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.fail(label, f"must be a number, not {json.dumps(value)}")
            return float(value)
        if not isinstance(value, kind):
            raise self.fail(label, f"must be {_KIND_NAMES[kind]}")
        if isinstance(value, str) and not value.strip():
            raise self.fail(label, "must not be empty")
        return value

    def ident(self, data: dict[str, Any], where: str) -> str:
        value: str = self.field(data, "id", where, str)
        if not _ID.match(value):
            raise self.fail(
                f"{where}.id" if where else '"id"',
                f"{json.dumps(value)} must be lower-case letters, digits and dashes",
            )
        return value

    def unknown_keys(self, data: dict[str, Any], allowed: set[str], where: str) -> None:
        extra = sorted(set(data) - allowed)
        if extra:
            raise self.fail(where or "the file", f"has an unknown field {json.dumps(extra[0])}")

    def instrument(self, value: object) -> Instrument:
        data = self.obj(value, "")
        self.unknown_keys(data, _INSTRUMENT_KEYS, "")
        if data.get("format") != FORMAT:
            raise self.fail("", f'is not a questionnaire file ("format" must be "{FORMAT}")')
        version = self.field(data, "format_version", "", int)
        if version != FORMAT_VERSION:
            raise self.fail(
                '"format_version"', f"is {version}; this Rekindle reads version {FORMAT_VERSION}"
            )
        scales = self.scales(self.field(data, "scales", "", dict))
        default_scale = self.field(data, "default_scale", "", str, default=None)
        if default_scale is not None and default_scale not in scales:
            raise self.fail('"default_scale"', f"names {json.dumps(default_scale)}, not a scale")
        items = self.items(self.field(data, "items", "", list), scales, default_scale)
        subscales = self.subscales(self.field(data, "subscales", "", list), items)
        sources = self.field(data, "sources", "", list, default=[])
        if not all(isinstance(s, str) and s.strip() for s in sources):
            raise self.fail('"sources"', "must be a list of non-empty texts")
        return Instrument(
            id=self.ident(data, ""),
            version=self.field(data, "version", "", str),
            title=self.field(data, "title", "", str),
            description=self.field(data, "description", "", str),
            instructions=self.field(data, "instructions", "", str),
            language=self.field(data, "language", "", str),
            licence=self.licence(self.field(data, "licence", "", dict)),
            items=tuple(items.values()),
            subscales=subscales,
            sources=tuple(sources),
        )

    def licence(self, data: dict[str, Any]) -> Licence:
        where = "licence"
        self.unknown_keys(data, {"holder", "terms", "clinical", "notice"}, where)
        return Licence(
            holder=self.field(data, "holder", where, str),
            terms=self.field(data, "terms", where, str),
            clinical=self.field(data, "clinical", where, bool),
            notice=self.field(data, "notice", where, str),
        )

    def scales(self, data: dict[str, Any]) -> dict[str, Scale]:
        if not data:
            raise self.fail('"scales"', "must define at least one scale")
        scales: dict[str, Scale] = {}
        for scale_id, value in data.items():
            where = f"scales.{scale_id}"
            if not _ID.match(scale_id):
                raise self.fail(where, "has a name that is not lower-case letters, digits, dashes")
            scale = self.obj(value, where)
            self.unknown_keys(scale, {"min", "max", "anchors"}, where)
            low = self.field(scale, "min", where, int)
            high = self.field(scale, "max", where, int)
            if high <= low:
                raise self.fail(where, f"has max {high} not above min {low}")
            if high - low > 100:
                raise self.fail(where, "spans more than 100 points")
            anchors: list[Anchor] = []
            for index, raw in enumerate(self.field(scale, "anchors", where, list)):
                at = f"{where}.anchors[{index}]"
                anchor = self.obj(raw, at)
                self.unknown_keys(anchor, {"value", "label"}, at)
                point = self.field(anchor, "value", at, int)
                if not low <= point <= high:
                    raise self.fail(f"{at}.value", f"{point} is outside {low}..{high}")
                if any(a.value == point for a in anchors):
                    raise self.fail(f"{at}.value", f"{point} has a label already")
                anchors.append(Anchor(point, self.field(anchor, "label", at, str)))
            if not anchors:
                raise self.fail(f"{where}.anchors", "must label at least one point")
            scales[scale_id] = Scale(scale_id, low, high, tuple(sorted(anchors, key=_value)))
        return scales

    def items(
        self, data: list[Any], scales: dict[str, Scale], default_scale: str | None
    ) -> dict[str, Item]:
        if not data:
            raise self.fail('"items"', "must list at least one item")
        items: dict[str, Item] = {}
        for index, raw in enumerate(data):
            where = f"items[{index}]"
            item = self.obj(raw, where)
            self.unknown_keys(item, {"id", "text", "scale", "reverse"}, where)
            item_id = self.ident(item, where)
            if item_id in items:
                raise self.fail(f"{where}.id", f"{json.dumps(item_id)} is used twice")
            scale_id = self.field(item, "scale", where, str, default=default_scale)
            if scale_id is None:
                raise self.fail(f"{where}.scale", 'is missing and there is no "default_scale"')
            if scale_id not in scales:
                raise self.fail(f"{where}.scale", f"names {json.dumps(scale_id)}, not a scale")
            items[item_id] = Item(
                id=item_id,
                text=self.field(item, "text", where, str),
                scale=scales[scale_id],
                reverse=self.field(item, "reverse", where, bool, default=False),
            )
        return items

    def subscales(self, data: list[Any], items: dict[str, Item]) -> tuple[Subscale, ...]:
        if not data:
            raise self.fail('"subscales"', "must list at least one subscale")
        found: list[Subscale] = []
        for index, raw in enumerate(data):
            where = f"subscales[{index}]"
            sub = self.obj(raw, where)
            self.unknown_keys(sub, _SUBSCALE_KEYS, where)
            subscale_id = self.ident(sub, where)
            if any(s.id == subscale_id for s in found):
                raise self.fail(f"{where}.id", f"{json.dumps(subscale_id)} is used twice")
            members = self.field(sub, "items", where, list)
            if not members:
                raise self.fail(f"{where}.items", "must name at least one item")
            for member in members:
                if not isinstance(member, str) or member not in items:
                    raise self.fail(f"{where}.items", f"names {json.dumps(member)}, not an item")
            if len(set(members)) != len(members):
                raise self.fail(f"{where}.items", "names an item twice")
            method = self.field(sub, "method", where, str)
            if method not in METHODS:
                raise self.fail(f"{where}.method", f'must be "sum" or "mean", not "{method}"')
            max_missing = self.field(sub, "max_missing", where, int, default=0)
            if not 0 <= max_missing < len(members):
                raise self.fail(
                    f"{where}.max_missing",
                    f"must be from 0 to {len(members) - 1}, not {max_missing}",
                )
            decimals = self.field(sub, "decimals", where, int, default=2)
            if not 0 <= decimals <= 6:
                raise self.fail(f"{where}.decimals", f"must be from 0 to 6, not {decimals}")
            scales = [items[m].scale for m in members]
            lowest = float(sum(s.minimum for s in scales))
            highest = float(sum(s.maximum for s in scales))
            if method == "mean":
                lowest, highest = lowest / len(scales), highest / len(scales)
            bands = self.bands(self.field(sub, "bands", where, list), where, lowest, highest)
            found.append(
                Subscale(
                    id=subscale_id,
                    label=self.field(sub, "label", where, str),
                    description=self.field(sub, "description", where, str, default=""),
                    items=tuple(members),
                    method=method,
                    max_missing=max_missing,
                    decimals=decimals,
                    bands=bands,
                    lowest=round(lowest, decimals),
                    highest=round(highest, decimals),
                )
            )
        return tuple(found)

    def bands(self, data: list[Any], where: str, lowest: float, highest: float) -> tuple[Band, ...]:
        bands: list[Band] = []
        for index, raw in enumerate(data):
            at = f"{where}.bands[{index}]"
            band = self.obj(raw, at)
            self.unknown_keys(band, {"from", "label", "meaning", "source"}, at)
            lower = self.field(band, "from", at, float)
            if bands and lower <= bands[-1].lower:
                raise self.fail(f"{at}.from", "must be above the band before it")
            if not lowest <= lower <= highest:
                raise self.fail(
                    f"{at}.from", f"{lower:g} is outside the scores {lowest:g}..{highest:g}"
                )
            bands.append(
                Band(
                    lower=lower,
                    label=self.field(band, "label", at, str),
                    meaning=self.field(band, "meaning", at, str),
                    source=self.field(band, "source", at, str),
                )
            )
        if bands and bands[0].lower != lowest:
            raise self.fail(
                f"{where}.bands[0].from",
                f"must be the lowest possible score, {lowest:g}, so every score has a band",
            )
        return tuple(bands)


_KIND_NAMES = {str: "text", bool: "true or false", list: "a list", dict: "an object"}
_INSTRUMENT_KEYS = {
    "$schema",
    "format",
    "format_version",
    "id",
    "version",
    "title",
    "description",
    "instructions",
    "language",
    "licence",
    "scales",
    "default_scale",
    "items",
    "subscales",
    "sources",
}
_SUBSCALE_KEYS = {
    "id",
    "label",
    "description",
    "items",
    "method",
    "max_missing",
    "decimals",
    "bands",
}


def _value(anchor: Anchor) -> int:
    return anchor.value


# --- The instruments Rekindle ships -------------------------------------------------------


@cache
def builtin_instruments() -> tuple[Instrument, ...]:
    """Every instrument in the package's ``instruments/`` folder, sorted by id."""
    folder = resources.files("rekindle.assessments").joinpath("instruments")
    found = [
        _parse_bytes(entry.read_bytes(), f"instruments/{entry.name}")
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    ]
    return tuple(sorted(found, key=lambda i: i.id))


def find_instrument(instrument_id: str) -> Instrument | None:
    """The shipped instrument with this id, or None."""
    return next((i for i in builtin_instruments() if i.id == instrument_id), None)


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of the instrument file format."""
    text = resources.files("rekindle.assessments").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema = json.loads(text)
    assert isinstance(schema, dict)
    return schema
