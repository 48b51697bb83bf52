"""The learned layer of the safety screen: a classifier over sentence embeddings.

Phrase lists miss what is put in words they do not hold ("I found the rope in the garage and
kept it"). This model reads a text's all-MiniLM-L6-v2 embedding
(:mod:`rekindle.safety.embedding`), where a paraphrase lands near what it paraphrases, and
gives two answers:

- the **level**: ``none``, ``concern`` or ``crisis`` (the same scale as the phrase files);
- **abuse**, and its voice: ``experiencing`` (it happens to the writer) or ``using`` (the
  writer does it).

The encoder costs milliseconds per text, and a chat export holds hundreds of thousands of
messages, so :meth:`SafetyModel.predict_many` runs a **cascade**. A cheap first stage (a
logistic regression over the text's words and word pairs, a few microseconds a message) scores
every message, and only those it cannot rule out reach the encoder. Its threshold is set so
that it keeps at least 99% of the crisis and abuse statements it was trained on, and every one
of them that the full model flags.

``scripts/train_safety.py`` fits both stages on the project's corpus (``training/safety/``)
and writes ``models/safety-en.npz`` (read here without pickle) and ``safety-en.json`` (the
settings and cross-validated scores, for people). docs/safety-model.md has the figures.

A text longer than :data:`CHUNK_WORDS` words (a chat message almost never is) is read
sentence by sentence and in pairs of neighbouring sentences, and the text's verdict is that of
its most worrying chunk; at most :data:`MAX_CHUNKS` chunks per text reach the encoder, those the
cheap stage scores highest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise, repeat
from pathlib import Path
from typing import IO, Any
from zipfile import BadZipFile

import numpy as np
from numpy.typing import NDArray

from rekindle.errors import RekindleError
from rekindle.safety.embedding import DIMENSIONS, SentenceEncoder, default_encoder

FORMAT = "rekindle.safety/1"
MODEL_FILE = "safety-en.npz"
LEVELS = ("none", "concern", "crisis")
VOICES = ("experiencing", "using")
CHUNK_WORDS = 64  # about 90 tokens, within the encoder's 128
MAX_CHUNKS = 64  # per text, sent to the encoder

# A word: letters or digits, with inner apostrophes ("don't"). The separator between texts
# in a batch is a token of its own.
_SEPARATOR = "\x00"
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*|\x00")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")

Floats = NDArray[np.float64]


class SafetyModelError(RekindleError):
    """The safety model's weight file is missing or malformed."""


@dataclass(frozen=True)
class ModelVerdict:
    """What the model makes of one text.

    ``level`` is ``none``, ``concern`` or ``crisis`` and ``level_p`` its probability;
    ``crisis_p`` is the probability of any sign of a crisis (``concern`` or ``crisis``).
    ``abuse_voice`` is ``""`` when the model sees no abuse, else ``experiencing`` or
    ``using``; ``abuse_p`` is the probability of that answer and ``abuse_any_p`` that of any
    sign of abuse. ``using_p`` is the probability that the writer is the one using abuse,
    were the text about abuse.
    """

    level: str
    level_p: float
    abuse_voice: str
    abuse_p: float
    crisis_p: float
    abuse_any_p: float
    using_p: float = 0.0

    @property
    def flagged(self) -> bool:
        """Whether the model sees a sign of a crisis or of abuse."""
        return self.level != "none" or bool(self.abuse_voice)

    @property
    def likelier_voice(self) -> str:
        """The likelier voice were the text about abuse (for a sign another layer found)."""
        return "using" if self.using_p > 0.5 else "experiencing"


NOTHING = ModelVerdict("none", 1.0, "", 1.0, 0.0, 0.0, 0.0)


class CheapStage:
    """The first stage: a logistic regression over words and neighbouring word pairs.

    ``vocabulary`` lists the known words (index 0 stands for any other word); ``pairs``
    holds the known word pairs as sorted keys ``first * len(vocabulary) + second`` over word
    indices. Each word or pair in a text adds its weight divided by the square root of the
    text's word count.
    """

    def __init__(
        self,
        vocabulary: Sequence[str],
        word_weights: NDArray[np.floating[Any]],
        pairs: NDArray[np.integer[Any]],
        pair_weights: NDArray[np.floating[Any]],
        bias: float,
        threshold: float,
    ) -> None:
        if not vocabulary or vocabulary[0] != "":
            raise ValueError("the vocabulary must start with '' (any unknown word)")
        self.vocabulary = tuple(vocabulary)
        self.word_weights = np.asarray(word_weights, dtype=np.float64)
        self.pairs = np.asarray(pairs, dtype=np.int64)
        self.pair_weights = np.asarray(pair_weights, dtype=np.float64)
        self.bias = float(bias)
        self.threshold = float(threshold)
        if self.word_weights.shape != (len(vocabulary),):
            raise ValueError(f"{len(vocabulary)} words but {self.word_weights.shape} weights")
        if self.pair_weights.shape != self.pairs.shape or self.pairs.ndim != 1:
            raise ValueError("pairs and pair_weights must be 1-d and the same length")
        if len(self.pairs) and (np.diff(self.pairs) <= 0).any():
            raise ValueError("pairs must be sorted and distinct")
        self._index = {word: i for i, word in enumerate(self.vocabulary)}
        self._index[_SEPARATOR] = -1

    def features(
        self, texts: Sequence[str]
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
        """The known terms of ``texts`` as ``(row, column, count_per_row, scale_per_row)``.

        Columns ``0..len(vocabulary)-1`` are words (0: any unknown word), the rest are the
        known pairs in ``pairs`` order. Used by training and by :meth:`scores` alike.
        """
        joined = _SEPARATOR.join(t.replace(_SEPARATOR, " ") for t in texts)
        tokens = _WORD.findall(joined.lower().replace("’", "'"))
        ids = np.fromiter(map(self._index.get, tokens, repeat(0)), dtype=np.intp, count=len(tokens))
        is_word = ids >= 0
        row_of = np.cumsum(~is_word)  # separators before each token = the text it is in
        word_rows = row_of[is_word]
        words = ids[is_word]
        counts = np.bincount(word_rows, minlength=len(texts))
        scale = 1.0 / np.sqrt(np.maximum(counts, 1))
        # Neighbouring words of the same text.
        same = (word_rows[1:] == word_rows[:-1]) if len(words) > 1 else np.zeros(0, bool)
        keys = words[:-1][same].astype(np.int64) * len(self.vocabulary) + words[1:][same]
        pair_rows = word_rows[1:][same]
        found = np.searchsorted(self.pairs, keys)
        found[found >= len(self.pairs)] = 0
        known = self.pairs[found] == keys if len(self.pairs) else np.zeros(len(keys), bool)
        rows = np.concatenate([word_rows, pair_rows[known]])
        columns = np.concatenate([words, found[known] + len(self.vocabulary)])
        return rows, columns, counts, scale

    def scores(self, texts: Sequence[str]) -> Floats:
        """The first stage's log-odds that each text shows a sign (higher: less ruled out)."""
        if not texts:
            return np.zeros(0)
        rows, columns, _, scale = self.features(texts)
        weights = np.concatenate([self.word_weights, self.pair_weights])
        summed = np.bincount(rows, weights=weights[columns], minlength=len(texts))
        result: Floats = self.bias + summed * scale
        return result

    def passes(self, texts: Sequence[str]) -> NDArray[np.bool_]:
        """Which texts the first stage cannot rule out."""
        return self.scores(texts) >= self.threshold


@dataclass(frozen=True)
class Head:
    """A small network on the embedding: hidden layers (ReLU), then a softmax.

    ``layers`` are ``(weight, bias)`` pairs, weight shaped ``(inputs, outputs)``; the last
    layer's outputs are the classes' log-odds.
    """

    layers: tuple[tuple[NDArray[np.float32], NDArray[np.float32]], ...]

    def proba(self, x: NDArray[np.floating[Any]]) -> Floats:
        h = np.asarray(x, dtype=np.float32)
        for i, (weight, bias) in enumerate(self.layers):
            h = h @ weight + bias
            if i < len(self.layers) - 1:
                np.maximum(h, 0, out=h)
        logits = h.astype(np.float64)
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        result: Floats = logits / logits.sum(axis=1, keepdims=True)
        return result

    @property
    def classes(self) -> int:
        return int(self.layers[-1][1].shape[0])


class SafetyModel:
    """The cheap first stage and the three heads over the sentence embedding.

    ``level`` gives P(none, concern, crisis); ``abuse`` gives P(no abuse, abuse); ``voice``
    gives P(experiencing, using) given abuse. A text shows a sign of a crisis when
    P(concern) + P(crisis) reaches ``level_threshold`` (then the likelier of the two is its
    level), and of abuse when P(abuse) reaches ``abuse_threshold``.
    """

    def __init__(
        self,
        cheap: CheapStage,
        level: Head,
        abuse: Head,
        voice: Head,
        level_threshold: float = 0.5,
        abuse_threshold: float = 0.5,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        for name, head, classes in (("level", level, 3), ("abuse", abuse, 2), ("voice", voice, 2)):
            if head.classes != classes:
                raise ValueError(f"the {name} head has {head.classes} classes, not {classes}")
            if head.layers[0][0].shape[0] != DIMENSIONS:
                raise ValueError(f"the {name} head does not read {DIMENSIONS}-d embeddings")
        self.cheap = cheap
        self.level = level
        self.abuse = abuse
        self.voice = voice
        self.level_threshold = float(level_threshold)
        self.abuse_threshold = float(abuse_threshold)
        self._encoder = encoder

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = default_encoder()
        return self._encoder

    # -- loading and saving -------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path | None = None) -> SafetyModel:
        """The model in ``path``, or the one shipped with Rekindle."""
        if path is not None:
            try:
                with open(path, "rb") as stream:
                    return cls._read(stream, str(path))
            except OSError as error:
                raise SafetyModelError(f"{path}: cannot open the safety model ({error})") from None
        shipped = files("rekindle.safety").joinpath("models", MODEL_FILE)
        try:
            with shipped.open("rb") as stream:
                return cls._read(stream, f"rekindle/safety/models/{MODEL_FILE}")
        except OSError as error:
            raise SafetyModelError(
                f"rekindle/safety/models/{MODEL_FILE}: cannot open the safety model ({error})"
            ) from None

    @classmethod
    def _read(cls, stream: IO[bytes], source: str) -> SafetyModel:
        try:
            with np.load(stream, allow_pickle=False) as data:
                if _text(data["format"]) != FORMAT:
                    raise SafetyModelError(f"{source}: not a {FORMAT} file")
                cheap = CheapStage(
                    _text(data["cheap_vocabulary"]).split("\n"),
                    data["cheap_word_weights"],
                    data["cheap_pairs"],
                    data["cheap_pair_weights"],
                    float(data["cheap_bias"]),
                    float(data["cheap_threshold"]),
                )
                heads = {name: _read_head(data, name) for name in ("level", "abuse", "voice")}
                return cls(
                    cheap,
                    heads["level"],
                    heads["abuse"],
                    heads["voice"],
                    float(data["level_threshold"]),
                    float(data["abuse_threshold"]),
                )
        except (OSError, KeyError, ValueError, TypeError, BadZipFile) as error:
            raise SafetyModelError(f"{source}: cannot read the safety model ({error})") from None

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` (a compressed .npz, no pickle)."""
        arrays: dict[str, NDArray[Any]] = {
            "format": _bytes(FORMAT),
            "cheap_vocabulary": _bytes("\n".join(self.cheap.vocabulary)),
            "cheap_word_weights": self.cheap.word_weights.astype(np.float32),
            "cheap_pairs": self.cheap.pairs,
            "cheap_pair_weights": self.cheap.pair_weights.astype(np.float32),
            "cheap_bias": np.array(self.cheap.bias),
            "cheap_threshold": np.array(self.cheap.threshold),
            "level_threshold": np.array(self.level_threshold),
            "abuse_threshold": np.array(self.abuse_threshold),
        }
        for name, head in (("level", self.level), ("abuse", self.abuse), ("voice", self.voice)):
            arrays[f"{name}_layers"] = np.array(len(head.layers))
            for i, (weight, bias) in enumerate(head.layers):
                arrays[f"{name}_w{i}"] = weight.astype(np.float32)
                arrays[f"{name}_b{i}"] = bias.astype(np.float32)
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    # -- predicting -----------------------------------------------------------------------------

    def verdicts_from_embeddings(self, embeddings: NDArray[np.floating[Any]]) -> list[ModelVerdict]:
        """The verdicts for texts whose embeddings are the rows of ``embeddings``."""
        return self._verdicts(*self.probabilities(embeddings))

    def probabilities(self, embeddings: NDArray[np.floating[Any]]) -> tuple[Floats, Floats, Floats]:
        """The heads' probabilities: level (n, 3), abuse (n,), using given abuse (n,)."""
        x = np.asarray(embeddings, dtype=np.float32).reshape(-1, DIMENSIONS)
        return self.level.proba(x), self.abuse.proba(x)[:, 1], self.voice.proba(x)[:, 1]

    def predict(self, texts: Sequence[str]) -> list[ModelVerdict]:
        """The full model's verdict on every text (each one goes through the encoder)."""
        return self._predict(list(texts), cascade=False)  # type: ignore[return-value]

    def predict_many(self, texts: Sequence[str]) -> list[ModelVerdict | None]:
        """The cascade: ``None`` for a text the cheap stage rules out, else the full verdict.

        Meant for whole chats: most messages cost a few microseconds and never reach the
        encoder.
        """
        return self._predict(list(texts), cascade=True)

    def _predict(self, texts: list[str], cascade: bool) -> list[ModelVerdict | None]:
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"expected a str, got {type(text).__name__}")
        chunks, owners = _chunks(texts)
        scores = self.cheap.scores(chunks)
        if cascade:
            wanted = scores >= self.cheap.threshold
        else:
            wanted = np.ones(len(chunks), dtype=bool)
            wanted[[i for i, c in enumerate(chunks) if not c.strip()]] = False
        wanted = _at_most(wanted, scores, owners, MAX_CHUNKS)
        chosen = np.flatnonzero(wanted)
        results: list[ModelVerdict | None]
        results = [None] * len(texts) if cascade else [NOTHING] * len(texts)
        if not len(chosen):
            return results
        # Each distinct chunk is encoded once (chats repeat themselves).
        distinct: dict[str, int] = {}
        slot = [distinct.setdefault(chunks[i], len(distinct)) for i in chosen.tolist()]
        embeddings = self.encoder.encode(list(distinct))[slot]
        level, abuse, using = self.probabilities(embeddings)
        # Per text, the chunk most likely to show a crisis, and the one most likely abuse.
        text_of = owners[chosen]
        best_level: dict[int, int] = {}
        best_abuse: dict[int, int] = {}
        crisis = level[:, 1] + level[:, 2]
        for row, owner in enumerate(text_of.tolist()):
            if owner not in best_level or crisis[row] > crisis[best_level[owner]]:
                best_level[owner] = row
            if owner not in best_abuse or abuse[row] > abuse[best_abuse[owner]]:
                best_abuse[owner] = row
        for owner, row in best_level.items():
            other = best_abuse[owner]
            results[owner] = self._verdicts(
                level[row : row + 1], abuse[other : other + 1], using[other : other + 1]
            )[0]
        return results

    def _verdicts(self, level: Floats, abuse: Floats, using: Floats) -> list[ModelVerdict]:
        verdicts = []
        for (p_none, p_concern, p_crisis), p_abuse, p_using in zip(
            level.tolist(), abuse.tolist(), using.tolist(), strict=True
        ):
            crisis_p = p_concern + p_crisis
            if crisis_p >= self.level_threshold:
                name, level_p = (
                    ("crisis", p_crisis) if p_crisis >= p_concern else ("concern", p_concern)
                )
            else:
                name, level_p = "none", p_none
            if p_abuse >= self.abuse_threshold:
                voice = "using" if p_using > 0.5 else "experiencing"
                abuse_p = p_abuse * (p_using if voice == "using" else 1.0 - p_using)
            else:
                voice, abuse_p = "", 1.0 - p_abuse
            verdicts.append(ModelVerdict(name, level_p, voice, abuse_p, crisis_p, p_abuse, p_using))
        return verdicts


@lru_cache(maxsize=1)
def default_model() -> SafetyModel:
    """The shipped model, loaded once per process (the encoder loads on first use)."""
    return SafetyModel.load()


def _chunks(texts: Iterable[str]) -> tuple[list[str], NDArray[np.intp]]:
    """Each text as itself or, past :data:`CHUNK_WORDS` words, as chunks; and the index of the
    text each chunk comes from.

    A long text is read sentence by sentence (so that one sentence is not drowned by the rest
    in the mean over its tokens) and in pairs of neighbouring sentences (so that two sentences
    that belong together are also read together). A sentence longer than CHUNK_WORDS words is
    read in pieces of that many words, overlapping by half.
    """
    chunks: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        text = text.encode("utf-8", "replace").decode("utf-8")
        if len(text) < CHUNK_WORDS * 2 or len(text.split()) <= CHUNK_WORDS:
            chunks.append(text)
            owners.append(i)
            continue
        pieces: list[list[str]] = []
        for sentence in _SENTENCE_END.split(text):
            words = sentence.split()
            step = CHUNK_WORDS // 2
            if len(words) <= CHUNK_WORDS:
                pieces.append(words)
            else:
                pieces.extend(
                    words[start : start + CHUNK_WORDS]
                    for start in range(0, len(words) - step, step)
                )
        pieces = [words for words in pieces if words]
        for piece in pieces:
            chunks.append(" ".join(piece))
            owners.append(i)
        for first, second in pairwise(pieces):
            if len(first) + len(second) <= CHUNK_WORDS:
                chunks.append(" ".join(first + second))
                owners.append(i)
    return chunks, np.array(owners, dtype=np.intp)


def _at_most(
    wanted: NDArray[np.bool_], scores: Floats, owners: NDArray[np.intp], limit: int
) -> NDArray[np.bool_]:
    """``wanted`` with at most ``limit`` chunks per text: those with the highest scores."""
    counts = np.bincount(owners[wanted], minlength=int(owners.max(initial=-1)) + 1)
    if not len(counts) or counts.max() <= limit:
        return wanted
    wanted = wanted.copy()
    for owner in np.flatnonzero(counts > limit).tolist():
        mine = np.flatnonzero(wanted & (owners == owner))
        keep = mine[np.argsort(-scores[mine], kind="stable")[:limit]]
        wanted[mine] = False
        wanted[keep] = True
    return wanted


def _read_head(data: Any, name: str) -> Head:
    count = int(data[f"{name}_layers"])
    if not 1 <= count <= 4:
        raise ValueError(f"the {name} head has {count} layers")
    layers: list[tuple[NDArray[np.float32], NDArray[np.float32]]] = []
    for i in range(count):
        weight = np.asarray(data[f"{name}_w{i}"], dtype=np.float32)
        bias = np.asarray(data[f"{name}_b{i}"], dtype=np.float32)
        if weight.ndim != 2 or bias.shape != (weight.shape[1],):
            raise ValueError(f"the {name} head's layer {i} has mismatched shapes")
        if layers and layers[-1][0].shape[1] != weight.shape[0]:
            raise ValueError(f"the {name} head's layer {i} does not fit the one before")
        layers.append((weight, bias))
    return Head(tuple(layers))


def _bytes(text: str) -> NDArray[np.uint8]:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _text(array: NDArray[Any]) -> str:
    return bytes(np.asarray(array, dtype=np.uint8)).decode("utf-8")
