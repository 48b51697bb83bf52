"""Who starts conversations, unanswered messages, and reply times."""

from __future__ import annotations

from datetime import datetime

from rekindle.model import MessageKind
from tests.metrics.chat import Chat, hours, minutes


def test_the_first_message_after_an_idle_gap_starts_a_conversation() -> None:
    chat = Chat()
    chat.say("alice", "morning")  # starts 1
    chat.say("bob", "morning!")
    chat.say("bob", "lunch?", after=hours(5))  # starts 2
    chat.say("alice", "yes")
    chat.say("alice", "thinking of you", after=hours(6))  # starts 3, nobody answers
    chat.say("alice", "are you there?", after=hours(1))
    chat.say("bob", "home soon", after=hours(5))  # starts 4
    chat.say("alice", "see you")
    initiation = chat.metrics(min_events=1).initiation
    assert initiation.n == 4
    assert (initiation.started["alice"].count, initiation.started["bob"].count) == (2, 2)
    assert initiation.started["alice"].value == 0.5
    alice = initiation.unanswered_reach_outs["alice"]
    assert (alice.count, alice.n) == (1, 2)
    assert initiation.unanswered_reach_outs["bob"].count == 0
    assert initiation.monthly[0].by_partner == {"alice": 2, "bob": 2}


def test_the_last_conversation_is_not_called_unanswered_when_the_export_ends_in_it() -> None:
    chat = Chat()
    chat.say("alice", "hi")
    chat.say("bob", "hi")
    chat.say("alice", "night", after=hours(8))
    reach_outs = chat.metrics(min_events=1).initiation.unanswered_reach_outs["alice"]
    assert (reach_outs.count, reach_outs.n) == (0, 1)


def test_a_message_nobody_answers_within_the_idle_gap_is_unanswered() -> None:
    chat = Chat()
    chat.say("alice", "did you see my text?")
    chat.say("alice", "hello")
    chat.say("bob", "sorry!", after=hours(5))  # too late: both of alice's were unanswered
    chat.say("alice", "no worries", after=minutes(3))  # answers bob's
    chat.say("bob", "what are you doing later?", after=minutes(3))
    chat.say("alice", "nothing much", after=minutes(3))  # unanswered: bob writes 12 h later
    chat.say("bob", "ok", after=hours(12))  # the export ends here: too recent to judge
    turns = chat.metrics(min_messages=1).responsiveness.by_partner
    assert (turns["alice"].unanswered.count, turns["alice"].unanswered.n) == (3, 4)
    assert (turns["bob"].unanswered.count, turns["bob"].unanswered.n) == (0, 2)


def test_reply_times_give_median_and_90th_percentile_in_minutes() -> None:
    chat = Chat(start=datetime(2024, 3, 4, 9, 0))
    for gap in (1, 2, 3, 4, 5):
        chat.say("alice", "question", after=hours(1))
        chat.say("bob", "answer", after=minutes(gap))
    responsiveness = chat.metrics().responsiveness
    bob = responsiveness.by_partner["bob"].latency
    assert (bob.replies, bob.median_minutes, bob.p90_minutes) == (5, 3.0, 4.6)
    assert responsiveness.by_partner["alice"].latency.replies == 4
    assert responsiveness.monthly[0].by_partner["bob"].median_minutes == 3.0


def test_reply_times_are_grouped_by_the_hour_the_message_was_sent() -> None:
    chat = Chat(start=datetime(2024, 3, 4, 9, 0))
    for day in range(5):
        chat.say("alice", "morning", at=datetime(2024, 3, 4 + day, 9, 0))
        chat.say("bob", "morning", after=minutes(2))
        chat.say("alice", "night", at=datetime(2024, 3, 4 + day, 23, 0))
        chat.say("bob", "night", after=minutes(60))
    by_hour = chat.metrics().responsiveness.by_partner["bob"].by_hour
    assert len(by_hour) == 24
    assert by_hour[9].median_minutes == 2.0
    assert by_hour[23].median_minutes == 60.0
    assert by_hour[12].replies == 0 and by_hour[12].median_minutes is None


def test_a_call_answers_a_message_and_a_system_message_is_not_a_person() -> None:
    chat = Chat()
    chat.say("alice", "call me?")
    chat.say("alice", "Alice changed the chat name", kind=MessageKind.SYSTEM)
    chat.say("bob", "<call>", kind=MessageKind.CALL, after=minutes(3))
    metrics = chat.metrics(min_events=1)
    assert metrics.activity.skipped == 1
    assert metrics.responsiveness.by_partner["bob"].latency.median_minutes == 4.0
    assert metrics.activity.messages == {"alice": 1, "bob": 1}
    assert metrics.activity.read == {"alice": 1, "bob": 0}
