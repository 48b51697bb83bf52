"""Cues as plain records: the stable shape of ``rekindle cues`` output."""

from __future__ import annotations

from typing import Any

from rekindle.signals.base import MessageCues


def cues_record(text: str, found: MessageCues) -> dict[str, Any]:
    """One message's cues as a JSON-ready dict."""
    return {
        "text": text,
        "cues": [
            {
                "name": cue.name,
                "evidence": cue.evidence,
                "start": cue.start,
                "end": cue.end,
                "detail": cue.detail,
                "strength": round(cue.strength, 4),
            }
            for cue in found.cues
            if cue.name not in ("positive", "negative", "emotion")
        ],
        "sentiment": None
        if found.sentiment is None
        else {
            "compound": found.sentiment.compound,
            "positive": found.sentiment.positive,
            "negative": found.sentiment.negative,
            "neutral": found.sentiment.neutral,
        },
        "emotions": None
        if found.emotions is None
        else {
            "top": list(found.emotions.top),
            "probabilities": dict(found.emotions.probabilities),
            "ekman": dict(found.emotions.ekman),
        },
        "words": found.words,
        "counts": dict(found.counts),
    }
