"""Safety indicators: signs of a crisis or of abuse in one message.

The detector :class:`SafetyCues` emits two cues. ``crisis`` covers suicide, self-harm and
threats to harm someone else; ``abuse`` covers violence, threats, sexual coercion, coercive
control, fear of the partner, monitoring, isolation and control of money. Each cue's
``detail`` is its category and its evidence is the phrase as written. A crisis cue's
``strength`` is 1.0 for an explicit sign and 0.5 for a veiled one ("concern");
:func:`rekindle.safety.screen` turns the signs into a level and an abuse flag.

The phrasings are data, read by the same engine as the other cue lexicons
(:mod:`rekindle.signals.lexicon`, which documents the file format), so denial ("I'm not going
to hurt myself"), exceptions and jokes marked by a laugh work the same way. They live in
``lexicons/<language>/safety/``, one file per role:

=================  ===========  ==========================================================
file               level        holds
=================  ===========  ==========================================================
``crisis.json``    crisis       explicit suicidal thoughts, plans and means, recent
                                attempts, self-harm
``idioms.json``    crisis       death and self-harm phrases that people also use as figures
                                of speech ("I want to die"): a laugh or a trivial cause
                                undoes them
``threat.json``    crisis       threats or urges to harm another person
``concern.json``   concern      veiled or passive signs: hopelessness, feeling a burden,
                                "everyone would be better off without me"
``history.json``   concern      attempts or self-harm in the past ("when I was 16")
``abuse.json``     (abuse)      signs of abuse, whoever writes them; a laugh or a heart
                                marks play-fighting and teasing and undoes them
``danger.json``    (abuse)      signs of abuse that no laugh undoes: strangling, weapons,
                                injuries, sexual coercion, fearing for one's life
=================  ===========  ==========================================================

The roles and the categories are the screening protocol, the same in every language, so they
are fixed here; a language's files only say how people put things. ``context.json`` beside them
holds what the detector needs to know about the language itself:

- ``triggers``: word stems; every match of every safety phrase holds a word that starts with
  one of them (checked when the files are read). A message without any of them is passed
  over after one regex search, so the detector costs next to nothing on ordinary talk.
- ``own_speech`` and ``others_speech``: how a sentence introduces the writer's own words ("I
  told him ...") and the words of someone who is not a partner ("my boss said ..."), each
  ``before`` or ``after`` the quote.
- ``story``: words that mark fiction, songs, games or the news.

Quoted and reported speech is read by who says it. A crisis sign in quotes counts only when
the writer is quoting themselves ('I told my therapist "I don't want to live anymore"'). An
abuse sign in quotes counts unless someone other than a partner says it ('my boss said "I'll
kill you if you're late"'): a partner is often named by first name only, so 'Tom says I'm not
allowed to go out' counts. Neither counts in a message about a film, song, book, game or the
news.

A sign inside a longer one of the same cue, category and level is dropped, so each phrase is
shown once ("thinking about killing myself", not also "killing myself").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, ClassVar

from rekindle.signals.base import NOTHING, Cue, Detector, Findings
from rekindle.signals.lexicon import LANGUAGES, PACKAGE, LexiconSet, folded_text
from rekindle.signals.lexicon_files import (
    LANGUAGE_FILE,
    Language,
    Lexicon,
    LexiconError,
    check_references,
    read_json,
    read_language,
    read_lexicon,
)
from rekindle.signals.phrases import (
    Choice,
    Gap,
    Part,
    PhraseError,
    Space,
    Word,
    expand_macros,
    is_raw,
    join,
    parse,
)
from rekindle.signals.text import Text

__all__ = [
    "CATEGORIES",
    "ROLES",
    "Role",
    "SafetyCues",
    "SafetyLexicons",
    "Sign",
    "find_signs",
    "load_safety",
]

FOLDER = "safety"
CONTEXT_FILE = "context.json"
CONTEXT_SCHEMA = "rekindle.safety/1"
STEM = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")  # letters, with inner apostrophes ("can't")
CONCERN_STRENGTH = 0.5  # a crisis cue's strength when the sign is veiled


@dataclass(frozen=True, slots=True)
class Role:
    """What the hits of one safety file mean: the cue they give, and for crisis its level."""

    cue: str  # "crisis" or "abuse"
    level: str | None  # "crisis" or "concern" for crisis signs; None for abuse


ROLES: Mapping[str, Role] = {
    "crisis": Role("crisis", "crisis"),
    "idioms": Role("crisis", "crisis"),
    "threat": Role("crisis", "crisis"),
    "concern": Role("crisis", "concern"),
    "history": Role("crisis", "concern"),
    "abuse": Role("abuse", None),
    "danger": Role("abuse", None),
}

CATEGORIES: Mapping[str, tuple[str, ...]] = {
    "crisis": (
        "suicide",
        "plan_or_means",
        "recent_attempt",
        "self_harm",
        "threat_to_others",
        "hopelessness",
    ),
    "abuse": (
        "physical_violence",
        "threats",
        "sexual_coercion",
        "coercive_control",
        "fear_of_partner",
        "monitoring",
        "isolation",
        "financial_control",
    ),
}


@dataclass(frozen=True, slots=True)
class Sign:
    """One safety sign in a message: its cue, category, level and evidence with offsets.

    ``role`` names the file that found it (``concern`` for a veiled sign, ``history`` for one
    placed in the past...).
    """

    cue: str
    category: str
    level: str | None
    evidence: str
    start: int
    end: int
    role: str


@dataclass(frozen=True)
class Speech:
    """How a sentence attributes a quote to a speaker: text just before it, or just after."""

    before: re.Pattern[str]
    after: re.Pattern[str]

    def says(self, lead: str, tail: str) -> bool:
        """Whether ``lead`` (the sentence up to the quote) or ``tail`` (what follows it)
        names this speaker."""
        return self.before.search(lead) is not None or self.after.match(tail) is not None


@dataclass(frozen=True)
class Context:
    """``context.json``: what the detector needs to know about a language."""

    triggers: re.Pattern[str]
    stems: tuple[str, ...]
    own_speech: Speech
    others_speech: Speech
    story: re.Pattern[str]


class SafetyLexicons:
    """A language's safety files, scanned together. Build once with :func:`load_safety`."""

    def __init__(self, lexicons: Sequence[Lexicon], context: Context) -> None:
        self.set = LexiconSet(lexicons)
        self.context = context
        self.roles = tuple(ROLES[lexicon.cue] for lexicon in self.set.lexicons)

    def signs(self, text: Text) -> tuple[Sign, ...]:
        """Every safety sign in ``text``, in order of position."""
        if self.context.triggers.search(text.lower) is None:
            return ()
        scan = self.set.scan(text)
        if not any(scan):
            return ()
        found = []
        raw = text.raw
        for name, role, hits in zip(self.set.cues, self.roles, scan, strict=True):
            for hit in hits:
                if hit.detail is None or not self._heard(text, hit.start, role.cue):
                    continue
                evidence = raw[hit.start : hit.end]
                found.append(
                    Sign(role.cue, hit.detail, role.level, evidence, hit.start, hit.end, name)
                )
        found.sort(key=lambda s: (s.start, -s.end, s.cue))
        return tuple(_outermost(found))

    def _heard(self, text: Text, start: int, cue: str) -> bool:
        """Whether a sign at ``start`` is said by the right person (see the module doc)."""
        spans = [span for span in text.quoted_spans if span[0] <= start < span[1]]
        if not spans:
            return True
        context = self.context
        folded = folded_text(text)
        if context.story.search(folded) is not None:
            return False
        for begin, end in spans:
            lead = folded[_sentence_start(folded, begin) : begin]
            tail = folded[end : end + 60]
            if cue == "crisis":
                if context.own_speech.says(lead, tail):
                    return True
            elif not context.others_speech.says(lead, tail):
                return True
        return False


def _outermost(signs: list[Sign]) -> list[Sign]:
    """``signs`` (sorted by start, longest first) without those inside a longer sign of the
    same cue, category and level ("killing myself" inside "thinking about killing myself")."""
    kept: list[Sign] = []
    for sign in signs:
        same = (sign.cue, sign.category, sign.level)
        if not any(
            k.start <= sign.start and sign.end <= k.end and (k.cue, k.category, k.level) == same
            for k in kept
        ):
            kept.append(sign)
    return kept


def _sentence_start(folded: str, position: int) -> int:
    """Where the sentence holding ``position`` starts (after . ! ? or a line break)."""
    cut = max(folded.rfind(mark, 0, position) for mark in ".!?\n")
    return cut + 1


def find_signs(text: Text | str, language: str = "en") -> tuple[Sign, ...]:
    """Every safety sign in a message, in order of position."""
    message = text if isinstance(text, Text) else Text(text)
    return load_safety(language).signs(message)


class SafetyCues(Detector):
    """Signs of a crisis (suicide, self-harm, threats to others) or of abuse."""

    name: ClassVar[str] = "safety"
    needs: ClassVar[tuple[str, ...]] = ("text",)
    produces: ClassVar[tuple[str, ...]] = ("crisis", "abuse")

    def __init__(self, language: str = "en") -> None:
        self.language = language

    def detect(self, text: Text) -> Findings:
        signs = load_safety(self.language).signs(text)
        if not signs:
            return NOTHING
        return Findings(cues=tuple(_cue(sign) for sign in signs))


def _cue(sign: Sign) -> Cue:
    strength = CONCERN_STRENGTH if sign.level == "concern" else 1.0
    return Cue(sign.cue, sign.evidence, sign.start, sign.end, sign.category, strength)


# --------------------------------------------------------------------------- loading


@cache
def load_safety(language: str = "en") -> SafetyLexicons:
    """The safety files of ``language``, read, checked and compiled once."""
    if language not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise LexiconError(f"lexicons/{language}", f"no safety lexicons for {language!r} ({known})")
    root = resources.files(PACKAGE).joinpath("lexicons", language)
    return read_safety_folder(root, language)


def read_safety_folder(root: Traversable, language: str) -> SafetyLexicons:
    """The safety files under a language's lexicon folder (``root``), checked."""
    prefix = f"lexicons/{language}"
    language_source = f"{prefix}/{LANGUAGE_FILE}"
    lang = read_language(
        language, read_json(root.joinpath(LANGUAGE_FILE), language_source), language_source
    )
    folder = root.joinpath(FOLDER)
    if not folder.is_dir():
        raise LexiconError(f"{prefix}/{FOLDER}", "missing: every language needs its safety files")
    context: Context | None = None
    lexicons: list[Lexicon] = []
    sources: list[tuple[Lexicon, dict[str, Any]]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        source = f"{prefix}/{FOLDER}/{entry.name}"
        data = read_json(entry, source)
        if entry.name == CONTEXT_FILE:
            context = read_context(data, source)
            continue
        lexicon = read_safety_lexicon(data, lang, source)
        if entry.name != f"{lexicon.cue}.json":
            raise LexiconError(
                source, f"the file for role {lexicon.cue!r} must be {lexicon.cue}.json"
            )
        lexicons.append(lexicon)
        sources.append((lexicon, data))
    if context is None:
        raise LexiconError(f"{prefix}/{FOLDER}", f"missing {CONTEXT_FILE}")
    if not lexicons:
        raise LexiconError(f"{prefix}/{FOLDER}", "no safety lexicons")
    check_references(lexicons)
    for lexicon, data in sources:
        check_triggers(data, lang, context.stems, lexicon.source)
    return SafetyLexicons(lexicons, context)


def read_safety_lexicon(data: Mapping[str, Any], language: Language, source: str) -> Lexicon:
    """A safety file: a cue file whose name is a role and whose details are categories."""
    lexicon = read_lexicon(data, language, source)
    role = ROLES.get(lexicon.cue)
    if role is None:
        raise LexiconError(
            source, f"cue {lexicon.cue!r} is no safety role (roles: {', '.join(ROLES)})"
        )
    allowed = CATEGORIES[role.cue]
    for index, group in enumerate(lexicon.groups):
        where = f"groups[{index}]"
        if not group.is_phrases:
            raise LexiconError(source, f"{where}: safety groups hold patterns only")
        if group.detail not in allowed:
            raise LexiconError(
                source,
                f"{where}.detail {group.detail!r} is no {role.cue} category"
                f" (categories: {', '.join(allowed)})",
            )
    return lexicon


def read_context(data: Mapping[str, Any], source: str) -> Context:
    """``context.json``: triggers, who a quote is said by, and the words that mark a story."""
    if data.get("schema") != CONTEXT_SCHEMA:
        raise LexiconError(source, f"schema is {data.get('schema')!r}, expected {CONTEXT_SCHEMA!r}")
    stems = data.get("triggers")
    if (
        not isinstance(stems, list)
        or not stems
        or not all(isinstance(s, str) and STEM.fullmatch(s) for s in stems)
    ):
        raise LexiconError(source, "triggers must be a non-empty list of word stems (letters)")
    if any(s != s.lower() for s in stems):
        raise LexiconError(source, "triggers must be lower case")
    return Context(
        triggers=re.compile(r"(?<![\w'])" + join(re.escape(s) for s in stems)),
        stems=tuple(stems),
        own_speech=_speech(data, "own_speech", source),
        others_speech=_speech(data, "others_speech", source),
        story=_regex(data, "story", source),
    )


def _speech(data: Mapping[str, Any], key: str, source: str) -> Speech:
    value = data.get(key)
    if not isinstance(value, dict):
        raise LexiconError(source, f"{key} must be an object with 'before' and 'after'")
    return Speech(
        before=_regex(value, "before", source, f"{key}."),
        after=_regex(value, "after", source, f"{key}."),
    )


def _regex(data: Mapping[str, Any], key: str, source: str, where: str = "") -> re.Pattern[str]:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise LexiconError(source, f"{where}{key} must be a regular expression")
    try:
        return re.compile(value)
    except re.error as error:
        raise LexiconError(source, f"{where}{key}: {error}") from None


def check_triggers(
    data: Mapping[str, Any], language: Language, stems: tuple[str, ...], source: str
) -> None:
    """Every match of every pattern of a safety file holds a word starting with one of ``stems``.

    This is what makes the detector's pre-check safe: a message without any trigger stem
    cannot hold a sign, so it is passed over unscanned.
    """
    macros = {**language.notation.macros, **data.get("macros", {})}
    for index, group in enumerate(data.get("groups", [])):
        for number, pattern in enumerate(group.get("patterns", [])):
            place = f"groups[{index}].patterns[{number}] {pattern!r}"
            if is_raw(pattern):
                raise LexiconError(
                    source, f"{place}: write safety phrases in the notation, not as re:"
                )
            try:
                parts = parse(expand_macros(pattern, macros))
            except PhraseError as error:  # already reported by read_lexicon; kept for safety
                raise LexiconError(source, f"{place}: {error}") from None
            if not _always_has_trigger(parts, stems, language.notation.keep_apostrophe):
                raise LexiconError(
                    source,
                    f"{place} can match without any trigger stem; add one to "
                    f"{FOLDER}/{CONTEXT_FILE} or reword the phrase",
                )


def _always_has_trigger(
    parts: Sequence[Part], stems: tuple[str, ...], keep: frozenset[str], at_start: bool = True
) -> bool:
    """Whether every match of ``parts`` holds a word that starts with one of ``stems``.

    Only words that surely begin a word of the message count: the first word of the phrase,
    and words after a space or a ``...`` gap (a word glued to a choice, as in
    ``apologi(s|z)e``, may sit mid-word). ``at_start`` says whether ``parts`` itself begins a
    word.
    """
    starts = at_start
    for part in parts:
        if isinstance(part, Word):
            if starts and all(
                spelling.startswith(stems) for spelling in _spellings(part.text, part.text in keep)
            ):
                return True
            starts = False
        elif isinstance(part, Choice):
            if not part.optional and all(
                _always_has_trigger(option, stems, keep, starts) for option in part.options
            ):
                return True
            closes = all(option and isinstance(option[-1], Space) for option in part.options)
            starts = closes and (starts or not part.optional)
        else:
            starts = isinstance(part, Space | Gap)
    return False


def _spellings(word: str, keep_apostrophe: bool) -> list[str]:
    """The ways a message may spell a phrase's word: an apostrophe may be left out (unless the
    language keeps it) and a hyphen may be a space or nothing (see :mod:`.phrases`)."""
    spellings = [""]
    for ch in word:
        if ch == "'" and not keep_apostrophe:
            options: tuple[str, ...] = ("'", "")
        elif ch == "-":
            options = ("-", " ", "")
        else:
            options = (ch,)
        spellings = [s + option for s in spellings for option in options]
    return spellings
