"""Where an export's bytes come from: a file, a folder, or members of a zip archive.

A :class:`Source` is one logical export made of one or more *parts* (Messenger splits a
thread over ``message_1.json``, ``message_2.json``...). Parts are opened lazily and read as
streams, so memory stays flat however large the export is. Zip archives are never extracted:
members are read in place, with limits that refuse zip bombs and paths that climb out.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from rekindle.errors import EmptyExportError, ParseError, UnsafeArchiveError

# Limits for zip archives. A real chat export compresses text about 3-10x; media compress
# hardly at all. Anything far beyond that is a bomb, not a chat.
MAX_MEMBER_BYTES = 2 * 1024**3  # the largest text member we will read (2 GiB)
MAX_RATIO = 200  # uncompressed / compressed, for members larger than RATIO_FLOOR
RATIO_FLOOR = 10 * 1024**2
MAX_MEMBERS = 100_000
# Plain JSON files are parsed whole (json.load); refuse ones larger than this.
MAX_JSON_BYTES = 1024**3

_MESSENGER_PART = re.compile(r"message_(\d+)\.json$")


class ReadMeter:
    """How many bytes of a part have been read so far (for progress)."""

    __slots__ = ("read",)

    def __init__(self) -> None:
        self.read = 0


class _MeteredFile(io.FileIO):
    """A file on disk that counts the bytes read from it."""

    def __init__(self, path: Path, meter: ReadMeter) -> None:
        super().__init__(path, "rb")
        self._meter = meter

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = super().readinto(buffer)
        self._meter.read += count or 0
        return count

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self._meter.read += len(data or b"")
        return data

    def readall(self) -> bytes:
        data = super().readall()
        self._meter.read += len(data)
        return data


@dataclass(frozen=True)
class Part:
    """One file of an export: a path on disk, or a member of a zip archive."""

    label: str  # how error messages name it
    path: Path
    member: str | None = None  # the member name when the part lives in a zip
    size: int = 0  # uncompressed size in bytes
    meter: ReadMeter = field(default_factory=ReadMeter, compare=False, repr=False)

    @property
    def name(self) -> str:
        """The file's own name (no folders)."""
        return PurePosixPath(self.member).name if self.member else self.path.name

    def open(self) -> io.BufferedReader:
        """A buffered binary stream over the part's bytes."""
        if self.member is None:
            return io.BufferedReader(_MeteredFile(self.path, self.meter))
        archive = zipfile.ZipFile(self.path)
        try:
            stream = archive.open(self.member)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            archive.close()
            raise ParseError(self.label, f"cannot read this zip member ({exc})") from None
        return io.BufferedReader(_ZipMemberStream(archive, stream, self.label, self.meter))

    def head(self, size: int = 65536) -> bytes:
        """The first ``size`` bytes, for format detection."""
        with self.open() as stream:
            return stream.read(size)


class _ZipMemberStream(io.RawIOBase):
    """A zip member stream that closes its archive and stops at the size limit."""

    def __init__(
        self, archive: zipfile.ZipFile, stream: IO[bytes], label: str, meter: ReadMeter
    ) -> None:
        self._archive = archive
        self._stream = stream
        self._label = label
        self._meter = meter
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._stream.read(len(buffer))
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ParseError(self._label, f"the zip archive is damaged ({exc})") from None
        self._read += len(data)
        self._meter.read += len(data)
        if self._read > MAX_MEMBER_BYTES:
            raise UnsafeArchiveError(
                self._label, "this zip member expands beyond 2 GiB; refusing it"
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
            self._archive.close()
        super().close()


@dataclass(frozen=True)
class Source:
    """One export, as the user named it, and the parts it is made of."""

    label: str
    parts: tuple[Part, ...]

    @property
    def first(self) -> Part:
        return self.parts[0]

    def start_reading(self) -> None:
        """Set the byte counts back to zero (a fresh read of the whole export begins)."""
        for part in self.parts:
            part.meter.read = 0

    def fraction_read(self) -> float | None:
        """How much of the export has been read, from 0 to 1 (None when its size is unknown).

        Formats that are parsed whole (JSON) reach 1 as soon as they are loaded, before their
        messages are handed on.
        """
        size = sum(part.size for part in self.parts)
        if size <= 0:
            return None
        return min(1.0, sum(part.meter.read for part in self.parts) / size)


def open_source(path: str | Path) -> Source:
    """Resolve what the user pointed at (a file, a folder or a zip) into a :class:`Source`."""
    path = Path(path)
    label = str(path)
    if not path.exists():
        raise ParseError(label, "no such file or folder")
    if path.is_dir():
        return _folder_source(path)
    if zipfile.is_zipfile(path):
        return _zip_source(path)
    with path.open("rb") as probe:
        if probe.read(4) == b"PK\x03\x04":
            raise ParseError(label, "this zip archive is damaged or incomplete; export it again")
    size = path.stat().st_size
    if size == 0:
        raise EmptyExportError(label, "the file is empty; expected a chat export")
    match = _MESSENGER_PART.search(path.name)
    if match:
        siblings = sorted(
            (p for p in path.parent.iterdir() if _MESSENGER_PART.search(p.name)),
            key=lambda p: int(_MESSENGER_PART.search(p.name).group(1)),  # type: ignore[union-attr]
        )
        parts = tuple(Part(str(p), p, size=p.stat().st_size) for p in siblings)
        return Source(label, parts)
    return Source(label, (Part(label, path, size=size),))


_TEXT_SUFFIXES = (".txt", ".json", ".csv", ".md", ".tsv")


def _folder_source(folder: Path) -> Source:
    files = [p for p in sorted(folder.rglob("*")) if p.is_file()]
    messenger = [p for p in files if _MESSENGER_PART.search(p.name)]
    if messenger:
        messenger.sort(key=lambda p: int(_MESSENGER_PART.search(p.name).group(1)))  # type: ignore[union-attr]
        return Source(str(folder), tuple(Part(str(p), p, size=p.stat().st_size) for p in messenger))
    candidates = [p for p in files if p.suffix.lower() in _TEXT_SUFFIXES]
    if not candidates:
        raise ParseError(
            str(folder), "found no chat file (.txt, .json, .csv or .md) in this folder"
        )
    chosen = _prefer_chat_file([(p.name, p.stat().st_size, p) for p in candidates])
    return Source(str(folder), (Part(str(chosen), chosen, size=chosen.stat().st_size),))


def _prefer_chat_file(entries: list[tuple[str, int, Path]]) -> Path:
    """Pick the file that holds the chat: known names first, then the largest."""
    preferred = ("_chat.txt", "result.json", "chat.md")
    for wanted in preferred:
        for name, _size, value in entries:
            if name.lower() == wanted:
                return value
    for name, _size, value in entries:
        if name.lower().startswith("whatsapp chat"):
            return value
    return max(entries, key=lambda e: e[1])[2]


def _zip_source(path: Path) -> Source:
    label = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ParseError(label, f"this zip archive cannot be read ({exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise UnsafeArchiveError(label, f"the zip holds {len(infos)} entries; refusing it")
    for info in infos:
        _check_member(label, info)
    files = [i for i in infos if not i.is_dir()]
    messenger = [i for i in files if _MESSENGER_PART.search(i.filename)]
    if messenger:
        messenger.sort(key=lambda i: int(_MESSENGER_PART.search(i.filename).group(1)))  # type: ignore[union-attr]
        chosen = messenger
    else:
        texts = [i for i in files if PurePosixPath(i.filename).suffix.lower() in _TEXT_SUFFIXES]
        if not texts:
            raise ParseError(label, "found no chat text (.txt, .json, .csv or .md) inside the zip")
        by_name = {i.filename: i for i in texts}
        pick = _prefer_chat_file(
            [(PurePosixPath(i.filename).name, i.file_size, Path(i.filename)) for i in texts]
        )
        chosen = [by_name[str(PurePosixPath(pick))]] if str(pick) in by_name else texts[:1]
    parts = tuple(
        Part(f"{label}:{i.filename}", path, member=i.filename, size=i.file_size) for i in chosen
    )
    return Source(label, parts)


def _check_member(label: str, info: zipfile.ZipInfo) -> None:
    name = info.filename.replace("\\", "/")
    pure = PurePosixPath(name)
    if name.startswith("/") or ".." in pure.parts or re.match(r"^[A-Za-z]:", name):
        raise UnsafeArchiveError(label, f"zip entry {info.filename!r} points outside the archive")
    if info.file_size > MAX_MEMBER_BYTES:
        raise UnsafeArchiveError(
            label, f"zip entry {info.filename!r} claims {info.file_size} bytes; refusing it"
        )
    if (
        info.file_size > RATIO_FLOOR
        and info.compress_size > 0
        and info.file_size / info.compress_size > MAX_RATIO
    ):
        raise UnsafeArchiveError(
            label,
            f"zip entry {info.filename!r} expands {info.file_size // info.compress_size}x;"
            " that is a zip bomb, not a chat",
        )


# ---------------------------------------------------------------------------------------------
# Text decoding


def sniff_encoding(head: bytes) -> str:
    """The encoding of a text export, from its first bytes.

    Phones write UTF-8, UTF-8 with a byte-order mark, and (some older Windows and iOS tools)
    UTF-16 with or without a BOM.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) / 2
        if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
            return "utf-16-le"
        if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
            return "utf-16-be"
    return "utf-8"


def decode_head(head: bytes) -> str:
    """The head of a file as text, for detection (a cut multi-byte character is dropped)."""
    encoding = sniff_encoding(head)
    return head.decode(encoding, errors="ignore")


def iter_lines(part: Part) -> Iterator[str]:
    """The part's text, line by line, without line endings.

    A byte sequence that is not valid text raises :class:`ParseError` naming the line.
    """
    stream = part.open()
    try:
        encoding = sniff_encoding(part.head(4096))
        part.meter.read = 0  # a whole read starts: what sampling read before does not count
        text = io.TextIOWrapper(
            stream,
            encoding=encoding,
            errors="strict",
            newline=None,
        )
        number = 0
        try:
            for number, line in enumerate(text, 1):  # noqa: B007
                yield line.rstrip("\n")
        except UnicodeDecodeError:
            raise ParseError(
                part.label,
                f"this is not valid {encoding.upper()} text (export the chat again, or convert"
                " it to UTF-8)",
                line=number + 1,
            ) from None
    finally:
        stream.close()


def read_bytes(part: Part, limit: int = MAX_JSON_BYTES) -> bytes:
    """All of a part's bytes (for formats that must be parsed whole), up to ``limit``."""
    if part.size > limit:
        raise ParseError(part.label, f"the file is {part.size} bytes; the limit is {limit}")
    part.meter.read = 0
    with part.open() as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ParseError(part.label, f"the file is larger than the limit of {limit} bytes")
    return data


def read_text(part: Part, limit: int = MAX_JSON_BYTES) -> str:
    """A part's whole text, decoded (UTF-8, UTF-8 with BOM or UTF-16)."""
    data = read_bytes(part, limit)
    encoding = sniff_encoding(data[:4096])
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            part.label, f"this is not valid {encoding.upper()} text", line=line
        ) from None
