"""Reading and checking the cue lexicon data files (the schema is in :mod:`.lexicon`).

Every problem is a :class:`LexiconError` that names the file and the place in it ("groups[2]
.patterns[5] 'you (always': unbalanced '('"), so a broken data file fails at start-up with a
message a contributor can act on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any, cast

from rekindle.errors import RekindleError
from rekindle.signals.compiled import compile_pattern
from rekindle.signals.phrases import (
    Notation,
    PhraseError,
    branches,
    first_characters,
    is_raw,
    join,
    raw_regex,
)

CUES_SCHEMA = "rekindle.cues/1"
LANGUAGE_SCHEMA = "rekindle.language/1"
LANGUAGE_FILE = "language.json"
ONE_PER = ("message", "detail")
CHECKS = ("negatable", "skip_quoted", "addressed", "sentence_start")
CHECK_DEFAULTS = {"negatable": False, "skip_quoted": True, "addressed": False}
TEXT_KEYS = ("description", "evidence", "limits")
FILE_KEYS = frozenset(
    {"schema", "cue", "one_per", "groups", "macros", "exceptions", "cancelled_by"}
    | {*TEXT_KEYS, *CHECKS}
)
GROUP_KEYS = frozenset(
    {"detail", "note", "patterns", "whole_message", "when", "same_as", "unless_cues"}
    | {"min_words", "max_words", *CHECKS}
)
GROUP_KINDS = ("patterns", "when", "same_as")
DENIAL_WINDOW = 80  # characters before a hit that are read for a denial


class LexiconError(RekindleError):
    """A lexicon data file is malformed; the message names the file and the place."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


@dataclass(frozen=True)
class Language:
    """What the cue files of one language share: phrase notation, denial, addressing."""

    code: str
    notation: Notation
    negated_tail: re.Pattern[str]
    not_denials: re.Pattern[str] | None
    clause_breaks: re.Pattern[str]
    addressee: re.Pattern[str]

    def is_denied(self, folded: str, start: int) -> bool:
        """Whether a negator governs ``start``: a denial shortly before it, in its clause."""
        window = folded[max(0, start - DENIAL_WINDOW) : start]
        cut = 0
        for match in self.clause_breaks.finditer(window):
            cut = match.end()
        window = window[cut:]
        if self.not_denials is not None:
            window = self.not_denials.sub(" ", window)
        return self.negated_tail.search(window) is not None


@dataclass(frozen=True)
class Checks:
    """The context checks a hit must pass (see :mod:`.lexicon`)."""

    negatable: bool = False
    skip_quoted: bool = True
    addressed: bool = False
    sentence_start: bool = False


@dataclass(frozen=True)
class Group:
    """Patterns that share a detail, a kind and checks.

    ``keyed`` pairs each pattern's regex with the one or two letters it starts with; the
    scanner tries it only there. ``unkeyed`` holds raw regexes whose start is not plain to see:
    they are searched in every message.
    """

    index: int
    detail: str | None
    checks: Checks
    keyed: tuple[tuple[str, str], ...] = ()
    unkeyed: tuple[re.Pattern[str], ...] = ()
    whole: re.Pattern[str] | None = None
    when_question: bool = False
    same_as: str | None = None
    unless_cues: tuple[str, ...] = ()
    min_words: int = 0
    max_words: int = 0  # 0: no limit

    @property
    def is_phrases(self) -> bool:
        """Whether the group's patterns are found by scanning the text (not a special kind)."""
        return self.whole is None and not self.when_question and self.same_as is None


@dataclass(frozen=True)
class Lexicon:
    """One cue file, checked and compiled."""

    cue: str
    source: str
    language: Language
    description: str
    evidence: str
    limits: str
    one_per: str
    groups: tuple[Group, ...]
    exceptions: re.Pattern[str] | None
    cancelled_by: re.Pattern[str] | None

    def references(self) -> Iterable[str]:
        """The other cues this one reads (``same_as`` and ``unless_cues``)."""
        for group in self.groups:
            yield from group.unless_cues
            if group.same_as is not None:
                yield group.same_as


# --------------------------------------------------------------------------- language.json


def read_language(code: str, data: Mapping[str, Any], source: str) -> Language:
    """The :class:`Language` described by a ``language.json``'s content."""
    if data.get("schema") != LANGUAGE_SCHEMA:
        raise LexiconError(
            source, f"schema is {data.get('schema')!r}, expected {LANGUAGE_SCHEMA!r}"
        )
    macros = _require(data, source, "macros", dict)
    for name, value in macros.items():
        if not isinstance(value, str):
            raise LexiconError(source, f"macros.{name} must be a string")
    negation = _require(data, source, "negation", dict)
    negators = _require(negation, source, "negators", str, "negation.")
    reach = _require(negation, source, "reach", int, "negation.")
    denials = _require(negation, source, "not_denials", list, "negation.")
    breaks = _require(negation, source, "clause_breaks", str, "negation.")
    addressee = _require(data, source, "addressee", str)
    keep = _require(data, source, "keep_apostrophe", list)
    if reach < 1:
        raise LexiconError(source, "negation.reach must be at least 1")
    if _compile(negators, source, "negation.negators").groups:
        raise LexiconError(
            source, "negation.negators: use (?:...); capturing groups are not allowed"
        )
    negator_group = f"(?:{negators})"
    tail = rf"(?<![\w']){negator_group}(?![\w'])(?:[^\w']+[\w']+){{0,{reach - 1}}}[^\w']*$"
    return Language(
        code=code,
        notation=Notation(dict(macros), negator_group, frozenset(keep)),
        negated_tail=_compile(tail, source, "negation.negators"),
        not_denials=(
            _compile("|".join(f"(?:{d})" for d in denials), source, "negation.not_denials")
            if denials
            else None
        ),
        clause_breaks=_compile(breaks, source, "negation.clause_breaks"),
        addressee=_compile(addressee, source, "addressee"),
    )


# --------------------------------------------------------------------------- cue files


def read_lexicon(data: Mapping[str, Any], language: Language, source: str) -> Lexicon:
    """The :class:`Lexicon` a cue file describes (``source`` names it in errors)."""
    _check_keys(data, FILE_KEYS, source, "")
    if data.get("schema") != CUES_SCHEMA:
        raise LexiconError(source, f"schema is {data.get('schema')!r}, expected {CUES_SCHEMA!r}")
    cue = _require(data, source, "cue", str)
    if not re.fullmatch(r"[a-z][a-z_]*", cue):
        raise LexiconError(source, f"cue {cue!r} must be lower_case_with_underscores")
    for key in TEXT_KEYS:
        if not _require(data, source, key, str).strip():
            raise LexiconError(source, f"{key} must not be empty")
    one_per = data.get("one_per", "message")
    if one_per not in ONE_PER:
        raise LexiconError(source, f"one_per must be one of {', '.join(ONE_PER)}")
    defaults = _checks(data, CHECK_DEFAULTS, source, "")
    notation = _file_notation(data, language, source)
    raw_groups = _require(data, source, "groups", list)
    if not raw_groups:
        raise LexiconError(source, "groups must not be empty")
    groups = []
    for index, raw_group in enumerate(raw_groups):
        if not isinstance(raw_group, dict):
            raise LexiconError(source, f"groups[{index}] must be an object")
        groups.append(_read_group(index, raw_group, defaults, notation, source))
    return Lexicon(
        cue=cue,
        source=source,
        language=language,
        description=data["description"],
        evidence=data["evidence"],
        limits=data["limits"],
        one_per=one_per,
        groups=tuple(groups),
        exceptions=_pattern_list(data, "exceptions", notation, source),
        cancelled_by=_pattern_list(data, "cancelled_by", notation, source),
    )


def _file_notation(data: Mapping[str, Any], language: Language, source: str) -> Notation:
    """The language's notation, with the file's own ``macros`` added (they win)."""
    macros = data.get("macros", {})
    if not isinstance(macros, dict) or not all(isinstance(v, str) for v in macros.values()):
        raise LexiconError(source, "macros must map names to phrase strings")
    base = language.notation
    if not macros:
        return base
    return Notation({**base.macros, **macros}, base.negators, base.keep_apostrophe)


def _read_group(
    index: int,
    data: Mapping[str, Any],
    defaults: Mapping[str, bool],
    notation: Notation,
    source: str,
) -> Group:
    where = f"groups[{index}]"
    _check_keys(data, GROUP_KEYS, source, f"{where}.")
    detail = data.get("detail")
    if detail is not None and not isinstance(detail, str):
        raise LexiconError(source, f"{where}.detail must be a string")
    kinds = [k for k in GROUP_KINDS if k in data]
    if len(kinds) != 1:
        raise LexiconError(source, f"{where} needs exactly one of {', '.join(GROUP_KINDS)}")
    unless = data.get("unless_cues", [])
    if not isinstance(unless, list) or not all(isinstance(c, str) for c in unless):
        raise LexiconError(source, f"{where}.unless_cues must be a list of cue names")
    common: dict[str, Any] = {
        "index": index,
        "detail": detail,
        "checks": Checks(**_checks(data, defaults, source, f"{where}.")),
        "unless_cues": tuple(unless),
        "min_words": _word_count(data, "min_words", source, where),
        "max_words": _word_count(data, "max_words", source, where),
    }
    if "when" in data:
        if data["when"] != "question":
            raise LexiconError(source, f"{where}.when must be 'question'")
        return Group(when_question=True, **common)
    if "same_as" in data:
        if not isinstance(data["same_as"], str):
            raise LexiconError(source, f"{where}.same_as must be a cue name")
        return Group(same_as=data["same_as"], **common)
    return _pattern_group(data, common, notation, source, where)


def _pattern_group(
    data: Mapping[str, Any], common: dict[str, Any], notation: Notation, source: str, where: str
) -> Group:
    patterns = data["patterns"]
    if not isinstance(patterns, list) or not patterns:
        raise LexiconError(source, f"{where}.patterns must be a non-empty list of strings")
    whole = data.get("whole_message", False)
    if not isinstance(whole, bool):
        raise LexiconError(source, f"{where}.whole_message must be true or false")
    keyed, raw = _compile_patterns(patterns, notation, source, f"{where}.patterns", loose=whole)
    if whole:
        sources = [regex for _, regex in keyed] + raw
        return Group(whole=_compile(join(sources), source, f"{where}.patterns"), **common)
    unkeyed = []
    for regex in raw:
        firsts = first_characters(regex)
        if firsts is None or any(_is_filler(ch) for ch in firsts):
            unkeyed.append(_compile(regex, source, f"{where}.patterns"))
        else:
            keyed += [(ch, regex) for ch in sorted(firsts)]
    return Group(keyed=tuple(keyed), unkeyed=tuple(unkeyed), **common)


def _is_filler(ch: str) -> bool:
    """Spaces and ASCII punctuation: too common to file a pattern under."""
    return ch.isspace() or (ch.isascii() and not ch.isalnum() and ch not in "'*$")


def _compile_patterns(
    patterns: Sequence[Any], notation: Notation, source: str, where: str, loose: bool = False
) -> tuple[list[tuple[str, str]], list[str]]:
    """(key, regex) for each phrase variant, and the sources of the raw regexes."""
    keyed: list[tuple[str, str]] = []
    raw: list[str] = []
    for index, pattern in enumerate(patterns):
        place = f"{where}[{index}]"
        if not isinstance(pattern, str) or not pattern.strip():
            raise LexiconError(source, f"{place} must be a non-empty string")
        try:
            if is_raw(pattern):
                raw.append(raw_regex(pattern))
                continue
            if pattern != pattern.lower():
                raise PhraseError("write phrases in lower case (text is matched lower-cased)")
            keyed += [(b.key, b.regex) for b in branches(pattern, notation, loose)]
        except PhraseError as error:
            raise LexiconError(source, f"{place} {pattern!r}: {error}") from None
    return keyed, raw


def _pattern_list(
    data: Mapping[str, Any], key: str, notation: Notation, source: str
) -> re.Pattern[str] | None:
    """``exceptions`` or ``cancelled_by``, as one regex searched over a message with hits."""
    patterns = data.get(key, [])
    if not isinstance(patterns, list):
        raise LexiconError(source, f"{key} must be a list of patterns")
    if not patterns:
        return None
    keyed, raw = _compile_patterns(patterns, notation, source, key)
    return _compile(join([regex for _, regex in keyed] + raw), source, key)


def _checks(
    data: Mapping[str, Any], defaults: Mapping[str, bool], source: str, where: str
) -> dict[str, bool]:
    result = {k: defaults.get(k, False) for k in CHECKS}
    for key in CHECKS:
        if key in data:
            if not isinstance(data[key], bool):
                raise LexiconError(source, f"{where}{key} must be true or false")
            result[key] = data[key]
    return result


def _word_count(data: Mapping[str, Any], key: str, source: str, where: str) -> int:
    value = data.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise LexiconError(source, f"{where}.{key} must be a whole number")
    return value


def _check_keys(data: Mapping[str, Any], allowed: frozenset[str], source: str, where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        allowed_list = ", ".join(sorted(allowed))
        raise LexiconError(source, f"unknown key {where}{unknown[0]} (allowed: {allowed_list})")


def _require(data: Mapping[str, Any], source: str, key: str, kind: type, where: str = "") -> Any:
    if key not in data:
        raise LexiconError(source, f"missing key {where}{key}")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise LexiconError(source, f"{where}{key} must be a {kind.__name__}")
    return value


def _compile(source_regex: str, source: str, where: str) -> re.Pattern[str]:
    try:
        return compile_pattern(source_regex)
    except re.error as error:
        raise LexiconError(source, f"{where}: {error}") from None


# --------------------------------------------------------------------------- a language folder


def read_folder(folder: Traversable, language: str) -> list[Lexicon]:
    """The cue lexicons in a language's folder, checked, in cue-name order."""
    prefix = f"lexicons/{language}"
    language_file = folder.joinpath(LANGUAGE_FILE)
    if not language_file.is_file():
        raise LexiconError(prefix, f"missing {LANGUAGE_FILE}")
    language_source = f"{prefix}/{LANGUAGE_FILE}"
    lang = read_language(language, read_json(language_file, language_source), language_source)
    lexicons = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json") or entry.name == LANGUAGE_FILE:
            continue
        source = f"{prefix}/{entry.name}"
        data = read_json(entry, source)
        if "schema" not in data:
            continue  # another module's data (e.g. function_words.json)
        lexicon = read_lexicon(data, lang, source)
        if entry.name != f"{lexicon.cue}.json":
            raise LexiconError(
                source, f"the file for cue {lexicon.cue!r} must be {lexicon.cue}.json"
            )
        lexicons.append(lexicon)
    check_references(lexicons)
    return lexicons


def read_json(entry: Traversable, source: str) -> dict[str, Any]:
    """A JSON object from a data file (errors name the file and line)."""
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise LexiconError(source, f"not valid JSON: line {error.lineno}: {error.msg}") from None
    if not isinstance(data, dict):
        raise LexiconError(source, "must hold a JSON object")
    return cast(dict[str, Any], data)


def check_references(lexicons: Sequence[Lexicon]) -> None:
    """Every ``same_as``/``unless_cues`` names a cue of the language, and none loops."""
    by_cue = {lexicon.cue: lexicon for lexicon in lexicons}
    for lexicon in lexicons:
        for other in lexicon.references():
            if other not in by_cue:
                raise LexiconError(lexicon.source, f"refers to {other!r}, which is no cue here")
    for lexicon in lexicons:
        _check_no_loop(lexicon, by_cue, ())


def _check_no_loop(lexicon: Lexicon, by_cue: Mapping[str, Lexicon], path: tuple[str, ...]) -> None:
    if lexicon.cue in path:
        loop = " -> ".join((*path, lexicon.cue))
        raise LexiconError(by_cue[path[0]].source, f"cues refer to each other in a loop: {loop}")
    for other in lexicon.references():
        _check_no_loop(by_cue[other], by_cue, (*path, lexicon.cue))
