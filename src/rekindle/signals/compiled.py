"""Compiled regular expressions kept between runs, so that a fresh process need not rebuild them.

Python compiles a regular expression in three steps: it parses the pattern and generates the
matching engine's code (both in pure Python), then hands that code to the engine (in C). The
cue lexicons' patterns are large, and the first two steps cost a fresh process one to two
seconds before it reads a single message. :func:`compile_pattern` keeps the generated code in
a cache file and, next time, hands it straight to the engine.

The cache holds only the project's own patterns, never a message. Its file name carries the
Python version and the engine's version, so another Python never reads it. The engine checks
any code it is given, and whatever goes wrong (a damaged file, a folder that cannot be
written, an interpreter other than CPython) falls back to plain :func:`re.compile`, with the
same result. Where the cache lives:

- ``REKINDLE_CACHE_DIR`` when it is set (``off`` turns the cache off; empty counts as unset);
- otherwise ``$XDG_CACHE_HOME/rekindle``, or ``~/.cache/rekindle``.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
import time
from array import array
from importlib import import_module
from pathlib import Path
from typing import Any

__all__ = ["cache_file", "compile_pattern", "save"]

SAVE_EVERY = 2.0  # seconds: a process that keeps compiling writes the file at most this often
MAX_ENTRIES = 5000  # beyond this, entries this process did not use are dropped on saving

_WORD = "I"  # the engine's code unit: unsigned 32 bits (_sre.CODESIZE == 4)

try:  # the standard library's private compiler: present in CPython 3.11 and later
    _sre: Any = import_module("_sre")
    _parser: Any = import_module("re._parser")
    _compiler: Any = import_module("re._compiler")
    _AVAILABLE = (
        sys.implementation.name == "cpython"
        and callable(_compiler._code)
        and _sre.CODESIZE == array(_WORD).itemsize == 4
    )
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    _AVAILABLE = False

# flags, the engine's code (as machine words, which load far faster than a list of ints),
# the number of groups, the group names, and the names by group number.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class _Cache:
    def __init__(self) -> None:
        self.path: Path | None = None
        self.loaded = False
        self.entries: dict[str, _Entry] = {}
        self.used: set[str] = set()
        self.unsaved = 0
        self.last_save = time.monotonic()


_cache = _Cache()


def cache_file() -> Path | None:
    """Where the cache is kept, or None when it is turned off."""
    setting = os.environ.get("REKINDLE_CACHE_DIR", "").strip()
    if setting:  # an empty value counts as unset, as for every Rekindle setting
        if setting.lower() == "off":
            return None
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "rekindle"
    version = getattr(_sre, "MAGIC", 0) if _AVAILABLE else 0
    return folder / f"regex-{sys.implementation.cache_tag}-{version}.marshal"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, from the cache when this pattern was compiled before."""
    if not _AVAILABLE:
        return re.compile(pattern)
    _load()
    key = hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()
    entry = _cache.entries.get(key)
    if entry is not None:
        try:
            flags, words, groups, groupindex, indexgroup = entry
            code = array(_WORD, words).tolist()
            compiled: re.Pattern[str] = _sre.compile(
                pattern, flags, code, groups, groupindex, indexgroup
            )
        except (RuntimeError, TypeError, ValueError, OverflowError):  # refused: rebuild it
            del _cache.entries[key]
        else:
            _cache.used.add(key)
            return compiled
    parsed = _parser.parse(pattern, 0)
    code = _compiler._code(parsed, 0)
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        names[index] = name
    flags, groups = parsed.state.flags, parsed.state.groups - 1
    groupindex = dict(parsed.state.groupdict)
    compiled = _sre.compile(pattern, flags, code, groups, groupindex, tuple(names))
    entry = (flags, array(_WORD, code).tobytes(), groups, groupindex, tuple(names))
    if _cache.path is not None:
        _cache.entries[key] = entry
        _cache.used.add(key)
        _cache.unsaved += 1
        if time.monotonic() - _cache.last_save >= SAVE_EVERY:
            save()
    return compiled


def save() -> None:
    """Write what this process compiled to the cache file (merged with what is there)."""
    path = _cache.path
    if path is None or not _cache.unsaved:
        return
    _cache.unsaved = 0
    _cache.last_save = time.monotonic()
    entries = {**_read(path), **_cache.entries}
    if len(entries) > MAX_ENTRIES:
        entries = {key: entries[key] for key in _cache.used if key in entries}
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                marshal.dump(entries, out)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _load() -> None:
    if _cache.loaded:
        return
    _cache.loaded = True
    _cache.path = cache_file()
    if _cache.path is not None:
        _cache.entries = _read(_cache.path)
        atexit.register(save)


def _read(path: Path) -> dict[str, _Entry]:
    try:
        with path.open("rb") as handle:
            data = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _reset() -> None:
    """Forget everything in memory (for tests: the next call reads the file again)."""
    global _cache
    _cache = _Cache()
