"""Bids for connection: turning toward, away and against, per responder."""

from __future__ import annotations

from tests.metrics.chat import Chat, hours, minutes


def test_three_of_four_answered_bids_give_a_turn_toward_rate_of_75_percent() -> None:
    chat = Chat()
    for _ in range(3):
        chat.say("alice", "how was your day?", ("bid", "question"), after=hours(1))
        chat.say("bob", "long but good, thanks for asking", after=minutes(2))
    chat.say("alice", "guess what happened", ("bid", "news"), after=hours(1))
    chat.say("bob", "morning", after=hours(10))
    bids = chat.metrics(min_events=4).bids
    bob = bids.by_responder["bob"]
    assert (bob.toward, bob.away, bob.against, bob.ignored) == (3, 1, 0, 1)
    assert bob.turn_toward.value == 0.75
    assert bids.overall.turn_toward.value == 0.75
    assert bids.made == {"alice": 4, "bob": 0}
    assert bids.by_type == {"question": 3, "news": 1}


def test_a_hostile_reply_turns_against_the_bid() -> None:
    chat = Chat()
    chat.say("alice", "look at this sunset", ("bid", "look"))
    chat.say("bob", "you always send me this stuff at work", "criticism")
    bids = chat.metrics().bids
    assert (bids.overall.toward, bids.overall.away, bids.overall.against) == (0, 0, 1)
    assert bids.by_responder["bob"].against == 1
    example = bids.examples["against"][0]
    assert example.message.text == "look at this sunset"
    assert example.reply is not None and example.reply.sender == "bob"


def test_an_ignored_bid_turns_away() -> None:
    chat = Chat()
    chat.say("alice", "miss you", ("bid", "affection"))
    chat.say("alice", "hello?", after=hours(4))
    chat.say("bob", "sorry, was asleep", after=hours(1))
    bids = chat.metrics().bids
    assert bids.by_responder["bob"].away == 1
    assert bids.by_responder["bob"].ignored == 1
    assert bids.examples["away"][0].reply is None


def test_a_reply_that_only_changes_to_logistics_turns_away() -> None:
    chat = Chat()
    chat.say("alice", "I had the weirdest dream", ("bid", "news"))
    chat.say("bob", "did you pay the electricity bill?", ("logistics", "money"), "question")
    bids = chat.metrics().bids
    bob = bids.by_responder["bob"]
    assert (bob.toward, bob.away, bob.ignored) == (0, 1, 0)


def test_a_logistics_reply_with_warmth_still_turns_toward() -> None:
    chat = Chat()
    chat.say("alice", "I had the weirdest dream", ("bid", "news"))
    chat.say("bob", "tell me tonight, home at 6, love you", ("logistics", "travel"), "affection")
    assert chat.metrics().bids.by_responder["bob"].toward == 1


def test_a_curt_shut_down_reply_turns_away() -> None:
    chat = Chat()
    chat.say("alice", "want to get dinner out tonight?", ("bid", "invitation"))
    chat.say("bob", "k", "stonewalling_marker")
    assert chat.metrics().bids.by_responder["bob"].away == 1


def test_one_reply_receives_every_bid_before_it() -> None:
    chat = Chat()
    chat.say("alice", "guess what", ("bid", "news"))
    chat.say("alice", "look at this", ("bid", "look"))
    chat.say("bob", "tell me!")
    bids = chat.metrics().bids
    assert bids.by_responder["bob"].toward == 2
    assert bids.n == 2


def test_a_bid_too_close_to_the_end_of_the_export_is_left_undetermined() -> None:
    chat = Chat()
    chat.say("alice", "how are you feeling?", ("bid", "question"))
    bids = chat.metrics().bids
    assert bids.n == 0
    assert bids.undetermined == 1
    assert bids.overall.turn_toward.value is None


def test_each_person_is_measured_as_the_responder_to_the_other() -> None:
    chat = Chat()
    for _ in range(5):
        chat.say("alice", "how was work?", ("bid", "question"), after=hours(5))
        chat.say("bob", "fine", after=minutes(1))
        chat.say("bob", "what are you up to?", ("bid", "question"), after=minutes(1))
        chat.say("alice", "you never ask me that nicely", "criticism", after=minutes(1))
    bids = chat.metrics().bids
    assert bids.by_responder["bob"].turn_toward.value == 1.0
    assert bids.by_responder["alice"].turn_toward.value == 0.0
    assert bids.by_responder["alice"].against == 5
    month = bids.monthly[0]
    assert month.month == "2024-03"
    assert month.made == {"alice": 5, "bob": 5}
    assert month.by_responder["bob"].toward == 5
