"""The library's exceptions.

Each one reads as a single line a person can act on: which file, which line where there is
one, what was expected and what was found. The CLI prints ``str(error)`` and exits with
status 2; it never shows a traceback.
"""

from __future__ import annotations


class RekindleError(Exception):
    """Base class for every error the library raises on purpose."""


class ParseError(RekindleError):
    """An export could not be read.

    Every problem with an input file is a ``ParseError`` (or a subclass), so a caller can
    catch this one class and show its message.
    """

    def __init__(self, source: str, problem: str, *, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class UnknownFormatError(ParseError):
    """The content matches none of the export formats Rekindle reads."""


class EmptyExportError(ParseError):
    """The export holds no messages at all."""


class AmbiguousDateOrderError(ParseError):
    """The dates in a WhatsApp export fit more than one day/month/year order."""


class UnsafeArchiveError(ParseError):
    """A zip file that could harm the machine: a zip bomb, or paths that climb out."""


class ChatSelectionError(ParseError):
    """A multi-chat export (e.g. a whole Telegram account) needs ``--chat`` to pick one."""


class ParticipantError(RekindleError):
    """``--me``, ``--alias`` or ``--person`` names someone who is not in the chat."""


class InstrumentError(RekindleError):
    """A questionnaire definition file is malformed: which file, and what is wrong in it."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class AnswerError(RekindleError):
    """Answers that do not fit the questionnaire: an unknown item, or a value off its scale."""
