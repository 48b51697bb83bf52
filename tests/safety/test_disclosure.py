"""The "AI, not a person" notice: when it is due (first use, every three hours of continuous
use, after seven days away) and which texts ask whether a person is there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rekindle.safety.disclosure import (
    BREAK,
    NOTICE,
    REASON_LINES,
    REASONS,
    asks_if_human,
    disclosure_due,
    use_began_after,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def continuous_use(until: timedelta, shown: datetime = START) -> str | None:
    """The reason due after using Rekindle without a break from ``START`` until ``until``
    later, a visit a minute, with the notice last shown at ``shown``."""
    began: datetime | None = None
    last_seen: datetime | None = None
    now = START
    while now < START + until:
        began = use_began_after(began, last_seen, now)
        last_seen = now
        now += MINUTE
    now = START + until
    return disclosure_due(START, last_seen, shown, now, use_began_after(began, last_seen, now))


def test_the_notice_is_due_at_first_use() -> None:
    assert disclosure_due(None, None, None, START) == "first_use"


def test_the_notice_is_due_when_it_was_never_shown_even_to_someone_seen_before() -> None:
    assert disclosure_due(START, START, None, START + MINUTE) == "first_use"


def test_the_notice_is_not_due_again_right_after_it_was_shown() -> None:
    assert disclosure_due(START, START, START, START + MINUTE) is None


def test_the_notice_is_not_due_after_2h59_of_continuous_use() -> None:
    assert continuous_use(timedelta(hours=2, minutes=59)) is None


def test_the_notice_is_due_after_3h01_of_continuous_use() -> None:
    assert continuous_use(timedelta(hours=3, minutes=1)) == "continuous_use"


def test_the_notice_is_due_at_exactly_three_hours() -> None:
    assert continuous_use(timedelta(hours=3)) == "continuous_use"


def test_three_hours_count_from_the_start_of_the_current_stretch_of_use() -> None:
    # Shown at 9:00, used until 9:30, away for two hours, back from 11:30 to 14:29.
    after_the_break = START + timedelta(hours=2, minutes=30)
    began = use_began_after(START, START + timedelta(minutes=30), after_the_break)
    assert began == after_the_break

    almost = after_the_break + timedelta(hours=2, minutes=59)
    assert disclosure_due(START, almost - MINUTE, START, almost, began) is None
    three_hours = after_the_break + timedelta(hours=3, minutes=1)
    assert disclosure_due(START, three_hours - MINUTE, START, three_hours, began) == (
        "continuous_use"
    )


def test_coming_back_after_a_break_is_a_new_stretch_not_continuous_use() -> None:
    # Shown at 9:00 and last here at 9:10; back at 13:00, more than three hours after.
    back = START + timedelta(hours=4)
    assert disclosure_due(START, START + timedelta(minutes=10), START, back) is None


def test_a_gap_shorter_than_a_break_keeps_use_continuous() -> None:
    last_seen = START + timedelta(hours=1)
    assert use_began_after(START, last_seen, last_seen + BREAK - MINUTE) == START
    assert use_began_after(START, last_seen, last_seen + BREAK) == last_seen + BREAK


@pytest.mark.parametrize(
    ("away", "due"),
    [
        (timedelta(days=6), None),
        (timedelta(days=6, hours=23, minutes=59), None),
        (timedelta(days=7), "returning"),
        (timedelta(days=8), "returning"),
        (timedelta(days=400), "returning"),
    ],
)
def test_the_notice_is_due_after_seven_days_away(away: timedelta, due: str | None) -> None:
    last_seen = START + timedelta(hours=1)
    assert disclosure_due(START, last_seen, START, last_seen + away) == due


def test_first_use_comes_before_the_other_reasons() -> None:
    assert disclosure_due(START, START, None, START + timedelta(days=30)) == "first_use"


def test_every_reason_has_its_line_and_the_notice_says_what_rekindle_is() -> None:
    assert set(REASONS) == {"first_use", "continuous_use", "returning", "asked"}
    assert set(REASON_LINES) == set(REASONS)
    assert "AI" in NOTICE
    assert "not a person" in NOTICE
    assert "not a therapist" in NOTICE


QUESTIONS = [
    "are you a real person?",
    "Are you a real person",
    "am I talking to a bot",
    "Am I talking to a bot?",
    "is this a human",
    "Is this a human?",
    "are you human",
    "r u a bot",
    "r u real?",
    "Are you even real",
    "are u a person",
    "Are you an AI?",
    "are you a robot",
    "are you a therapist?",
    "who am I talking to",
    "Who am I actually talking to?",
    "am i chatting with an ai",
    "am I talking to a real human being",
    "you're not a real person, are you?",
    "You\u2019re a bot right",
    "is this AI",
    "is it a person or a bot?",
    "is anyone actually reading this",
    "is there a real person on the other end?",
    "hello? is anybody there?",
    "does anyone read this",
    "can I talk to a real person",
    "are these replies automated",
    "is this automated",
    "Is this written by a person?",
    "sorry if this is weird but are you a real person or not",
    "ARE YOU A BOT",
    "are you\na real person?",
]

NOT_QUESTIONS = [
    "my partner is a real person",
    "I am human",
    "he acts like a robot",
    "I feel like a robot at work",
    "the robot vacuum is broken again",
    "are you okay",
    "are you for real?",
    "are you really sure",
    "are you coming home",
    "is this a good time",
    "is that a problem",
    "am I talking too much",
    "is it a human thing to want this",
    "You are a good person",
    "is it a girl or a boy",
    "he said are you kidding",
    "I'm talking to a therapist next week",
    "is anyone answering the door",
    "are the automated lights on",
    "Are you people crazy",
    "I wish I could talk to a real person",
    "is it the computer or the router",
    "is anyone there for me when I need them",
    "",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_whether_a_person_is_there_is_recognised(text: str) -> None:
    assert asks_if_human(text)


@pytest.mark.parametrize("text", NOT_QUESTIONS)
def test_talk_about_other_things_is_not_such_a_question(text: str) -> None:
    assert not asks_if_human(text)
