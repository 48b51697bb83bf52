"""Lexicon cues: one engine that turns JSON data files into cue detectors.

Each cue that shows in its wording (criticism, a bid for connection, an apology...) has one
data file, ``lexicons/<language>/<cue>.json``. :func:`lexicon_detectors` loads every cue file
of a language and gives one :class:`~rekindle.signals.base.Detector` per file. A cue carries
its evidence: the phrase as written in the message, with its offsets.

The cue file
------------
.. code-block:: json

    {
      "schema": "rekindle.cues/1",
      "cue": "criticism",
      "description": "One line: what the cue means.",
      "evidence": "The research behind it, cited as in research.md.",
      "limits": "What it gets wrong.",
      "negatable": true,
      "skip_quoted": true,
      "addressed": false,
      "one_per": "message",
      "macros": {"trait": "(selfish|lazy|thoughtless)"},
      "groups": [
        {"detail": "global", "patterns": ["{you} (always|never) *"]},
        {"detail": "character", "patterns": ["{youre} ({so} )?{trait}"], "addressed": true}
      ],
      "exceptions": ["{you} never fail to"],
      "cancelled_by": ["{laugh}"]
    }

- ``patterns`` are phrases in the notation of :mod:`rekindle.signals.phrases` (words, ``*``,
  ``...``, ``(a|b)``, ``(a)?``, ``{macro}``, and ``re:<regex>`` for raw regular
  expressions), matched on the lower-cased text from the start of a word (or at a symbol such
  as an emoji).
- ``detail`` (optional) is copied to each cue from its group: a bid's type, a topic.
- ``macros`` (optional) add to the language's macros for this file.
- ``exceptions``: hard negatives. A hit that overlaps a match of one of them is dropped ("you
  never fail to make me laugh" is not "you never ...").
- ``cancelled_by``: a match anywhere in the message (outside quotes) drops every hit, e.g. a
  laugh for the cues that a joke undoes.
- Checks, set for the whole file and overridable per group:

  - ``negatable`` (default false): a denial shortly before the hit, in the same clause, drops
    it ("I don't think you're lazy"). The language file says which words deny, and which
    negations do not ("can't wait", "don't forget").
  - ``skip_quoted`` (default true): a hit inside quoted or reported speech is dropped ("my
    boss said 'you always mess this up'"), using :meth:`Text.is_quoted_at`.
  - ``addressed`` (default false): the message must speak to the partner (a second-person
    word outside quotes).
  - ``sentence_start`` (default false): the hit must begin a sentence.
  - ``min_words`` / ``max_words`` (groups only): the message's length in words.

- Group kinds besides plain ``patterns``:

  - ``"whole_message": true``: the patterns must be the whole message, give or take spaces
    and closing punctuation ("fine.", "k", "fine. whatever").
  - ``"when": "question"``: fires when the message asks something (a question mark outside
    quotes); the evidence is the sentence that ends with it.
  - ``"same_as": "<cue>"``: fires wherever that cue of the same language fires (a bid of type
    ``affection`` is any affection cue).
  - ``"unless_cues": ["<cue>", ...]`` (any group): the group does not fire when one of those
    cues does (a question about logistics is not a bid).

- ``one_per``: ``"message"`` (at most one cue per message, the first) or ``"detail"`` (at most
  one per detail).

``language.json`` beside the cue files holds what they share: macros, how denial works
(negators, negations that do not deny, where a clause ends, how far a negator reaches), the
words that address the partner, and the apostrophes that are never optional ("we'll" is not
"well"). Files without a ``schema`` key belong to other modules (``function_words.json``) and
are skipped. To add a language, copy ``lexicons/en/`` to ``lexicons/<code>/``, translate
``language.json`` and the patterns (not word for word: the way people say it), write its dev
sets, and add the code to :data:`LANGUAGES`.

How a message is scanned
------------------------
All cue files of a language are scanned together, once per message. Every phrase is indexed
by the one or two letters it starts with; the scanner walks the starts of words (and symbols),
looks each up, and tries only the few phrases filed there, first as one regex per starting
letters, then per cue. Negation, quotes and exceptions are looked at only for the hits. The
cues that read other cues (``same_as``, ``unless_cues``) are resolved after them, from the
same scan. The detectors share the last scan (per message and per batch), so the 22 cue
detectors cost one scan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import ClassVar, cast

from rekindle.signals.base import NOTHING, Cue, Detector, Findings
from rekindle.signals.compiled import compile_pattern
from rekindle.signals.lexicon_files import Group, Lexicon, LexiconError, read_folder
from rekindle.signals.phrases import join
from rekindle.signals.text import Text

__all__ = [
    "LANGUAGES",
    "Hit",
    "LexiconDetector",
    "LexiconError",
    "LexiconSet",
    "lexicon_detectors",
    "load_lexicons",
]

LANGUAGES = ("en",)
PACKAGE = "rekindle.signals"
SENTENCE_ENDS = frozenset(".!?…\n")
CLOSING = ".!…~ \t\n"  # what may close a whole-message pattern ("fine.", "k!!")
WHOLE_MESSAGE_LIMIT = 60  # characters; longer messages are never a whole-message pattern
WORD_START = r"(?<![\w'])[\w']"


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a cue was found: character offsets into the message, and the cue's detail."""

    start: int
    end: int
    detail: str | None


Scan = tuple[tuple[Hit, ...], ...]  # the hits of every lexicon of a set, by position


class _Entry:
    """What is filed under some starting letters.

    ``each`` says, in one call, which lexicons match at a position (one capturing lookahead
    per lexicon, in the order of ``lexicons``); a lexicon with several groups filed here
    tells them apart with one regex per group (:meth:`group_pattern`).

    Compiling every entry up front costs seconds, and most messages touch few of them, so
    each regex is compiled the first time it is needed and then kept (and kept on disk for
    the next process: :mod:`rekindle.signals.compiled`).
    """

    __slots__ = ("_each", "_group_patterns", "lexicons", "sources")

    def __init__(self, by_lexicon: Mapping[int, Mapping[int, list[str]]]) -> None:
        self.sources = {
            lexicon: {group: list(sources) for group, sources in sorted(by_group.items())}
            for lexicon, by_group in sorted(by_lexicon.items())
        }
        self.lexicons = tuple(
            (lexicon, tuple(by_group)) for lexicon, by_group in self.sources.items()
        )
        self._each: re.Pattern[str] | None = None
        self._group_patterns: dict[tuple[int, int], re.Pattern[str]] = {}

    @property
    def each(self) -> re.Pattern[str]:
        if self._each is None:
            lookaheads = [
                f"(?:(?=({join([s for g in by_group.values() for s in g])})))?"
                for by_group in self.sources.values()
            ]
            self._each = compile_pattern("".join(lookaheads))
        return self._each

    def group_pattern(self, lexicon: int, group: int) -> re.Pattern[str]:
        """The regex of one group of one lexicon filed here."""
        pattern = self._group_patterns.get((lexicon, group))
        if pattern is None:
            pattern = compile_pattern(join(self.sources[lexicon][group]))
            self._group_patterns[(lexicon, group)] = pattern
        return pattern


class LexiconSet:
    """The cue lexicons of one language, scanned together. Build once, reuse."""

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        self.position = {lexicon.cue: i for i, lexicon in enumerate(self.lexicons)}
        self.order = _dependency_order(self.lexicons, self.position)
        self._index, self._starts = _build_index(self.lexicons)
        self._special = tuple(_special_groups(lexicon, self.position) for lexicon in self.lexicons)
        self._unkeyed = tuple(
            (i, group.index, pattern)
            for i, lexicon in enumerate(self.lexicons)
            for group in lexicon.groups
            for pattern in group.unkeyed
        )
        self._last: tuple[Text, Scan] | None = None
        self._last_batch: tuple[Sequence[Text], list[Scan]] | None = None

    @property
    def cues(self) -> tuple[str, ...]:
        """The cue names, in order."""
        return tuple(lexicon.cue for lexicon in self.lexicons)

    def hits(self, text: Text, cue: str) -> tuple[Hit, ...]:
        """Where ``cue`` is in ``text``."""
        return self.scan(text)[self.position[cue]]

    def scan(self, text: Text) -> Scan:
        """Every lexicon's hits in ``text`` (the last message's scan is reused)."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        result = self._scan(text)
        self._last = (text, result)
        return result

    def scan_batch(self, texts: Sequence[Text]) -> list[Scan]:
        """The scans of many messages (the last batch's scans are reused)."""
        last = self._last_batch
        if (
            last is not None
            and len(last[0]) == len(texts)
            and all(a is b for a, b in zip(last[0], texts, strict=True))
        ):
            return last[1]
        result = [self._scan(text) for text in texts]
        self._last_batch = (list(texts), result)
        return result

    def _scan(self, text: Text) -> Scan:
        message = _Message(text)
        candidates = self._candidates(message.folded)
        results = message.results = [()] * len(self.lexicons)
        asks = "?" in text.raw
        short = len(message.folded) <= 2 * WHOLE_MESSAGE_LIMIT
        special = self._special
        for i in self.order:
            found = candidates.get(i)
            kinds = special[i]
            if found is None and (
                kinds is None
                or not (
                    (short and kinds.whole)
                    or (asks and kinds.question)
                    or any(results[j] for _, j in kinds.borrowed)
                )
            ):
                continue  # nothing in this message can fire this cue
            results[i] = _Resolver(self, self.lexicons[i], message).run(found, kinds)
        return tuple(results)

    def _candidates(self, folded: str) -> dict[int, list[tuple[int, int, int]]]:
        """Per lexicon: (start, group, end) for each place one of its phrases matches."""
        found: dict[int, list[tuple[int, int, int]]] = {}
        index = self._index
        for start_match in self._starts.finditer(folded):
            start = start_match.start()
            for key in (folded[start], folded[start : start + 2]):
                entry = index.get(key)
                if entry is None:
                    continue
                each = entry.each.match(folded, start)
                # Every lookahead is optional, so ``each`` always matches; when none of
                # them took part, nothing filed here starts at this place.
                if each is None or each.lastindex is None:
                    continue
                for (lexicon, groups), (_, end) in zip(entry.lexicons, each.regs[1:], strict=True):
                    if end == -1:
                        continue
                    places = found.setdefault(lexicon, [])
                    if len(groups) == 1:
                        places.append((start, groups[0], end))
                        continue
                    for group in groups:
                        match = entry.group_pattern(lexicon, group).match(folded, start)
                        if match is not None:
                            places.append((start, group, match.end()))
        for lexicon, group, pattern in self._unkeyed:
            for match in pattern.finditer(folded):
                found.setdefault(lexicon, []).append((match.start(), group, match.end()))
        return found


class _Message:
    """One message as every lexicon reads it; what several of them need is computed once."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.folded = folded_text(text)
        self.results: list[tuple[Hit, ...]] = []
        self._words: int | None = None
        self._whole: tuple[int, int] | None = None
        self._question: tuple[int, int] | bool | None = False

    @property
    def words(self) -> int:
        if self._words is None:
            self._words = len(self.text.raw.split())
        return self._words

    @property
    def whole(self) -> tuple[int, int]:
        """The message without surrounding spaces and closing punctuation."""
        if self._whole is None:
            folded = self.folded
            self._whole = (len(folded) - len(folded.lstrip()), len(folded.rstrip(CLOSING)))
        return self._whole

    @property
    def question(self) -> tuple[int, int] | None:
        if self._question is False:
            self._question = question_span(self.text)
        return cast("tuple[int, int] | None", self._question)


@dataclass(frozen=True)
class _Special:
    """A lexicon's special groups, to skip it quickly when none can apply."""

    whole: tuple[Group, ...]
    question: tuple[Group, ...]
    borrowed: tuple[tuple[Group, int], ...]  # (group, position of the cue it borrows)


def _special_groups(lexicon: Lexicon, position: Mapping[str, int]) -> _Special | None:
    groups = lexicon.groups
    special = _Special(
        whole=tuple(g for g in groups if g.whole is not None),
        question=tuple(g for g in groups if g.when_question),
        borrowed=tuple((g, position[g.same_as]) for g in groups if g.same_as is not None),
    )
    return special if special.whole or special.question or special.borrowed else None


class _Resolver:
    """Turns one lexicon's candidates in one message into hits, after every check."""

    def __init__(self, lexicons: LexiconSet, lexicon: Lexicon, message: _Message) -> None:
        self.lexicons = lexicons
        self.lexicon = lexicon
        self.message = message
        self.text = message.text
        self.folded = message.folded
        self._exception_spans: list[tuple[int, int]] | None = None
        self._cancelled: bool | None = None
        self._addressed: bool | None = None

    def run(
        self, candidates: list[tuple[int, int, int]] | None, special: _Special | None
    ) -> tuple[Hit, ...]:
        found: list[Hit] = []
        if candidates:
            candidates.sort(key=lambda c: (c[0], c[1]))
            found += self._phrase_hits(candidates)
        if special is not None:
            for group in special.whole:
                found += self._whole_hit(group)
            for group in special.question:
                found += self._question_hit(group)
            for group, position in special.borrowed:
                found += self._borrowed_hits(group, position)
        return _one_per(found, self.lexicon.one_per)

    def _phrase_hits(self, candidates: list[tuple[int, int, int]]) -> list[Hit]:
        found = []
        groups = self.lexicon.groups
        one = self.lexicon.one_per == "message"
        for start, index, end in candidates:
            group = groups[index]
            if self.accepts(group, start, end):
                found.append(Hit(start, end, group.detail))
                if one:
                    break
        return found

    def _whole_hit(self, group: Group) -> list[Hit]:
        assert group.whole is not None
        start, end = self.message.whole
        if end <= start or end - start > WHOLE_MESSAGE_LIMIT:
            return []
        if group.whole.fullmatch(self.folded, start, end) is None:
            return []
        return [Hit(start, end, group.detail)] if self.accepts(group, start, end) else []

    def _question_hit(self, group: Group) -> list[Hit]:
        span = self.message.question
        if span is None or not self.accepts(group, *span):
            return []
        return [Hit(span[0], span[1], group.detail)]

    def _borrowed_hits(self, group: Group, position: int) -> list[Hit]:
        return [
            Hit(hit.start, hit.end, group.detail)
            for hit in self.message.results[position]
            if self.accepts(group, hit.start, hit.end, borrowed=True)
        ]

    def accepts(self, group: Group, start: int, end: int, borrowed: bool = False) -> bool:
        """Whether a hit of ``group`` at ``start:end`` passes every check."""
        checks = group.checks
        text = self.text
        if group.min_words or group.max_words:
            words = self.message.words
            if words < group.min_words or (group.max_words and words > group.max_words):
                return False
        if not borrowed:
            if checks.sentence_start and not _at_sentence_start(self.folded, start):
                return False
            if checks.skip_quoted and text.is_quoted_at(start):
                return False
            if checks.negatable and self.lexicon.language.is_denied(self.folded, start):
                return False
            if checks.addressed and not self._is_addressed():
                return False
        if self._overlaps_exception(start, end) or self._is_cancelled():
            return False
        position, results = self.lexicons.position, self.message.results
        return not any(results[position[cue]] for cue in group.unless_cues)

    def _overlaps_exception(self, start: int, end: int) -> bool:
        exceptions = self.lexicon.exceptions
        if exceptions is None:
            return False
        if self._exception_spans is None:
            self._exception_spans = _all_spans(exceptions, self.folded)
        return any(a < end and start < b for a, b in self._exception_spans)

    def _is_cancelled(self) -> bool:
        cancelled_by = self.lexicon.cancelled_by
        if cancelled_by is None:
            return False
        if self._cancelled is None:
            self._cancelled = any(
                not self.text.is_quoted_at(m.start()) for m in cancelled_by.finditer(self.folded)
            )
        return self._cancelled

    def _is_addressed(self) -> bool:
        if self._addressed is None:
            addressee = self.lexicon.language.addressee
            self._addressed = any(
                not self.text.is_quoted_at(m.start()) for m in addressee.finditer(self.folded)
            )
        return self._addressed


def _one_per(found: list[Hit], one_per: str) -> tuple[Hit, ...]:
    if len(found) <= 1:
        return tuple(found)
    found.sort(key=lambda h: (h.start, -h.end))
    if one_per == "message":
        return (found[0],)
    seen: set[str | None] = set()
    kept = []
    for hit in found:
        if hit.detail not in seen:
            seen.add(hit.detail)
            kept.append(hit)
    return tuple(kept)


def _all_spans(pattern: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
    """Every match's span, overlapping ones included (one may start inside another)."""
    spans = []
    position = 0
    while (match := pattern.search(folded, position)) is not None:
        spans.append(match.span())
        position = match.start() + 1
    return spans


def folded_text(text: Text) -> str:
    """The message in lower case, with the same length as the raw text (offsets agree)."""
    lower = text.lower
    if len(lower) == len(text.raw):
        return lower
    # A few characters change length when lower-cased ("İ"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.raw).replace("’", "'")


def _at_sentence_start(folded: str, start: int) -> bool:
    before = folded[:start].rstrip()
    return not before or before[-1] in SENTENCE_ENDS or not before[-1].isascii()


def question_span(text: Text) -> tuple[int, int] | None:
    """The sentence that ends with the first question mark outside quotes."""
    raw = text.raw
    position = raw.find("?")
    while position != -1 and text.is_quoted_at(position):
        position = raw.find("?", position + 1)
    if position == -1:
        return None
    start = position
    while start > 0 and raw[start - 1] not in SENTENCE_ENDS:
        start -= 1
    while start < position and raw[start].isspace():
        start += 1
    return start, position + 1


# --------------------------------------------------------------------------- the index


def _build_index(
    lexicons: Sequence[Lexicon],
) -> tuple[dict[str, _Entry], re.Pattern[str]]:
    """Starting letters -> what may start there; and the regex of places worth a look."""
    filed: dict[str, dict[int, dict[int, list[str]]]] = {}
    for i, lexicon in enumerate(lexicons):
        for group in lexicon.groups:
            for key, regex in group.keyed:
                filed.setdefault(key, {}).setdefault(i, {}).setdefault(group.index, []).append(
                    regex
                )
    index = {key: _Entry(by_lexicon) for key, by_lexicon in filed.items()}
    symbols = sorted({key[0] for key in filed if not re.match(r"[\w']", key[0])})
    starts = WORD_START + ("|[" + "".join(re.escape(s) for s in symbols) + "]" if symbols else "")
    return index, re.compile(starts)


def _dependency_order(lexicons: Sequence[Lexicon], position: Mapping[str, int]) -> list[int]:
    """Lexicon positions, each after the cues it reads (the files are checked for loops)."""
    order: list[int] = []

    def visit(i: int) -> None:
        if i in order:
            return
        for other in lexicons[i].references():
            visit(position[other])
        order.append(i)

    for i in range(len(lexicons)):
        visit(i)
    return order


# --------------------------------------------------------------------------- loading, detectors


@cache
def load_lexicons(language: str = "en") -> LexiconSet:
    """Every cue lexicon of ``language``, read, checked and compiled once."""
    if language not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise LexiconError(f"lexicons/{language}", f"no cue lexicons for {language!r} ({known})")
    folder = resources.files(PACKAGE).joinpath("lexicons", language)
    return LexiconSet(read_folder(folder, language))


class LexiconDetector(Detector):
    """Finds one lexicon's cue. :func:`detector_for` gives each cue its own subclass."""

    name: ClassVar[str] = "lexicon"
    needs: ClassVar[tuple[str, ...]] = ("text",)
    produces: ClassVar[tuple[str, ...]] = ()

    def __init__(self, lexicons: LexiconSet, cue: str) -> None:
        self.lexicons = lexicons
        self.cue = cue
        self._position = lexicons.position[cue]

    def detect(self, text: Text) -> Findings:
        return self._findings(text, self.lexicons.scan(text))

    def detect_batch(self, texts: Sequence[Text]) -> list[Findings]:
        scans = self.lexicons.scan_batch(texts)
        return [self._findings(text, scan) for text, scan in zip(texts, scans, strict=True)]

    def _findings(self, text: Text, scan: Scan) -> Findings:
        hits = scan[self._position]
        if not hits:
            return NOTHING
        raw, cue = text.raw, self.cue
        return Findings(
            cues=tuple(Cue(cue, raw[h.start : h.end], h.start, h.end, h.detail) for h in hits)
        )


def detector_for(lexicons: LexiconSet, cue: str) -> Detector:
    """A detector named after ``cue`` that produces that cue."""
    lexicon = lexicons.lexicons[lexicons.position[cue]]
    class_name = "".join(part.title() for part in cue.split("_")) + "Cues"
    detector_class = type(
        class_name,
        (LexiconDetector,),
        {"name": cue, "produces": (cue,), "__doc__": lexicon.description},
    )
    return cast(Detector, detector_class(lexicons, cue))


def lexicon_detectors(language: str = "en") -> list[Detector]:
    """One detector per cue file of ``language``, in cue-name order."""
    lexicons = load_lexicons(language)
    return [detector_for(lexicons, cue) for cue in lexicons.cues]
