"""The plain questions Rekindle asks about safety, written for Rekindle. None of them is a
clinical screener, and no score is made from them.

- The re-checks end a pause: after a crisis, the three crisis questions; after text in which the
  writer uses abuse, the three cool-down questions. A pause ends only when every question of
  its re-check is answered and every answer is the reassuring one: one "I'm fine" is not
  enough.
- The safety questions are offered after sign-up (they can be skipped) and whenever the screen
  sees signs. The answers are the person's alone.
"""

from __future__ import annotations

from dataclasses import dataclass

YES, NO, NOT_SURE, RATHER_NOT_SAY = "yes", "no", "not_sure", "rather_not_say"
YES_NO_NOT_SURE = ((YES, "Yes"), (NO, "No"), (NOT_SURE, "I’m not sure"))


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    choices: tuple[tuple[str, str], ...]
    reassuring: frozenset[str] = frozenset()  # the answers that count as "all right"
    worrying: frozenset[str] = frozenset()  # the answers that call for resources and an offer


CRISIS_RECHECK = (
    Question("safe_now", "Are you safe right now?", YES_NO_NOT_SURE, frozenset({YES})),
    Question(
        "someone_to_talk_to",
        "Is there someone you could talk to today: a friend, someone in your family, or one of "
        "the help lines above?",
        YES_NO_NOT_SURE,
        frozenset({YES}),
    ),
    Question(
        "knows_how_to_reach_help",
        "If things get harder again, do you know how you would reach help?",
        YES_NO_NOT_SURE,
        frozenset({YES}),
    ),
)

USING_RECHECK = (
    Question(
        "everyone_safe",
        "Is everyone at home safe right now, you included?",
        YES_NO_NOT_SURE,
        frozenset({YES}),
    ),
    Question(
        "calmer_now",
        "Have you had time to step away and calm down?",
        YES_NO_NOT_SURE,
        frozenset({YES}),
    ),
    Question(
        "someone_outside",
        "Is there someone outside the relationship you could talk this through with: a friend, "
        "someone in your family, or one of the lines above?",
        YES_NO_NOT_SURE,
        frozenset({YES}),
    ),
)

SAFETY_QUESTIONS = (
    Question(
        "feel_safe",
        "Do you feel safe with your partner?",
        (
            ("yes", "Yes"),
            ("mostly", "Mostly"),
            ("no", "No"),
            (RATHER_NOT_SAY, "I’d rather not say"),
        ),
        worrying=frozenset({"no", "mostly"}),
    ),
    Question(
        "hurt_or_afraid",
        "Has your partner ever hurt you, threatened you, or made you afraid?",
        (("no", "No"), ("yes", "Yes"), (RATHER_NOT_SAY, "I’d rather not say")),
        worrying=frozenset({"yes"}),
    ),
    Question(
        "controlled",
        "Does your partner control things like your phone, your money, or who you see?",
        (
            ("no", "No"),
            ("sometimes", "Sometimes"),
            ("yes", "Yes"),
            (RATHER_NOT_SAY, "I’d rather not say"),
        ),
        worrying=frozenset({"sometimes", "yes"}),
    ),
    Question(
        "thoughts_of_harm",
        "Lately, have you had thoughts of hurting yourself, or of not wanting to be alive?",
        (("no", "No"), ("yes", "Yes"), (RATHER_NOT_SAY, "I’d rather not say")),
        worrying=frozenset({"yes"}),
    ),
)
ABUSE_QUESTIONS = frozenset({"feel_safe", "hurt_or_afraid", "controlled"})
CRISIS_QUESTIONS = frozenset({"thoughts_of_harm"})


def all_reassuring(questions: tuple[Question, ...], answers: dict[str, str]) -> bool:
    """Every question answered, and every answer the reassuring one."""
    return all(answers.get(q.id) in q.reassuring for q in questions)


def worrying(questions: tuple[Question, ...], answers: dict[str, str]) -> frozenset[str]:
    """The ids of the questions whose answer calls for help lines and an offer."""
    return frozenset(q.id for q in questions if answers.get(q.id) in q.worrying)
