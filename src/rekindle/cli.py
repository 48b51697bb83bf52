"""The ``rekindle`` command: argument parsing and output only; the library does the work.

Every error a person can cause (a bad export, a wrong option, an unwritable output) ends
with one line on stderr and exit status 2, never a traceback. Output files are written
whole or not at all.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from rekindle import __version__
from rekindle.errors import RekindleError
from rekindle.ingest import ParticipantMap, ParticipantMapper, format_names, list_chats, open_export
from rekindle.ingest.base import DATE_ORDERS
from rekindle.ingest.records import FIELDS, message_record
from rekindle.ingest.summary import ChatSummary

# Exports larger than this get a progress display while they are read.
PROGRESS_BYTES = 5 * 1024 * 1024
EXIT_USAGE = 2

if TYPE_CHECKING:
    from rekindle.safety.chat import ChatScreening


def fail(message: str) -> NoReturn:
    """Print one line and exit with status 2."""
    click.echo(f"rekindle: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _columns(pairs: tuple[str, ...]) -> dict[str, str]:
    columns = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field not in ("timestamp", "sender", "text"):
            fail(f"--column {pair!r} should look like timestamp=Date, sender=From or text=Body")
        columns[field] = header
    return columns


def _export_options(function: Any) -> Any:
    """The options every command that reads an export shares."""
    decorators = [
        click.argument("file", type=click.Path(path_type=Path)),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(format_names(), case_sensitive=False),
            help="The export's format (detected from the content when left out).",
        ),
        click.option(
            "--date-order",
            type=click.Choice(DATE_ORDERS),
            help="WhatsApp: the order of day, month and year, when the dates fit more than one.",
        ),
        click.option("--chat", help="Telegram account exports: the chat to read (name or id)."),
        click.option(
            "--column",
            "columns",
            multiple=True,
            metavar="FIELD=HEADER",
            help="CSV: which column holds the timestamp, sender or text (repeatable).",
        ),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def _people_options(function: Any) -> Any:
    """The options that say who is who."""
    decorators = [
        click.option("--me", help="Your own name as it appears in the chat."),
        click.option(
            "--alias",
            "aliases",
            multiple=True,
            metavar="OLD=NEW",
            help="Count OLD as the same person as NEW (repeatable).",
        ),
        click.option(
            "--person",
            "people",
            multiple=True,
            metavar="NAME",
            help="In a group chat, keep only these people (use twice for a couple).",
        ),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rekindle")
def main() -> None:
    """Rekindle reads your own chat exports and shows how the two of you talk.

    Everything runs on this machine; nothing is sent anywhere.
    """


@main.command()
@_export_options
@_people_options
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file: .jsonl (one JSON object per line) or .csv. Default: stdout.",
)
def messages(
    file: Path,
    fmt: str | None,
    date_order: str | None,
    chat: str | None,
    columns: tuple[str, ...],
    me: str | None,
    aliases: tuple[str, ...],
    people: tuple[str, ...],
    out: Path | None,
) -> None:
    """Print the normalised messages of any export, one JSON object per line.

    Each record has id, timestamp (ISO 8601), sender, sender_id, text, kind, reply_to,
    edited and reactions. With --out x.csv it doubles as a converter to CSV.
    """
    suffix = out.suffix.lower() if out else ".jsonl"
    if suffix not in (".jsonl", ".json", ".ndjson", ".csv"):
        fail(f"--out {out} should end in .jsonl or .csv")
    with _guard():
        export = open_export(
            file, format=fmt, date_order=date_order, chat=chat, columns=_columns(columns)
        )
        mapping = ParticipantMap(me, ParticipantMap.parse_aliases(aliases), people)
        stream = export.messages()
        mapper = ParticipantMapper(mapping, export.report.names)
        with _atomic_output(out) as handle:
            records = (message_record(m, mapper.names) for m in mapper.apply(stream))
            if suffix == ".csv":
                _write_csv(handle, records)
            else:
                dumps = json.JSONEncoder(ensure_ascii=False).encode
                write = handle.write
                for record in records:
                    write(dumps(record))
                    write("\n")
            mapper.participants()  # checks --me and --person before anything is kept


def _write_csv(handle: IO[str], records: Iterator[dict[str, Any]]) -> None:
    writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        record["reactions"] = " ".join(
            f"{r['emoji']}" + (f"({r['sender']})" if r["sender"] else "")
            for r in record["reactions"]
        )
        writer.writerow(record)


def _day(flag: str, value: str | None) -> date | None:
    """An ISO date given to ``flag``, or a one-line error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-31")


@main.command()
@_export_options
@_people_options
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report as one self-contained HTML page (opens offline, prints well).",
)
@click.option(
    "--md",
    "md_out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report as Markdown.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the full report as JSON (the published, versioned schema).",
)
@click.option(
    "--no-quotes",
    is_flag=True,
    help="Leave every message's text out of the report: figures only.",
)
@click.option("--since", metavar="DATE", help="Read only messages from this date (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Read only messages up to this date (YYYY-MM-DD).")
@click.option(
    "--jobs",
    type=click.IntRange(0, 64),
    default=None,
    help="Extra processes that read the messages' cues while this one parses and measures"
    " (0: none). Default: 1 for an export over 1 MB on a machine with two or more cores."
    " The report is the same either way.",
)
def analyze(
    file: Path,
    fmt: str | None,
    date_order: str | None,
    chat: str | None,
    columns: tuple[str, ...],
    me: str | None,
    aliases: tuple[str, ...],
    people: tuple[str, ...],
    html_out: Path | None,
    md_out: Path | None,
    json_out: Path | None,
    no_quotes: bool,
    since: str | None,
    until: str | None,
    jobs: int | None,
) -> None:
    """Analyse an export: print a summary, and write the report (--html, --md, --json).

    The report shows each pattern research links with how relationships go, each person's
    figures, examples from the chat, what it means, the evidence, and what to try.
    """
    from rekindle.report import render_html, render_json, render_markdown
    from rekindle.report.analysis import analyze_export, default_workers

    start, end = _day("--since", since), _day("--until", until)
    if start and end and end < start:
        fail(f"--until {until} comes before --since {since}")
    renderers = [(html_out, render_html), (md_out, render_markdown), (json_out, render_json)]
    outputs = [(path, render) for path, render in renderers if path is not None]
    for path, _ in outputs:
        if not path.parent.is_dir():
            fail(f"{path}: the folder {path.parent} does not exist")
    with _guard():
        export = open_export(
            file, format=fmt, date_order=date_order, chat=chat, columns=_columns(columns)
        )
        mapping = ParticipantMap(me, ParticipantMap.parse_aliases(aliases), people)
        size = sum(part.size for part in export.source.parts)
        options: dict[str, Any] = {
            "since": start,
            "until": end,
            "quotes": not no_quotes,
            "workers": default_workers(size) if jobs is None else jobs,
        }
        if size >= PROGRESS_BYTES:
            with Progress(
                SpinnerColumn(),
                TextColumn("Analysing {task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[messages]:,} messages"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            ) as bar:
                task = bar.add_task(file.name, total=100, messages=0)

                def show(messages: int, fraction: float | None) -> None:
                    done = None if fraction is None else 100 * fraction
                    bar.update(task, completed=done, messages=messages)

                analysis = analyze_export(export, mapping, progress=show, **options)
        else:
            analysis = analyze_export(export, mapping, **options)
        pages = [(path, render(analysis.report)) for path, render in outputs]
        for path, text in pages:
            with _atomic_output(path) as handle:
                handle.write(text)
    _print_summary(analysis.summary)
    if analysis.safety is not None and analysis.safety.flagged:
        _print_safety_note(analysis.safety, analysis.summary)
    for path, _ in pages:
        click.echo(f"Report written to {path}")


SAFETY_KINDS = {
    "crisis": "spoke of suicide, self-harm or hurting someone",
    "concern": "sounded hopeless or spoke of not being here",
    "abuse_experiencing": "spoke of being hurt, threatened or controlled",
    "abuse_using": "hurt, threatened or controlled the other person",
}


def _print_safety_note(safety: ChatScreening, summary: ChatSummary) -> None:
    """A short, private note on what the safety screen saw, and where help is. It is printed
    here only, never written into the report, which may be shared."""
    from rekindle.safety.resources import INTERNATIONAL, builtin_resources

    names = {person.id: person.name for person in summary.participants}
    console = Console(stderr=True)
    console.print(
        "\n[bold]Something in this chat may need care.[/bold] This note is for you alone; "
        "it is not in the report."
    )
    for sender, counts in safety.by_sender.items():
        for kind, count in counts.items():
            noun = "message" if count == 1 else "messages"
            console.print(f"- {count} {noun} from {names.get(sender, sender)} {SAFETY_KINDS[kind]}")
    table = builtin_resources()
    country = os.environ.get("REKINDLE_COUNTRY", "").strip().upper()
    help_lines = table.get(country) or table[INTERNATIONAL]
    console.print(help_lines.emergency_note)
    for line in help_lines.resources:
        reach = ", ".join(part for part in (line.call and f"call {line.call}", line.web) if part)
        console.print(f"- {line.name}: {reach}")
    console.print(
        "Rekindle is an AI tool, not a counsellor; a screen can be wrong. "
        "Set REKINDLE_COUNTRY (e.g. GB) for the help lines where you live."
    )


def _print_summary(summary: ChatSummary) -> None:
    console = Console()
    title = f" - {summary.title}" if summary.title else ""
    console.print(f"[bold]{summary.source}[/bold] ({summary.format}{title})")
    span = "no dates"
    if summary.first and summary.last:
        span = f"{summary.first:%Y-%m-%d %H:%M} to {summary.last:%Y-%m-%d %H:%M}"
        if not summary.timezone_aware:
            span += " (local time of the phone)"
    console.print(f"{summary.total:,} messages, {span}")
    table = Table("Person", "Messages", "Share")
    for person in summary.participants:
        count = summary.messages_by_sender.get(person.id, 0)
        share = f"{100 * count / summary.total:.0f}%" if summary.total else "-"
        name = person.name + (" (me)" if person.is_me else "")
        table.add_row(name, f"{count:,}", share)
    console.print(table)
    kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(summary.kinds.items()))
    console.print(f"Kinds: {kinds}")
    if summary.skipped_count:
        lines = ", ".join(str(s.line) for s in summary.skipped[:10])
        more = " ..." if summary.skipped_count > 10 else ""
        console.print(
            f"[yellow]{summary.skipped_count} lines could not be read[/yellow]"
            f" (lines {lines}{more})"
        )
    for note in summary.notes:
        console.print(f"Note: {note}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(format_names(), case_sensitive=False),
    help="The export's format (detected from the content when left out).",
)
def chats(file: Path, fmt: str | None) -> None:
    """List the chats inside an export (e.g. a whole Telegram account), for --chat."""
    with _guard():
        found = list_chats(file, format=fmt)
    for chat in found:
        count = f"{chat.messages:,} messages" if chat.messages >= 0 else ""
        click.echo(f"{chat.id}\t{chat.name}\t{count}".rstrip())


def _input_lines(source: str) -> Iterator[str]:
    """Lines of ``source`` (a file, or ``-`` for stdin) without their line endings."""
    if source == "-":
        for line in sys.stdin:
            yield line.rstrip("\r\n")
        return
    path = Path(source)
    if not path.is_file():
        fail(f"{source}: no such file")
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for line in handle:
            yield line.rstrip("\r\n")


@main.command()
@click.argument("source", default="-", metavar="[FILE|-]")
def cues(source: str) -> None:
    """Find the cues in each line of text (one message per line; stdin by default).

    Prints one JSON object per input line: the text, every cue with its evidence, the
    sentiment, the emotion probabilities and top labels, and the word-category counts.
    """
    from rekindle.signals.pipeline import analyze_texts
    from rekindle.signals.records import cues_record

    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for text, found in analyze_texts(_input_lines(source)):
        click.echo(dumps(cues_record(text, found)))


@main.command()
@click.argument("source", default="-", metavar="[FILE|-]")
def screen(source: str) -> None:
    """Screen each line of text for crisis and abuse (one text per line; stdin by default).

    Prints one JSON object per input line with ``level`` (none, concern or crisis),
    ``abuse`` (true or false), ``categories`` and ``evidence``.
    """
    from rekindle.safety import screen as screen_text

    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for line in _input_lines(source):
        click.echo(dumps(screen_text(line).to_dict()))


@contextmanager
def _guard() -> Iterator[None]:
    """Turn the library's errors and OS errors into one line and exit status 2."""
    try:
        yield
    except RekindleError as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))


@contextmanager
def _atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """A text handle whose content reaches ``path`` (or stdout) only if the block succeeds."""
    directory = path.parent if path is not None else None
    if directory is not None and not directory.is_dir():
        fail(f"{path}: the folder {directory} does not exist")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below in every path
        "w", encoding="utf-8", newline="", dir=directory, delete=False, suffix=".part"
    )
    try:
        yield handle
        handle.close()
        if path is None:
            with open(handle.name, encoding="utf-8", newline="") as done:
                shutil.copyfileobj(done, sys.stdout)
            sys.stdout.flush()
        else:
            os.replace(handle.name, path)
    finally:
        handle.close()
        if os.path.exists(handle.name):
            os.unlink(handle.name)


if __name__ == "__main__":  # pragma: no cover
    main()
