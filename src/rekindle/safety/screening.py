"""One text in, one :class:`Screening` out: a level, an abuse flag and its voice, categories
and evidence.

Three layers look at every text, and each catches what the others miss:

1. **the phrase files** (:mod:`rekindle.signals.safety_cues`): precise, and they know denial,
   quotes, stories, jokes and the past;
2. **the rules** (:mod:`rekindle.safety.compositional`): combinations of word classes, such
   as a means near a first-person intent, a time or a goodbye;
3. **the learned model** (:mod:`rekindle.safety.model`): a classifier over sentence
   embeddings, so that a paraphrase lands near what it paraphrases.

A sign from any layer counts; the level is the highest any layer gives. :func:`screen` runs
all three on one text. :func:`screen_many` screens a whole chat: there the model's cheap first
stage rules out ordinary messages, and only the rest reach the sentence encoder.

The level rules
---------------
- ``crisis``: an explicit sign of suicide or self-harm (thoughts, a wish to die, intent, a plan
  or the means, an attempt or self-harm that is recent or not placed in the past, an urge to
  hurt oneself now) or a threat or urge to harm someone else. Also a veiled wish not to be
  here together with hopelessness in the same message ("I'm a burden to everyone and it would
  be easier if I was gone"): together they are no longer veiled.
- ``concern``: one kind of veiled or passive sign (hopelessness, feeling a burden,
  "everyone would be better off without me", wishing to sleep and not wake up, asking for the
  tallest bridge after a loss), or an attempt or self-harm the message places in the past
  ("when I was 16").
- ``none``: nothing of the above. A denial in the same clause ("I'm not going to hurt myself,
  don't worry") is not a sign: per message there is nothing to screen in it. Whoever acts on
  an earlier crisis must not take such a denial as an all-clear; that belongs to the response,
  which sees the whole conversation.

``abuse`` is true when any sign of abuse is found, whoever writes it. ``abuse_voice`` tells
the two apart: ``experiencing`` when it happens to the writer, ``using`` when the writer does
it (a threat to hurt a partner is both a crisis and abuse in the using voice).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rekindle.safety.compositional import RuleSign, rule_signs
from rekindle.safety.model import ModelVerdict, default_model
from rekindle.signals.lexicon import folded_text
from rekindle.signals.safety_cues import Sign, find_signs, load_safety
from rekindle.signals.text import Text

LEVELS = ("none", "concern", "crisis")
ABUSE_VOICES = ("experiencing", "using")
VEILED_SIGNS_FOR_CRISIS = 2  # different kinds of veiled sign in one message that make a crisis


@dataclass(frozen=True, slots=True)
class Screening:
    """What the screen found in one text.

    ``categories`` are the kinds of sign found (``suicide``, ``hopelessness``,
    ``coercive_control``...), in the order they appear; ``evidence`` the phrases that showed
    them, as written. ``abuse_voice`` says, when ``abuse`` is true, whether the writer is
    ``experiencing`` it ("he took my phone") or ``using`` it ("give me your phone or else");
    it is empty otherwise.
    """

    level: str = "none"
    abuse: bool = False
    categories: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    abuse_voice: str = ""

    @property
    def flagged(self) -> bool:
        """Whether anything was found (a crisis or concern level, or abuse)."""
        return self.level != "none" or self.abuse

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``level``, ``abuse``, ``categories`` and ``evidence``."""
        return {
            "level": self.level,
            "abuse": self.abuse,
            "categories": list(self.categories),
            "evidence": list(self.evidence),
            "abuse_voice": self.abuse_voice,
        }


NOTHING_FOUND = Screening()


LEARNED_CRISIS = "signs_of_crisis"  # the category of a crisis only the model saw
LEARNED_ABUSE = "signs_of_abuse"  # ... and of abuse
ENCODER_FLOOR = 20  # texts a capped screen_many may always send to the encoder
CHAT_ENCODER_SHARE = 0.002  # the cap rekindle analyze uses: 0.2% of a chat's messages
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}


def screen(text: str, language: str = "en") -> Screening:
    """Screen one text for signs of a crisis or of abuse, with every layer."""
    if not text or not text.strip():
        return NOTHING_FOUND
    verdict = default_model().predict([text])[0] if language == "en" else None
    return _combine(text, language, verdict)


def screen_many(
    texts: Iterable[str], language: str = "en", *, encoder_share: float | None = None
) -> list[Screening]:
    """Screen many texts (a chat's messages): the same layers, with the model's cheap stage
    first, so that only the messages it cannot rule out reach the sentence encoder.

    ``encoder_share`` caps the share of texts that may reach the encoder (at least
    :data:`ENCODER_FLOOR` texts): those the cheap stage scores highest among the ones it lets
    through. ``None`` sends every one it lets through. The phrase files and the rules read
    every text either way. docs/safety.md says what the cap costs in recall and saves in time.
    """
    texts = list(texts)
    verdicts: list[ModelVerdict | None] = [None] * len(texts)
    if language == "en" and texts:
        model = default_model()
        chosen = list(range(len(texts)))
        if encoder_share is not None:
            scores = model.cheap.scores(texts)
            passing = [i for i in chosen if scores[i] >= model.cheap.threshold]
            limit = max(ENCODER_FLOOR, int(encoder_share * len(texts)))
            chosen = sorted(sorted(passing, key=lambda i: -scores[i])[:limit])
        found = model.predict_many([texts[i] for i in chosen])
        for i, verdict in zip(chosen, found, strict=True):
            verdicts[i] = verdict
    return [
        _combine(text, language, verdict) if text and text.strip() else NOTHING_FOUND
        for text, verdict in zip(texts, verdicts, strict=True)
    ]


def _combine(text: str, language: str, verdict: ModelVerdict | None) -> Screening:
    read = Text(text)
    if verdict is not None and verdict.flagged and _quotes_a_story(read, language):
        # As the phrase files read it: words quoted from a film, song, book, game or the
        # news are not the writer's own.
        verdict = None
    found = screen_signs(find_signs(read, language))
    rules = rule_signs(text, language) if language == "en" else ()
    return _with_model(_with_rules(found, rules), verdict)


def _quotes_a_story(text: Text, language: str) -> bool:
    return (
        bool(text.quoted_spans)
        and load_safety(language).context.story.search(folded_text(text)) is not None
    )


def _with_rules(found: Screening, rules: Sequence[RuleSign]) -> Screening:
    if not rules:
        return found
    level = found.level
    for sign in rules:
        if sign.cue == "crisis" and sign.level and LEVEL_RANK[sign.level] > LEVEL_RANK[level]:
            level = sign.level
    abusive = [s for s in rules if s.abuse_voice]
    return Screening(
        level=level,
        abuse=found.abuse or bool(abusive),
        categories=tuple(dict.fromkeys([*found.categories, *(s.category for s in rules)])),
        evidence=tuple(dict.fromkeys([*found.evidence, *(s.evidence for s in rules)])),
        abuse_voice=found.abuse_voice or (abusive[0].abuse_voice if abusive else ""),
    )


def _with_model(found: Screening, verdict: ModelVerdict | None) -> Screening:
    if verdict is None:
        return found if not found.abuse or found.abuse_voice else _voiced(found, "experiencing")
    level = found.level
    categories = list(found.categories)
    if LEVEL_RANK[verdict.level] > LEVEL_RANK[level]:
        level = verdict.level
        if found.level == "none":
            categories.append(LEARNED_CRISIS)
    abuse = found.abuse or bool(verdict.abuse_voice)
    if abuse and not found.abuse:
        categories.append(LEARNED_ABUSE)
    voice = found.abuse_voice or verdict.abuse_voice or verdict.likelier_voice
    return Screening(
        level=level,
        abuse=abuse,
        categories=tuple(categories),
        evidence=found.evidence,
        abuse_voice=voice if abuse else "",
    )


def _voiced(found: Screening, voice: str) -> Screening:
    return Screening(found.level, found.abuse, found.categories, found.evidence, voice)


def screen_signs(signs: Sequence[Sign]) -> Screening:
    """The screening that a message's safety signs add up to (see the module's level rules)."""
    if not signs:
        return NOTHING_FOUND
    crisis = [s for s in signs if s.cue == "crisis"]
    return Screening(
        level=_level(crisis),
        abuse=any(s.cue == "abuse" for s in signs),
        categories=tuple(dict.fromkeys(s.category for s in signs)),
        evidence=tuple(dict.fromkeys(s.evidence for s in signs)),
    )


def _level(signs: Sequence[Sign]) -> str:
    if not signs:
        return "none"
    if any(s.level == "crisis" for s in signs):
        return "crisis"
    veiled = {s.category for s in signs if s.role == "concern"}
    return "crisis" if len(veiled) >= VEILED_SIGNS_FOR_CRISIS else "concern"
