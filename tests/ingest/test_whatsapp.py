"""WhatsApp specifics that the fixture folder cannot express on its own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from rekindle.errors import AmbiguousDateOrderError
from rekindle.ingest import open_export, read_conversation
from rekindle.ingest.source import open_source
from rekindle.ingest.whatsapp import infer_date_order
from rekindle.model import MessageKind


def _write(tmp_path: Path, text: str, name: str = "chat.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _messages(path: Path, **options: str) -> list[tuple[datetime, str | None, str, str]]:
    reader = open_export(path, **options)  # type: ignore[arg-type]
    return [
        (m.timestamp, reader.report.names.get(m.sender or "", None), m.text, m.kind.value)
        for m in reader.messages()
    ]


@pytest.mark.parametrize(
    ("header", "order", "expected"),
    [
        ("12/31/21, 9:05 PM - ", "mdy", datetime(2021, 12, 31, 21, 5)),
        ("12/31/21, 9:05\u202fPM - ", "mdy", datetime(2021, 12, 31, 21, 5)),
        ("\u200e[12/31/21, 9:05:33\u202fPM] ", "mdy", datetime(2021, 12, 31, 21, 5, 33)),
        ("31/12/21, 9:05 p. m. - ", "dmy", datetime(2021, 12, 31, 21, 5)),
        ("31/12/21, 9:05 p.\u00a0m. - ", "dmy", datetime(2021, 12, 31, 21, 5)),
        ("31/12/21, 12:05 a. m. - ", "dmy", datetime(2021, 12, 31, 0, 5)),
        ("31.12.21, 9:05 nachm. - ", "dmy", datetime(2021, 12, 31, 21, 5)),
        ("31/12/2021, 9:05 μ.μ. - ", "dmy", datetime(2021, 12, 31, 21, 5)),
        ("2021/12/31 下午9:05 - ", "ymd", datetime(2021, 12, 31, 21, 5)),
        ("31.12.2021 klo 21.05 - ", "dmy", datetime(2021, 12, 31, 21, 5)),
        ("[31.12.21, 21.05.33] ", "dmy", datetime(2021, 12, 31, 21, 5, 33)),
        ("31-12-2021 21:05 - ", "dmy", datetime(2021, 12, 31, 21, 5)),
        ("2021-12-31, 21:05 - ", "ymd", datetime(2021, 12, 31, 21, 5)),
    ],
)
def test_it_reads_every_clock_and_marker(
    tmp_path: Path, header: str, order: str, expected: datetime
) -> None:
    path = _write(tmp_path, f"{header}Sam: hello\n")
    reader = open_export(path, format="whatsapp", date_order=order)
    assert [(m.timestamp, m.sender, m.text) for m in reader.messages()] == [
        (expected, "Sam", "hello")
    ]


def test_date_order_comes_from_the_whole_file_not_the_first_line(tmp_path: Path) -> None:
    lines = [f"0{d}/01/22, 10:00 - Sam: day {d}" for d in range(1, 10)] + [
        "13/01/22, 10:00 - Sam: the thirteenth settles it"
    ]
    path = _write(tmp_path, "\n".join(lines))
    assert infer_date_order(open_source(path).first) == ("dmy", [])
    assert _messages(path)[0][0] == datetime(2022, 1, 1, 10, 0)
    assert _messages(path)[-1][0] == datetime(2022, 1, 13, 10, 0)


def test_an_ambiguous_file_says_so_and_honours_an_explicit_order(tmp_path: Path) -> None:
    path = _write(tmp_path, "03/04/22, 10:00 - Kim: hi\n03/04/22, 10:05 - Alex: hello\n")
    with pytest.raises(AmbiguousDateOrderError, match="--date-order dmy"):
        _messages(path)
    assert _messages(path, date_order="dmy")[0][0] == datetime(2022, 4, 3, 10, 0)
    assert _messages(path, date_order="mdy")[0][0] == datetime(2022, 3, 4, 10, 0)


def test_one_damaged_header_cannot_force_a_wrong_order(tmp_path: Path) -> None:
    lines = (
        ["31/02/22, 10:00 - Sam: this date does not exist in any order but ymd"]
        + [f"{d:02d}/03/22, 10:00 - Sam: day {d}" for d in range(1, 12)]
        + ["20/03/22, 10:00 - Sam: the twentieth"]
    )
    path = _write(tmp_path, "\n".join(lines))
    reader = open_export(path)
    stamps = [m.timestamp for m in reader.messages()]
    assert reader.report.date_order == "dmy"
    assert stamps[0] == datetime(2022, 3, 1, 10, 0)
    assert [s.line for s in reader.report.skipped] == [1]


def test_continuation_lines_may_start_with_dates(tmp_path: Path) -> None:
    text = (
        "14/02/22, 20:00 - Sam: Things I remember:\n"
        "12/05/2019 the day we met\n"
        "01/06/2020, the day we moved in\n"
        "15/02/22, 08:00 - Alex: ❤️\n"
        "16/02/22, 08:00 - Alex: morning\n"
    )
    messages = _messages(_write(tmp_path, text))
    assert messages[0][2] == (
        "Things I remember:\n12/05/2019 the day we met\n01/06/2020, the day we moved in"
    )
    assert len(messages) == 3


@pytest.mark.parametrize(
    ("sender", "text"),
    [
        ("+44 7700 900123", "hi, it's me"),
        ("\u202a+44 7700 900123\u202c", "hi, it's me"),
        ("Sam 🌻", "sunflower"),
        ("Anne-Marie", "dash - inside"),
        ("Dr:Who", "a colon inside the name"),
        ("Ana María", "time: 10:00, place: home"),
    ],
)
def test_senders_can_be_numbers_or_hold_emoji_colons_and_dashes(
    tmp_path: Path, sender: str, text: str
) -> None:
    body = "".join(f"{d}/03/22, 10:00 - {sender}: {text}\n" for d in (13, 14, 15))
    got = _messages(_write(tmp_path, body))
    assert {(g[1], g[2]) for g in got} == {(sender.strip("\u202a\u202c"), text)}


def test_system_lines_have_no_sender(tmp_path: Path) -> None:
    text = (
        "13/03/22, 10:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        '13/03/22, 10:01 - Sam created group "Us"\n'
        "13/03/22, 10:02 - Sam added Alex\n"
        "13/03/22, 10:03 - Alex left\n"
        "13/03/22, 10:04 - Sam changed to +44 7700 900124\n"
        "14/03/22, 10:05 - Alex joined using this group's invite link\n"
        "15/03/22, 10:05 - Sam: finally a real message\n"
    )
    got = _messages(_write(tmp_path, text))
    assert [g[3] for g in got] == ["system"] * 6 + ["text"]
    assert all(g[1] is None for g in got[:6])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<Media omitted>", "media"),
        ("\u200eimage omitted", "media"),
        ("\u200e<attached: 00000042-PHOTO-2022-03-13.jpg>", "media"),
        ("<Multimedia omitido>", "media"),
        ("<Médias omis>", "media"),
        ("immagine omessa", "media"),
        ("This message was deleted", "deleted"),
        ("Se eliminó este mensaje.", "deleted"),
        ("Missed video call", "call"),
        ("\u200eVoice call, \u200e12 min", "call"),
        ("I omitted the image on purpose", "text"),
        ("we had a video call about it yesterday", "text"),
    ],
)
def test_placeholders_are_recognised_in_several_languages(
    tmp_path: Path, text: str, kind: str
) -> None:
    body = "".join(f"{d}/03/22, 10:00 - Sam: {text}\n" for d in (13, 14, 15))
    assert {g[3] for g in _messages(_write(tmp_path, body))} == {kind}


def test_the_edited_marker_is_removed_and_remembered(tmp_path: Path) -> None:
    body = "".join(
        f"{d}/03/22, 10:00 - Sam: see you at 8 <This message was edited>\n" for d in (13, 14, 15)
    )
    reader = open_export(_write(tmp_path, body))
    messages = list(reader.messages())
    assert {(m.text, m.edited) for m in messages} == {("see you at 8", True)}


def test_ids_are_stable_across_overlapping_exports(tmp_path: Path) -> None:
    lines = [f"{d}/03/22, 10:00 - Sam: ok" for d in range(13, 20)]
    lines.insert(3, "16/03/22, 10:00 - Sam: ok")  # the same text twice in one minute
    first = _write(tmp_path, "\n".join(lines[:6]), "a.txt")
    second = _write(tmp_path, "\n".join(lines[2:]), "b.txt")
    ids_a = [m.id for m in open_export(first).messages()]
    ids_b = [m.id for m in open_export(second).messages()]
    assert len(set(ids_a)) == len(ids_a)
    assert ids_a[2:] == ids_b[:4]


def test_a_zip_export_reads_the_chat_and_ignores_media(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "WhatsApp Chat with Sam.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("IMG-20220313-WA0001.jpg", b"\xff\xd8" + b"x" * 5000)
        z.writestr(
            "WhatsApp Chat with Sam.txt",
            "13/03/22, 10:00 - Sam: hi\n14/03/22, 10:00 - Sam: yo\n15/03/22, 10:00 - Sam: !\n",
        )
    assert [m.text for m in open_export(archive).messages()] == ["hi", "yo", "!"]


def test_a_group_chat_can_be_narrowed_to_two_people(tmp_path: Path) -> None:
    body = (
        "13/03/22, 10:00 - Sam: hi all\n"
        "13/03/22, 10:01 - Alex: hi!\n"
        "14/03/22, 10:02 - Kim: hello\n"
        "15/03/22, 10:03 - Alex Phone: same person, other phone\n"
    )
    path = _write(tmp_path, body)
    everyone = read_conversation(path)
    assert len(everyone.participants) == 4
    assert any("group chat with 4 people" in note for note in everyone.notes)
    pair = read_conversation(
        path, me="Sam", people=("Sam", "Alex"), aliases=(("Alex Phone", "Alex"),)
    )
    assert [p.name for p in pair.participants] == ["Sam", "Alex"]
    assert pair.me is not None and pair.me.name == "Sam"
    assert [m.text for m in pair.messages] == ["hi all", "hi!", "same person, other phone"]
    assert any("left out" in note for note in pair.notes)
    assert all(m.kind is MessageKind.TEXT for m in pair.messages)
