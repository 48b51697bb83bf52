"""The numpy sentence encoder (all-MiniLM-L6-v2) against reference vectors and odd input."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rekindle.safety.embedding import (
    DIMENSIONS,
    MAX_TOKENS,
    EncoderError,
    SentenceEncoder,
    default_encoder,
    model_dir,
)

REFERENCE = Path(__file__).parent / "fixtures" / "minilm-reference.json"


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return default_encoder()


def test_matches_the_reference_implementation(encoder: SentenceEncoder) -> None:
    # Vectors from transformers' BertModel with mean pooling (the fixture says how they were
    # made); docs/safety-model.md records the full parity check.
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    vectors = encoder.encode(reference["sentences"])
    expected = np.array(reference["first_dimensions"])
    assert np.abs(vectors[:, : expected.shape[1]] - expected).max() < 1e-5


def test_vectors_are_unit_length_float32(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(["hello there", "i love you", "can you pick up milk"])
    assert vectors.shape == (3, DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_lands_near_what_it_paraphrases(encoder: SentenceEncoder) -> None:
    a, b, c = encoder.encode(
        ["I want to end my life", "i'm going to kill myself", "can you pass the salt please"]
    )
    assert float(a @ b) > 0.4
    assert float(a @ b) > float(a @ c) + 0.3


def test_a_vector_does_not_depend_on_its_batch(encoder: SentenceEncoder) -> None:
    texts = ["ok", "he took my keys and locked the door", "x " * 200, "see you at 6"]
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    together = encoder.encode(texts)
    assert np.abs(alone - together).max() < 1e-5
    assert np.array_equal(encoder.encode(texts), together)  # the same call, the same bits


def test_long_text_is_cut_at_128_tokens(encoder: SentenceEncoder) -> None:
    long = "word " * 1000
    assert len(encoder.token_ids([long])[0]) == MAX_TOKENS
    longer = long + "and a different ending entirely"
    first, second = encoder.encode([long, longer])
    assert np.allclose(first, second, atol=1e-6)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00\x01\x02", "\ud800 lone surrogate", "😂" * 50, "日本語", "a" * 100_000, "\n\t"],
)
def test_odd_input_gives_a_finite_vector(encoder: SentenceEncoder, text: str) -> None:
    vector = encoder.encode([text])[0]
    assert np.isfinite(vector).all()
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4


def test_no_texts_no_vectors(encoder: SentenceEncoder) -> None:
    assert encoder.encode([]).shape == (0, DIMENSIONS)


def test_not_a_string_is_refused(encoder: SentenceEncoder) -> None:
    with pytest.raises(TypeError):
        encoder.encode([b"bytes"])  # type: ignore[list-item]


def test_a_missing_model_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EncoderError, match="tokenizer"):
        SentenceEncoder(tmp_path)


def test_the_weights_come_from_the_installed_package() -> None:
    folder = model_dir()
    assert (folder / "model.safetensors").is_file()
    assert (folder / "tokenizer.json").is_file()
