"""The phrase notation of the cue lexicons, compiled to regular expressions.

A phrase is written the way people text, in lower case, with a little notation:

========================  ==================================================================
``you always``            words; one space matches any run of spaces and commas
``selfish*``              a word that starts so (``selfish``, ``selfishly``)
``(always|never)``        one of several sub-phrases (they may hold spaces and nest)
``(so )?lazy``            an optional sub-phrase
``*``                     any one word that is not a negator ("you're * lazy")
``...``                   up to three words that are not negators ("i feel ... about")
``{you}``                 a macro from the language file (``{you}`` = you, u, ya...)
``\\*rolls eyes\\*``        a backslash makes the next character literal
``re:<regex>``            a raw regular expression, for what the notation cannot say
========================  ==================================================================

An apostrophe is optional ("don't" also matches "dont") except in the words the language
file keeps ("we'll" is not "well"); a hyphen also matches a space or nothing. A phrase that
starts with a word only matches at the start of a word, and one that ends with a word only at
the end of one.

Speed: every phrase of a lexicon is expanded so that it begins with a plain character, and the
phrases are grouped by that character into one alternation. Python's regex engine then skips
quickly to the few positions where some phrase could start (it scans for the set of first
characters), so a lexicon of hundreds of phrases costs about as much as a few.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

# What one space in a phrase matches; in whole-message phrases a full stop may stand between
# words too ("fine. whatever").
SEPARATOR = r"[\s,]+"
LOOSE_SEPARATOR = r"[\s,.!…]+"
# Characters that belong to a word (for boundaries).
WORD_CHAR = r"[\w']"
# After a phrase's first character: the character before it is not part of a word.
START_BOUNDARY = r"(?<![\w'].)"
END_BOUNDARY = r"(?![\w'])"
GAP_WORDS = 3  # the most words a ``...`` gap may stand for
MAX_EXPANSIONS = 5000  # per phrase; guards against a notation that explodes
RAW_PREFIX = "re:"
MACRO = re.compile(r"\{(\w+)\}")
# The standard library's regex parser, used only to read which characters a raw pattern can
# start with (first_characters). It is private, so it is looked up by name.
_SRE_PARSER: Any = import_module("re._parser")


class PhraseError(ValueError):
    """A phrase that the notation cannot read; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class Word:
    """Literal characters; ``prefix`` when the phrase wrote ``word*``."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class AnyWord:
    """``*``: any one word that is not a negator."""


@dataclass(frozen=True, slots=True)
class Gap:
    """``...``: up to :data:`GAP_WORDS` words that are not negators."""


@dataclass(frozen=True, slots=True)
class Space:
    """A space between two parts."""


@dataclass(frozen=True, slots=True)
class Choice:
    """``(a|b c)`` or, when ``optional``, ``(a|b c)?``."""

    options: tuple[tuple[Part, ...], ...]
    optional: bool = False


Part = Word | AnyWord | Gap | Space | Choice


@dataclass(frozen=True)
class Notation:
    """What compiling a phrase needs from its language."""

    macros: Mapping[str, str]
    negators: str  # a regex alternation of the words that negate
    keep_apostrophe: frozenset[str]


@dataclass(frozen=True, slots=True)
class Branch:
    """One expanded phrase: the letters it must start with, and its regex.

    ``key`` is the phrase's first two characters when both are certain ("yo" for "you"), else
    its first character ("i" for "i'm", whose apostrophe is optional). The scanner only tries
    a phrase where the text starts a word with its key.
    """

    key: str
    regex: str


def expand_macros(phrase: str, macros: Mapping[str, str]) -> str:
    """``phrase`` with each ``{name}`` replaced by its macro (macros may use macros)."""
    for _ in range(10):
        if "{" not in phrase:
            return phrase

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in macros:
                raise PhraseError(f"unknown macro {{{name}}}")
            return macros[name]

        phrase = MACRO.sub(replace, phrase)
    raise PhraseError("macros nest more than 10 deep")


def parse(phrase: str) -> tuple[Part, ...]:
    """The parts of ``phrase`` (macros already expanded)."""
    parts, end = _parse_sequence(phrase, 0, top=True)
    if end != len(phrase):
        raise PhraseError(f"unexpected {phrase[end]!r} at character {end + 1}")
    if not parts or all(isinstance(p, Space) for p in parts):
        raise PhraseError("empty phrase")
    return parts


def _parse_sequence(phrase: str, i: int, top: bool) -> tuple[tuple[Part, ...], int]:
    parts: list[Part] = []
    word: list[str] = []

    def flush(prefix: bool = False) -> None:
        if word:
            parts.append(Word("".join(word), prefix))
            word.clear()

    while i < len(phrase):
        ch = phrase[i]
        if ch == "\\":
            if i + 1 >= len(phrase):
                raise PhraseError("a backslash at the end escapes nothing")
            word.append(phrase[i + 1])
            i += 2
        elif ch == " ":
            flush()
            # A space may open an option: "this( right now)?" is "this" or "this right now".
            if (parts or not top) and not (parts and isinstance(parts[-1], Space)):
                parts.append(Space())
            i += 1
        elif ch == "(":
            flush()
            choice, i = _parse_choice(phrase, i + 1)
            parts.append(choice)
        elif ch in ")|":
            if top:
                what = "unbalanced ')'" if ch == ")" else "'|' outside parentheses"
                raise PhraseError(f"{what} at character {i + 1}; write (a|b)")
            break
        elif phrase.startswith("...", i) and not word:
            parts.append(Gap())
            i += 3
        elif ch == "*":
            if word:
                flush(prefix=True)
            else:
                parts.append(AnyWord())
            i += 1
        else:
            word.append(ch)
            i += 1
    flush()
    while top and parts and isinstance(parts[-1], Space):
        parts.pop()
    return tuple(parts), i


def _parse_choice(phrase: str, i: int) -> tuple[Choice, int]:
    options: list[tuple[Part, ...]] = []
    while True:
        option, i = _parse_sequence(phrase, i, top=False)
        options.append(option)
        if i >= len(phrase):
            raise PhraseError("unbalanced '(': no closing ')'")
        if phrase[i] == "|":
            i += 1
            continue
        i += 1  # the ')'
        break
    optional = i < len(phrase) and phrase[i] == "?"
    if optional:
        i += 1
    if any(not option for option in options) and not optional:
        raise PhraseError("an empty alternative; write (a|b)? for an optional part")
    return Choice(tuple(o for o in options if o), optional), i


def branches(phrase: str, notation: Notation, loose: bool = False) -> list[Branch]:
    """``phrase`` compiled: one :class:`Branch` per way it can begin.

    ``loose``: spaces also match full stops and exclamation marks (for whole messages).
    """
    parts = parse(expand_macros(phrase, notation.macros))
    compiler = _Compiler(notation, LOOSE_SEPARATOR if loose else SEPARATOR)
    result = []
    for head, rest in _leading(parts):
        first = head.text[0]
        regex = re.escape(first) + _start_boundary(first) + compiler.sequence(rest)
        result.append(Branch(_key(head, notation), regex))
        if len(result) > MAX_EXPANSIONS:
            raise PhraseError("the phrase expands into too many variants; split it")
    return result


def _key(head: Word, notation: Notation) -> str:
    """The first two characters of ``head`` when the second is certain, else the first."""
    text = head.text
    if len(text) >= 2 and text[1] not in "'-" and (len(text) > 2 or not head.prefix):
        return text[:2]
    return text[0]


def _leading(parts: Sequence[Part]) -> Iterable[tuple[Word, tuple[Part, ...]]]:
    """Each way ``parts`` can begin: its first word, and the parts from that word on."""
    parts = tuple(parts)
    while parts and isinstance(parts[0], Space):
        parts = parts[1:]
    if not parts:
        raise PhraseError("a phrase needs at least one word")
    head, rest = parts[0], parts[1:]
    if isinstance(head, Word):
        yield head, parts
    elif isinstance(head, Choice):
        for option in head.options:
            yield from _leading((*option, *rest))
        if head.optional:
            yield from _leading(rest)
    else:
        raise PhraseError("a phrase must begin with a word or a (choice), not * or ...")


class _Compiler:
    """Turns parts into regex source (the first character of a branch is left out)."""

    def __init__(self, notation: Notation, separator: str = SEPARATOR) -> None:
        self.notation = notation
        self.separator = separator
        not_negator = rf"(?!{notation.negators}{END_BOUNDARY})"
        self.any_word = rf"{not_negator}{WORD_CHAR}+"
        self.gap = rf"(?:{not_negator}{WORD_CHAR}+{separator}){{0,{GAP_WORDS}}}"

    def sequence(
        self, parts: Sequence[Part], skip_first: bool = True, end_bounded: bool = True
    ) -> str:
        """The regex of ``parts`` (without its first character when ``skip_first``).

        ``end_bounded``: whether a word boundary follows the whole sequence (false for an
        option glued to what comes after its choice, as in ``apologi(s|z)e``).
        """
        out: list[str] = []
        i = 0
        while i < len(parts):
            part = parts[i]
            last = i == len(parts) - 1
            after = parts[i + 1] if not last else None
            # A separator that must follow already ends the word: no boundary check needed.
            bounded = _boundary_after(parts, i, end_bounded) and not self._separated(parts, i)
            if isinstance(part, Word):
                out.append(self.word(part, bounded, skip_first and i == 0))
            elif isinstance(part, Space):
                if (
                    isinstance(after, Choice)
                    and after.optional
                    and not self._spaced(parts, i + 1)
                    and not _closes_with_space(after)
                ):
                    # "sorry (babe)?": the separator is part of what is optional.
                    body = self.choice_body(after, _boundary_after(parts, i + 1, end_bounded))
                    out.append(f"(?:{self.separator}{body})?")
                    i += 1
                else:
                    out.append(self.separator)
            elif isinstance(part, AnyWord):
                out.append(self.any_word)
            elif isinstance(part, Gap):
                if last:
                    raise PhraseError("a phrase cannot end with ...")
                out.append(self.gap)
                i += 1 if isinstance(after, Space) else 0  # the gap ends with a separator
            else:
                body = self.choice_body(part, bounded)
                standalone = i == 0 or isinstance(parts[i - 1], Space)
                if not part.optional:
                    out.append(body)
                elif isinstance(after, Space) and standalone:
                    # "(so)? lazy": the space goes too, and it ends the option's last word.
                    out.append(f"(?:{self.choice_body(part, False)}{self.separator})?")
                    i += 1
                else:
                    out.append(body + "?")  # "train('s)? late": the space stays
            i += 1
        return "".join(out)

    def _separated(self, parts: Sequence[Part], i: int) -> bool:
        """Whether ``parts[i]`` is always followed by a separator (a space written as one)."""
        if i + 1 >= len(parts) or not isinstance(parts[i + 1], Space):
            return False
        after = parts[i + 2] if i + 2 < len(parts) else None
        # "sorry (babe)?": that space is optional, so the word needs its boundary.
        return not (
            isinstance(after, Choice)
            and after.optional
            and not self._spaced(parts, i + 2)
            and not _closes_with_space(after)
        )

    @staticmethod
    def _spaced(parts: Sequence[Part], i: int) -> bool:
        """Whether a space follows ``parts[i]``."""
        return i + 1 < len(parts) and isinstance(parts[i + 1], Space)

    def word(self, word: Word, bounded: bool, skip_first: bool) -> str:
        """A word's regex; ``bounded`` when a space or the phrase's end follows it."""
        keep = word.text in self.notation.keep_apostrophe
        atoms = [_char(ch, keep) for ch in word.text]
        if skip_first:
            atoms = atoms[1:]
        source = "".join(atoms)
        if word.prefix:
            return source + rf"{WORD_CHAR}*"
        if bounded and re.match(r"[\w']", word.text[-1]):
            source += END_BOUNDARY
        return source

    def choice_body(self, choice: Choice, end_bounded: bool) -> str:
        """``(?:a|b)`` for a choice's options."""
        options = [self.sequence(o, False, end_bounded) for o in choice.options]
        options.sort(key=len, reverse=True)  # longer first: the evidence is the longest match
        return "(?:" + "|".join(options) + ")"


def _boundary_after(parts: Sequence[Part], i: int, end_bounded: bool) -> bool:
    """Whether a word boundary follows ``parts[i]`` (a space, or the bounded end)."""
    if i == len(parts) - 1:
        return end_bounded
    return isinstance(parts[i + 1], Space) or _opens_with_space(parts[i + 1])


def _closes_with_space(choice: Choice) -> bool:
    """Whether every option of a choice ends with a space ("(really )?")."""
    return all(o and isinstance(o[-1], Space) for o in choice.options)


def _opens_with_space(part: Part | None) -> bool:
    """Whether every option of a choice begins with a space."""
    return isinstance(part, Choice) and all(o and isinstance(o[0], Space) for o in part.options)


def _char(ch: str, keep_apostrophe: bool) -> str:
    if ch == "'":
        return "'" if keep_apostrophe else "'?"
    if ch == "-":
        return r"[-\s]?"
    return re.escape(ch)


def _start_boundary(first: str) -> str:
    return START_BOUNDARY if re.match(r"[\w']", first) else ""


def first_characters(regex: str) -> frozenset[str] | None:
    """The characters a match of ``regex`` can start with; None when that is not plain.

    A raw pattern whose first characters are known is tried only where one of them starts a
    word (or is a symbol such as an emoji); the others are searched in every message, which is
    slower.
    """
    try:
        parsed = _SRE_PARSER.parse(regex)
    except re.error:
        return None
    chars, can_be_empty = _firsts(list(parsed))
    return None if chars is None or can_be_empty or not chars else frozenset(chars)


def _firsts(items: list[Any]) -> tuple[set[str] | None, bool]:
    """(first characters, whether it can match the empty string) of a parsed sequence."""
    found: set[str] = set()
    for op, av in items:
        chars, can_be_empty = _first_of(str(op), av)
        if chars is None:
            return None, False
        found |= chars
        if not can_be_empty:
            return found, False
    return found, True


def _first_of(op: str, av: Any) -> tuple[set[str] | None, bool]:
    if op == "LITERAL":
        return {chr(av)}, False
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return set(), True  # zero width: look further
    if op == "IN":
        return _class_characters(av), False
    if op == "SUBPATTERN":
        return _firsts(list(av[-1]))
    if op == "BRANCH":
        found: set[str] = set()
        empty = False
        for alternative in av[1]:
            chars, can_be_empty = _firsts(list(alternative))
            if chars is None:
                return None, False
            found |= chars
            empty = empty or can_be_empty
        return found, empty
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, body = av
        chars, can_be_empty = _firsts(list(body))
        return chars, can_be_empty or low == 0
    return None, False


def _class_characters(items: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] < 300:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            chars.update("0123456789")
        elif name == "CATEGORY" and str(av) == "CATEGORY_SPACE":
            chars.update(" \t\n\r\f\v")
        else:
            return None  # a negated or very broad class
    return chars


def is_raw(pattern: str) -> bool:
    """Whether ``pattern`` is a raw regular expression (``re:...``)."""
    return pattern.startswith(RAW_PREFIX)


def raw_regex(pattern: str) -> str:
    """The regex of a ``re:`` pattern, checked: it compiles and captures nothing."""
    source = pattern[len(RAW_PREFIX) :]
    try:
        compiled = re.compile(source)
    except re.error as error:
        raise PhraseError(f"not a valid regular expression: {error}") from None
    if compiled.groups:
        raise PhraseError("use (?:...) in a raw regex; capturing groups are not allowed")
    return source


# --------------------------------------------------------------------------- joining regexes

_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")


def join(sources: Iterable[str]) -> str:
    """One regex matching what any of ``sources`` matches, with shared beginnings factored.

    ``you always|you never`` becomes ``you (?:always|never)``: the regex engine then walks the
    common start once instead of once per alternative, which is what makes a few hundred
    phrases per starting letter cheap. Longer alternatives are tried first.
    """
    unique = sorted(set(sources), key=lambda s: (-_weight(s), s))
    if not unique:
        raise ValueError("nothing to join")
    root: _Node = {}
    for source in unique:
        node = root
        for atom in _atoms(source):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _emit(root)


def _weight(source: str) -> int:
    """How long ``source`` reads for ordering: each separator counts with the word boundary it
    makes redundant, so the order (and so the evidence found) is as when that was written."""
    return len(source) + source.count(r"[\s,") * len(END_BOUNDARY)


_END = ""  # marks where a source ends inside the trie
_Node = dict[str, "_Node"]


def _emit(node: _Node) -> str:
    options = [atom + _emit(child) for atom, child in node.items() if atom != _END]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    if _END in node:
        return f"(?:{body})?" if len(options) == 1 and not _is_atom(body) else body + "?"
    return body


def _is_atom(source: str) -> bool:
    return len(_atoms(source)) == 1 and not _QUANTIFIER.match(source, len(source) - 1)


def _atoms(source: str) -> list[str]:
    """``source`` split into atoms (a character, class, group or escape with its quantifier).

    A source with an alternation at its top level stays one atom.
    """
    atoms: list[str] = []
    i = 0
    while i < len(source):
        end = _atom_end(source, i)
        if end is None:
            return [f"(?:{source})"]
        quantifier = _QUANTIFIER.match(source, end)
        if quantifier is not None:
            end = quantifier.end()
        atoms.append(source[i:end])
        i = end
    return atoms


def _atom_end(source: str, i: int) -> int | None:
    ch = source[i]
    if ch == "\\":
        return i + 2
    if ch == "[":
        j = i + 1
        if j < len(source) and source[j] == "^":
            j += 1
        if j < len(source) and source[j] == "]":
            j += 1
        while j < len(source) and source[j] != "]":
            j += 2 if source[j] == "\\" else 1
        return j + 1
    if ch == "(":
        depth = 0
        j = i
        while j < len(source):
            c = source[j]
            if c == "\\":
                j += 2
                continue
            if c == "[":
                j = _atom_end(source, j) or j + 1
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return None
    if ch in "|)":
        return None  # a top-level alternation (or unbalanced): keep the source whole
    return i + 1
