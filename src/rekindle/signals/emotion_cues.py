"""The emotion detector: the project's GoEmotions model, run in batches.

Each message gets the probabilities of the 28 GoEmotions labels and of Ekman's 7 groups, and
one ``emotion`` cue per label above its decision threshold (``detail`` is the label). See
docs/emotion-model.md for how the model was trained and how well it does.
"""

from __future__ import annotations

from collections.abc import Sequence

from rekindle.signals.base import Cue, Detector, Emotions, Findings
from rekindle.signals.emotion import EKMAN_LABELS, LABELS, EmotionModel, default_model
from rekindle.signals.text import Text


class EmotionCues(Detector):
    """Emotion probabilities for every message, and a cue for each likely emotion."""

    name = "emotions"
    needs = ("text",)
    produces = ("emotion",)

    def __init__(self, model: EmotionModel | None = None) -> None:
        self.model = model

    def detect(self, text: Text) -> Findings:
        return self.detect_batch([text])[0]

    def detect_batch(self, texts: Sequence[Text]) -> list[Findings]:
        model = self.model or default_model()
        probabilities = model.predict_proba([t.raw for t in texts])
        ekman = model.ekman_proba(probabilities)
        results = []
        # Plain Python floats (tolist) round several times faster than numpy scalars.
        for text, labels, values, groups in zip(
            texts,
            model.top_labels_batch(probabilities),
            probabilities.tolist(),
            ekman.tolist(),
            strict=True,
        ):
            top = tuple(labels)
            emotions = Emotions(
                probabilities=dict(zip(LABELS, [round(p, 4) for p in values], strict=True)),
                ekman=dict(zip(EKMAN_LABELS, [round(p, 4) for p in groups], strict=True)),
                top=top,
            )
            cues = tuple(
                Cue(
                    "emotion",
                    text.raw,
                    0,
                    len(text.raw),
                    detail=label,
                    strength=emotions.probabilities[label],
                )
                for label in top
                if label != "neutral"
            )
            results.append(Findings(cues=cues, emotions=emotions))
        return results
