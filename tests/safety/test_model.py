"""The learned safety model: the shipped file, its verdicts, the cascade and odd input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rekindle.safety.model import (
    LEVELS,
    MAX_CHUNKS,
    VOICES,
    CheapStage,
    ModelVerdict,
    SafetyModel,
    SafetyModelError,
    _chunks,
    default_model,
)

TRAINING = Path(__file__).parents[2] / "training" / "safety"


@pytest.fixture(scope="module")
def model() -> SafetyModel:
    return default_model()


def read_training() -> list[tuple[str, str, str]]:
    """(level, abuse, text) of every line of the project's safety corpus."""
    rows = []
    for path in sorted(TRAINING.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 4 and parts[3].strip():
                rows.append((parts[0], parts[1], parts[3]))
    return rows


def test_the_shipped_model_loads_once(model: SafetyModel) -> None:
    assert default_model() is model
    assert model.level.classes == 3
    assert 0 < model.level_threshold < 1
    assert 0 < model.abuse_threshold < 1
    assert model.cheap.vocabulary[0] == ""


# Lines of the training corpus (training/safety/), explicit enough that the model must get
# them right.
CRISIS = [
    "i want to kill myself",
    "im going to kill myself tonight",
    "honestly i just want to be dead",
    "i keep thinking about ending my life and its getting louder",
]
ABUSE_EXPERIENCING = [
    "he pushed me into the wall last night over the dishes",
    "he grabbed me by the hair and dragged me to the bedroom",
    "he slapped me in front of the kids. first time in front of them",
]
ABUSE_USING = [
    "give me your password or we're done",
    "unlock your phone and hand it over, if you've got nothing to hide it shouldn't matter",
]
NEGATIVES = [
    "this commute is killing me, 50 mins and we havent moved",
    "did u take ur meds this morning? the box for tuesday still looks full",
    "my feet are murdering me after those heels",
    "dying to see you tonight babe",
]


@pytest.mark.parametrize("text", CRISIS)
def test_explicit_crisis_statements_are_a_crisis(model: SafetyModel, text: str) -> None:
    verdict = model.predict([text])[0]
    assert verdict.level in ("concern", "crisis")
    assert verdict.crisis_p >= model.level_threshold


@pytest.mark.parametrize("text", ABUSE_EXPERIENCING)
def test_abuse_met_is_abuse_experienced(model: SafetyModel, text: str) -> None:
    verdict = model.predict([text])[0]
    assert verdict.abuse_voice == "experiencing"
    assert verdict.abuse_any_p >= model.abuse_threshold


@pytest.mark.parametrize("text", ABUSE_USING)
def test_abuse_used_is_abuse_in_the_using_voice(model: SafetyModel, text: str) -> None:
    assert model.predict([text])[0].abuse_voice == "using"


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_and_hyperbolic_talk_is_nothing(model: SafetyModel, text: str) -> None:
    verdict = model.predict([text])[0]
    assert verdict == ModelVerdict(
        "none",
        verdict.level_p,
        "",
        verdict.abuse_p,
        verdict.crisis_p,
        verdict.abuse_any_p,
        verdict.using_p,
    )
    assert not verdict.flagged


def test_a_verdict_is_consistent(model: SafetyModel) -> None:
    for verdict in model.predict(CRISIS + ABUSE_EXPERIENCING + ABUSE_USING + NEGATIVES):
        assert verdict.level in LEVELS
        assert verdict.abuse_voice in ("", *VOICES)
        for p in (verdict.level_p, verdict.abuse_p, verdict.crisis_p, verdict.abuse_any_p):
            assert 0.0 <= p <= 1.0
        assert (verdict.level != "none") == (verdict.crisis_p >= model.level_threshold)
        assert bool(verdict.abuse_voice) == (verdict.abuse_any_p >= model.abuse_threshold)
        assert verdict.likelier_voice in VOICES


@pytest.mark.skipif(not TRAINING.is_dir(), reason="no training corpus")
def test_the_cheap_stage_never_drops_what_the_full_model_flags(model: SafetyModel) -> None:
    # Every crisis or abuse statement of the corpus that the cheap stage rules out must be
    # one the full model does not flag either (and there must be few of them).
    rows = read_training()
    positives = sorted({text for level, abuse, text in rows if level != "none" or abuse != "none"})
    assert len(positives) > 100
    kept = model.cheap.passes(positives)
    dropped = [text for text, keep in zip(positives, kept, strict=True) if not keep]
    assert len(dropped) <= 0.01 * len(positives)
    flagged = [t for t, v in zip(dropped, model.predict(dropped), strict=True) if v.flagged]
    assert not flagged


@pytest.mark.skipif(not TRAINING.is_dir(), reason="no training corpus")
def test_the_full_model_gets_most_of_its_training_data_right(model: SafetyModel) -> None:
    rows = read_training()
    picked = [rows[i] for i in np.random.default_rng(0).permutation(len(rows))[:150].tolist()]
    verdicts = model.predict([text for _, _, text in picked])
    pairs = list(zip(picked, verdicts, strict=True))
    crisis_right = [(level != "none") == (v.level != "none") for (level, _, _), v in pairs]
    abuse_right = [(abuse != "none") == bool(v.abuse_voice) for (_, abuse, _), v in pairs]
    assert np.mean(crisis_right) >= 0.9
    assert np.mean(abuse_right) >= 0.9


def test_the_cascade_agrees_with_the_full_model(model: SafetyModel) -> None:
    texts = CRISIS + ABUSE_EXPERIENCING + ABUSE_USING + NEGATIVES
    full = model.predict(texts)
    cascade = model.predict_many(texts)
    for text, one, other in zip(texts, full, cascade, strict=True):
        if other is not None:
            assert other.level == one.level and other.abuse_voice == one.abuse_voice, text
            assert abs(other.crisis_p - one.crisis_p) < 1e-5
    for text, verdict in zip(texts, cascade, strict=True):
        if text in CRISIS + ABUSE_EXPERIENCING + ABUSE_USING:
            assert verdict is not None and verdict.flagged, text


def test_ordinary_chat_mostly_never_reaches_the_encoder(model: SafetyModel) -> None:
    chat = [
        "can you grab milk and bread on the way back?",
        "running 10 minutes late",
        "love you",
        "did you pay the electricity bill?",
        "good night, sleep well",
        "haha that's brilliant",
        "what time is dinner tonight?",
        "I booked the table for Saturday at 7",
    ]
    assert model.predict_many(chat) == [None] * len(chat)


def test_predictions_are_deterministic(model: SafetyModel) -> None:
    texts = CRISIS + NEGATIVES
    assert model.predict(texts) == model.predict(texts)
    assert model.predict_many(texts) == model.predict_many(texts)
    assert np.array_equal(model.cheap.scores(texts), model.cheap.scores(list(texts)))


def test_a_text_is_scored_the_same_alone_or_in_a_batch(model: SafetyModel) -> None:
    texts = CRISIS + NEGATIVES
    together = model.cheap.scores(texts)
    alone = np.array([model.cheap.scores([t])[0] for t in texts])
    assert np.allclose(together, alone)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00", "\x00i want to kill myself\x00", "\ud800", "😂" * 1000, "\n\n\n"],
)
def test_odd_input_gives_a_verdict(model: SafetyModel, text: str) -> None:
    (verdict,) = model.predict([text])
    assert verdict.level in LEVELS
    assert len(model.predict_many([text])) == 1


def test_empty_texts_are_nothing(model: SafetyModel) -> None:
    assert model.predict(["", "  "]) == [model.predict([""])[0]] * 2
    assert not model.predict([""])[0].flagged
    assert model.predict([]) == []
    assert model.predict_many([]) == []


def test_a_sign_at_the_end_of_a_long_text_is_still_read(model: SafetyModel) -> None:
    filler = "we went to the market and bought apples and pears and then walked home. " * 40
    text = filler + "i want to kill myself"
    assert model.predict([text])[0].level != "none"
    verdict = model.predict_many([text])[0]
    assert verdict is not None and verdict.level != "none"


def test_a_huge_text_sends_at_most_a_bounded_number_of_chunks() -> None:
    chunks, owners = _chunks(["word " * 1_000_000])
    assert len(chunks) > MAX_CHUNKS
    assert set(owners.tolist()) == {0}


def test_a_huge_text_is_screened_in_bounded_time(model: SafetyModel) -> None:
    (verdict,) = model.predict_many(["la " * 200_000])
    assert verdict is None or verdict.level in LEVELS


def test_not_a_string_is_refused(model: SafetyModel) -> None:
    with pytest.raises(TypeError):
        model.predict([None])  # type: ignore[list-item]


def test_save_and_load_round_trip(model: SafetyModel, tmp_path: Path) -> None:
    path = tmp_path / "copy.npz"
    model.save(path)
    copy = SafetyModel.load(path)
    texts = CRISIS + NEGATIVES
    assert np.array_equal(copy.cheap.scores(texts), model.cheap.scores(texts))
    assert [v.level for v in copy.predict(texts)] == [v.level for v in model.predict(texts)]


def test_a_broken_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a zip file")
    with pytest.raises(SafetyModelError, match=r"broken\.npz"):
        SafetyModel.load(path)
    with pytest.raises(SafetyModelError, match="cannot open"):
        SafetyModel.load(tmp_path / "missing.npz")


def test_a_file_of_another_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.npz"
    np.savez(path, format=np.frombuffer(b"something/1", dtype=np.uint8))
    with pytest.raises(SafetyModelError, match=r"not a rekindle\.safety/1 file"):
        SafetyModel.load(path)


def test_the_cheap_stage_checks_its_arrays() -> None:
    with pytest.raises(ValueError, match="unknown word"):
        CheapStage(["a"], np.zeros(1), np.zeros(0, np.int64), np.zeros(0), 0.0, 0.0)
    with pytest.raises(ValueError, match="sorted"):
        CheapStage([""], np.zeros(1), np.array([3, 1]), np.zeros(2), 0.0, 0.0)
