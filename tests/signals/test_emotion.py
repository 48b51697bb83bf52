"""The emotion model: its shipped weights, its probabilities, its Ekman grouping, and what it
says about everyday messages."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from rekindle.signals.emotion import (
    EKMAN,
    EKMAN_LABELS,
    LABELS,
    MODEL_FILE,
    EmotionModel,
    EmotionModelError,
    default_model,
    tokens,
)
from rekindle.signals.emotion_cues import EmotionCues
from rekindle.signals.text import Text

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("REKINDLE_SHARED", ROOT.parent / "shared"))
GOEMOTIONS = SHARED / "datasets" / "goemotions"
SHIPPED = files("rekindle.signals").joinpath("models", MODEL_FILE)


@pytest.fixture(scope="module")
def model() -> EmotionModel:
    return default_model()


@pytest.fixture(scope="module")
def script() -> ModuleType:
    """scripts/train_emotion.py, imported as a module."""
    if "train_emotion" in sys.modules:
        return sys.modules["train_emotion"]
    spec = importlib.util.spec_from_file_location(
        "train_emotion", ROOT / "scripts" / "train_emotion.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_emotion"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_weights_load_without_pickle_and_stay_under_20_mb() -> None:
    with SHIPPED.open("rb") as stream:
        size = stream.seek(0, 2)
        stream.seek(0)
        with np.load(stream, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    assert size <= 20 * 1024 * 1024
    assert all(array.dtype != object for array in arrays.values())
    assert arrays["weights"].shape[1] == len(LABELS)


@pytest.mark.shared
@pytest.mark.skipif(not GOEMOTIONS.is_dir(), reason="GoEmotions not in ../shared")
def test_labels_and_groups_are_goemotions_own() -> None:
    labels = (GOEMOTIONS / "labels.txt").read_text(encoding="utf-8").split()
    groups = (GOEMOTIONS / "ekman_labels.txt").read_text(encoding="utf-8").split()
    assert list(LABELS) == labels
    assert list(EKMAN_LABELS) == groups


def test_every_label_belongs_to_exactly_one_ekman_group() -> None:
    members = Counter(label for group in EKMAN.values() for label in group)
    assert set(members) == set(LABELS)
    assert set(members.values()) == {1}
    assert tuple(EKMAN) == EKMAN_LABELS


def test_probabilities_cover_every_label_for_any_text(model: EmotionModel) -> None:
    texts = ["", "  \n\t", "ok", "❤️", "Ça va? Je t’aime 😘", "that's so sad " * 700, "a" * 5000]
    probabilities = model.predict_proba(texts)
    assert probabilities.shape == (len(texts), len(LABELS))
    assert np.isfinite(probabilities).all()
    assert ((probabilities >= 0) & (probabilities <= 1)).all()
    assert model.thresholds.shape == (len(LABELS),)
    for row in probabilities:
        assert model.top_labels(row)


def test_an_empty_batch_gives_an_empty_table(model: EmotionModel) -> None:
    assert model.predict_proba([]).shape == (0, len(LABELS))


def test_a_text_scores_the_same_alone_as_in_a_batch(model: EmotionModel) -> None:
    texts = ["I love you so much", "", "this is disgusting", "ok", "why would you do that?"]
    batch = model.predict_proba(texts)
    alone = np.vstack([model.predict_proba([t]) for t in texts])
    assert np.array_equal(batch, alone)
    assert np.array_equal(batch, model.predict_proba(list(texts)))


def test_each_ekman_group_takes_its_most_likely_member(model: EmotionModel) -> None:
    probabilities = model.predict_proba(["I'm scared about tomorrow", "this is disgusting", ""])
    groups = model.ekman_proba(probabilities)
    assert groups.shape == (3, len(EKMAN_LABELS))
    for g, group in enumerate(EKMAN_LABELS):
        members = [LABELS.index(label) for label in EKMAN[group]]
        assert np.array_equal(groups[:, g], probabilities[:, members].max(axis=1))


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("thank you so much, this means a lot", "gratitude"),
        ("I'm so sorry, that was my fault", "remorse"),
        ("I love you so much", "love"),
        ("this is disgusting", "disgust"),
        ("I'm so proud of you!", "pride"),
        ("I'm scared about the results tomorrow", "fear"),
        ("haha that's hilarious 😂", "amusement"),
        ("I hope it goes well tomorrow", "optimism"),
        ("I'm so excited for our trip!!", "excitement"),
        ("take care of yourself, get some rest", "caring"),
        ("can you pick up milk on the way home", "neutral"),
    ],
)
def test_everyday_messages_get_the_emotion_a_reader_would_name(
    model: EmotionModel, message: str, expected: str
) -> None:
    row = model.predict_proba([message])[0]
    assert model.top_labels(row)[0] == expected


@pytest.mark.parametrize(
    ("message", "group"),
    [
        ("this is disgusting", "disgust"),
        ("I'm scared about the results tomorrow", "fear"),
        ("I miss you so much, I feel so lonely", "sadness"),
        ("wow, I did not expect that at all!", "surprise"),
        ("I'm so happy today", "joy"),
    ],
)
def test_messages_fall_into_the_ekman_group_a_reader_would_name(
    model: EmotionModel, message: str, group: str
) -> None:
    groups = model.ekman_proba(model.predict_proba([message]))[0]
    assert EKMAN_LABELS[int(groups.argmax())] == group


def test_top_labels_are_the_likeliest_then_all_above_threshold(model: EmotionModel) -> None:
    for row in model.predict_proba(["I'm so proud of you!", "ok", "what do you mean by that?"]):
        top = model.top_labels(row)
        assert top[0] == LABELS[int(row.argmax())]
        above = {label for label, p, t in zip(LABELS, row, model.thresholds, strict=True) if p >= t}
        assert set(top) - {top[0]} <= above <= set(top)
        chances = [row[LABELS.index(label)] for label in top]
        assert chances == sorted(chances, reverse=True)


def test_case_curly_apostrophes_and_emoji_variants_read_the_same(model: EmotionModel) -> None:
    assert tokens("DON’T go ❤️") == tokens("don't go ❤")
    first, second = model.predict_proba(["I LOVE YOU ❤️", "i love you ❤"])
    assert np.array_equal(first, second)


def test_emoji_alone_carry_emotion(model: EmotionModel) -> None:
    heart, laughing = model.predict_proba(["❤️", "😂😂"])
    assert model.top_labels(heart)[0] == "love"
    assert model.top_labels(laughing)[0] == "amusement"


def test_a_saved_model_loads_back_and_scores_the_same(model: EmotionModel, tmp_path: Path) -> None:
    path = tmp_path / "small.npz"
    vocabulary = ["love", "sorry", "love you"]
    weights = np.zeros((3, len(LABELS)))
    weights[0, LABELS.index("love")] = 4.0
    weights[1, LABELS.index("remorse")] = 4.0
    small = EmotionModel(
        vocabulary, np.ones(3), weights, np.full(len(LABELS), -2.0), np.full(len(LABELS), 0.5)
    )
    small.save(path)
    again = EmotionModel.load(path)
    texts = ["love you", "so sorry", "nothing known here"]
    assert np.allclose(again.predict_proba(texts), small.predict_proba(texts), atol=1e-3)
    assert again.top_labels(again.predict_proba(["so sorry"])[0]) == ["remorse"]


def test_a_file_that_is_not_a_model_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(EmotionModelError, match=r"broken\.npz"):
        EmotionModel.load(path)
    other = tmp_path / "other.npz"
    np.savez(other, weights=np.zeros((2, 2)))
    with pytest.raises(EmotionModelError, match=r"other\.npz"):
        EmotionModel.load(other)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(SHIPPED.read_bytes()[:5000])
    with pytest.raises(EmotionModelError, match=r"truncated\.npz"):
        EmotionModel.load(truncated)
    with pytest.raises(EmotionModelError, match=r"missing\.npz"):
        EmotionModel.load(tmp_path / "missing.npz")


def test_the_detector_gives_a_cue_per_likely_emotion_and_none_for_logistics() -> None:
    detector = EmotionCues()
    thanks, errand = detector.detect_batch(
        [Text("thank you so much, this means a lot"), Text("can you pick up milk on the way home")]
    )
    assert thanks.cues[0].detail == "gratitude"
    assert thanks.emotions is not None and thanks.emotions.top[0] == "gratitude"
    assert errand.cues == ()
    assert errand.emotions is not None and errand.emotions.top[0] == "neutral"
    assert set(errand.emotions.ekman) == set(EKMAN_LABELS)


def test_the_training_script_reads_the_goemotions_format(
    script: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text(
        "Thanks, that helped a lot!\t15\taa1\nNo idea what you mean\t6,27\taa2\n",
        encoding="utf-8",
    )
    texts, labels = script.read_goemotions(path)
    assert texts == ["Thanks, that helped a lot!", "No idea what you mean"]
    assert labels.shape == (2, len(LABELS))
    assert [LABELS[j] for j in np.flatnonzero(labels[0])] == ["gratitude"]
    assert [LABELS[j] for j in np.flatnonzero(labels[1])] == ["confusion", "neutral"]


def test_thresholds_are_tuned_to_the_examples_and_every_text_keeps_a_label(
    script: ModuleType,
) -> None:
    truth = np.zeros((6, len(LABELS)), dtype=bool)
    truth[:3, 0] = True
    scores = np.full((6, len(LABELS)), 0.01)
    scores[:, 0] = [0.9, 0.7, 0.6, 0.4, 0.2, 0.1]
    thresholds = script.tune_thresholds(truth, scores)
    assert 0.4 < thresholds[0] <= 0.6
    predicted = script.decide(scores, thresholds)
    assert np.array_equal(predicted[:, 0], truth[:, 0] | (scores[:, 0] == scores.max(axis=1)))
    assert predicted.any(axis=1).all()


def test_the_training_script_names_the_line_it_cannot_read(
    script: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("fine\t27\tb1\nbroken\t28\tb2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        script.read_goemotions(path)


def test_the_batch_top_labels_are_the_one_by_one_top_labels(model: EmotionModel) -> None:
    texts = ["I miss you so much", "ugh, again?", "ok", "thank you, that was lovely", ""]
    rows = model.predict_proba(texts)
    rng = np.random.default_rng(7)
    random_rows = rng.random((200, rows.shape[1]))
    random_rows[:5] = 0.5  # ties everywhere: the order must still be the stable one
    for table in (rows, random_rows):
        assert model.top_labels_batch(table) == [model.top_labels(row) for row in table]
