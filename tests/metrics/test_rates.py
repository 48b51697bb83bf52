"""Per-message and per-word rates: Horsemen and antidotes, we/you-talk, style matching,
transactional share, affection, and the emotional-labour table."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rekindle.metrics.lsm import style_match
from tests.metrics.chat import Chat, hours


def test_horsemen_are_counted_per_100_messages_with_the_harshest_examples_first() -> None:
    chat = Chat()
    for i in range(18):
        chat.say("alice", f"ordinary message {i}", after=hours(1))
    chat.say("alice", "you never listen", "criticism", compound=-0.3)
    chat.say("alice", "you always forget everything", "criticism", compound=-0.6)
    for i in range(20):
        chat.say("bob", f"thanks for {i}", "gratitude", after=hours(1))
    horsemen = chat.metrics().horsemen
    criticism = horsemen.horsemen.by_partner["alice"]["criticism"]
    assert (criticism.count, criticism.n, criticism.value, criticism.per) == (2, 20, 10.0, 100)
    assert horsemen.horsemen.by_partner["bob"]["criticism"].value == 0.0
    assert horsemen.antidotes.by_partner["bob"]["appreciation"].value == 100.0
    examples = horsemen.horsemen.examples["alice"]["criticism"]
    assert [e.text for e in examples] == ["you always forget everything", "you never listen"]
    assert examples[0].evidence == "you always forget everything"


def test_we_and_you_talk_are_rates_per_100_words() -> None:
    chat = Chat()
    chat.say("alice", "a long message", words=100, counts={"we": 6, "you": 2, "i": 4})
    chat.say("alice", "another long one", words=100, counts={"we": 4, "you": 2})
    chat.say("bob", "a reply", words=150, counts={"you": 9, "i": 3})
    pronouns = chat.metrics().pronouns
    alice, bob = pronouns.by_partner["alice"], pronouns.by_partner["bob"]
    assert (alice.words, alice.we.value, alice.you.value, alice.i.value) == (200, 5.0, 2.0, 2.0)
    assert (bob.we.value, bob.you.value, bob.i.value) == (0.0, 6.0, 2.0)
    assert pronouns.monthly[0].by_partner["alice"].we.value == 5.0


def test_pronoun_rates_within_conflict_use_only_episode_messages() -> None:
    chat = Chat()
    chat.say("alice", "calm chat", words=300, counts={"we": 30})
    chat.say("alice", "you never help", "criticism", words=60, counts={"you": 6}, after=hours(5))
    chat.say("bob", "you always nag", "criticism", words=120, counts={"you": 12, "we": 0})
    chat.say("alice", "we should talk", "gentle_startup", words=60, counts={"we": 3})
    chat.say("alice", "you are impossible", "contempt", words=60, counts={"you": 3})
    in_conflict = chat.metrics(min_words=100).pronouns.in_conflict_by_partner
    assert in_conflict["alice"].words == 180
    assert in_conflict["alice"].you.value == 5.0
    assert in_conflict["alice"].we.value == pytest.approx(100 * 3 / 180)
    assert in_conflict["bob"].you.value == 10.0


def test_style_matching_is_one_for_identical_use_of_function_words() -> None:
    chat = Chat()
    same = {"personal_pronouns": 12, "articles": 7, "prepositions": 9, "negations": 2}
    chat.say("alice", "text", words=120, counts=same)
    chat.say("bob", "text", words=120, counts=same)
    lsm = chat.metrics().lsm
    assert lsm.pair == ("alice", "bob")
    assert lsm.overall.score == 1.0
    assert lsm.overall.words == {"alice": 120, "bob": 120}


def test_style_matching_follows_the_published_formula() -> None:
    # personal pronouns 10/100 vs 10/200, articles 5/100 vs 20/200, every other category 0:
    # two categories at 1 - 0.05 / 0.1501 and seven at 1.
    score, by_category = style_match(
        (100, 200),
        ({"personal_pronouns": 10, "articles": 5}, {"personal_pronouns": 10, "articles": 20}),
        minimum=100,
    )
    assert by_category["personal_pronouns"] == pytest.approx(0.6668887408)
    assert by_category["quantifiers"] == 1.0
    assert score == pytest.approx(0.9259752757)


def test_style_matching_needs_enough_words_from_both_each_month() -> None:
    chat = Chat(start=datetime(2024, 1, 10, 9))
    chat.say("alice", "text", words=150, counts={"articles": 10})
    chat.say("bob", "text", words=150, counts={"articles": 12})
    chat.say("alice", "text", words=150, counts={"articles": 10}, at=datetime(2024, 2, 10, 9))
    chat.say("bob", "text", words=20, counts={"articles": 2})
    lsm = chat.metrics().lsm
    january, february = lsm.monthly
    assert january.month == "2024-01" and january.match.score is not None
    assert february.match.score is None
    assert february.match.words == {"alice": 150, "bob": 20}


def test_transactional_share_counts_logistics_with_nothing_personal() -> None:
    chat = Chat()
    chat.say("alice", "on my way", ("logistics", "travel"))
    chat.say("bob", "can you grab milk", ("logistics", "shopping"))
    chat.say("alice", "dentist at 3", ("logistics", "schedule"))
    chat.say("bob", "bins go out tonight", ("logistics", "chores"))
    chat.say("alice", "home at 6, love you", ("logistics", "travel"), "affection")
    for i in range(5):
        chat.say("bob" if i % 2 else "alice", f"chat {i}")
    transactional = chat.metrics(min_messages=10).transactional
    assert transactional.overall.value == 0.4
    assert transactional.topics == {"chores": 1, "schedule": 1, "shopping": 1, "travel": 1}
    assert transactional.by_partner["alice"].count == 2
    assert transactional.by_partner["alice"].value is None  # 5 messages: below the minimum


def test_affection_and_appreciation_are_rates_per_100_messages() -> None:
    chat = Chat()
    for i in range(20):
        chat.say("alice", "love you" if i < 5 else "hey", *(["affection"] if i < 5 else []))
        chat.say("bob", "thank you" if i < 2 else "hi", *(["gratitude"] if i < 2 else []))
    rates = chat.metrics().affection.rates
    assert rates.by_partner["alice"]["affection"].value == 25.0
    assert rates.by_partner["bob"]["appreciation"].value == 10.0
    assert rates.by_partner["bob"]["affection"].value == 0.0
    assert len(rates.examples["alice"]["affection"]) == 3


def test_the_emotional_labour_table_counts_care_per_person_per_week() -> None:
    chat = Chat(start=datetime(2024, 3, 4, 9))  # Monday
    chat.say("alice", "how are you feeling today?", "check_in")
    chat.say("bob", "that sounds so hard, I'm here", "comfort", at=datetime(2024, 3, 6, 9))
    chat.say("bob", "sorry I'm late", "apology")  # no tension before: not counted
    chat.say("alice", "happy birthday!", "remembering_dates", at=datetime(2024, 3, 12, 9))
    chat.say("alice", "you never listen", "criticism")
    chat.say("bob", "I'm sorry, I was wrong", "apology")
    chat.say("bob", "can we talk tonight?", "serious_talk", at=datetime(2024, 3, 26, 9))
    labour = chat.metrics(min_events=1).labour
    assert [w.week for w in labour.weeks] == [
        date(2024, 3, 4),
        date(2024, 3, 11),
        date(2024, 3, 18),
        date(2024, 3, 25),
    ]
    first, second, empty, last = labour.weeks
    assert first.counts["alice"]["check_in"] == 1
    assert first.counts["bob"] == {
        "check_in": 0,
        "serious_talk": 0,
        "comfort": 1,
        "remembering_dates": 0,
        "apology": 0,
    }
    assert second.counts["alice"]["remembering_dates"] == 1
    assert second.counts["bob"]["apology"] == 1
    assert sum(sum(c.values()) for c in empty.counts.values()) == 0
    assert last.counts["bob"]["serious_talk"] == 1
    assert labour.totals["bob"]["apology"] == 1
    assert labour.shares["check_in"]["alice"].value == 1.0
    assert labour.n == 5
