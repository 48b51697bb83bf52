"""The project's emotion model: GoEmotions' 28 labels for any text, scored with numpy alone.

A message becomes a bag of terms (its lower-cased words, emoji and punctuation marks, and
each pair of neighbouring ones), each weighted by its inverse document frequency and the bag
scaled to unit length. One logistic regression per label turns the bag into a probability.
``scripts/train_emotion.py`` fits the weights on GoEmotions (Demszky et al. 2020) and writes
them to ``models/emotion-en.npz``, read here without pickle. docs/emotion-model.md says how
the model was trained and chosen, how well it does and where it falls short.

A label counts as present when its probability reaches the label's own threshold; the most
likely label always counts, so every text has at least one (``neutral`` when nothing stands
out). Ekman's groups take the probability of their most likely member.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import IO, Any
from zipfile import BadZipFile

import numpy as np
from numpy.typing import NDArray

from rekindle.errors import RekindleError

FORMAT = "rekindle.emotion/1"
MODEL_FILE = "emotion-en.npz"

# GoEmotions' labels, in the order of its label ids (27 is neutral).
LABELS: tuple[str, ...] = (
    "admiration",
    "amusement",
    "anger",
    "annoyance",
    "approval",
    "caring",
    "confusion",
    "curiosity",
    "desire",
    "disappointment",
    "disapproval",
    "disgust",
    "embarrassment",
    "excitement",
    "fear",
    "gratitude",
    "grief",
    "joy",
    "love",
    "nervousness",
    "optimism",
    "pride",
    "realization",
    "relief",
    "remorse",
    "sadness",
    "surprise",
    "neutral",
)

# Ekman's six basic emotions plus neutral, grouped as in the GoEmotions paper.
EKMAN: Mapping[str, tuple[str, ...]] = {
    "anger": ("anger", "annoyance", "disapproval"),
    "disgust": ("disgust",),
    "fear": ("fear", "nervousness"),
    "joy": (
        "joy",
        "amusement",
        "approval",
        "excitement",
        "gratitude",
        "love",
        "optimism",
        "relief",
        "pride",
        "admiration",
        "desire",
        "caring",
    ),
    "neutral": ("neutral",),
    "sadness": ("sadness", "disappointment", "embarrassment", "grief", "remorse"),
    "surprise": ("surprise", "realization", "confusion", "curiosity"),
}
EKMAN_LABELS: tuple[str, ...] = tuple(EKMAN)

# A token is a word (inner apostrophes kept: "don't"), or any other single visible character:
# an emoji, "!" or "?". Emoji presentation selectors, skin tones and joiners are skipped, so
# "❤️" and "❤" read the same.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[^\w\s\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")

Floats = NDArray[np.float64]


class EmotionModelError(RekindleError):
    """The emotion model's weight file is missing or malformed."""


def tokens(text: str) -> list[str]:
    """The tokens of ``text``: lower-cased words, emoji and punctuation marks, in order."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def terms(text: str) -> list[str]:
    """The terms the model reads: every token, then every pair of neighbouring tokens."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


class Featurizer:
    """Turns texts into the model's input: rows of tf-idf weights over a fixed vocabulary.

    A term counts once however often it appears (messages are short, and repeats are mostly
    emphasis), weighted by its ``idf``; each row is scaled to unit length.
    """

    def __init__(self, vocabulary: Sequence[str], idf: NDArray[np.floating[Any]]) -> None:
        if len(vocabulary) != len(idf):
            raise ValueError(f"{len(vocabulary)} terms but {len(idf)} idf weights")
        self.vocabulary = tuple(vocabulary)
        self.idf = np.asarray(idf, dtype=np.float32)
        self._index = {term: i for i, term in enumerate(self.vocabulary)}

    def term_ids(self, text: str) -> set[int]:
        """The vocabulary indices of the distinct known terms in ``text``."""
        get = self._index.get
        words = _TOKEN.findall(text.lower().replace("’", "'"))
        found = set(map(get, words))
        found.update(map(get, map(" ".join, pairwise(words))))
        found.discard(None)
        return found  # type: ignore[return-value]  # None was just removed

    def rows(
        self, texts: Iterable[str]
    ) -> tuple[NDArray[np.float32], NDArray[np.intp], NDArray[np.intp]]:
        """``texts`` as a sparse matrix in CSR form: ``(values, columns, row_starts)``.

        Row ``i`` holds ``values[row_starts[i]:row_starts[i + 1]]`` at those ``columns``; a
        text with no known term is an empty row.
        """
        columns: list[int] = []
        row_starts = [0]
        for text in texts:
            columns.extend(self.term_ids(text))
            row_starts.append(len(columns))
        column_array = np.array(columns, dtype=np.intp)
        starts = np.array(row_starts, dtype=np.intp)
        values = self.idf[column_array]
        lengths = np.diff(starts)
        filled = lengths > 0
        if filled.any():
            squares = np.add.reduceat(values * values, starts[:-1][filled])
            values /= np.repeat(np.sqrt(squares), lengths[filled])
        return values, column_array, starts


class EmotionModel:
    """GoEmotions' 28 labels from text: one logistic regression per label over tf-idf terms.

    ``weights`` has one row per vocabulary term and one column per label (in ``LABELS``
    order); ``thresholds`` is each label's decision threshold on its probability.
    """

    def __init__(
        self,
        vocabulary: Sequence[str],
        idf: NDArray[np.floating[Any]],
        weights: NDArray[np.floating[Any]],
        bias: NDArray[np.floating[Any]],
        thresholds: NDArray[np.floating[Any]],
    ) -> None:
        self.featurizer = Featurizer(vocabulary, idf)
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.thresholds = np.asarray(thresholds, dtype=np.float64)
        expected = {
            "weights": (len(vocabulary), len(LABELS)),
            "bias": (len(LABELS),),
            "thresholds": (len(LABELS),),
        }
        for name, shape in expected.items():
            if getattr(self, name).shape != shape:
                raise ValueError(f"{name} has shape {getattr(self, name).shape}, not {shape}")
        self._groups = [np.array([LABELS.index(m) for m in EKMAN[g]]) for g in EKMAN_LABELS]

    @classmethod
    def load(cls, path: str | Path | None = None) -> EmotionModel:
        """The model in ``path``, or the one shipped with Rekindle."""
        if path is not None:
            try:
                with open(path, "rb") as stream:
                    return cls._read(stream, str(path))
            except OSError as error:
                raise EmotionModelError(
                    f"{path}: cannot open the emotion model ({error})"
                ) from None
        shipped = files("rekindle.signals").joinpath("models", MODEL_FILE)
        with shipped.open("rb") as stream:
            return cls._read(stream, f"rekindle/signals/models/{MODEL_FILE}")

    @classmethod
    def _read(cls, stream: IO[bytes], source: str) -> EmotionModel:
        try:
            with np.load(stream, allow_pickle=False) as data:
                if _text(data["format"]) != FORMAT:
                    raise EmotionModelError(f"{source}: not a {FORMAT} file")
                if tuple(_text(data["labels"]).split("\n")) != LABELS:
                    raise EmotionModelError(f"{source}: its labels are not GoEmotions' 28")
                return cls(
                    _text(data["vocabulary"]).split("\n"),
                    data["idf"],
                    data["weights"],
                    data["bias"],
                    data["thresholds"],
                )
        except (OSError, KeyError, ValueError, BadZipFile) as error:
            raise EmotionModelError(f"{source}: cannot read the emotion model ({error})") from None

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` (a compressed .npz; weights kept at half precision)."""
        np.savez_compressed(
            path,
            format=_bytes(FORMAT),
            labels=_bytes("\n".join(LABELS)),
            vocabulary=_bytes("\n".join(self.featurizer.vocabulary)),
            idf=self.featurizer.idf.astype(np.float32),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
        )

    def predict_proba(self, texts: Sequence[str]) -> Floats:
        """The probability of each label for each text: shape ``(len(texts), 28)``."""
        values, columns, row_starts = self.featurizer.rows(texts)
        scores = np.tile(self.bias, (len(texts), 1))
        filled = np.diff(row_starts) > 0
        if filled.any():
            weighted = self.weights[columns] * values[:, None]
            scores[filled] += np.add.reduceat(weighted, row_starts[:-1][filled], axis=0)
        result: Floats = 1.0 / (1.0 + np.exp(-scores))
        return result

    def ekman_proba(self, probabilities: Floats) -> Floats:
        """Each Ekman group's probability (that of its most likely member): shape (n, 7)."""
        probabilities = np.atleast_2d(probabilities)
        return np.stack([probabilities[:, g].max(axis=1) for g in self._groups], axis=1)

    def top_labels(self, probabilities: Floats) -> list[str]:
        """The labels present in one text's row of probabilities, most likely first.

        That is every label at or above its threshold, and always the most likely one.
        """
        row = np.asarray(probabilities, dtype=np.float64)
        best = int(row.argmax())
        present = [j for j in np.argsort(-row, kind="stable") if row[j] >= self.thresholds[j]]
        if best not in present:
            present.insert(0, best)
        return [LABELS[j] for j in present]

    def top_labels_batch(self, probabilities: Floats) -> list[list[str]]:
        """:meth:`top_labels` for every row of a batch at once (the same lists, faster)."""
        rows = np.asarray(probabilities, dtype=np.float64)
        if rows.ndim != 2 or not len(rows):
            return [self.top_labels(row) for row in rows]
        order = np.argsort(-rows, axis=1, kind="stable")
        present = rows >= self.thresholds
        tops = []
        for ranked, keep, best in zip(
            order.tolist(), present.tolist(), rows.argmax(axis=1).tolist(), strict=True
        ):
            found = [j for j in ranked if keep[j]]
            if best not in found:
                found.insert(0, best)
            tops.append([LABELS[j] for j in found])
        return tops


@lru_cache(maxsize=1)
def default_model() -> EmotionModel:
    """The shipped model, loaded once per process."""
    return EmotionModel.load()


def _bytes(text: str) -> NDArray[np.uint8]:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _text(array: NDArray[Any]) -> str:
    return bytes(np.asarray(array, dtype=np.uint8)).decode("utf-8")
