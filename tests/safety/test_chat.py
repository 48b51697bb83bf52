"""Screening a whole chat: counts by kind and sender, never a message."""

from __future__ import annotations

from rekindle.demo import demo_chat_path
from rekindle.ingest import open_export
from rekindle.model import MessageKind
from rekindle.safety import ChatScreener, screen_chat, screen_many

CHAT = [
    ("sam", "morning! did you sleep ok?"),
    ("alex", "not really. gonna hang myself in the garage once everyone's asleep"),
    ("sam", "he hit me again and took my phone"),
    ("alex", "if you leave you'll never see the kids again"),
    ("sam", "are we still on for dinner at 7?"),
]


def test_it_counts_each_kind_of_sign_by_who_wrote_it() -> None:
    found = screen_chat(CHAT)
    assert found.screened == 5
    assert found.flagged
    assert found.by_sender["alex"]["crisis"] == 1
    assert found.by_sender["alex"]["abuse_using"] == 1
    assert found.by_sender["sam"] == {"abuse_experiencing": 1}
    assert found.total("crisis") == 1
    assert "hang" not in str(found.to_dict())  # counts only, never the words


def test_small_batches_and_a_capped_encoder_give_the_same_counts() -> None:
    screener = ChatScreener(batch=2, encoder_share=0.0)
    for sender, text in CHAT:
        screener.add(sender, text)
    assert screener.result() == screen_chat(CHAT)


def test_many_texts_give_what_one_text_gives_for_clear_signs() -> None:
    texts = [text for _, text in CHAT]
    many = screen_many(texts)
    assert [s.level for s in many] == ["none", "crisis", "none", "none", "none"]
    assert [s.abuse_voice for s in many] == ["", "", "experiencing", "using", ""]


def test_the_demo_couples_chat_raises_no_alarm() -> None:
    messages = open_export(demo_chat_path()).messages()
    pairs = [(m.sender or "", m.text) for m in messages if m.kind is MessageKind.TEXT]
    assert len(pairs) > 3000
    assert not screen_chat(pairs).flagged
