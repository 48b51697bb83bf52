"""The safety screen as a caller meets it: levels, the abuse flag, categories and evidence."""

from __future__ import annotations

import json

import pytest

from rekindle.safety import LEVELS, Screening, screen, screen_signs
from rekindle.signals.safety_cues import find_signs
from rekindle.signals.text import Text


def phrases_only(text: str) -> Screening:
    """What the phrase files alone make of a text (their level rules are documented)."""
    return screen_signs(find_signs(Text(text), "en"))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i can't stop thinking about killing myself", "suicide"),
        ("I've felt suicidal since Christmas", "suicide"),
        ("tonight i'm going to end my life", "suicide"),
        ("i've been hoarding my sleeping pills for a month", "plan_or_means"),
        ("i googled how to hang myself", "plan_or_means"),
        ("i swallowed a whole bottle of paracetamol this morning", "recent_attempt"),
        ("i burned my wrists on purpose again", "self_harm"),
        ("i swear i'm going to hurt him when he walks in", "threat_to_others"),
    ],
)
def test_explicit_signs_are_a_crisis(text: str, category: str) -> None:
    found = screen(text)
    assert found.level == "crisis"
    assert category in found.categories
    # A threat to hurt someone is abuse too when the writer makes it: never in the other voice.
    assert not found.abuse or found.abuse_voice == "using"


@pytest.mark.parametrize(
    "text",
    [
        "honestly everyone would be better off without me",
        "i wish i could fall asleep and never wake up",
        "i feel completely hopeless these days",
        "i won't be a burden to anyone much longer",
        "i used to self harm when i was at school",
    ],
)
def test_veiled_signs_and_a_past_attempt_are_a_concern(text: str) -> None:
    """The phrase files read them as a concern; the learned layer may read more into them,
    never less."""
    assert phrases_only(text).level == "concern"
    assert screen(text).level in ("concern", "crisis")


def test_a_veiled_wish_not_to_be_here_with_hopelessness_is_a_crisis() -> None:
    found = screen("i'm such a burden, it would be easier for everyone if i was gone")
    assert found.level == "crisis"
    assert set(found.categories) == {"hopelessness", "suicide"}


def test_an_attempt_placed_in_the_past_is_not_a_crisis_now() -> None:
    assert screen("i tried to kill myself years ago").level == "concern"
    assert screen("i tried to kill myself on sunday").level == "crisis"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("he slapped me across the face again", "physical_violence"),
        ("my girlfriend put her hands round my throat", "physical_violence"),
        ("he said he would kill me if i ever left", "threats"),
        ("she won't let me drive or have my own keys", "coercive_control"),
        ("i'm terrified of what he'll do when he's drunk", "fear_of_partner"),
        ("he goes through my messages every night", "monitoring"),
        ("she doesn't let me see my family anymore", "isolation"),
        ("i said no and he kept going", "sexual_coercion"),
        ("he takes my whole salary and gives me pocket money", "financial_control"),
    ],
)
def test_signs_of_abuse_set_the_abuse_flag(text: str, category: str) -> None:
    found = screen(text)
    assert found.abuse
    assert category in found.categories
    assert phrases_only(text).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I could kill him for eating my fries",
        "this commute is killing me",
        "my boss said 'I'll kill you if you're late' lol",
        "I'm not going to hurt myself, don't worry",
        "i'm dying to see you tonight 😍",
        "if you spoil the finale i'll murder you 😂",
        'that song that goes "i just want to die" is stuck in my head',
        'in the film he says "i know where you live" and i screamed',
        "you keep killing me with that sniper in the game lol",
        "i cut my finger chopping onions, do we have plasters?",
        "i'm not scared of him, he's a big softie",
        "the landlord won't let us have a cat",
        "can you pick up milk on the way home?",
        "",
    ],
)
def test_everyday_talk_hyperbole_jokes_quotes_and_stories_do_not_alarm(text: str) -> None:
    found = screen(text)
    assert found == Screening()
    assert not found.flagged


def test_a_denial_in_the_same_clause_does_not_hide_a_sign_after_it() -> None:
    text = "i'm not suicidal, i just want to sleep and never wake up"
    assert phrases_only(text).level == "concern"
    assert screen(text).level in ("concern", "crisis")


def test_the_writers_own_words_in_quotes_still_count() -> None:
    assert screen('i told my sister "i want to die" and she laughed').level == "crisis"
    assert screen('my sister said "i want to die" about her exams').level == "none"


def test_a_partner_quoted_by_name_still_counts_as_abuse() -> None:
    assert screen("Tom says i'm not allowed to go out with my friends anymore").abuse


def test_evidence_is_the_text_as_written() -> None:
    text = "Honestly I want to DIE"
    found = screen(text)
    assert found.evidence == ("want to DIE",)
    assert all(phrase in text for phrase in found.evidence)


def test_to_dict_is_the_json_shape_of_the_screen_command() -> None:
    found = screen("he checks my phone and i want to die")
    record = found.to_dict()
    assert list(record) == ["level", "abuse", "categories", "evidence", "abuse_voice"]
    assert record["level"] in LEVELS
    assert record["abuse"] is True
    assert record["categories"] == ["monitoring", "suicide"]
    assert json.loads(json.dumps(record)) == record


def test_the_screen_is_deterministic() -> None:
    text = "she threatened to take the kids and i can't see a way out"
    assert screen(text) == screen(text)
