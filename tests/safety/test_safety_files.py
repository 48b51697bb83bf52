"""The safety data files: every language's files load, keep the protocol's roles and
categories, and a broken file fails at start-up with a message naming the file and place."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from rekindle.signals.lexicon import LANGUAGES
from rekindle.signals.lexicon_files import LexiconError
from rekindle.signals.safety_cues import CATEGORIES, ROLES, load_safety, read_safety_folder

LEXICONS = Path(str(resources.files("rekindle.signals").joinpath("lexicons")))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_safety_files_for_every_role(language: str) -> None:
    safety = load_safety(language)
    assert set(safety.set.cues) == set(ROLES)
    for lexicon in safety.set.lexicons:
        role = ROLES[lexicon.cue]
        assert lexicon.description and lexicon.evidence and lexicon.limits
        assert {group.detail for group in lexicon.groups} <= set(CATEGORIES[role.cue])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_category_can_be_found(language: str) -> None:
    safety = load_safety(language)
    found = {
        (ROLES[lexicon.cue].cue, group.detail)
        for lexicon in safety.set.lexicons
        for group in lexicon.groups
    }
    wanted = {(cue, category) for cue, categories in CATEGORIES.items() for category in categories}
    assert found == wanted


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the English lexicon folder to break."""
    copy = tmp_path / "en"
    shutil.copytree(LEXICONS / "en", copy)
    return copy


def _edit(path: Path, change: dict[str, object]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_the_copied_folder_loads(folder: Path) -> None:
    assert read_safety_folder(folder, "en").set.cues == load_safety("en").set.cues


def test_an_unknown_category_is_named(folder: Path) -> None:
    path = folder / "safety" / "abuse.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["groups"][0]["detail"] = "rudeness"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"safety/abuse\.json: groups\[0\]\.detail 'rudeness'"):
        read_safety_folder(folder, "en")


def test_a_phrase_without_a_trigger_stem_is_refused(folder: Path) -> None:
    path = folder / "safety" / "crisis.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["groups"][0]["patterns"].append("i am very sad")
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="'i am very sad' can match without any trigger stem"):
        read_safety_folder(folder, "en")


def test_a_file_that_is_no_role_is_refused(folder: Path) -> None:
    shutil.copy(folder / "safety" / "abuse.json", folder / "safety" / "rudeness.json")
    _edit(folder / "safety" / "rudeness.json", {"cue": "rudeness"})
    with pytest.raises(LexiconError, match="'rudeness' is no safety role"):
        read_safety_folder(folder, "en")


def test_a_missing_context_file_is_named(folder: Path) -> None:
    (folder / "safety" / "context.json").unlink()
    with pytest.raises(LexiconError, match=r"missing context\.json"):
        read_safety_folder(folder, "en")


def test_a_broken_context_regex_is_named(folder: Path) -> None:
    _edit(folder / "safety" / "context.json", {"story": "(film"})
    with pytest.raises(LexiconError, match=r"context\.json: story:"):
        read_safety_folder(folder, "en")


def test_a_language_without_safety_files_is_refused() -> None:
    with pytest.raises(LexiconError, match="no safety lexicons for 'xx'"):
        load_safety("xx")
