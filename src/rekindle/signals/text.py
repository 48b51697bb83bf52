"""One message's text, read once and shared by every detector.

:class:`Text` holds the words with their positions, and marks the words that sit in a
negated stretch ("I'm **not** criticising you") or inside quoted or reported speech ("she
said 'you always do this'"), so that detectors can ignore cues that the writer is denying
or quoting rather than saying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

# Words: letters/digits with inner apostrophes ("don't", "we're"); curly apostrophes are
# read as straight ones.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What starts a negated stretch, and what ends one.
NEGATORS = frozenset(
    [
        "not",
        "no",
        "never",
        "nothing",
        "nobody",
        "none",
        "nor",
        "neither",
        "cannot",
        "can't",
        "cant",
        "won't",
        "wont",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "wasnt",
        "weren't",
        "werent",
        "shouldn't",
        "shouldnt",
        "wouldn't",
        "wouldnt",
        "couldn't",
        "couldnt",
        "haven't",
        "havent",
        "hasn't",
        "hasnt",
        "hadn't",
        "hadnt",
        "ain't",
        "aint",
        "without",
    ]
)
NEGATION_ENDS = re.compile(r"[.!?;,:]|\bbut\b|\bhowever\b|\bthough\b", re.IGNORECASE)
NEGATION_REACH = 6  # words after a negator that it still governs
NEGATED_TAIL = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(sorted((re.escape(n) for n in NEGATORS), key=len, reverse=True))
    + rf"|\w+n't)(?![\w'])(?:\W+[\w']+){{0,{NEGATION_REACH - 1}}}\W*$"
)
# Quoted speech: text between quotes, or after "X said/says/told me".
QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|(?<!\w)'[^'\n]{4,300}'(?!\w)")
REPORTED = re.compile(
    r"\b(?:said|says|saying|told me|tells me|telling me|wrote|texted|asked me|posted)\b[:,]?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the message: its text (lower case), its offsets, and its context."""

    text: str
    start: int
    end: int
    negated: bool
    quoted: bool


class Text:
    """A message's text, analysed once for every detector."""

    __slots__ = ("__dict__", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw

    @cached_property
    def lower(self) -> str:
        """The text in lower case, with curly apostrophes straightened (same length)."""
        return self.raw.lower().replace("’", "'")

    @cached_property
    def quoted_spans(self) -> tuple[tuple[int, int], ...]:
        """Character ranges of quoted or reported speech."""
        spans = [(m.start(), m.end()) for m in QUOTED.finditer(self.raw)]
        for match in REPORTED.finditer(self.raw):
            stop = _sentence_end(self.raw, match.end())
            spans.append((match.end(), stop))
        return tuple(sorted(spans))

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """The words, each marked negated or quoted."""
        lower = self.lower
        spans = self.quoted_spans
        result = []
        negate_left = 0
        last_end = 0
        for match in WORD.finditer(lower):
            token = match.group()
            start, end = match.span()
            if negate_left and NEGATION_ENDS.search(lower, last_end, start):
                negate_left = 0
            quoted = any(a <= start < b for a, b in spans) if spans else False
            result.append(Word(token, start, end, negate_left > 0, quoted))
            if token in NEGATORS or token.endswith("n't"):
                negate_left = NEGATION_REACH
            elif negate_left:
                negate_left -= 1
            last_end = end
        return tuple(result)

    def is_negated_at(self, offset: int) -> bool:
        """Whether the character at ``offset`` sits in a negated stretch.

        Looks back from ``offset`` to the start of its clause for a negator at most
        ``NEGATION_REACH`` words earlier. Cheap: it does not need the full word list.
        """
        start = max(0, offset - 80)
        window = self.lower[start:offset]
        ends = list(NEGATION_ENDS.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        return NEGATED_TAIL.search(window) is not None

    def is_quoted_at(self, offset: int) -> bool:
        """Whether the character at ``offset`` sits in quoted or reported speech."""
        return any(a <= offset < b for a, b in self.quoted_spans)

    @cached_property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def is_question(self) -> bool:
        """Whether the message asks something (a question mark outside quotes)."""
        return "?" in self.raw and not all(
            self.is_quoted_at(i) for i, ch in enumerate(self.raw) if ch == "?"
        )


def _sentence_end(text: str, start: int) -> int:
    match = re.compile(r"[.!?\n]").search(text, start)
    return match.end() if match else len(text)
