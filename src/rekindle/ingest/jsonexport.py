"""What the JSON export parsers share: loading a file with clear errors.

Telegram, Messenger/Instagram and Discord all export one JSON document per file. They are
parsed whole (the standard library has no streaming JSON parser, and these exports fit in
memory; :func:`~rekindle.ingest.source.read_text` enforces the size limit). What can go
wrong is reported in the same words for each:

- a file cut short (an interrupted download or copy) names the line where the JSON stops;
- invalid JSON names the line and what the decoder expected there;
- JSON of the right family but the wrong shape says which key should hold what.
"""

from __future__ import annotations

import json
from typing import Any

from rekindle.errors import ParseError
from rekindle.ingest.source import Part, read_text


def load_json(part: Part, expected: str) -> Any:
    """The parsed JSON document in ``part``.

    ``expected`` names what the file should be ("a Telegram export"), for the error message
    when it is not JSON at all.
    """
    text = read_text(part)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if not text[exc.pos :].strip():
            problem = (
                "the JSON stops before it is complete: the file looks cut short (export or"
                " download it again)"
            )
        else:
            problem = f"this is not valid JSON ({exc.msg}, column {exc.colno}); expected {expected}"
        raise ParseError(part.label, problem, line=exc.lineno) from None


def require_object(value: Any, part: Part, what: str) -> dict[str, Any]:
    """``value`` if it is a JSON object, else a ParseError saying that ``what`` should be one."""
    if not isinstance(value, dict):
        raise ParseError(part.label, f"expected {what} to be a JSON object, found {_kind(value)}")
    return value


def require_list(value: Any, part: Part, what: str) -> list[Any]:
    """``value`` if it is a JSON array, else a ParseError saying that ``what`` should be one."""
    if not isinstance(value, list):
        raise ParseError(part.label, f"expected {what} to be a list, found {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    """How a JSON value is described in an error message."""
    if value is None:
        return "nothing (null or missing)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return "a number"


def has_keys(head: str, *keys: str) -> bool:
    """Whether every one of ``keys`` appears as a quoted JSON key in the head of a file."""
    return all(f'"{key}"' in head for key in keys)
