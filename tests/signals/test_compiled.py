"""The compiled-regex cache: the same patterns as re.compile, kept between processes, and
never a reason to fail."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from rekindle.signals import compiled
from rekindle.signals.compiled import cache_file, compile_pattern, save

PATTERNS = [
    r"you (?:always|never)(?![\w'])",
    r"(?<![\w'].)ou'?re[\s,]+(?:so[\s,]+)?lazy",
    r"(?P<who>i|we) (love|miss) (?P=who)?",
    r"(?i)SORRY+",
    r"[❤💕]+|<3",
    r"(?:(?=(you)))?(?:(?=(yo)))?",
]
SAMPLES = [
    "you always do this",
    "you never fail to",
    "u're so lazy",
    "you're lazy",
    "we love we",
    "i miss",
    "Sorryyy",
    "❤💕 <3",
    "yo",
    "",
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("REKINDLE_CACHE_DIR", str(tmp_path / "cache"))
    compiled._reset()
    yield tmp_path / "cache"
    compiled._reset()


def same_behaviour(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    for text in SAMPLES:
        for start in range(len(text) + 1):
            x, y = a.match(text, start), b.match(text, start)
            assert (x and (x.span(), x.groups())) == (y and (y.span(), y.groups()))
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_compiled_pattern_behaves_as_re_compile_fresh_and_from_the_file(
    cache_dir: Path, pattern: str
) -> None:
    same_behaviour(compile_pattern(pattern), re.compile(pattern))
    save()
    assert cache_file() is not None and cache_file().exists()  # type: ignore[union-attr]
    compiled._reset()
    same_behaviour(compile_pattern(pattern), re.compile(pattern))


def test_a_pattern_from_the_file_skips_parsing(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pattern in PATTERNS:
        compile_pattern(pattern)
    save()
    compiled._reset()

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed again although the cache holds it")

    monkeypatch.setattr(compiled._parser, "parse", no_parsing)
    for pattern in PATTERNS:
        same_behaviour(compile_pattern(pattern), re.compile(pattern))


def test_a_new_process_reads_what_another_saved(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from rekindle.signals import compiled\n"
        "def refuse(*a):\n"
        "    raise SystemExit('parsed')\n"
        "if sys.argv[1] == 'second':\n"
        "    compiled._parser.parse = refuse\n"
        "print(compiled.compile_pattern(r'you (always|never)').match('you never').group(1))\n"
    )
    environ = {**os.environ, "REKINDLE_CACHE_DIR": str(tmp_path)}
    for run in ("first", "second"):
        done = subprocess.run(
            [sys.executable, "-c", script, run], env=environ, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "never"


def test_a_damaged_file_is_ignored_and_rewritten(cache_dir: Path) -> None:
    path = cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00not marshal at all")
    same_behaviour(compile_pattern(PATTERNS[0]), re.compile(PATTERNS[0]))
    save()
    compiled._reset()
    assert compiled._read(path)  # rewritten with the entry


def test_code_the_engine_refuses_is_rebuilt(cache_dir: Path) -> None:
    compile_pattern(PATTERNS[1])
    save()
    compiled._reset()
    path = cache_file()
    assert path is not None
    entries = compiled._read(path)
    for key, (flags, code, groups, index, names) in entries.items():
        entries[key] = (flags, array("I", [999_999]).tobytes() + code, groups, index, names)

    path.write_bytes(marshal.dumps(entries))
    same_behaviour(compile_pattern(PATTERNS[1]), re.compile(PATTERNS[1]))


def test_turned_off_it_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REKINDLE_CACHE_DIR", "off")
    compiled._reset()
    try:
        assert cache_file() is None
        same_behaviour(compile_pattern(PATTERNS[0]), re.compile(PATTERNS[0]))
        save()
    finally:
        compiled._reset()


def test_a_folder_that_cannot_be_written_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REKINDLE_CACHE_DIR", str(blocker / "cache"))
    compiled._reset()
    try:
        same_behaviour(compile_pattern(PATTERNS[2]), re.compile(PATTERNS[2]))
        save()  # must not raise
    finally:
        compiled._reset()


def test_a_bad_pattern_raises_the_usual_error(cache_dir: Path) -> None:
    with pytest.raises(re.error):
        compile_pattern("(unclosed")


@pytest.mark.parametrize("unset", [None, "", "  "])
def test_the_default_folder_follows_xdg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, unset: str | None
) -> None:
    if unset is None:
        monkeypatch.delenv("REKINDLE_CACHE_DIR", raising=False)
    else:
        monkeypatch.setenv("REKINDLE_CACHE_DIR", unset)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = cache_file()
    assert path is not None and path.parent == tmp_path / "rekindle"
    assert sys.implementation.cache_tag in path.name
