"""The entry point: thin data, groups, odd input, and the real cue detectors end to end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from rekindle.metrics import MetricsBuilder, MetricSettings, compute
from rekindle.model import Message, Participant
from rekindle.signals.pipeline import CueRunner
from tests.metrics.chat import ALICE, BOB, Chat, hours, minutes


def test_thin_data_gives_not_enough_data_rather_than_zero() -> None:
    chat = Chat()
    chat.say("alice", "how was your day?", ("bid", "question"))
    chat.say("bob", "you never ask that nicely", "criticism")
    chat.say("alice", "guess what", ("bid", "news"), after=hours(1))
    chat.say("bob", "what?")
    metrics = chat.metrics()
    turn_toward = metrics.bids.by_responder["bob"].turn_toward
    assert (turn_toward.count, turn_toward.n, turn_toward.value) == (1, 2, None)
    assert metrics.ratio.overall.ratio is None and metrics.ratio.overall.n == 4
    assert metrics.horsemen.horsemen.by_partner["bob"]["criticism"].value is None
    assert metrics.pronouns.by_partner["alice"].we.value is None
    assert metrics.lsm.overall.score is None
    assert metrics.responsiveness.by_partner["bob"].latency.median_minutes is None
    assert metrics.initiation.started["alice"].value is None
    assert not metrics.fade.declining
    assert all(s.trend.p_value is None for s in metrics.fade.series)


def test_settings_with_impossible_values_are_refused() -> None:
    with pytest.raises(ValueError, match="idle_gap"):
        MetricSettings(idle_gap=timedelta(0))
    with pytest.raises(ValueError, match="min_events"):
        MetricSettings(min_events=0)


def test_an_empty_conversation_gives_empty_metrics_and_says_so() -> None:
    metrics = compute([], [], [ALICE, BOB])
    assert metrics.months == ()
    assert metrics.activity.n == 0
    assert metrics.bids.overall.turn_toward.value is None
    assert metrics.labour.weeks == ()
    assert any("no messages" in note for note in metrics.notes)


def test_cues_out_of_step_with_the_messages_are_refused() -> None:
    chat = Chat()
    chat.say("alice", "hi")
    chat.say("bob", "hi")
    with pytest.raises(ValueError, match="same order"):
        compute(chat.messages, list(reversed(chat.cues)), [ALICE, BOB])


def test_a_group_chat_is_measured_per_participant_with_a_note() -> None:
    carol = Participant("carol", "Carol")
    chat = Chat(people=(ALICE, BOB, carol))
    chat.say("alice", "guess what", ("bid", "news"))
    chat.say("carol", "what?")
    chat.say("bob", "tell us")
    chat.say("alice", "look", ("bid", "look"), after=hours(1))
    chat.say("bob", "morning", after=hours(10))
    metrics = chat.metrics(min_events=1)
    assert any("3 participants" in note for note in metrics.notes)
    assert set(metrics.bids.by_responder) == {"alice", "bob", "carol"}
    assert metrics.bids.by_responder["carol"].toward == 1
    assert metrics.bids.overall.ignored == 1  # counted overall, with no one responder
    assert metrics.bids.by_responder["bob"].ignored == 0
    assert metrics.pair == ("alice", "bob")


def test_a_sender_missing_from_the_participants_is_added_and_noted() -> None:
    chat = Chat(people=(ALICE,))
    chat.say("alice", "hi")
    chat.say("bob", "hi")
    metrics = chat.metrics()
    assert [p.id for p in metrics.participants] == ["alice", "bob"]
    assert any("bob" in note for note in metrics.notes)


def test_timezone_aware_timestamps_measure_real_time_and_local_months() -> None:
    plus_two = timezone(timedelta(hours=2))
    chat = Chat(start=datetime(2024, 1, 31, 23, 50, tzinfo=plus_two))
    chat.say("alice", "still up?")
    chat.say("bob", "yes", at=datetime(2024, 1, 31, 22, 5, tzinfo=UTC))  # 15 min later
    metrics = chat.metrics(min_events=1)
    assert metrics.responsiveness.by_partner["bob"].latency.median_minutes == 15.0
    assert metrics.months == ("2024-01",)


def test_messages_out_of_order_are_noted() -> None:
    chat = Chat()
    chat.say("alice", "second", at=datetime(2024, 3, 4, 10))
    chat.say("bob", "first", at=datetime(2024, 3, 4, 9))
    metrics = chat.metrics()
    assert any("dated earlier" in note for note in metrics.notes)
    assert metrics.activity.first == datetime(2024, 3, 4, 9)
    assert metrics.activity.last == datetime(2024, 3, 4, 10)


def test_the_builder_reads_messages_one_at_a_time() -> None:
    chat = Chat()
    chat.say("alice", "how are you?", ("bid", "question"))
    chat.say("bob", "good, you?")
    builder = MetricsBuilder([ALICE, BOB])
    for message, found in zip(chat.messages, chat.cues, strict=True):
        builder.add(message, found)
    assert builder.finish() == chat.metrics()


SCRIPT = [
    ("alice", 0, "morning love, did you sleep okay?"),
    ("bob", 3, "yes! thank you, love you"),
    ("alice", 60, "guess what, I got the job"),
    ("bob", 62, "omg amazing, I'm so proud of you"),
    ("alice", 300, "you never listen to me. what is wrong with you"),
    ("bob", 302, "it's not my fault, you always do this"),
    ("alice", 303, "you're being ridiculous 🙄"),
    ("bob", 305, "I'm sorry, you're right, I should have called"),
    ("alice", 307, "thank you. love you"),
    ("bob", 308, "love you too"),
    ("alice", 309, "can we talk tonight about the weekend?"),
    ("bob", 311, "of course"),
    ("alice", 700, "on my way home, need anything from the shop?"),
    ("bob", 702, "milk please"),
]


def test_the_real_cue_detectors_feed_compute_end_to_end() -> None:
    start = datetime(2024, 5, 6, 8, 0)
    messages = [
        Message(f"s{i}", start + timedelta(minutes=at), sender, text)
        for i, (sender, at, text) in enumerate(SCRIPT)
    ]
    metrics = compute(
        iter(messages), CueRunner().run(iter(messages)), [ALICE, BOB], MetricSettings(min_events=1)
    )
    assert metrics.conflict.n == 1
    assert metrics.conflict.started_by["alice"] == 1
    episode = metrics.conflict.examples[0]
    assert episode.opening.text == "you never listen to me. what is wrong with you"
    assert metrics.repair.by_partner["bob"].attempts == 1
    assert metrics.repair.by_partner["bob"].accepted == 1
    assert metrics.bids.made["alice"] >= 3
    assert metrics.bids.by_responder["bob"].turn_toward.value == 1.0
    assert (
        metrics.labour.totals["alice"]["check_in"] + metrics.labour.totals["alice"]["serious_talk"]
        >= 1
    )
    assert metrics.labour.totals["bob"]["apology"] == 1
    assert metrics.transactional.topics  # the trip home is logistics
    criticism = metrics.horsemen.horsemen.examples["alice"]["criticism"]
    assert criticism and criticism[0].evidence
    assert metrics.activity.messages == {"alice": 7, "bob": 7}
    assert metrics.responsiveness.by_partner["bob"].latency.median_minutes == 2.0
    assert (
        compute(messages, CueRunner().run(messages), [ALICE, BOB], MetricSettings(min_events=1))
        == metrics
    )


def test_examples_are_bounded_and_cut_to_length() -> None:
    chat = Chat()
    for i in range(30):
        chat.say("alice", "you never " + "listen " * 100 + str(i), "criticism", after=minutes(90))
    metrics = chat.metrics(examples=2, example_chars=40)
    kept = metrics.horsemen.horsemen.examples["alice"]["criticism"]
    assert len(kept) == 2
    assert all(len(e.text) <= 40 and e.text.endswith("…") for e in kept)
    assert [e.message_id for e in kept] == ["m29", "m28"]  # equal scores: the most recent
