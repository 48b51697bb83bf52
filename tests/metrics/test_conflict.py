"""Conflict episodes, the ratio within them, repair attempts and silence after conflict."""

from __future__ import annotations

from datetime import datetime

from tests.metrics.chat import Chat, hours, minutes


def two_fights_and_a_sharp_word() -> Chat:
    chat = Chat()
    chat.say("alice", "morning!")
    chat.say("alice", "you never listen to me", "criticism", after=hours(1))  # 10:00
    chat.say("bob", "what do you mean")  # 10:01, neutral but inside the episode
    chat.say("bob", "it's not my fault", "defensiveness", after=minutes(20))  # 10:21
    chat.say("alice", "oh please 🙄", "contempt", after=minutes(50))  # 11:11
    chat.say("bob", "anyway, dinner at 7?", ("logistics", "schedule"), after=minutes(5))
    chat.say("alice", "what is wrong with you", "criticism", after=hours(3))  # 14:16
    chat.say("bob", "yes, but you started it", "defensiveness", after=minutes(2))
    chat.say("alice", "you always do this", "criticism", after=hours(24))  # alone: no episode
    chat.say("bob", "ok", after=hours(5))
    return chat


def test_tense_messages_close_in_time_form_one_episode() -> None:
    conflict = two_fights_and_a_sharp_word().metrics().conflict
    assert conflict.n == 2
    assert conflict.tension_messages == 6
    assert conflict.started_by == {"alice": 2, "bob": 0}
    assert conflict.tension_by_partner == {"alice": 3, "bob": 2}
    first = max(conflict.examples, key=lambda e: e.tension_messages)
    assert first.start == datetime(2024, 3, 4, 10, 0)
    assert first.end == datetime(2024, 3, 4, 11, 11)
    assert first.messages == 4  # from the first tense message to the last, both included
    assert first.opening.text == "you never listen to me"
    assert conflict.messages_in_conflict == 6
    assert conflict.minutes_in_conflict == 71 + 2
    assert conflict.monthly[0].total == 2


def test_a_heated_message_to_the_partner_is_tense_without_a_horseman_cue() -> None:
    chat = Chat()
    chat.say("alice", "you ruined it", compound=-0.7, counts={"you": 1})
    chat.say("bob", "you are being unfair", compound=-0.6, counts={"you": 1})
    chat.say("alice", "this traffic is awful", compound=-0.7)
    chat.say("bob", "ugh, terrible day", compound=-0.8, after=hours(3))
    conflict = chat.metrics().conflict
    assert conflict.n == 1
    assert conflict.tension_messages == 2


def test_a_curt_reply_extends_a_conflict_but_never_starts_one() -> None:
    chat = Chat()
    chat.say("alice", "fine.", "stonewalling_marker")
    chat.say("bob", "k", "stonewalling_marker")
    chat.say("alice", "you never help", "criticism", after=hours(3))
    chat.say("bob", "whatever", "stonewalling_marker")
    metrics = chat.metrics()
    assert metrics.conflict.n == 1
    assert metrics.conflict.tension_by_partner == {"alice": 1, "bob": 1}
    assert metrics.stonewalling.by_partner["bob"].shutdowns == 1
    assert metrics.stonewalling.by_partner["alice"].shutdowns == 0


def test_the_ratio_within_conflict_counts_only_episode_messages() -> None:
    chat = Chat()
    for _ in range(3):
        chat.say("alice", "love you", "affection", after=hours(5))
        chat.say("bob", "thanks!", "gratitude")
    chat.say("alice", "you never call", "criticism", after=hours(5))
    chat.say("bob", "I hear you, that's fair", "positive")
    chat.say("bob", "it's not like you call either", "defensiveness")
    chat.say("alice", "you're so dramatic", "contempt")
    metrics = chat.metrics(min_messages=4)
    ratio = metrics.ratio
    assert (ratio.in_conflict.positive, ratio.in_conflict.negative) == (1, 3)
    assert ratio.in_conflict.n == 4
    assert ratio.in_conflict.ratio == round(1 / 3, 3)
    assert ratio.in_conflict_by_partner["bob"].positive == 1
    assert ratio.in_conflict_by_partner["bob"].negative == 1
    assert (ratio.overall.positive, ratio.overall.negative) == (7, 3)
    assert ratio.overall.ratio == round(7 / 3, 3)


def fight_then(*replies: tuple[str, str, tuple[str, ...]]) -> Chat:
    chat = Chat()
    chat.say("alice", "you never help with anything", "criticism")
    chat.say("bob", "I do plenty, you just don't notice", "defensiveness")
    chat.say("alice", "you're unbelievable", "contempt")
    chat.say("bob", "sorry, you're right, I should have helped", "repair_attempt", "apology")
    for sender, text, cues in replies:
        chat.say(sender, text, *cues)
    return chat


def test_a_repair_is_accepted_when_negativity_falls_after_it() -> None:
    chat = fight_then(
        ("alice", "thank you for saying that", ("gratitude",)),
        ("bob", "let's do the dishes together", ()),
        ("alice", "ok", ()),
        ("bob", "love you", ("affection",)),
    )
    repair = chat.metrics(min_events=1).repair
    assert repair.by_partner["bob"].attempts == 1
    assert repair.by_partner["bob"].accepted == 1
    assert repair.by_partner["bob"].acceptance.value == 1.0
    assert repair.examples["accepted"][0].evidence == "sorry, you're right, I should have helped"


def test_a_repair_is_not_accepted_when_negativity_stays() -> None:
    chat = fight_then(
        ("alice", "sorry doesn't fix it, you're useless", ("contempt",)),
        ("alice", "you always do this", ("criticism",)),
        ("bob", "fine", ("stonewalling_marker",)),
        ("alice", "typical", ("contempt",)),
    )
    repair = chat.metrics(min_events=1).repair
    assert (repair.overall.attempts, repair.overall.accepted, repair.overall.not_accepted) == (
        1,
        0,
        1,
    )
    assert repair.overall.acceptance.value == 0.0
    assert repair.examples["not_accepted"][0].sender == "bob"


def test_a_repair_nobody_answers_in_time_is_undetermined() -> None:
    chat = fight_then()
    chat.say("alice", "morning", after=hours(20))
    repair = chat.metrics().repair
    assert repair.overall.attempts == 1
    assert repair.overall.undetermined == 1
    assert repair.overall.acceptance.n == 0


def test_an_apology_outside_conflict_is_not_a_repair_attempt() -> None:
    chat = Chat()
    chat.say("alice", "sorry I'm late, traffic", "apology", "repair_attempt")
    chat.say("bob", "no worries")
    assert chat.metrics().repair.n == 0


def test_silence_after_a_conflict_counts_as_stonewalling_for_the_one_who_went_quiet() -> None:
    chat = Chat()
    for day in range(3):
        start = datetime(2024, 3, 4 + day * 2, 20, 0)
        chat.say("alice", "you never listen", "criticism", at=start)
        chat.say("alice", "what is wrong with you", "criticism")
        chat.say("alice", "hello??", after=hours(1))
        chat.say("bob", "sorry, I was upset", after=hours(5))
    chat.say("alice", "you always ignore me", "criticism", after=hours(20))
    chat.say("alice", "as usual 🙄", "contempt")
    chat.say("bob", "I'm here, I'm listening", after=minutes(10))
    chat.say("alice", "thanks", after=minutes(2))
    chat.say("bob", "you are right to be upset", "taking_responsibility")
    stonewalling = chat.metrics(min_events=4).stonewalling
    bob = stonewalling.by_partner["bob"]
    assert (bob.opportunities, bob.silences, bob.undetermined) == (4, 3, 0)
    assert bob.rate.value == 0.75
    assert stonewalling.by_partner["alice"].opportunities == 0
    longest = stonewalling.examples[0]
    assert longest.partner == "bob"
    assert longest.wrote_again
    assert longest.hours >= 5
    assert longest.after.text == "what is wrong with you"


def test_a_silence_cut_short_by_the_end_of_the_export_is_undetermined() -> None:
    chat = Chat()
    chat.say("alice", "you never listen", "criticism")
    chat.say("alice", "what is wrong with you", "criticism")
    chat.say("alice", "hello?", after=hours(1))
    bob = chat.metrics().stonewalling.by_partner["bob"]
    assert (bob.opportunities, bob.silences, bob.undetermined) == (1, 0, 1)
