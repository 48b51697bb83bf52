"""The rule layer: combinations of word classes, read from rules/<language>.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekindle.safety.compositional import RuleError, load_rules, read_rules, rule_signs

ROOT = Path(__file__).resolve().parents[2]

# Statements that the phrase files alone missed, each caught by one combination.
CAUGHT = [
    ("gonna hang myself in the garage once everyone's asleep", "crisis", "plan_or_means", ""),
    (
        "Pills are counted out on the table. I'm taking all of them tonight",
        "crisis",
        "plan_or_means",
        "",
    ),
    ("theres no point anymore im going to od on my meds tonite", "crisis", "plan_or_means", ""),
    ("I'm on the bridge railing right now. Don't call anyone", "crisis", "plan_or_means", ""),
    ("swear to god im offing myself, already got the rope up", "crisis", "plan_or_means", ""),
    ("he left me. what's the tallest bridge in the city?", "crisis", "means_question", ""),
    (
        "If she turns up at the house again I'm shooting her. Rifle's loaded and by the door",
        "crisis",
        "threat_to_others",
        "using",
    ),
    (
        "Wearing a scarf to work all week so nobody asks about my neck",
        "abuse",
        "injury_hiding",
        "experiencing",
    ),
    (
        "If you'd just done what I asked I wouldn't have had to slap you",
        "abuse",
        "blame_for_violence",
        "using",
    ),
    (
        "I had to lock myself in the bathroom again until he fell asleep",
        "abuse",
        "fear_of_partner",
        "experiencing",
    ),
]

# The same words in a game, a recipe, a denial, the past or someone else's plans.
QUIET = [
    "we're jumping off the pier into the lake tomorrow, bring towels",
    "i'll kill myself laughing at this lol",
    "can you pick up my pills from the pharmacy today",
    "I'm going to the bridge tonight for the fireworks",
    "i'm not going to take all my pills, don't worry, i just needed to vent",
    "my brother's going to shoot him a text tonight about the match",
    "wearing a scarf all week so nobody sees my bad hair day",
    "I hit him with a pillow in my sleep apparently",
    "You hit me with a blue shell on the last lap",
    "Writing a farewell letter to the old sofa because the new one finally arrives tomorrow",
]


@pytest.mark.parametrize(("text", "cue", "category", "voice"), CAUGHT)
def test_it_catches_a_sign_made_of_parts(text: str, cue: str, category: str, voice: str) -> None:
    signs = rule_signs(text)
    assert signs, text
    assert (signs[0].cue, signs[0].category, signs[0].abuse_voice) == (cue, category, voice)
    assert signs[0].evidence and signs[0].evidence in text


@pytest.mark.parametrize("text", QUIET)
def test_it_stays_quiet_on_the_same_words_in_ordinary_talk(text: str) -> None:
    assert rule_signs(text) == ()


def test_every_rule_is_tried_on_every_statement_that_could_fire_it() -> None:
    """The trigger words let in every text that a rule's first class matches."""
    rules = load_rules()
    sets = sorted((ROOT / "training" / "safety").glob("*.tsv")) + sorted(
        (ROOT / "eval" / "safety").glob("*.tsv")
    )
    assert sets
    missed = []
    for path in sets:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.split("\t")[-1]
            if rules.untriggered(text):
                missed.append((path.name, text))
    assert missed == []


def test_empty_and_hostile_text_is_quiet() -> None:
    assert rule_signs("") == ()
    assert rule_signs("\x00" * 1000 + "(((((" * 2000) == ()


def test_a_broken_rule_file_names_the_rule_and_the_problem() -> None:
    good = {
        "schema": "rekindle.safety-rules/1",
        "classes": {"a": ["rope"]},
        "triggers": {"a": ["rope"]},
        "rules": [{"cue": "crisis", "level": "crisis", "all": ["a"]}],
    }
    assert read_rules(good, "x.json").signs("the rope") != ()
    with pytest.raises(RuleError, match=r"x.json, rule 1: unknown class 'b'"):
        read_rules(
            {**good, "rules": [{"cue": "crisis", "level": "crisis", "all": ["b"]}]}, "x.json"
        )
    with pytest.raises(RuleError, match="needs 'level'"):
        read_rules({**good, "rules": [{"cue": "crisis", "all": ["a"]}]}, "x.json")
    with pytest.raises(RuleError, match="does not compile"):
        read_rules({**good, "classes": {"a": ["(rope"]}}, "x.json")
    with pytest.raises(RuleError, match="triggers"):
        read_rules({**good, "triggers": {}}, "x.json")
