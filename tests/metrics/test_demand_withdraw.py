"""Demand–withdraw, counted in each direction."""

from __future__ import annotations

from tests.metrics.chat import Chat, hours


def test_withdrawal_from_requests_is_counted_in_each_direction() -> None:
    chat = Chat()
    chat.say("alice", "I feel alone with the housework", ("gentle_startup", "feeling"))
    chat.say("bob", "did you book the car service?", ("logistics", "schedule"))  # subject change
    chat.say("alice", "you never help", "criticism", after=hours(1))
    chat.say("alice", "morning", after=hours(5))  # bob never answered: silence
    chat.say("alice", "can we talk tonight?", "serious_talk", after=hours(1))
    chat.say("bob", "fine.", "stonewalling_marker")  # shut-down
    chat.say("alice", "could we plan a date night?", ("gentle_startup", "request"), after=hours(1))
    chat.say("bob", "yes, I'd love that")  # engages
    chat.say("bob", "I need more time with you", ("gentle_startup", "need"), after=hours(1))
    chat.say("alice", "me too, let's do Friday")
    metrics = chat.metrics(min_events=4)
    alice_to_bob, bob_to_alice = metrics.demand_withdraw.directions
    assert (alice_to_bob.demander, alice_to_bob.withdrawer) == ("alice", "bob")
    assert alice_to_bob.demands == 4
    assert (alice_to_bob.silence, alice_to_bob.shutdown, alice_to_bob.subject_change) == (1, 1, 1)
    assert alice_to_bob.rate.value == 0.75
    assert (bob_to_alice.demands, bob_to_alice.withdrawals) == (1, 0)
    assert bob_to_alice.rate.value is None  # one request is not enough to say anything
    kinds = {example.outcome for example in metrics.demand_withdraw.examples}
    assert kinds == {"silence", "shutdown", "subject_change"}


def test_a_counter_attack_is_not_a_withdrawal() -> None:
    chat = Chat()
    chat.say("alice", "you never help", "criticism")
    chat.say("bob", "what about you?", "defensiveness")
    direction = chat.metrics().demand_withdraw.directions[0]
    assert (direction.demands, direction.withdrawals) == (1, 0)
