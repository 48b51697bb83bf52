"""The rule layer of the screen: signs made of word classes, not of fixed phrases.

A phrase list knows "I'm going to overdose tonight" but not "im going to od on my meds
tonite". People put a crisis together from parts: a means or method, a first-person intent, a
time, a finality marker ("don't call anyone", "made my decision"), preparations (a goodbye
letter, passwords, the dog rehomed). The rule file ``rules/<language>.json`` names those parts
as **classes** (lists of regular expressions) and says which combinations are a sign:

.. code-block:: json

    {"name": "means_in_excess", "cue": "crisis", "level": "crisis",
     "category": "plan_or_means", "all": ["means_object", "excess"],
     "any": ["intent", "time", "finality"], "none": ["play", "denial"], "window": 0}

- ``all``: every class must match; ``any``: at least one of them must match too;
- ``none``: a match of any of these anywhere in the message drops the rule (a game, a recipe,
  a denial, the past, someone else's plan);
- ``window``: with a number, each match of ``any`` must lie within that many words of the
  first class of ``all``; 0 means anywhere in the message;
- ``cue`` is ``crisis`` (then ``level`` is ``crisis`` or ``concern``) or ``abuse``;
  ``abuse_voice`` (``experiencing`` or ``using``) says who does it when the rule also shows
  abuse (a threat to shoot a partner is both).

Rules are read once and compiled into one regex per class. A message that matches none of the
classes that rules require is passed over after one search, so the layer costs little on
ordinary talk. docs/safety.md lists every rule.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rekindle.errors import RekindleError

SCHEMA = "rekindle.safety-rules/1"
CUES = ("crisis", "abuse")
CRISIS_LEVELS = ("crisis", "concern")
VOICES = ("", "experiencing", "using")
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
EVIDENCE_LIMIT = 160  # characters of a sign's evidence, at most


class RuleError(RekindleError):
    """A rule file that cannot be read: which file, which rule and what was expected."""


@dataclass(frozen=True, slots=True)
class RuleSign:
    """One rule that fired: its cue, level (crisis signs only), category, voice and evidence."""

    rule: str
    cue: str
    level: str | None
    category: str
    abuse_voice: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    cue: str
    level: str | None
    category: str
    abuse_voice: str
    all: tuple[str, ...]
    any: tuple[str, ...]
    none: tuple[str, ...]
    window: int


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    word: int  # the index of the word the match starts at


class RuleSet:
    """The compiled rules of one language: :meth:`signs` screens one text."""

    def __init__(
        self,
        classes: Mapping[str, Sequence[str]],
        rules: Sequence[Rule],
        triggers: Mapping[str, Sequence[str]],
    ) -> None:
        self.rules = tuple(rules)
        self.patterns = {name: _compile(name, parts) for name, parts in classes.items()}
        self.triggers = {rule.name: frozenset(triggers[rule.all[0]]) for rule in self.rules}
        self.any_trigger = frozenset().union(*self.triggers.values())

    def signs(self, text: str) -> tuple[RuleSign, ...]:
        """The rules that fire on one text, each once, in the order of the rule file."""
        folded = text.lower().replace("’", "'")
        words = self.any_trigger.intersection(WORD.findall(folded))
        if not words:
            return ()
        starts = [m.start() for m in WORD.finditer(folded)]
        found: dict[str, list[_Hit]] = {}

        def hits(name: str) -> list[_Hit]:
            if name not in found:
                found[name] = [
                    _Hit(m.start(), m.end(), _word_index(starts, m.start()))
                    for m in self.patterns[name].finditer(folded)
                ]
            return found[name]

        signs = []
        for rule in self.rules:
            if self.triggers[rule.name].isdisjoint(words):
                continue
            sign = self._fire(rule, text, hits)
            if sign is not None:
                signs.append(sign)
        return tuple(signs)

    def untriggered(self, text: str) -> list[str]:
        """The rules whose first class matches a text that holds no trigger word.

        Empty for every text when the trigger list is complete; the tests check it on every
        statement of the project's sets.
        """
        folded = text.lower().replace("’", "'")
        words = set(WORD.findall(folded))
        return [
            rule.name
            for rule in self.rules
            if self.triggers[rule.name].isdisjoint(words)
            and self.patterns[rule.all[0]].search(folded)
        ]

    def _fire(self, rule: Rule, text: str, hits: Any) -> RuleSign | None:
        anchors: list[_Hit] = hits(rule.all[0])
        if not anchors or any(not hits(name) for name in rule.all[1:]):
            return None
        if any(hits(name) for name in rule.none):
            return None
        span: list[_Hit] = [h for name in rule.all for h in hits(name)[:1]]
        if rule.any:
            near = [
                h
                for name in rule.any
                for h in hits(name)
                if not rule.window or any(abs(h.word - a.word) <= rule.window for a in anchors)
            ]
            if not near:
                return None
            span.append(near[0])
        start = min(h.start for h in span)
        end = max(h.end for h in span)
        evidence = text[start:end].strip()
        if len(evidence) > EVIDENCE_LIMIT:
            evidence = evidence[: EVIDENCE_LIMIT - 1].rstrip() + "…"
        return RuleSign(rule.name, rule.cue, rule.level, rule.category, rule.abuse_voice, evidence)


def _compile(name: str, parts: Sequence[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{part})" for part in sorted(parts, key=len, reverse=True))
    try:
        return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")
    except re.error as error:
        raise RuleError(f"safety rules: class {name!r} does not compile: {error}") from None


def _word_index(starts: Sequence[int], offset: int) -> int:
    low, high = 0, len(starts)
    while low < high:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle + 1
        else:
            high = middle
    return max(low - 1, 0)


def read_rules(data: Mapping[str, Any], source: str) -> RuleSet:
    """Check a rule file's contents and compile them; a problem names the file and the rule."""
    if data.get("schema") != SCHEMA:
        raise RuleError(f"{source}: expected schema {SCHEMA!r}")
    classes = data.get("classes")
    if not isinstance(classes, dict) or not all(
        isinstance(v, list) and v and all(isinstance(p, str) for p in v) for v in classes.values()
    ):
        raise RuleError(f"{source}: 'classes' must map names to non-empty lists of patterns")
    rules = []
    for number, raw in enumerate(data.get("rules", []), start=1):
        rules.append(_rule(raw, set(classes), f"{source}, rule {number}"))
    if not rules:
        raise RuleError(f"{source}: no rules")
    triggers = data.get("triggers")
    firsts = {rule.all[0] for rule in rules}
    if not isinstance(triggers, dict) or not all(
        isinstance(triggers.get(name), list) and triggers[name] for name in firsts
    ):
        raise RuleError(f"{source}: 'triggers' must list words for each class a rule starts with")
    return RuleSet(classes, rules, {name: [str(w) for w in triggers[name]] for name in firsts})


def _rule(raw: Mapping[str, Any], classes: set[str], where: str) -> Rule:
    cue = raw.get("cue")
    level = raw.get("level")
    voice = raw.get("abuse_voice", "")
    if cue not in CUES:
        raise RuleError(f"{where}: 'cue' must be one of {', '.join(CUES)}")
    if (cue == "crisis") != (level in CRISIS_LEVELS):
        raise RuleError(f"{where}: a crisis rule needs 'level' crisis or concern; abuse none")
    if voice not in VOICES or (cue == "abuse" and not voice):
        raise RuleError(f"{where}: 'abuse_voice' must be experiencing or using")
    groups = {key: tuple(raw.get(key, ())) for key in ("all", "any", "none")}
    if not groups["all"]:
        raise RuleError(f"{where}: 'all' needs at least one class")
    unknown = [name for names in groups.values() for name in names if name not in classes]
    if unknown:
        raise RuleError(f"{where}: unknown class {unknown[0]!r}")
    window = raw.get("window", 0)
    if not isinstance(window, int) or window < 0:
        raise RuleError(f"{where}: 'window' must be a whole number of words, 0 for anywhere")
    return Rule(
        name=str(raw.get("name") or where),
        cue=cue,
        level=level,
        category=str(raw.get("category", "")),
        abuse_voice=voice,
        all=groups["all"],
        any=groups["any"],
        none=groups["none"],
        window=window,
    )


@cache
def load_rules(language: str = "en") -> RuleSet:
    """The shipped rules of a language (``rules/<language>.json``), read once."""
    name = f"{language}.json"
    source = resources.files("rekindle.safety").joinpath("rules", name)
    if not source.is_file():
        raise RuleError(f"no safety rules for language {language!r}")
    return read_rules(json.loads(source.read_text(encoding="utf-8")), f"rules/{name}")


def rule_signs(text: str, language: str = "en") -> tuple[RuleSign, ...]:
    """The rule signs in one text (see the module's notes)."""
    return load_rules(language).signs(text) if text else ()
