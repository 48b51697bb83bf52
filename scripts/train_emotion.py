"""Train the emotion model on GoEmotions and write the weights Rekindle ships.

    python scripts/train_emotion.py            # or: make train-emotion

What it does (docs/emotion-model.md explains why):

1. Reads GoEmotions' train.tsv and dev.tsv from ``../shared/datasets/goemotions`` (or from
   ``$REKINDLE_SHARED/datasets/goemotions``).
2. For every setting in the grid (vocabulary cut-off, regularisation, class weighting): fits
   one logistic regression per label on 90% of train, tunes each label's threshold on the
   other 10%, and scores macro-F1 on dev with those thresholds. The best dev score wins.
3. Tunes the final thresholds, and calibrates each label's probabilities (Platt scaling), on
   out-of-fold predictions over all of train (5 folds); fits the chosen setting on all of
   train; and writes ``src/rekindle/signals/models/emotion-en.npz`` plus ``emotion-en.json``
   (the settings and scores, for people to read).
4. Reloads the written file and prints its dev macro-F1 (28 labels and Ekman's 7 groups) and
   its size. Dev only ever chooses among settings; it never sets a threshold.

Needs the ``train`` extra (scikit-learn, scipy). Deterministic: every split and solver is
seeded. Takes a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rekindle.signals.emotion import (  # noqa: E402
    EKMAN,
    EKMAN_LABELS,
    LABELS,
    EmotionModel,
    Featurizer,
    terms,
)

SHARED = Path(os.environ.get("REKINDLE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "datasets" / "goemotions"
OUT = ROOT / "src" / "rekindle" / "signals" / "models" / "emotion-en.npz"
SEED = 0
HELD_OUT = 0.10
FOLDS = 5
GRID_MIN_DF = (2,)
GRID_C = (0.25, 0.5, 1.0, 2.0)
GRID_CLASS_WEIGHT = (None, "balanced")
THRESHOLDS = np.round(np.arange(0.02, 0.96, 0.01), 2)
SIZE_LIMIT = 20 * 1024 * 1024

Labels = NDArray[np.bool_]
Floats = NDArray[np.float64]


@dataclass(frozen=True)
class Setting:
    """One point of the grid."""

    min_df: int
    c: float
    class_weight: str | None


def read_goemotions(path: Path) -> tuple[list[str], Labels]:
    """The texts of a GoEmotions .tsv file and their labels as an (n, 28) boolean matrix.

    Each line is ``text<TAB>label ids, comma-separated<TAB>comment id``.
    """
    texts: list[str] = []
    rows: list[list[int]] = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                raise ValueError(f"{path}, line {number}: expected 3 tab-separated fields")
            try:
                ids = [int(i) for i in parts[1].split(",")]
            except ValueError:
                raise ValueError(f"{path}, line {number}: bad label ids {parts[1]!r}") from None
            if not ids or min(ids) < 0 or max(ids) >= len(LABELS):
                raise ValueError(f"{path}, line {number}: label ids must be 0-{len(LABELS) - 1}")
            texts.append(parts[0])
            rows.append(ids)
    labels = np.zeros((len(texts), len(LABELS)), dtype=bool)
    for i, ids in enumerate(rows):
        labels[i, ids] = True
    return texts, labels


def build_featurizer(texts: Iterable[str], min_df: int) -> Featurizer:
    """The terms in at least ``min_df`` texts, most common first, with smoothed idf weights."""
    counts: Counter[str] = Counter()
    n = 0
    for text in texts:
        counts.update(set(terms(text)))
        n += 1
    kept = sorted((t for t, df in counts.items() if df >= min_df), key=lambda t: (-counts[t], t))
    df = np.array([counts[t] for t in kept], dtype=np.float64)
    idf = np.log((1 + n) / (1 + df)) + 1.0
    return Featurizer(kept, idf)


def matrix(featurizer: Featurizer, texts: Sequence[str]) -> Any:
    """``texts`` as a scipy CSR matrix of the featurizer's tf-idf rows."""
    from scipy.sparse import csr_matrix

    values, columns, starts = featurizer.rows(texts)
    shape = (len(texts), len(featurizer.vocabulary))
    result = csr_matrix((values.astype(np.float64), columns, starts), shape=shape)
    result.sort_indices()
    return result


def fit(x: Any, y: Labels, setting: Setting, jobs: int) -> tuple[Floats, Floats]:
    """One logistic regression per label: weights (terms, 28) and biases (28,)."""
    from joblib import Parallel, delayed
    from sklearn.linear_model import LogisticRegression

    def one(j: int) -> tuple[Floats, float]:
        model = LogisticRegression(
            C=setting.c,
            class_weight=setting.class_weight,
            solver="liblinear",
            dual=True,  # faster here: more terms than comments
            max_iter=1000,
            random_state=SEED,
        )
        model.fit(x, y[:, j])
        return model.coef_[0], float(model.intercept_[0])

    # Processes, not threads: liblinear draws from one C-level random state, which threads
    # would share, making the weights depend on timing.
    fitted = Parallel(n_jobs=jobs)(delayed(one)(j) for j in range(len(LABELS)))
    weights = np.stack([w for w, _ in fitted], axis=1)
    bias = np.array([b for _, b in fitted])
    return weights, bias


def probabilities(x: Any, weights: Floats, bias: Floats) -> Floats:
    """The fitted regressions' probabilities for the rows of ``x``."""
    result: Floats = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    return result


def tune_thresholds(truth: Labels, scores: Floats) -> Floats:
    """Each label's threshold that maximises its F1 on these examples (lowest on ties)."""
    chosen = np.empty(len(LABELS))
    for j in range(len(LABELS)):
        predicted = scores[:, j][:, None] >= THRESHOLDS[None, :]
        tp = (predicted & truth[:, j][:, None]).sum(axis=0)
        f1 = 2 * tp / np.maximum(predicted.sum(axis=0) + truth[:, j].sum(), 1)
        chosen[j] = THRESHOLDS[int(f1.argmax())]
    return chosen


def calibrate(truth: Labels, scores: Floats) -> tuple[Floats, Floats]:
    """Per label, the slope and intercept on the log-odds that make probabilities honest.

    Class weighting and regularisation leave a regression's probabilities too high or too
    low; one more logistic fit per label on the out-of-fold log-odds (Platt scaling) fixes
    that. It is monotone, so it changes no decision at a label's own threshold.
    """
    from sklearn.linear_model import LogisticRegression

    log_odds = _log_odds(scores)
    slopes, intercepts = np.empty(len(LABELS)), np.empty(len(LABELS))
    for j in range(len(LABELS)):
        fitted = LogisticRegression(C=1e4).fit(log_odds[:, j : j + 1], truth[:, j])
        slopes[j], intercepts[j] = float(fitted.coef_[0, 0]), float(fitted.intercept_[0])
    return slopes, intercepts


def _log_odds(p: Floats) -> Floats:
    p = np.clip(p, 1e-7, 1 - 1e-7)
    result: Floats = np.log(p / (1 - p))
    return result


def decide(scores: Floats, thresholds: Floats) -> Labels:
    """Labels at or above their threshold, plus each text's most likely label."""
    predicted = scores >= thresholds
    predicted[np.arange(len(scores)), scores.argmax(axis=1)] = True
    return predicted


def f1_per_label(truth: Labels, predicted: Labels) -> Floats:
    """F1 of each column (0 where a label is neither present nor predicted)."""
    tp = (truth & predicted).sum(axis=0)
    denominator = 2 * tp + (~truth & predicted).sum(axis=0) + (truth & ~predicted).sum(axis=0)
    result: Floats = np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), 0.0)
    return result


def to_ekman(labels: Labels) -> Labels:
    """Per-label decisions folded into Ekman's 7 groups (a group is present if any member is)."""
    return np.stack(
        [labels[:, [LABELS.index(m) for m in EKMAN[g]]].any(axis=1) for g in EKMAN_LABELS],
        axis=1,
    )


def held_out_split(n: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """A seeded 90/10 split of ``range(n)``: (fit on, tune thresholds on)."""
    order = np.random.default_rng(SEED).permutation(n)
    cut = round(n * (1 - HELD_OUT))
    return np.sort(order[:cut]), np.sort(order[cut:])


def out_of_fold(
    texts: Sequence[str], truth: Labels, setting: Setting, jobs: int
) -> tuple[Floats, Floats]:
    """Thresholds tuned on out-of-fold probabilities over all of ``texts``, and those
    probabilities. Each fold's vocabulary comes from the other folds only."""
    folds = np.random.default_rng(SEED).permutation(len(texts)) % FOLDS
    scores = np.zeros(truth.shape)
    for k in range(FOLDS):
        fit_on, score_on = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        fit_texts = [texts[i] for i in fit_on.tolist()]
        featurizer = build_featurizer(fit_texts, setting.min_df)
        weights, bias = fit(matrix(featurizer, fit_texts), truth[fit_on], setting, jobs)
        score_texts = [texts[i] for i in score_on.tolist()]
        scores[score_on] = probabilities(matrix(featurizer, score_texts), weights, bias)
    return tune_thresholds(truth, scores), scores


def search(
    train: tuple[list[str], Labels], dev: tuple[list[str], Labels], jobs: int
) -> list[tuple[float, Setting]]:
    """Dev macro-F1 of every setting in the grid (thresholds from the held-out slice)."""
    texts, truth = train
    fit_on, tune_on = held_out_split(len(texts))
    fit_texts = [texts[i] for i in fit_on.tolist()]
    tune_texts = [texts[i] for i in tune_on.tolist()]
    results = []
    for min_df in GRID_MIN_DF:
        featurizer = build_featurizer(fit_texts, min_df)
        x_fit = matrix(featurizer, fit_texts)
        x_tune = matrix(featurizer, tune_texts)
        x_dev = matrix(featurizer, dev[0])
        for c in GRID_C:
            for class_weight in GRID_CLASS_WEIGHT:
                setting = Setting(min_df, c, class_weight)
                weights, bias = fit(x_fit, truth[fit_on], setting, jobs)
                thresholds = tune_thresholds(truth[tune_on], probabilities(x_tune, weights, bias))
                predicted = decide(probabilities(x_dev, weights, bias), thresholds)
                score = float(f1_per_label(dev[1], predicted).mean())
                results.append((score, setting))
                print(
                    f"  min_df={min_df} C={c:g} class_weight={class_weight}:"
                    f" dev macro-F1 {score:.4f} ({len(featurizer.vocabulary):,} terms)",
                    flush=True,
                )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with train/dev .tsv")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the .npz")
    parser.add_argument("--jobs", type=int, default=2, help="labels fitted in parallel")
    args = parser.parse_args()
    started = time.perf_counter()

    train = read_goemotions(args.data / "train.tsv")
    dev = read_goemotions(args.data / "dev.tsv")
    print(f"GoEmotions: {len(train[0]):,} train, {len(dev[0]):,} dev comments")

    print("Choosing settings by dev macro-F1 (thresholds tuned on 10% of train):")
    results = search(train, dev, args.jobs)
    best_score, best = max(results, key=lambda r: r[0])
    print(f"Chosen: {best} (dev macro-F1 {best_score:.4f} in the search)")

    print(f"Tuning thresholds on {FOLDS}-fold out-of-fold predictions over all of train...")
    thresholds, oof = out_of_fold(train[0], train[1], best, args.jobs)
    oof_f1 = float(f1_per_label(train[1], decide(oof, thresholds)).mean())
    slopes, intercepts = calibrate(train[1], oof)
    featurizer = build_featurizer(train[0], best.min_df)
    weights, bias = fit(matrix(featurizer, train[0]), train[1], best, args.jobs)
    # Fold the calibration into the model: a*(xW + b) + c is still linear.
    weights, bias = weights * slopes, bias * slopes + intercepts
    thresholds = 1.0 / (1.0 + np.exp(-(_log_odds(thresholds) * slopes + intercepts)))
    model = EmotionModel(featurizer.vocabulary, featurizer.idf, weights, bias, thresholds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)

    shipped = EmotionModel.load(args.out)  # score what is shipped, half-precision weights and all
    predicted = decide(shipped.predict_proba(dev[0]), shipped.thresholds)
    per_label = f1_per_label(dev[1], predicted)
    macro28 = float(per_label.mean())
    macro7 = float(f1_per_label(to_ekman(dev[1]), to_ekman(predicted)).mean())
    size = args.out.stat().st_size
    report = {
        "format": "rekindle.emotion/1",
        "data": "GoEmotions (Demszky et al. 2020), train split",
        "model": "tf-idf over words, emoji, punctuation and their bigrams;"
        " one logistic regression per label",
        "setting": asdict(best),
        "terms": len(featurizer.vocabulary),
        "thresholds": "per label, tuned on 5-fold out-of-fold predictions over train",
        "calibration": "per label Platt scaling on the same out-of-fold predictions",
        "train_out_of_fold_macro_f1": round(oof_f1, 4),
        "dev_macro_f1": round(macro28, 4),
        "dev_ekman_macro_f1": round(macro7, 4),
        "dev_f1_per_label": {
            label: round(float(f), 4) for label, f in zip(LABELS, per_label, strict=True)
        },
        "search": [{"dev_macro_f1": round(s, 4), **asdict(setting)} for s, setting in results],
    }
    args.out.with_suffix(".json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"Out-of-fold macro-F1 on train (28 labels): {oof_f1:.4f}")
    print(f"Dev macro-F1, 28 labels:        {macro28:.4f}")
    print(f"Dev macro-F1, Ekman's 7 groups: {macro7:.4f}")
    print(f"Wrote {args.out} ({size / 1024 / 1024:.2f} MB, {len(featurizer.vocabulary):,} terms)")
    print(f"Took {time.perf_counter() - started:.0f} s")
    if size > SIZE_LIMIT:
        sys.exit(f"the weight file is over {SIZE_LIMIT // 1024 // 1024} MB")


if __name__ == "__main__":
    main()
