# ruff: noqa: E501 (the scenes below are prose: one message, with its alternatives, a line)
"""Write the demo chat that ships with Rekindle: ``src/rekindle/demo/whatsapp-demo.txt``.

Rosa and Theo are made up. Their eighteen months of messages (May 2024 to November 2025) are
composed here from scenes written for the project: short exchanges about work, the dog, food,
friends, family and plans, grouped by the phase of the story they belong to. A fixed seed
chooses which scenes happen on which day and at what time, so running the script again gives
the same file, byte for byte.

    .venv/bin/python scripts/make_demo_chat.py            # rewrite the shipped file
    .venv/bin/python scripts/make_demo_chat.py --check    # exit 1 if the shipped file is stale
    .venv/bin/python scripts/make_demo_chat.py --out FILE # write somewhere else

The story (docs/demo.md tells it in full): five warm months; then, from October 2024, a slow
fade while Rosa leads a demanding project, with talk shrinking to logistics, bids left
unanswered and a few sharp arguments; then, after a conversation at the end of April 2025, a
partial recovery with a weekly date night, gentler ways of raising things, and one smaller
argument that gets repaired.

How scenes are written
----------------------
Each scene starts with a header line, then one line per message::

    @ <pool> <slot>[+<slot>...] [once|twice|few|many] [swap] [weekday|weekend|everyday|mon..sun]
      [from:YYYY-MM-DD] [until:YYYY-MM-DD]
    R: a message from Rosa || or this one instead || or this one
    ?T: a message from Theo that appears half the time
      an indented line continues the message above on a new line
    ~ 40-120
    T: this one comes 40 to 120 minutes after the one before

- ``pool`` is the part of the story the scene belongs to: ``warm``, ``fade``, ``mend``,
  ``lapse`` (old habits showing again during the mend), or ``daily`` (the logistics every
  couple has, in every phase).
- ``slot`` is when in the day it may start: ``morning``, ``lunch``, ``afternoon``,
  ``evening``, ``night`` (or several, joined by ``+``), or ``any``. Scenes that happen only
  in the daytime are for weekdays (work and school) unless marked ``weekend`` or
  ``everyday``.
- Each time a scene happens, it takes the next wording of every line together, from a
  random start: the second wording of a reply answers the second wording of the message
  before it (when a line has fewer wordings, the choice wraps round).
- ``once`` / ``twice`` / ``few`` (5) limit how often it may happen (three times by default);
  ``many`` allows five times a month, for the exchanges every couple repeats.
- ``swap`` lets either person say either side (only for scenes that fit both).
- ``from:`` and ``until:`` keep a scene within dates, where the story needs it (the engagement
  party after the engagement). Other scenes that happen only a few times start at a random
  point of their phase.
- ``{name}`` is filled from :data:`FILLERS` (``{item2}`` draws a second, different item);
  ``{time}`` is a time of day a little after the message is sent ("7", "half 7");
  ``{pet}`` is what the writer calls the other, and ``{x}`` an optional sign-off kiss; both
  depend on the phase.
- Story beats have a fixed date and time: ``@ beat 2024-06-14 07:40``; inside them,
  ``= 13:10`` or ``= +1 07:15`` (the next day) pins the time of the next message.

Without an explicit ``~``, a first reply comes after a delay that depends on the phase
(minutes when things are warm, often hours in the fade); once both are talking, replies come
within minutes, and a message that follows the same person's within a minute or two. Some
openings get no reply at all (more of them in the fade), and the habit of ending a message
with a kiss comes and goes with the phase.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "rekindle" / "demo" / "whatsapp-demo.txt"
SEED = 20240503
FIRST_DAY = date(2024, 5, 3)
LAST_DAY = date(2025, 11, 14)
FADE_STARTS = date(2024, 10, 1)
MEND_STARTS = date(2025, 4, 24)  # the day Rosa asks "can we talk tonight?"
NAMES = {"R": "Rosa", "T": "Theo"}
# The days over which each phase's one-off scenes are spread.
PHASE_DAYS = {
    "warm": (FIRST_DAY, FADE_STARTS - timedelta(days=1)),
    "fade": (FADE_STARTS, MEND_STARTS - timedelta(days=1)),
    "mend": (MEND_STARTS, LAST_DAY),
}
ENCRYPTION_NOTICE = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even"
    " WhatsApp, can read or listen to them. Tap to learn more."
)

# When each slot may start (minutes after midnight).
SLOTS = {
    "morning": (7 * 60, 9 * 60 + 15),
    "lunch": (11 * 60 + 50, 13 * 60 + 50),
    "afternoon": (14 * 60 + 30, 17 * 60 + 15),
    "evening": (17 * 60 + 30, 20 * 60 + 30),
    "night": (21 * 60, 23 * 60 + 5),
}
SLOT_WEIGHTS = {
    "weekday": {"morning": 3, "lunch": 3, "afternoon": 3, "evening": 3, "night": 1},
    "weekend": {"morning": 1, "lunch": 2, "afternoon": 3, "evening": 2, "night": 1},
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LIMITS = {"once": 1, "twice": 2, "few": 5, "many": 5}  # "many": in each month
DEFAULT_LIMIT = 3


@dataclass(frozen=True)
class Month:
    """How a month of the story feels: scenes per weekday and weekend day, and where they
    come from (pool name to weight)."""

    weekday: float
    weekend: float
    pools: dict[str, float]


MONTHS: dict[tuple[int, int], Month] = {
    (2024, 5): Month(4.1, 2.2, {"warm": 0.74, "daily": 0.26}),
    (2024, 6): Month(4.1, 2.2, {"warm": 0.74, "daily": 0.26}),
    (2024, 7): Month(3.9, 2.0, {"warm": 0.72, "daily": 0.28}),
    (2024, 8): Month(3.8, 2.0, {"warm": 0.72, "daily": 0.28}),
    (2024, 9): Month(3.5, 1.8, {"warm": 0.62, "daily": 0.32, "fade": 0.06}),
    (2024, 10): Month(2.7, 1.2, {"warm": 0.16, "daily": 0.50, "fade": 0.34}),
    (2024, 11): Month(2.3, 0.9, {"warm": 0.06, "daily": 0.54, "fade": 0.40}),
    (2024, 12): Month(2.2, 0.8, {"warm": 0.04, "daily": 0.56, "fade": 0.40}),
    (2025, 1): Month(2.0, 0.8, {"daily": 0.58, "fade": 0.42}),
    (2025, 2): Month(1.9, 0.7, {"daily": 0.56, "fade": 0.44}),
    (2025, 3): Month(1.8, 0.7, {"daily": 0.55, "fade": 0.45}),
    (2025, 4): Month(1.9, 0.7, {"daily": 0.55, "fade": 0.45}),
    (2025, 5): Month(3.0, 1.5, {"mend": 0.62, "daily": 0.34, "lapse": 0.04}),
    (2025, 6): Month(3.1, 1.5, {"mend": 0.62, "daily": 0.35, "lapse": 0.03}),
    (2025, 7): Month(3.1, 1.5, {"mend": 0.60, "daily": 0.37, "lapse": 0.03}),
    (2025, 8): Month(3.0, 1.5, {"mend": 0.58, "daily": 0.38, "lapse": 0.04}),
    (2025, 9): Month(3.0, 1.2, {"mend": 0.40, "daily": 0.55, "lapse": 0.05}),
    (2025, 10): Month(3.1, 1.5, {"mend": 0.54, "daily": 0.41, "lapse": 0.05}),
    (2025, 11): Month(3.1, 1.5, {"mend": 0.60, "daily": 0.40}),
}

# How long a reply takes, by phase: (weight, shortest, longest) in minutes. The first reply
# of a scene may keep the other waiting; once both are talking, replies come faster
# ("engaged"). Story beats are conversations in full flow, whatever the phase ("live").
REPLY_DELAYS = {
    "live": ((80, 0, 3), (20, 4, 12)),
    "engaged": ((75, 0, 4), (22, 5, 20), (3, 21, 60)),
    "warm": ((70, 0, 4), (24, 5, 25), (6, 30, 90)),
    "fade": ((30, 1, 6), (38, 7, 45), (32, 50, 240)),
    "mend": ((56, 0, 5), (34, 6, 30), (10, 31, 110)),
}
# The chance that a scene's opening message gets no reply at all, by phase.
UNANSWERED = {"warm": 0.02, "fade": 0.14, "mend": 0.04}

# How often a message ends with a kiss out of habit, by phase (story beats are left as written).
KISS_HABIT = {"warm": 0.2, "fade": 0.01, "mend": 0.07}
# What each person calls the other ({pet} in a message written by the key), by phase.
PET_NAMES = {"T": ("Ro", "love", "Rosie", "gorgeous"), "R": ("T", "babe", "Teddy", "handsome")}
PET_CHANCE = {"warm": 0.85, "fade": 0.1, "mend": 0.45}
SIGN_OFFS = {  # {x}: (sign-off, weight)
    "warm": ((" x", 42), (" xx", 14), (" ❤️", 12), (" 😘", 6), ("", 26)),
    "fade": ((" x", 6), ("", 94)),
    "mend": ((" x", 24), (" ❤️", 5), ("", 71)),
}


# ---------------------------------------------------------------------------------------------
# Scenes


@dataclass(frozen=True)
class Line:
    """One message of a scene: who writes it, the wordings to choose from, and its timing."""

    speaker: str
    options: tuple[str, ...]
    optional: bool = False
    gap: tuple[int, int] | None = None  # minutes after the previous message, drawn in range
    at: tuple[int, int] | None = None  # (days after the scene's day, minute of the day)


@dataclass
class Scene:
    """A short exchange that can happen on a day of its pool's phase."""

    pool: str
    slots: tuple[str, ...]
    lines: list[Line]
    limit: int = DEFAULT_LIMIT
    monthly: bool = False  # the limit is per month ("many")
    swap: bool = False
    days: str = "any"  # "any", "weekday", "weekend", or a day name ("tue")
    when: datetime | None = None  # story beats only
    uses: int = 0
    not_before: date = FIRST_DAY
    not_after: date = LAST_DAY
    pinned: bool = False  # not_before was set by the scene itself
    last_day: date | None = None
    turn: int = 0  # which wording comes next; each time the scene happens, the next one

    def fits(self, day: date) -> bool:
        if not self.not_before <= day <= self.not_after or day == self.last_day:
            return False
        weekend = day.weekday() >= 5
        if self.days == "any":
            return True
        if self.days == "weekday":
            return not weekend
        if self.days == "weekend":
            return weekend
        return WEEKDAYS[day.weekday()] == self.days


@dataclass
class _Pending:
    gap: tuple[int, int] | None = None
    at: tuple[int, int] | None = None


def parse_scenes(text: str) -> list[Scene]:
    """Read scenes written in the notation described at the top of this file."""
    scenes: list[Scene] = []
    pending = _Pending()
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("@"):
            scenes.append(_header(raw[1:].split(), number))
            pending = _Pending()
        elif raw.startswith("~"):
            low, _, high = raw[1:].strip().partition("-")
            pending.gap = (int(low), int(high or low))
        elif raw.startswith("="):
            spec = raw[1:].split()
            days = int(spec[0]) if len(spec) == 2 else 0
            hour, minute = (int(p) for p in spec[-1].split(":"))
            pending.at = (days, hour * 60 + minute)
        elif raw.startswith("  "):
            last = scenes[-1].lines[-1]
            options = tuple(f"{o}\n{raw.strip()}" for o in last.options)
            scenes[-1].lines[-1] = Line(last.speaker, options, last.optional, last.gap, last.at)
        else:
            optional = raw.startswith("?")
            speaker, sep, body = raw.lstrip("?").partition(": ")
            if speaker not in NAMES or not sep or not scenes:
                raise ValueError(f"scene line {number}: cannot read {raw!r}")
            options = tuple(o.strip() for o in body.split(" || "))
            scenes[-1].lines.append(Line(speaker, options, optional, pending.gap, pending.at))
            pending = _Pending()
    return scenes


def _header(words: list[str], number: int) -> Scene:
    if words[0] == "beat":
        when = datetime.fromisoformat(f"{words[1]} {words[2]}")
        return Scene("beat", tuple(SLOTS), [], limit=1, when=when)
    pool, slot, *flags = words
    slots = tuple(SLOTS) if slot == "any" else tuple(slot.split("+"))
    if any(s not in SLOTS for s in slots):
        raise ValueError(f"scene line {number}: unknown slot {slot!r}")
    daytime = all(s in ("morning", "lunch", "afternoon") for s in slots)
    scene = Scene(pool, slots, [], days="weekday" if daytime else "any")
    for flag in flags:
        if flag in LIMITS:
            scene.limit = LIMITS[flag]
            scene.monthly = flag == "many"
        elif flag == "swap":
            scene.swap = True
        elif flag in ("weekday", "weekend", *WEEKDAYS):
            scene.days = flag
        elif flag == "everyday":
            scene.days = "any"
        elif flag.startswith("from:"):
            scene.not_before = date.fromisoformat(flag[5:])
            scene.pinned = True
        elif flag.startswith("until:"):
            scene.not_after = date.fromisoformat(flag[6:])
        else:
            raise ValueError(f"scene line {number}: unknown flag {flag!r}")
    return scene


# ---------------------------------------------------------------------------------------------
# Writing a scene out


Posted = tuple[datetime, str, str]  # (time, speaker, text)
_FILLER = re.compile(r"\{(\w+?)(\d*)\}")


def phase_of(day: date) -> str:
    """The part of the story a day belongs to."""
    if day < FADE_STARTS:
        return "warm"
    if day < MEND_STARTS:
        return "fade"
    return "mend"


def _weighted(rng: random.Random, choices: Sequence[tuple[str, float]]) -> str:
    total = sum(weight for _, weight in choices)
    point = rng.random() * total
    for value, weight in choices:
        point -= weight
        if point < 0:
            return value
    return choices[-1][0]


def _reply_delay(rng: random.Random, phase: str) -> int:
    bands = REPLY_DELAYS[phase]
    index = int(_weighted(rng, [(str(i), w) for i, (w, _, _) in enumerate(bands)]))
    _, low, high = bands[index]
    return rng.randint(low, high)


def _clock_time(when: datetime, rng: random.Random) -> str:
    """A time of day as people text it: "7", "half 7", "7:30", "quarter past 7"."""
    hour = when.hour % 12 or 12
    minute = when.minute
    if minute == 0:
        return str(hour)
    if minute == 30 and rng.random() < 0.5:
        return f"half {hour}"
    if minute == 15 and rng.random() < 0.5:
        return f"quarter past {hour}"
    return f"{hour}:{minute:02d}"


class _Filling:
    """Fills one scene's ``{placeholders}``; a name keeps its value within the scene."""

    def __init__(self, rng: random.Random, phase: str) -> None:
        self.rng = rng
        self.phase = phase
        self.values: dict[str, str] = {}

    def __call__(self, text: str, speaker: str, clock: datetime) -> str:
        def replace(match: re.Match[str]) -> str:
            name, suffix = match.group(1), match.group(2)
            if name == "pet":
                return self._pet(speaker)
            if name == "x":
                return _weighted(self.rng, SIGN_OFFS[self.phase])
            key = name + suffix
            if name == "time" and key not in self.values:
                later = clock + timedelta(minutes=self.rng.randint(25, 100))
                later -= timedelta(minutes=later.minute % 15)
                self.values[key] = _clock_time(later, self.rng)
            if key not in self.values:
                taken = {v for k, v in self.values.items() if k.rstrip("0123456789") == name}
                free = [v for v in FILLERS[name] if v not in taken]
                self.values[key] = self.rng.choice(free)
            value = self.values[key]
            before = text[: match.start()].rstrip()
            if not before or before[-1] in ".!?":  # it starts a sentence
                value = value[:1].upper() + value[1:]
            return value

        filled = _FILLER.sub(replace, text)
        filled = re.sub(r"(?:,\s*|\s)?\x00", "", filled)  # no pet name: drop its comma too
        return re.sub(r"[ \t]+(\n|$)", r"\1", filled).strip()

    def _pet(self, speaker: str) -> str:
        if self.rng.random() < PET_CHANCE[self.phase]:
            return self.rng.choice(PET_NAMES[speaker])
        return "\x00"


_ASKING = re.compile(
    r"(?i)(is|are|do|does|did|what|where|when|who|how|why|can|could|shall|should|would|will|have"
    r"|has)\b"
)


def _kissable(text: str) -> bool:
    """Whether a habitual " x" could end this message (not a question, not already signed)."""
    words = text.split()
    if len(words) <= 2 or words[-1] == "x" or _ASKING.match(text):
        return False
    return text[-1].isalnum() or text[-1] in ".!"


def render(
    scene: Scene, start: datetime, rng: random.Random, phase: str, pace: str | None = None
) -> list[Posted]:
    """The scene's messages, the first at ``start``; replies come at the ``pace`` (by default,
    the phase's)."""
    swap = scene.swap and rng.random() < 0.5
    pick = scene.turn
    fill = _Filling(rng, phase)
    day = datetime(start.year, start.month, start.day)
    posted: list[Posted] = []
    clock = start
    for line in scene.lines:
        if line.optional and rng.random() < 0.5:
            continue
        speaker = ({"R": "T", "T": "R"}[line.speaker]) if swap else line.speaker
        if line.at is not None:
            clock = day + timedelta(days=line.at[0], minutes=line.at[1])
        elif posted:
            if line.gap is not None:
                minutes = rng.randint(*line.gap)
            elif posted[-1][1] == speaker:
                minutes = rng.choice((0, 0, 0, 1, 1, 2))
            elif any(who != posted[0][1] for _, who, _ in posted):
                minutes = _reply_delay(rng, pace or "engaged")
            else:
                minutes = _reply_delay(rng, pace or phase)
            clock = max(clock + timedelta(minutes=minutes), clock)
        text = fill(line.options[pick % len(line.options)], speaker, clock)
        if scene.when is None and _kissable(text) and rng.random() < KISS_HABIT[phase]:
            text += " x"
        posted.append((clock, speaker, text))
    return posted


# ---------------------------------------------------------------------------------------------
# Composing the whole chat


@dataclass
class Story:
    """Every scene, by pool, and the beats, by day."""

    pools: dict[str, list[Scene]] = field(default_factory=dict)
    beats: dict[date, list[Scene]] = field(default_factory=dict)

    def spread(self, rng: random.Random) -> None:
        """Let the scenes that happen only a few times unlock at random points of their
        phase, so that the one-off stories do not all come out in its first week; and start
        every scene at a random wording."""
        for pool, scenes in self.pools.items():
            for scene in scenes:
                scene.turn = rng.randrange(2520)  # a multiple of every wording count up to 10
            if pool not in PHASE_DAYS:
                continue
            first, last = PHASE_DAYS[pool]
            span = (last - first).days
            for scene in scenes:
                if scene.limit <= DEFAULT_LIMIT and not scene.pinned:
                    scene.not_before = first + timedelta(days=int(rng.random() * 0.8 * span))

    def new_month(self) -> None:
        """Everyday scenes ("many") may happen as often again in the next month."""
        for scenes in self.pools.values():
            for scene in scenes:
                if scene.monthly:
                    scene.uses = 0

    @classmethod
    def read(cls, *texts: str) -> Story:
        story = cls()
        for text in texts:
            for scene in parse_scenes(text):
                if scene.when is not None:
                    story.beats.setdefault(scene.when.date(), []).append(scene)
                else:
                    story.pools.setdefault(scene.pool, []).append(scene)
        return story

    def pick(self, pool: str, slot: str, day: date, rng: random.Random) -> Scene | None:
        """A scene of ``pool`` that fits ``slot`` and ``day``; the more a scene has been used,
        the less likely it is to come up again."""
        fitting = [
            s
            for s in self.pools.get(pool, [])
            if slot in s.slots and s.uses < s.limit and s.fits(day)
        ]
        if not fitting:
            return None
        weights = [1 / (1 + s.uses) ** 2 for s in fitting]
        return rng.choices(fitting, weights)[0]


def _count(mean: float, rng: random.Random) -> int:
    """How many scenes a day has: around ``mean``, sometimes none, sometimes a busy day."""
    spread = rng.choice((-1.0, -0.5, 0.0, 0.0, 0.5, 1.0))
    value = max(0.0, mean + spread * max(1.0, mean / 2))
    whole = int(value)
    return whole + (1 if rng.random() < value - whole else 0)


Span = tuple[datetime, datetime]


def _overlaps(span: Span, busy: list[Span]) -> bool:
    margin = timedelta(minutes=20)
    return any(span[0] < end + margin and start < span[1] + margin for start, end in busy)


def _spans(messages: list[Posted]) -> list[Span]:
    """The stretches of a conversation, split where it pauses for three hours or more."""
    spans = [(messages[0][0], messages[0][0])]
    for when, _, _ in messages[1:]:
        if when - spans[-1][1] >= timedelta(hours=3):
            spans.append((when, when))
        else:
            spans[-1] = (spans[-1][0], when)
    return spans


def plan_day(day: date, story: Story, rng: random.Random, busy: list[Span]) -> list[Posted]:
    """Every message of one day (``busy`` holds the times already taken, and grows)."""
    phase = phase_of(day)
    posted: list[Posted] = []
    beats = story.beats.get(day, [])
    for beat in beats:
        assert beat.when is not None
        messages = render(beat, beat.when, rng, phase, pace="live")
        if any(b[0] < a[0] for a, b in pairwise(messages)):
            raise ValueError(f"the beat of {beat.when} goes back in time")
        posted += messages
        busy += _spans(messages)
    month = MONTHS[(day.year, day.month)]
    if phase != phase_of(day.replace(day=1)):  # a phase that starts mid-month
        month = MONTHS[(day.year + day.month // 12, day.month % 12 + 1)]
    kind = "weekend" if day.weekday() >= 5 else "weekday"
    count = _count(month.weekend if kind == "weekend" else month.weekday, rng) - 2 * len(beats)
    weights = SLOT_WEIGHTS[kind]
    slots: list[str] = []
    for _ in range(min(max(0, count), len(weights))):
        slot = _weighted(rng, [(s, w) for s, w in weights.items() if s not in slots])
        slots.append(slot)
    for slot in sorted(slots, key=lambda s: SLOTS[s][0]):
        pool = _weighted(rng, list(month.pools.items()))
        scene = story.pick(pool, slot, day, rng) or story.pick("daily", slot, day, rng)
        if scene is None:
            continue
        low, high = SLOTS[slot]
        start = datetime(day.year, day.month, day.day) + timedelta(minutes=rng.randint(low, high))
        messages = render(scene, start, rng, phase)
        answered = len(messages) > 1 and messages[1][1] != messages[0][1]
        if answered and rng.random() < UNANSWERED[phase]:
            messages = messages[:1]  # left unanswered
        span = (messages[0][0], messages[-1][0])
        if _overlaps(span, busy):
            continue
        scene.uses += 1
        scene.turn += 1
        scene.last_day = day
        posted += messages
        busy.append(span)
    return posted


def compose(seed: int = SEED) -> str:
    """The whole demo chat, as a WhatsApp (Android) export."""
    rng = random.Random(seed)
    story = Story.read(WARM, FADE, MEND, LAPSE, DAILY, BEATS)
    story.spread(rng)
    posted: list[Posted] = []
    busy: list[Span] = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        if day.day == 1:
            story.new_month()
        posted += plan_day(day, story, rng, busy)
        busy = [span for span in busy if span[1].date() >= day]
        day += timedelta(days=1)
    posted.sort(key=lambda message: message[0])
    first = posted[0][0] - timedelta(minutes=2)
    lines = [f"{first:%d/%m/%Y, %H:%M} - {ENCRYPTION_NOTICE}"]
    lines += [f"{when:%d/%m/%Y, %H:%M} - {NAMES[who]}: {text}" for when, who, text in posted]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the chat")
    parser.add_argument(
        "--check", action="store_true", help="only check that the file is up to date"
    )
    args = parser.parse_args(argv)
    chat = compose()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != chat:
            print(f"{args.out} is out of date; run scripts/make_demo_chat.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(chat, encoding="utf-8", newline="\n")
    messages = len(re.findall(r"^\d\d/\d\d/\d{4}, \d\d:\d\d - [^:\n]+: ", chat, re.M))
    print(f"wrote {args.out} ({messages} messages)")
    return 0


# ---------------------------------------------------------------------------------------------
# The material. Everything below was written for Rekindle; Rosa, Theo, their friends and
# family, Pickle the dog and Gerald the heron are fiction.

FILLERS: dict[str, tuple[str, ...]] = {
    "lunch": (
        "a sad meal deal",
        "leftover risotto",
        "noodles with Jess",
        "a jacket potato the size of my head",
        "soup from the place on the corner",
        "a falafel wrap",
        "crisps and regret",
        "a very beige sandwich",
        "last night's tacos",
        "sushi from the station",
        "a salad I'm pretending to enjoy",
        "the canteen lasagne",
        "a pasty, don't judge me",
    ),
    "dinner": (
        "tacos",
        "the lentil thing",
        "mushroom risotto",
        "a big stir fry",
        "pasta bake",
        "shakshuka",
        "fish finger sandwiches",
        "dal and rice",
        "halloumi wraps",
        "soup and cheese toasties",
        "gnocchi",
        "Thai green curry",
        "homemade pizza",
        "that chickpea stew",
        "sausage and mash",
    ),
    "show": (
        "the Danish detective one",
        "the baking show",
        "the lighthouse series",
        "the house renovation programme",
        "the octopus documentary",
        "the spy thing",
        "the vet in the Dales",
        "the island murder mystery",
        "the pottery competition",
    ),
    "friend": ("Priya", "Femi", "Jess", "Dev", "Marcus"),
    "shop": ("Tesco", "the big Sainsbury's", "Aldi", "the corner shop", "Lidl", "the Co-op"),
    "item": (
        "milk",
        "bread",
        "eggs",
        "loo roll",
        "dog food",
        "coffee beans",
        "bananas",
        "onions",
        "washing up liquid",
        "bin bags",
        "butter",
        "cheese",
        "tomatoes",
        "pasta",
        "rice",
        "teabags",
        "yoghurt",
        "kitchen roll",
    ),
    "mins": ("10", "15", "20", "25", "30", "40"),
    "place": ("the canal", "the park", "Hollins Wood", "the rec", "the river path"),
    "pub": ("the Crown", "the Fox and Anchor", "that new tapas place", "the food market"),
    "rwork": (
        "the planning meeting",
        "the site visit",
        "the client call",
        "the crit with Graham",
        "the tender review",
        "the meeting with the council",
        "the structural engineer",
    ),
    "twork": (
        "the Year 9s",
        "a mountain of marking",
        "the department meeting",
        "cover lessons",
        "the fieldwork forms",
        "a learning walk",
        "Year 11 mocks",
    ),
    "pickle": (
        "barked at his own reflection in the oven door",
        "stole a sock and did a lap of honour round the garden",
        "sat on the ginger cat's wall like he owns it",
        "growled at a pumpkin",
        "fell asleep with his head in his food bowl",
        "tried to make friends with a swan. The swan said no",
        "carried a stick the size of a small tree all the way home",
        "rolled in something unspeakable at the park",
        "stared at the hoover for an hour like it owes him money",
        "found a tennis ball in the hedge and is treating it like treasure",
        "has taken your slipper to his bed and won't give it back",
    ),
    "treat": (
        "brownies",
        "cinnamon buns",
        "those fancy crisps",
        "a massive bar of chocolate",
        "custard tarts",
        "the good ice cream",
    ),
    "song": (
        "our song",
        "that song from the wedding",
        "the one you sing in the shower",
        "the song from our first holiday",
        "your terrible karaoke song",
    ),
    "weather": (
        "absolutely chucking it down",
        "gorgeous",
        "freezing",
        "so windy my hair is a hedge",
        "weirdly warm",
        "grey and drizzly",
    ),
    "lost": (
        "black jumper",
        "house key",
        "phone charger",
        "big scarf",
        "headphones",
        "blue mug",
        "reading glasses",
    ),
    "tradesman": ("plumber", "electrician", "boiler man", "window cleaner", "locksmith"),
    "quizpos": ("second", "third", "fourth", "fifth"),
    "place_out": (
        "the Jaipur",
        "the little Italian place",
        "the dumpling bar",
        "the Crown",
        "the Greek place on Mill Lane",
    ),
}
WARM = """
@ warm morning many
T: Morning {pet} ☀️ || Morning you x || Mornin. Pickle says hi 🐶 || Good morning gorgeous || Morning! Sleep ok?
R: Morning ❤️ || morning x || Mornin Teddy 😘 || hiii. barely awake || Morning! Slept like a log
?T: Coffee's in the pot for you x || Left you the last croissant || Have the best day x || Pickle's had breakfast, ignore his lies
?R: You're the best ❤️ || ily || 🥰 || Noted 😂 || Thank you x

@ warm morning many weekday
R: Did you get in ok? The roads looked mad || You got to school ok? || Made it in?
T: Just about. Someone parked across the gates again || Yep, even had time for a coffee || Yes! Year 7s already hyper
R: Have a lovely day {pet}{x} || Phew. Have a good one{x} || Good luck with {twork}{x}
?T: You too. Love you || You too ❤️ || Thanks, you too x

@ warm morning once
R: Did you take my good umbrella?
T: ...define "take"
R: THEO. It's chucking it down
T: Sorry!! The spotty one is by the door
R: The spotty one has three working spokes
T: Three is loads of spokes. I'll make it up to you x
R: You will. Tonight. With dinner 😂

@ warm morning many
T: Pickle {pickle} || Update: Pickle {pickle} || Your dog {pickle}
R: 😂 that dog || Of course he did 😂 || Our son. A legend || I love him so much
?T: He gets it from you || I'm so proud of him honestly
?R: Rude 😂 || Excuse me x || Accurate

@ warm morning once
R: Just realised I left my lanyard on the kitchen table 🤦‍♀️
R: Any chance you're still home?
T: Left 10 mins ago but I can nip back?
R: No no, reception can let me in. I just love making my life harder
T: One of your many talents x

@ warm morning once weekday
T: Forgot to say, you looked really lovely this morning. Even with the toothpaste on your chin
R: THERE WAS TOOTHPASTE ON MY CHIN??
T: Was. I got it. You were half asleep
R: My hero 😂❤️

@ warm morning many
R: Is it the weekend yet || This week is so long already || Why does it still feel like Monday
T: It's basically the weekend if you squint || Hang in there, curry Friday is coming || Nearly there. I'm counting the sleeps
R: Squinting very hard || 🍛🍛🍛 || Counting with you x

@ warm morning once
T: The bin men came early and I ran out in my dressing gown with the recycling
T: Mrs Okafor from number 12 saw everything
R: 😂😂😂 the blue dressing gown?
T: The blue one
R: She'll be telling the whole street by lunchtime

@ warm morning once
R: I had the weirdest dream. You were a lighthouse keeper and Pickle was your assistant
T: Honestly that sounds like a great life
T: Was I good at it
R: Terrible. You kept turning the light off to save electricity
T: Sounds like me x

@ warm morning twice
T: Is it bad that I miss you already and I only left an hour ago || Missing you already. Is that tragic? || I miss you. That's the whole message
R: Not bad at all. Same x || Very tragic. Same though ❤️ || Best message. Miss you too 🥰

@ warm morning once
R: Just saw a fox on the way to the station! Bold as anything, sitting on a wall
T: Did it look at you like Pickle looks at the cat
R: Exactly like that. Like it paid the rent
T: 😂 I love that you text me about foxes

@ warm morning once weekend
T: Gone for a run. Back in 40. Want pastries?
R: Yes please!! Almond croissant x
T: Obviously. I know you
?R: You're a good man, Theo

@ warm morning once
R: Thank you for putting the heated blanket on my side before you left. Genuinely the nicest thing
T: Couldn't have you getting into a cold bed when I'm not there
R: ❤️ you're so thoughtful

@ warm morning once
T: Dad joke of the day: I tried to write a joke about rivers but it just kept running on
R: Booooo 😂
R: I love you but boo
T: You laughed though
R: I did a tiny bit

@ warm morning twice
T: Happy Friday {pet} 🎉 || It's Friday!! || FRIDAY. We made it
R: Curry tonight? || We made it 🙌 Curry? || Best day of the week. Jaipur later?
T: Do you even need to ask || Already thinking about the naan || Obviously. The usual
?R: Best tradition we have ❤️

@ warm lunch many
T: What are you having for lunch? || What's for lunch over there? || Lunch report please
R: {lunch}. You? || {lunch} 😋 what about you? || {lunch}. Living the dream
T: {lunch2}. Jealous of yours || {lunch2}, eaten in four minutes flat between lessons || {lunch2}. Thinking about dinner already
?R: Ha. See you later {pet}{x} || Counting the hours x || Poor you 😂

@ warm lunch many
R: How's your day going? || How's the day treating you? || How are the teenagers today?
T: {twork} but not too bad. Yours? || Honestly not bad! How's yours going? || Survived the morning. How's yours?
R: Good! {rwork} went better than I thought || Busy but fine. {rwork} this afternoon || Long. Can't wait to see you tonight
?T: So proud of you x || You'll smash it || Hang in there {pet} x

@ warm lunch+afternoon once weekday
T: A Year 8 asked me today if I'd ever met a dinosaur
R: 😂 what did you say
T: I said only the ones in the staff room
R: You're going to get in so much trouble
T: Worth it

@ warm lunch+afternoon once
R: Guess who I just bumped into at the sandwich shop
T: Who??
R: Your old housemate Marcus! He's got a beard now. A big one
T: No way. Marcus with a beard is a terrifying thought
R: He says hi and we should do a pub thing
T: We should actually. I'll message him

@ warm lunch+afternoon once weekday
R: <Media omitted>
R: Look at this dog outside the office. It's Pickle's twin!!
T: That's uncanny. Same eyebrows
T: Does he also steal socks
R: I didn't ask. I'll ask
T: Please do x

@ warm lunch+afternoon once weekday
R: You're going to laugh. I just called Graham "Dad" in a meeting
T: NO
R: In front of the client
T: 😂😂 what did he do
R: He said "yes, son" and carried on. I want the floor to swallow me up
T: I love him for that. And you. Mostly you

@ warm lunch+afternoon twice
R: Thinking about you{x} || Just wanted to say I love you. That's all || Random reminder that you're my favourite person
T: Thinking about you too ❤️ || Love you more || You're my favourite person too. Don't tell Pickle
?R: 🥰 || Our secret x

@ warm lunch+afternoon once from:2024-07-05
T: First tomato of the summer!! 🍅
T: <Media omitted>
R: Look at it!! It's perfect
R: Can we frame it
T: We're eating it tonight. With ceremony
R: I'll get the good olive oil out

@ warm lunch+afternoon once
R: Just heard {song} in the supermarket and did a little dance by the yoghurts
T: Please tell me someone saw
R: A man with a trolley gave me a thumbs up
T: That's the dream x

@ warm lunch many
T: What do you fancy for dinner? || Dinner thoughts? || What shall we have tonight?
R: Something easy. {dinner}? || Ooh. {dinner}? || I could really go for {dinner}
T: Perfect. I'll do it, you had a long week || Yes. I'll cook, you choose the film || Deal. I'll be home first so I'll start it
R: You're a star ❤️ || Thank you {pet}{x} || This is why I love you

@ warm lunch+afternoon once weekday
T: Just had a Year 10 tell me my lesson was "actually not boring"
R: That's basically a standing ovation
T: I'm getting it framed
R: Next to the tomato? 😂
T: Next to the tomato

@ warm lunch+afternoon once weekday
R: Walked along {place} at lunch. It's {weather}
T: Sounds lovely. Take me next time?
R: Every time x || Saturday, with Pickle?
?T: It's a date ❤️

@ warm lunch+afternoon once weekday
T: My Year 11s just got their mock results back. Every single one of them passed
R: Theo!! That's amazing
R: You worked so hard with that group. Well done x
T: They did the work. I just nagged
R: You did more than nag. I'm so proud of you ❤️

@ warm lunch+afternoon once
R: Mum says hi and asks if you're still eating enough vegetables
T: Tell her I had a carrot last week
R: She says that's not enough and she's posting you a recipe book
T: I love your mum
R: She loves you more than me I think 😂

@ warm lunch+afternoon once from:2024-07-20
T: Dad's sent a photo of a marrow from the allotment
T: <Media omitted>
R: That's bigger than Pickle
T: He wants to know if we want it
R: Tell him yes. I'll make soup for a month

@ warm lunch+afternoon+evening once weekday
R: Graham changed the brief AGAIN
R: Third time this week. I want to lie face down on the office floor
T: That sounds so frustrating. I'm sorry
T: Want me to pick up dinner so you don't have to think about anything tonight?
R: Yes please. You're the best
T: Noodles from the good place. And a bath for you
R: Marry me 😂
T: Already planning to x

@ warm lunch+afternoon+evening once
T: There might be something on the kitchen table for you when you get in
~ 40-90
R: TULIPS 😭
R: What's the occasion??
T: It's a Wednesday
R: Best reason. Thank you, I love them. I love you ❤️

@ warm afternoon many
T: Out of school! || Finished for the day 🙌 || Free at last. How's your afternoon?
R: Lucky you. Still two hours to go || Jealous. I'm stuck in {rwork} till 5 || Not bad! How was yours?
T: I'll have the kettle on for you x || I'll take Pickle out and then start dinner || {twork}, but good. Tell you later
?R: Perfect. See you soon {pet} || You're a dream x

@ warm lunch+afternoon+evening once weekday
R: Did 5k without stopping at lunch!! First time ever
T: ROSA. That's brilliant
T: Remember in March when you said you'd never be a runner
R: I'm a runner now. I'm going to be insufferable
T: Be as insufferable as you like. So proud of you ❤️

@ warm lunch+afternoon+evening once weekday
T: Had a really rubbish lesson. Nothing went right and I lost them completely
R: Oh no. That sounds rough
R: One bad lesson doesn't make you a bad teacher. You know that, right?
T: I know. Still stings
R: Want a long hug when you're home?
T: Yes please. The longest one
R: I'll put the kettle on too x

@ warm lunch+afternoon+evening twice
T: <Media omitted>
T: Pickle, helping with the marking || Pickle has claimed the sofa again || Look who's waiting by the door for you
R: 😍😍 || My boys ❤️ || He's so handsome. You're ok too
?T: Just ok?? || High praise x

@ warm lunch+afternoon+evening once
R: Got a puncture on the way home, walking the bike 😩
T: Oh no! Where are you? I can come and get you with the car
R: By the big roundabout. Would you? You're a star
T: Leaving now. Stay put x
R: Thnak you
R: *thank you. Hands are freezing
R: Thank you {pet} ❤️

@ warm lunch+afternoon+evening twice
T: Do you think Pickle knows he's a dog || Genuine question: does Pickle know he's a dog
R: He thinks he's a small man in a fur coat || I think he thinks he's a landlord
T: A small man who eats socks || Accurate, he collects rent in treats
R: A complicated man 😂

@ warm lunch+afternoon+evening once weekday
R: Sketched the house from the garden at lunch yesterday, finished it just now
R: <Media omitted>
T: Ro that's beautiful
T: You got the wonky drainpipe and everything
R: Couldn't leave out the wonky drainpipe. It's part of the family
T: We should frame it. For the hallway

@ warm lunch+afternoon+evening once
T: Found this in the cupboard
T: <Media omitted>
R: OUR FIRST HOLIDAY. Look how young we look
T: Look at my hair. Why did nobody stop me
R: I loved that hair. I love this hair too
T: Good save x

@ warm lunch+afternoon+evening once weekday
R: Remember that B&B in Whitby with the parrot?
T: The parrot that said "good evening Brian" to everyone
R: Someone just said good evening Brian in the office and I had to leave the room
T: 😂 I think about that parrot weekly
R: Same. We should go back

@ warm lunch+afternoon+evening twice weekday
R: How was school? || How was your day? || How was the rest of your day?
T: Actually really good. Tell you over dinner || Long but good! Can't wait to see you || Bit chaotic. Better now I'm home with Pickle
R: Can't wait. Home soon x || Me too ❤️ || He's the best therapist. Home in {mins}

@ warm lunch+afternoon+evening once
T: Random thought: I really like our life
R: That's a lovely random thought
R: I really like it too. Every bit
T: Even the wonky drainpipe
R: Especially the wonky drainpipe

@ warm evening many weekday
T: Leaving school now, home in {mins} || On my way home{x} || Just leaving, want anything?
R: Yay. See you soon{x} || Could you grab {item}? Then come home to me || Just you. See you soon {pet}
?T: Can't wait x || On it || Can't wait

@ warm evening many
R: What shall we watch tonight? || Sofa plans for tonight? || Film or {show}?
T: {show}? || Next episode of {show}. I need to know what happens || {show}, and I'll make popcorn
R: Yes. Snacks? || Perfect. I'll get {treat} || You read my mind
T: {treat}. Obviously || You're the best{x} || Popcorn's already popping x

@ warm evening+night once
T: Burnt the rice
T: How do you burn rice
R: Talent
R: It's a gift, honestly
T: Dinner is now "smoky rice". Chef's special
R: I'll eat it and I'll like it x

@ warm evening many
R: I'm making {dinner} tonight. Be home by {time} and it's all yours || Cooking {dinner} tonight, home by {time}? || Dinner's {dinner}, I'm on it
T: Deal. I'll bring {treat} || Amazing, you're a star || Yes!! I'll walk Pickle first then I'm all yours
?R: Perfect ❤️ || See you soon{x}

@ warm evening many tue
T: Quiz tonight? Priya and Femi are in || Pub quiz tonight? || Quiz? Pickle's Dinner Party needs us
R: Obviously. We're winning this time || Yes! See you at the Crown at 8 || Wouldn't miss it. I've been revising flags
T: 🏆 || See you there x || Team captain

@ warm night twice tue
R: We came {quizpos}!! || {quizpos}!!! Best we've ever done || Ok we came {quizpos} but I'm still proud
T: All thanks to your flag knowledge || The music round was all you || We'll win next time. Proud of us
R: Team effort ❤️ || Pickle's Dinner Party forever

@ warm evening twice wed
T: Five a side tonight, back about 9 || Football tonight, home by 9:30 || Off to five a side. Back around 9
R: Have fun! Don't trip over the ball this time 😂 || Enjoy! Try not to sprain anything || Have fun{x}
T: One time. It happened one time || No promises || Love you x

@ warm evening twice fri
R: Curry Friday! Usual? || Jaipur? The usual? || Friday curry order going in soon
T: Usual. And an extra peshwari naan, it's been a week || Usual please! I'm starving || Yes please. I'll grab some beers on the way
R: Ordering now x || Already done. You know me || Deal. Love you
?T: Best wife. I mean girlfriend. Best girlfriend || 🍛❤️

@ warm evening+night once weekday
R: At Jess's birthday drinks. Home by 10ish. Miss you x
T: Have fun! Say happy birthday to Jess from me
T: I'll be on the sofa with Pickle. Wake me up when you're home
R: You'll be asleep by 9:30
T: That's fair

@ warm evening many
T: Shall we go to {place} with Pickle at the weekend? Pub lunch after? || What shall we do this weekend? I vote {place} and a pub || Weekend plan: {place}, Pickle, a long lunch. Thoughts?
R: Yes!! And pancakes on Saturday morning? || Perfect. I'll see if {friend} wants to come for lunch || Yes please. Just us x
T: Pancakes are non-negotiable || Great idea || Just us ❤️

@ warm evening+night once
T: {friend} wants to do a barbecue on Saturday, are we in? || {friend} is asking if we want to come to a barbecue on Sunday
R: We're in! I'll make the halloumi skewers || Definitely, I'll make the potato salad
T: And I'll bring the terrible playlist
R: It's not terrible, it's nostalgic x

@ warm evening+night once
R: Shall we go to the coast next weekend? Just us and the dog
T: Yes! Let's do it. Seaside and chips
R: I'll find somewhere that takes dogs for lunch
T: Pickle's going to lose his mind at the sea
R: He always does. It's the best x

@ warm evening+night once
R: Just finished the book you gave me. I'm furious with you
T: Why??
R: Because it's over. And now I have to live without them
T: Told you you'd love it
R: I'm going to need you to recommend another one immediately x

@ warm evening+night twice
R: Long day. Can't wait to get home to you || Home soon. Put the kettle on? || Nearly home. Need a hug
T: Kettle's on ❤️ || Blanket's on the sofa, Pickle's warmed your spot || Hug waiting x

@ warm evening+night once
R: Priya says we're "disgustingly cute" in the photos from Saturday
T: She's not wrong
R: <Media omitted>
T: Look at us. That's a good one
R: Printing it for the fridge ❤️

@ warm night many
T: Night {pet} ❤️ || Sleep well x || Going to sleep. Love you || Night night
R: Night ❤️ || Love you. Sweet dreams x || Night Teddy 😘 || Sleep tight x

@ warm night twice
R: Still awake? || Are you asleep yet?
T: Nearly. What's up? || Just about. You ok?
R: Nothing. Just wanted to say I love you || Just thinking how lucky I am
T: Love you too. Now go to sleep 😴 || I'm the lucky one x

@ warm night once
R: Home safe, taxi dropped me at the door
T: Good. Was it fun?
R: So fun. Jess made a speech about turning 30 and cried twice
T: Come up to bed and tell me everything x

@ warm lunch+afternoon+evening once weekday
R: Just got out of the site visit. I love this job sometimes
R: Stood on the roof of the new school and watched the sun come out over the whole city
T: That sounds amazing
T: I love that you get to do that
R: I wish you could have seen it. Next time I'm bringing you

@ warm evening+night once
T: Made a playlist for the drive on Saturday
T: It's called "Rosa's road trip bangers"
R: Is it all songs I like or songs you like to sing at me
T: ...both
R: Perfect ❤️

@ warm lunch+afternoon once weekday from:2024-06-01 until:2024-07-10
R: Work summer party is on the 19th. Plus ones allowed. Want to come?
T: I'd love to. Do I have to dance?
R: Yes. Badly. With me
T: I can do badly x

@ warm afternoon+evening once everyday
R: Can we get a second dog
T: No.
R: A small one
T: ...how small
R: 🥰
T: I said how small, not yes

@ warm afternoon+evening once everyday
T: Pickle and I made you a cake
T: <Media omitted>
R: Is that a paw print in the icing
T: He insisted on signing it
R: I love you both so much 😂❤️

@ warm afternoon+evening once
R: Picnic in the park after work? It's gorgeous out
T: Yes! I'll grab stuff from the Co-op
R: Get the posh crisps
T: Only the best for you x

@ warm lunch+afternoon many everyday
T: I love you. That's it. That's the text || Just a reminder that I think you're brilliant || You're my favourite. That's all || Counting down till I see you
R: Best text ❤️ || Noted and returned x || 🥰 you're mine too || Same. So many hours x

@ warm evening once weekday
R: How did parents' evening go?
T: Really good! One mum said her son talks about my lessons at dinner
R: Of course he does. You're brilliant at what you do
T: Stop, I'm blushing
R: Blush away x

@ warm afternoon+evening once from:2024-07-25 until:2024-08-16
T: What are you wearing to Bea's engagement party? I need to match
R: The green dress
T: I'll get a green tie. We'll look like a matching set
R: We ARE a matching set x

@ warm afternoon+evening once from:2024-06-10
R: I keep thinking about the house with the blue door
T: Me too. Let's save properly this year
T: Our own blue door one day
R: Our own blue door ❤️

@ warm lunch+afternoon once everyday
T: Just saw an old couple holding hands at the bus stop
T: That's going to be us
R: Us with Pickle the fourth
T: And Gerald's great-grandchildren
R: 🥹

@ warm morning twice
R: Morning run done, coffee on, thinking about you. Good start to the day || Up early, sun's out, and I've got you. Good start x
T: Show off 😂 love you || Best start. Love you

@ warm lunch+afternoon once weekday from:2024-05-13 until:2024-07-18
T: Told my Year 10s about Gerald and now the whole class wants a heron update every Monday
R: Gerald is famous
R: I'll keep him under surveillance for you
T: Thank you for your service x

@ warm afternoon+evening once
R: Bea says we're the couple goals of the family
T: Tell her we're just two idiots who like each other
R: Very much like each other
T: Very very much x

@ warm evening+night once
T: Can I say something soppy
R: Always
T: I'm really happy. Like properly happy. With you, this house, all of it
R: Me too. I love our little life ❤️

@ warm lunch+afternoon once
R: Do you remember where we put the picnic blanket?
T: Under the stairs, behind the hoover
T: Why, are we picnicking?
R: We are now. {place} at 6?
T: It's a date x

@ warm afternoon+evening twice everyday
T: How's your day been, really? || You seemed tired this morning. You ok?
R: Honestly a bit of a slog. Better now || I'm ok! Just a long week. Thank you for asking ❤️
T: Sofa and {dinner} tonight. I've got it || Come home, I'll run you a bath
R: You're the best x

@ warm afternoon+evening once
R: Just booked us a pottery taster class for Saturday! Is that ok? Bit spontaneous
T: Pottery?? Like in the film?
R: Exactly like in the film
T: I'm in. I'm going to make you a terrible mug

@ warm evening+night once weekend
T: Thank you for today. Best Saturday in ages
R: It really was. The market, the walk, the dumplings
T: The dumplings ❤️
R: Let's do it again next weekend

@ warm lunch+afternoon many
R: What are you up to? || Entertain me, I'm bored || What's happening over there?
T: {twork}. You? || Thinking about you, obviously || Hiding in the prep room with a biscuit
R: Same old. Wish I was with you || Obviously x || Living the dream
?T: Soon x || Always || It's a good biscuit

@ warm lunch+afternoon few weekend
R: What are you doing right now? || What are you two up to?
T: Pickle and I are in the garden pretending to weed || Pickle and I are watching the tomatoes grow
R: Send a photo. I need proof || Riveting. Send a photo
T: <Media omitted>
?R: My favourite gardeners ❤️

@ warm afternoon+evening twice weekend
T: Pickle and I are at {place}. Come and find us when you're back from Bea's?
R: On my way! Save me a bench
T: Got you a bench and a coffee
R: Best boys ❤️

@ warm lunch+afternoon many everyday
T: Can't stop thinking about {dinner} tonight || Is it dinner time yet || Is it weird I'm already planning what we're doing this weekend
R: Me neither 😂 || Nearly. Hold on || Not weird. Cute. What have you got?
T: Three more hours || Holding on || Long walk, late breakfast, you x

@ warm afternoon+evening twice weekend
R: At Mum's, she's made enough lasagne for twelve. Bringing some home || Mum's sending you a whole tray of her biscuits
T: Best news I've had all day || Your mum is a saint
R: She thinks you're too thin || She thinks you looked tired last time
T: Tell her I love her x

@ warm night many
R: Are you coming to bed or are you still marking? || Bed? || Come to bed, it's late
T: Two more essays. Then I'm all yours || Five minutes || Just finishing a lesson plan. Coming
R: I'll keep your side warm || Five real minutes || Ok. Love you
?T: Love you x

@ warm night twice
T: Leaving the pub now, want chips? || Leaving Dev's, home in 20. Want anything?
R: Always want chips || Just you. And maybe chips
T: Chips it is x

@ warm night once
R: Home from book club! Are you still up?
T: Just about. How was it?
R: Nobody read the book. We talked about Bea's wedding for two hours
T: Perfect book club x

@ warm afternoon+evening twice
R: Shopping list for the weekend, add anything I've missed:
  - eggs
  - the good bread
  - {item}
  - something for Pickle, he's been a good boy
  - {treat}
T: Add: you, in a nice mood, on the sofa
R: Already on the list x

@ warm evening+night once
T: Ideas for the summer, in order of how much I want them:
  1. Cornwall with Pickle
  2. The coast again
  3. Literally anywhere with you and a pub
R: 3 is my favourite
R: But also 1
T: 1 and 3 combined then x

@ warm lunch+afternoon once weekday
R: Today's highlights so far:
  Graham wore odd socks
  The new intern called me "boss"
  I found £5 in my coat
T: Incredible day. Peak of your career
R: I know. It's all downhill from here 😂
"""

FADE = """
@ fade evening many weekday
R: Going to be late again. Don't wait for dinner || Still at the office. Eat without me || Running late, Graham's called another meeting
~ 5-60
T: ok || Ok. I'll save you some || Again?
?R: Sorry || I know. Sorry

@ fade afternoon many
T: How's your day? || How's it going today? || How did {rwork} go?
~ 90-220
R: Busy. Can you take the bins out tonight? || Fine. Long. Did you remember the parcel? || ok. Mad busy. Home late
?T: Yep || Sure

@ fade lunch+afternoon twice weekday
T: Miss you today || Thinking about you. Hope today's ok || Miss you x
~ 120-260
R: Sorry, mad day. Home by 8 || Sorry, only just seen this. Crazy busy || Sorry. Back to back meetigns
?T: It's fine

@ fade lunch+afternoon+evening twice
T: <Media omitted>
T: Pickle in his new jumper 😂 || Pickle asleep upside down again || Look at this idiot dog
~ 100-300
R: cute || 😂 || Ha. Did you call the vet back?

@ fade evening many
T: Are you home for dinner? || Home for dinner tonight? || Will you be back for dinner?
~ 40-150
R: No, sorry. Eat without me || Probably not. Save me a plate? || Not till 9. Don't wait
?T: ok || Will do

@ fade evening+night twice weekday
T: Fancy a walk at {place} on Saturday? Like we used to || Want to do something this weekend? Just us?
~ 60-180
R: Maybe. Depends how much I get done on Friday || I'll try. Graham wants the drawings Monday
?T: ok. Let me know || You said that last weekend

@ fade night many
T: Going to bed. Night || Night || Off to bed
~ 10-90
R: night || Night. Won't be long || ok night

@ fade night twice weekday
R: Still at the office. Go to bed, don't wait up || Still here. Don't wait up || Another hour at least. Go to sleep
~ 5-40
T: Ok. Night || Night then || ok

@ fade evening twice tue
T: Quiz tonight? Priya's asking if we're coming || Pub quiz tonight? The team misses you
~ 30-120
R: Can't, deadline. Go without me || Not tonight. You go
T: ok

@ fade morning twice weekday
T: You ok? You seemed really stressed this morning || You ok? You looked exhausted this morning
~ 60-200
R: Just tired. Don't worry about it || Fine. Just this project
?T: Ok. I'm here if you want to talk

@ fade lunch+afternoon+evening once
T: Pickle's limping a bit on his back leg. I'll take him to the vet tomorrow
~ 40-120
R: ok thanks. Let me know what they say
T: Will do

@ fade lunch+afternoon+evening twice
T: Saw Gerald on the canal today || Gerald was out on his rock today
~ 200-320
R: Can you move the car before 8 tomorrow? Street cleaning || Did the council tax go out?

@ fade evening+night once
R: Did you eat all the {treat}?
T: There were two left
R: There WERE two left
T: Sorry. I'll get more

@ fade morning once
R: Where did you put the car keys
T: Hook by the door. Where they always are

@ fade evening+night once weekday
T: The kitchen's a state again
~ 20-60
R: I've been at work for 12 hours
T: I know. I just can't do all of it on my own
R: I do loads too, you just don't see it
~ 60-120
T: ok

@ fade evening+night once
R: Sorry I've been so absent. This project is taking over everything
~ 30-90
T: I know
T: It's fine

@ fade evening once weekend
T: Can we do something this weekend? Just us?
R: I'll try. I need to go in on Saturday morning
T: You said that last weekend
R: I know. I'm sorry. After the tender, I promise
~ 10-30
T: ok

@ fade lunch+afternoon once
T: Danny sent some pics of Alfie
T: <Media omitted>
~ 150-260
R: Cute. Did you move the money over for the bills?

@ fade evening+night twice
T: {show} has a new series out. Watch it tonight? || Want to watch something tonight?
~ 60-180
R: Probably too tired tonight, sorry || Maybe. Got a few emails to finish first

@ fade lunch+afternoon+evening once
R: Can you pick up my prescription from the chemist? It's ready after 3
T: ok

@ fade morning once weekend
R: Going into the office for a few hours. Back by 3
T: It's Sunday
R: I know.

@ fade lunch+afternoon+evening once
T: Remember it's Alfie's naming day on Saturday
R: What time?
T: 12. I told you last week
R: Right. Yes. I'll be there

@ fade evening+night once
R: Electric bill's gone up again
T: How much?
R: £142 this month
T: Great

@ fade evening+night once
T: I feel like we never see each other anymore
~ 30-90
R: I know. It'll calm down after the tender
T: You said that about the last deadline
R: What do you want from me? I can't just not do my job
~ 20-60
T: Forget it

@ fade evening+night once
T: You left the hob on again this morning
~ 60-120
R: Thanks Sherlock, I realised when I got home
T: I'm just saying. It's not safe
R: ok. Noted.

@ fade evening+night once weekday
T: Is it too much to ask for a text when you're running late?
~ 30-90
R: I did text
T: At 8. When you were meant to be home at 6
R: I was in a meeting. What was I supposed to do, walk out?
~ 40-120
T: Whatever

@ fade evening+night once
R: Why is it always me who remembers the bins?
T: I did them last week
R: And I did them the two weeks before that
T: ok. I'll do them tonight

@ fade evening+night once
T: Pickle's dog food delivery didn't come
R: Did you order it?
T: I thought you did
R: Brilliant
~ 5-20
R: I'll get some from the big Tesco on the way home

@ fade morning once
R: Sorry I snapped this morning
~ 50-140
T: It's ok

@ fade lunch+afternoon+evening once
T: Priya and Femi asked us to dinner Saturday. I said I'd check with you
~ 90-200
R: I can't this weekend. Sorry
T: I'll tell them

@ fade morning once
R: Where's my passport? Need it for ID at the bank
T: Top drawer in the spare room

@ fade evening twice fri
T: Happy Friday. Curry? || Jaipur tonight?
~ 60-150
R: Still here. Get one for yourself || Can't tonight. Sorry

@ fade evening+night twice
R: Want to watch something tonight? || Film tonight?
~ 60-160
T: Marking. Maybe later || I'm shattered. Going to read in bed

@ fade night once
R: You've been really quiet this week
~ 20-60
T: Busy week

@ fade evening+night once
T: Can you not leave wet towels on the bed
~ 40-120
R: ok

@ fade lunch+afternoon+evening once
R: Did you book the MOT?
~ 30-90
T: Yes. Friday at 9
R: thanks

@ fade evening+night once
T: Auntie Sue's 60th is on the 12th. Did you want to go halves on a present?
R: Who's Auntie Sue?
T: Dad's sister. You've met her four times
R: Sorry. Yes, fine. Send me the link

@ fade lunch+afternoon once
R: I'm sorry I forgot to ring the letting agent. I'll do it today
~ 60-140
T: I already did it

@ fade evening+night once
T: I cooked {dinner}. It's in the fridge
~ 90-200
R: thanks

@ fade evening+night once weekday
T: Are you coming to bed or working?
~ 20-60
R: Half an hour
~ 70-110
T: I'm going to sleep. Night

@ fade lunch+afternoon+evening once
R: Can we not do the thing where you sigh every time I open my laptop
~ 60-180
T: I didn't sigh
R: You sighed. Twice
T: I'm allowed to be tired too

@ fade lunch+afternoon once weekday
T: Just had the worst lesson. Year 9 were feral
~ 120-240
R: Oh no. Is there any milk left? I'll pick some up if not

@ fade morning once weekday
T: Forgot my lunch. Could you drop it in if you're passing?
~ 40-90
R: I'm not passing. Sorry
T: Ok, I'll get something from the canteen

@ fade evening+night once
R: Tried to ring you
T: I was walking Pickle. What's up?
R: Nothing. It's fine now

@ fade evening many
R: Home at {time} || Back at {time} probably || Should be home by {time}
~ 10-60
T: ok || Ok || 👍

@ fade afternoon+evening twice
R: Can you walk Pickle tonight? I'll be late || Can you do Pickle's walk? I'm stuck here
~ 15-60
T: Already did || Yes

@ fade evening twice
T: How was your day? || Good day?
~ 60-180
R: Long. || Fine. Tired || Don't ask

@ fade night once
T: Are you up?
~ 300-420
R: Sorry, fell asleep on the sofa

@ fade evening+night once weekday
R: I'll be working this weekend
T: Both days?
R: Saturday at least
T: ok

@ fade afternoon+evening once
T: Priya's birthday drinks on Friday, are you coming?
~ 40-120
R: Ill try and get there for 9
~ 30-90
T: ok. I'll tell her

@ fade night once
R: Forgot to say, the boiler man is coming tomorrow at 8
T: You could have told me earlier. I've got a meeting before school
R: Sorry. I'll ask if they can do the afternoon

@ fade afternoon+evening once
T: I'm going to Dad's this weekend
R: On your own?
T: You're working anyway
~ 30-90
R: ok

@ fade afternoon+evening once
T: Do you want to do the big shop together on Sunday? Could get lunch after
~ 60-160
R: I'll just order online, it's quicker

@ fade evening+night once
T: Watching {show} without you, sorry, couldn't wait
~ 60-120
R: That's fine

@ fade afternoon+evening once
T: Can we talk at some point this week?
~ 40-120
R: About what?
T: Just us. Nothing bad
R: Maybe at the weekend. This week's impossible

@ fade evening+night once
R: I'm so tired
T: Come home then
R: Can't

@ fade lunch+afternoon once weekday
R: The office is freezing. Can you bring my big coat if you're coming into town?
T: I'm not coming into town

@ fade night twice
T: Pickle sat by the door all evening waiting for you || Pickle's been looking for you all evening
~ 60-140
R: Tell him sorry || Give him a cuddle from me

@ fade afternoon+evening once
T: Do you still want to go to Bea's party on Saturday?
R: Of course, why wouldn't I?
T: Just checking

@ fade evening twice
T: Dinner's in the oven || I've left you a plate in the oven
~ 60-180
R: Ate at work, sorry. Should have said || Thanks

@ fade evening+night once
R: Going straight to bed when im in, dont wake me
~ 10-40
T: ok

@ fade morning once
T: You've left your laptop charger at home again
~ 40-90
R: Great.

@ fade morning+lunch once
R: Can you do the vet on Saturday? I'm working
T: I did the last three
R: I know. I'm sorry. I'll do the next one
~ 30-70
T: Fine

@ fade morning twice weekday
T: Good luck today || Good luck with {rwork}
~ 60-160
R: thanks || Thanks

@ fade evening once
R: Why is there a pile of marking on the dining table again
T: Because that's where I mark. Where would you like me to do it?
R: Forget it

@ fade evening+night once until:2024-12-15
T: We haven't had a proper conversation in weeks
~ 40-120
R: I know. I'm sorry. After Christmas, when the tender's in

@ fade evening once
R: Sorry I've been short with you. It's not you
~ 30-90
T: ok. Thanks for saying

@ fade afternoon+evening once
R: Jess asked how you are and I realised I didn't really know what to tell her
~ 60-150
T: I'm fine. Tell her I'm fine

@ fade evening once
T: You never ask about my day anymore
~ 30-90
R: I asked yesterday
T: You asked if I'd moved the car
~ 20-50
R: ok. Fair. How was your day?
T: Fine.

@ fade evening once
R: You always leave everything until the last minute and then I end up doing it
T: That's not true. I booked the vet, I sorted the car
R: Fine

@ fade morning many weekday
T: Left early. Bins are out || Left early, Pickle's been out || Gone in early, marking
~ 30-120
R: ok || Ok thanks || ok

@ fade lunch many weekday
T: Did you eat? || Have you had lunch? || Did you get lunch today?
~ 60-200
R: Not yet. Will grab something || Had a sandwich at my desk || No time. Later

@ fade lunch+afternoon twice weekday
R: Can you ring the vet back? I can't get a minute || Can you call the letting agent back? I'm in meetings all day
T: ok || Fine

@ fade lunch once weekday
T: Sent you a link about that cottage for Easter. Thought we could use a break
~ 200-300
R: Will look later

@ fade morning twice weekday
R: I'm at the site all day, no signal || On site all day, probably can't reply
T: ok || ok

@ fade morning twice
T: Morning || Morning. Sleep ok?
~ 40-120
R: Morning. Sorry, rushing || Not really. Rushing out

@ fade morning once weekday
R: Can you leave the key out for the dog walker? I've already left
T: Already did
"""

MEND = """
@ mend afternoon many wed
T: Date night tomorrow! Your pick or mine? || Whose turn is it to pick date night? || Date night tomorrow. I have ideas
R: Mine. I've got a plan 😏 || Yours. Surprise me || Mine! Wear something warm
T: Ooh. Can't wait || Challenge accepted || Intrigued{x}

@ mend afternoon many thu
R: Leaving on time for date night 🙌 || Date night! Leaving at 5:30 on the dot || Out the door. See you at {place_out}?
T: Can't wait. Phones in the drawer || See you there{x} || Table's booked for 7. Race you
?R: ❤️ || Last one there pays

@ mend night twice thu
R: Thank you for tonight. I'd forgotten how much I like just talking to you || Tonight was lovely. Thank you x
T: Me too. Same time next week? || Thank you for making time. It means a lot
R: Every week ❤️ || It's the best bit of my week now

@ mend lunch many
R: Thank you for making my lunch today. Little things like that make my day || Found the note in my bag 🥹 thank you || Thanks for doing the bins last night. I noticed x
T: Anytime ❤️ || You're welcome{x} || I like doing things for you
?R: I appreciate you. I don't say it enough || You're a good one, Theo || 🥰

@ mend afternoon many
T: How are you feeling about {rwork} tomorrow? || How did {rwork} go? I've been thinking about you || How's your day going, really?
R: A bit nervous, but I've prepped. Thanks for asking x || Went really well! Thank you for asking ❤️ || Honestly? Bit of a slog. Better for hearing from you
T: You'll be great. Tell me all about it later || Proud of you || Want a walk when you're home? Just us and Pickle
?R: Yes please || Deal

@ mend lunch+afternoon once
R: Small thing: could you let me know if you're going to be late? I worry when I don't hear
T: Of course. Sorry, I should have texted last night
R: Thank you. It's only a small thing, I just like knowing you're ok
T: I'll text. Promise x

@ mend morning twice sun
T: Croissants acquired 🥐 Walk at {place} when I'm back? || Walk with Pickle after breakfast? Phones stay in pockets
R: Yes please. I'll get the lead || Yes. No phones. Just us and the mud
T: Our Sunday thing ❤️ || See you in ten{x}

@ mend lunch+afternoon+evening twice weekday
R: Proud of you for talking to the head about your workload || Proud of you for saying no to the extra club
T: Thanks for helping me practise it last night || Thank you. I couldn't have done it without the pep talk
R: We're a good team{x} || Anytime. We're a team

@ mend evening+night twice
T: I like us like this || I really like how we are at the moment
R: Me too. Let's keep it || Me too. Let's look after it
T: Deal{x} || We will ❤️

@ mend lunch+afternoon once
R: Remember our first date? You spilt a whole pint on my shoes
T: And you laughed so much you snorted
R: I knew right then
T: Knew what?
R: That you were going to be a lot of trouble ❤️

@ mend afternoon many
T: Going to {shop} after work, need anything? || Shop run after school, anything you need?
R: {item} and a hug || {item}, {item2}, and you home in one piece || Just {item}. And some {treat}, it's been a week
T: Got it. Both x || Coming right up{x} || Deal. Extra {treat} for you

@ mend evening many
R: Good thing of the day? || What's your good thing today? || Daily good thing please
T: Pickle fell asleep on my feet. You? || A Year 7 made me a card. Yours? || My Year 10s finally got the river basin thing. Yours?
R: This. Talking to you || The sun came out on the walk back || Graham said "good job". Twice
?T: Good one ❤️ || That's a great one

@ mend evening+night once until:2025-06-15
T: Shall we sit down this weekend and plan the summer? Together this time
R: Yes. I'll make a spreadsheet. A fun one
T: There's no such thing as a fun spreadsheet
R: There is if it has a column for ice cream

@ mend lunch+afternoon+evening once weekday
R: Work is piling up again and I can feel myself sliding back into the old habits
R: Can you give me a nudge if you see me doing the old thing?
T: Course. Thank you for telling me
T: And if it helps, I'm really proud of how you've been handling it
R: It does help ❤️

@ mend lunch+afternoon+evening once
T: Had a hard day. Can I have a hug when I'm home?
R: The longest hug. I'll put the kettle on
R: Want to tell me about it or leave it at the door?
T: Bit of both. Thank you x

@ mend morning once
T: Sorry I was short with you this morning. That wasn't about you, I was stressed about the inspection
R: Thank you for saying. I'm sorry it's been such a rough week
R: Want me to make dinner tonight so you can collapse?
T: You're the best. Yes please

@ mend evening+night once weekday
R: Priya said we seem really good at the moment
T: We are really good at the moment
R: ❤️ we are
T: Took some work. Worth it

@ mend evening twice tue
T: Quiz tonight? The team's back together || Pub quiz? Pickle's Dinner Party rides again
R: I'm in. I've been brushing up on capital cities || Yes! I've missed it
T: 🏆 || See you at the Crown{x}

@ mend evening twice fri
R: Curry Friday is back 🍛 || Jaipur tonight? || Curry Friday? The usual?
T: Best tradition we have || Yes. Extra naan. It's been a week || You had me at curry
R: Ordering now{x} || Already done x

@ mend evening+night once
T: You said you'd do the dishes before you went out
R: I know, I'm sorry, I completely forgot. I'll do them as soon as I'm in
T: Thanks. I'm not trying to nag
R: You're not. It's fair

@ mend lunch+afternoon+evening once
T: I've been feeling a bit low this week. Not about us, just tired I think
R: Thank you for telling me ❤️
R: Want to do something nice on Saturday? Or nothing at all?
T: Nothing at all sounds perfect
R: Nothing at all it is. Sofa, blanket, {show}

@ mend lunch+afternoon+evening once
R: Booked a table at {place_out} for Thursday. Is that ok?
T: More than ok. Can't wait
R: 🥰

@ mend evening+night twice
T: You looked so happy at the park today. I love seeing you like that || Loved watching you with Pickle today. You were glowing
R: I was happy. I am happy || That's because I was with my two favourites
T: ❤️

@ mend lunch many
R: Thinking about you{x} || Miss you. Is that silly? || Just wanted to say I love you
T: Thinking about you too ❤️ || Not silly. Miss you too || Love you too. Can't wait to see you later
?R: 🥰 || x

@ mend night once
R: Thank you for listening last night. I know it wasn't easy stuff
T: Thank you for telling me. I'd much rather know
R: I love you
T: I love you too. Always

@ mend morning once
T: Left a note in your coat pocket 🙂
~ 30-90
R: Found it. Made my whole morning
R: You're very soppy and I love it
T: Soppy and proud

@ mend lunch+afternoon once
R: How's your dad doing with the new knee? Sorry, hip. Too many of his bits to keep track of
T: 😂 he's good! Walking to the allotment again
T: Thanks for asking. You always remember to ask now
R: I want to know. He's my family too

@ mend lunch+afternoon+evening twice
T: What do we fancy this weekend? || Weekend plans? I'm open to anything
R: Honestly? Lie-in, long walk, pub. In that order || Something with you and no laptops
T: Perfect plan{x} || Sold ❤️

@ mend evening+night once weekday
R: I noticed I went quiet again when you asked about work. Sorry. Old habit
T: Thanks for noticing. I did wonder
R: Can we talk about it after dinner? I do want to tell you
T: Of course x

@ mend lunch+afternoon+evening once
T: Can I raise something small? Not a big thing
R: Course. Go for it
T: I'd love it if we could keep Sunday evenings free. I miss our Sunday roasts
R: Me too actually. Let's do it. I'll do the potatoes
T: Thank you ❤️

@ mend lunch+afternoon+evening once weekday
R: Just had a really nice chat with Jess about you
T: Uh oh
R: Good things! I told her how much you've been there for me this year
T: That's lovely. You've been there for me too

@ mend lunch+afternoon once weekday
T: Year 8 asked if I was married. I said not yet
R: Not YET?
T: Did I say that out loud
R: You typed it. It's in writing now 😏
T: Let's talk about it over dinner sometime ❤️

@ mend lunch+afternoon+evening once
R: <Media omitted>
R: Found a new walk for Sunday. Woods, a stream, a café at the end that does dog sausages
T: Pickle will never forgive us if we don't go
R: Then Sunday's sorted. Agreed by both of us, officially 😄
T: Officially x

@ mend night many
T: Night {pet} ❤️ || Sleep well x || Love you. Night
R: Night ❤️ || Love you too. Sweet dreams x || Night night x

@ mend lunch+afternoon once
R: Dentist is booked for us both like we said. Tuesday the 10th, 4:30 and 4:50
R: Dental date 😂
T: The romance never stops
R: I'll hold your hand in the waiting room x

@ mend afternoon+evening once everyday
T: I love that we walk Pickle together again
R: Me too. It's my favourite bit of the week
T: Even in the rain?
R: Especially in the rain. You look funny with wet hair

@ mend afternoon+evening many everyday
R: Tonight: takeaway, sofa, you. In that order || Plan for tonight: nothing. With you || Tonight I'd like: you, a blanket and {show} || Tonight: {dinner}, a walk round the block, early night?
T: Perfect order || Best plan I've heard all week || Deal{x} || Yes to all three

@ mend afternoon+evening twice
T: Can we do a phones-off evening tonight? || Fancy a no-screens night? Board games and {dinner}?
R: Yes please || Yes! I'll beat you at Scrabble again
T: ❤️ || We'll see about that

@ mend lunch+afternoon twice everyday
R: <Media omitted>
R: Saw this and thought of you || This made me think of you
T: That's so me 😂 || Ha! Guilty
?R: Love you x

@ mend afternoon+evening once
T: How's the headache now?
R: Much better. Thanks for checking ❤️
T: Good. Early night tonight?
R: Yes please

@ mend morning+lunch twice
T: Thank you for cooking last night. It was delicious || That {dinner} last night was amazing. Thank you
R: You're welcome ❤️ it was nice to cook for us again || Thank you! I'll make it again next week

@ mend evening+night once
R: I'm so glad we talked about money on Sunday. I feel so much lighter
T: Me too. I didn't realise how much it was hanging over us
R: Spreadsheet buddies
T: Spreadsheet buddies forever x

@ mend afternoon+evening once
R: The blue door house sold. I'm weirdly sad
T: We'll find our own blue door one day
R: Our own blue door ❤️

@ mend afternoon+evening once
T: Alfie said "Tio"!
T: <Media omitted>
R: He knows his favourite uncle
T: Kat says it might have been "tea". I'm choosing to believe it was me
R: It was definitely you x

@ mend evening once weekday
R: Long day but I left at 5:30. The new rule's working
T: Proud of you. How did it feel?
R: Weird. Good weird. Graham didn't even notice
T: See you in 20 then x

@ mend afternoon+evening once until:2025-05-31
T: I've been thinking, I'd like to do a class together. Climbing? Salsa? Pottery again?
R: Climbing. I've seen you dance. And I've seen your mug
T: Rude but fair
R: I'll find one for Mondays x

@ mend evening twice mon from:2025-06-09
R: Climbing tonight! Prepare to be beaten up the orange wall || Climbing! My arms still haven't forgiven me for last week
T: Bring it on || Same. Worth it{x}

@ mend morning once
R: Sorry I was grumpy this morning. I slept terribly
T: It's ok. Nap when you get home?
R: Nap and then I'll be a nicer person, promise
T: You're a lovely person. Just a sleepy one x

@ mend afternoon+evening twice weekend
T: Sunday roast plan: I'll do the chicken, you do the potatoes? || Roast tomorrow? I'll do the meat, you do the crispy potatoes?
R: Team roast 🍗 || Deal. My potatoes are famous
T: ❤️ || They really are

@ mend evening+night once
R: Can I ask you something? What's one thing you'd like more of from me this week?
T: Honestly? More of your terrible singing in the kitchen
R: That I can do
T: And maybe a Saturday lie-in together
R: Booked. Not booked booked. You know what I mean 😂

@ mend afternoon+evening once
T: Fancy a bath tonight? I'll light the candles
R: Yes please. Who are you and what have you done with my boyfriend
T: Same person. Just trying harder x

@ mend evening+night once from:2025-09-14
R: Thank you for picking Mum up from the station. She thinks you're wonderful
T: She's not wrong
R: She also thinks you need a haircut
T: She's not wrong about that either

@ mend afternoon+evening many weekday
T: Running {mins} late, sorry, home by {time}. Texting like I promised 😄 || Heads up: staff meeting's running over, home by {time} || Letting you know I'll be a bit late, about {mins} mins
R: Appreciated! See you soon{x} || Thanks for letting me know ❤️ || No worries, thanks for texting

@ mend lunch+afternoon once weekday
R: Work's going to be hectic next week, I might be back late on Wednesday. Wanted to tell you early
T: Thanks for the heads up. I'll save you dinner
R: Thank you. I'll keep Thursday sacred, promise

@ mend afternoon+evening once from:2025-09-20
T: Can we talk about Christmas plans soon? Before it gets stressful
R: Yes! Next weekend? With tea and biscuits
T: Perfect. Let's make a plan that works for both families
R: And for us x

@ mend evening+night once
R: Just had a flashback to the winter and I'm so glad we're not there anymore
T: Me too. Thank you for fighting for us
R: We both did ❤️

@ mend night twice
T: Come to bed, it's late || It's nearly midnight. Bed?
R: Two minutes || Coming
T: Your two minutes or real two minutes? || ❤️
R: Real ones. Promise

@ mend lunch+afternoon twice weekday
R: How's your day going? || How's school today?
T: Good! {twork} but fine. Yours? || Bit mad. Better for hearing from you
R: Not bad. Looking forward to tonight || Good. Missing you a bit x
?T: Me too x

@ mend lunch+afternoon+evening once
T: I read that thing you sent about the 'turning towards' stuff. It made a lot of sense
R: Right? I kept thinking of Gerald and the heron photos
T: I'm sorry about those. And I'll keep sending them
R: Please do. I'll reply properly this time ❤️

@ mend evening+night twice
R: You ok? You seemed a bit quiet at dinner || You ok? You went quiet after your dad called
T: I'm ok, just tired. Thanks for noticing ❤️ || He's fine, just a bit lonely I think. Thanks for asking
R: Early night then? || Shall we invite him down for a weekend?
T: Yes please || He'd love that x

@ mend morning many
T: Morning {pet} ☀️ || Morning! Sleep ok? || Morning you. Coffee's in the pot || Morning. Pickle says hello
R: Morning ❤️ || Better than last night! You? || You're a star x || Morning Pickle. And you
?T: Have a good day. Love you || Good luck with {rwork} x || See you tonight x || Love you x

@ mend morning twice weekend
R: Thanks for letting me sleep in. Pickle tells me you walked him already?
T: He had a lovely time. Met a spaniel. It was love at first sniff
R: 😂 I love you both

@ mend morning once
T: I left you the good mug. That's love
R: That IS love. Thank you x

@ mend morning many weekday
R: Have a good day at school! || Hope today's a good one{x} || Go get them today{x}
T: Thank you! Good luck with {rwork} || Thanks {pet}. You too || You too ❤️
R: We've got this{x} || See you tonight x || ❤️

@ mend morning once
R: I dreamt we had a goat
T: Is that a hint
R: It's not not a hint 😂
T: Pickle would never allow it

@ mend night many
T: Leaving Dev's now, home in 20. Want anything? || Leaving the pub, want chips? || Quiz done, on my way home
R: Just you. And maybe chips || Always want chips || Yay. Kettle's on
T: Chips it is x || On it x || ❤️

@ mend night twice
R: Still up? Fancy a cup of tea before bed? || Tea before bed?
T: Yes please || Always
R: Kettle's on x

@ mend evening+night once
R: Can I write down what we said we'd try? So we don't forget:
  Thursdays are ours
  Sunday walk, no phones
  If something bugs us, say it early and gently
  Good thing of the day, every day
T: Print it. Put it on the fridge next to Alfie
R: Done ❤️

@ mend afternoon+evening once
T: Weekend plan draft:
  Sat: lie-in, market, Priya and Femi for dinner
  Sun: walk with Pickle, roast, nothing else
  Thoughts?
R: Approved. With one edit: pancakes on Saturday
T: Edit accepted x
"""

LAPSE = """
@ lapse afternoon+evening twice weekday
R: Sorry, only just seen this. Mad afternoon || Sorry, missed your message. Back to back meetings
T: No worries || It's ok. Tonight?
?R: Tonight x

@ lapse evening twice weekday
R: Running late again, sorry. I know || Going to be late, sorry. I know it keeps happening
T: It's ok. Thanks for texting || ok. Home by when?
?R: 8 at the latest

@ lapse evening+night once
T: You seemed a bit far away tonight
R: Sorry. Work brain. I'll put it down
T: Want to talk about it?
R: Maybe tomorrow. Thanks for noticing

@ lapse evening+night once
R: I feel like we've been ships in the night this week
T: Me too. Busy week all round
R: Saturday: just us?
T: Saturday: just us

@ lapse lunch+afternoon once weekday
T: How's your day?
~ 90-150
R: Sorry! Only just surfaced. Long one. Yours?
T: Fine! Talk later x

@ lapse evening once
T: The bins didn't go out
R: Sorry, that was me. Forgot
T: It's fine. Next week
"""

DAILY = """
@ daily lunch+afternoon+evening many swap everyday
R: Need anything from {shop}? || At {shop}, need anything? || Popping to {shop} on the way home. Anything?
T: {item} and {item2} please{x} || We're out of {item} || Just {item}. Thanks
R: 👍 || Got it || ok{x}

@ daily afternoon+evening many swap
T: On my way || Leaving now || omw || Just leaving, home in {mins}
?R: 👍 || ok{x} || See you soon || Cool

@ daily afternoon+evening many swap
R: Running {mins} mins late, sorry || Train's delayed, home around {time} || Stuck in traffic, be home by {time} || Runnign {mins} late sorry
T: No worries || ok || No rush{x}

@ daily evening+night few tue swap
R: Did you take the bins out? || Bin day tomorrow, is it recycling or general? || Bins tonight
T: Yep || Recycling I think. Blue one || On it || Doing it now

@ daily morning+afternoon+evening few swap everyday
T: Have you seen my {lost}? || Where's my {lost}? || Any idea where my {lost} is?
R: Top drawer || On the stairs where you left it || In the car I think || No idea sorry || Kitchen table, under the post || Where you left it 😉
?T: Found it, thanks || Got it || Found it. It was exactly there || Found it, it was in my bag all along || Got it, thanks || Very funny. Found it

@ daily afternoon+evening few everyday
R: What's for dinner? || Any thoughts on dinner? || Dinner?
T: {dinner}? || Was thinking {dinner} || There's stuff for {dinner}
R: Sounds good || Fine by me || ok{x}

@ daily morning+night twice
T: Can you move the car? Street cleaning from 8 || Car needs moving before 8 tomorrow, they're doing the road
R: Doing it now || Will do first thing

@ daily lunch+afternoon twice swap everyday
R: A parcel came for you, it's by the door || Parcel for you. The delivery guy left it with Mrs Okafor
T: Thanks! Finally || Ah great. I'll grab it later

@ daily lunch+afternoon once
R: Plumber's coming Thursday between 8 and 12 about the shower
T: I'm teaching all morning. Can you do it?
R: Yes, I'll work from home Thursday morning

@ daily any twice swap
T: What time's the vet on Saturday? || Is Pickle's vet appointment still on Saturday?
R: 10:20 || Yes, 10:20
T: I'll take him || ok, I'll take him

@ daily any once
R: Council tax is going out on the 1st, make sure there's money in the joint account
T: Moved it over this morning

@ daily afternoon+evening once
R: Car insurance renewal came through. It's gone up £60
T: Of course it has. I'll look for a better quote tonight

@ daily morning+afternoon twice
R: Dog walker can't do Thursday || Dog walker's off sick tomorrow
T: I'll come home at lunch then || I can nip back at lunch

@ daily any many swap everyday
T: Are we out of {item}? || Do we need {item}? || Have we got any {item} left?
R: Yes, grab some || I think there's a bit. Get some anyway || No idea, get some to be safe || We're fine till the weekend || There's a new one in the cupboard || Nope, all gone. My fault
?T: Will do || ok || Adding it to the list || Great || Perfect || ok, I'll get some

@ daily morning+evening twice
T: Boiler's making the noise again || The boiler's doing the clunking thing again
R: Give it a kick. Gently || Turn it off and on again? || Ugh. I'll ring them tomorrow

@ daily lunch+afternoon twice swap
R: Dentist appointment moved to Tuesday at 4 || Doctor's appointment is at 9:10 tomorrow so I'll be in late
T: ok, I'll put it in the calendar || ok

@ daily afternoon once
R: Amazon says the delivery was left in a safe place. It's not anywhere
T: Probably in the recycling bin again
~ 10-40
R: It was in the recycling bin

@ daily morning+evening once
T: The washing machine's leaking again
R: Ugh. I'll call the landlord

@ daily lunch+afternoon few swap
R: Can you put the washing on when you're in? Darks || Can you hang the washing out when you get home? || Can you empty the dishwasher if you're in first?
T: Will do || Yep || Sure{x}

@ daily morning+afternoon few weekend swap
T: Going to {shop}. List? || Shopping run. What do we need?
R: {item}, {item2}, something nice for tonight || {item}, {item2}, {item3} || Just {item} I think
T: 👍 || On it

@ daily afternoon+evening twice
R: Did Pickle get fed? || Has Pickle had his dinner?
T: Yes, twice, apparently || Yes. Don't let him tell you otherwise

@ daily any once
R: Rent's going up from September
T: How much?
R: £75 a month
T: Fun. I'll look at the budget tonight

@ daily any twice swap
T: MOT booked for Friday at 9 || Car's booked in for a service on Friday
R: Can you drop it off? || ok. Do we need to drop it off the night before?
T: Yes, I'll do it before school || Morning is fine

@ daily afternoon+evening twice
R: Your dad called the landline || Your dad rang, said it's nothing urgent
T: ok I'll ring him back || Thanks, I'll call him after dinner

@ daily evening many swap
R: Bus is stuck in traffic, going to be {mins} mins late || Missed my train, next one's in {mins}
T: No rush || ok || See you when you're back

@ daily any once
T: Pickle's flea stuff is due
R: I'll pick some up from the vet on Saturday

@ daily morning+lunch twice swap
R: Can you take the mince out of the freezer? || Can you take the chicken out of the freezer?
T: It's out || Out and defrosting

@ daily morning once
R: Window cleaner's coming today, can you leave the side gate open
T: Gate's open

@ daily any twice everyday
R: Broadband's down again || Wifi's gone again
T: Have you reset the router? || Router off and on?
R: Twice || Yes. Nothing
T: I'll ring them when I'm back || I'll call them, leave it with me

@ daily lunch+afternoon twice
R: Shopping delivery comes between 7 and 8 || Food delivery is coming between 6 and 7 tonight
T: I'll be in || I'll be back by then

@ daily any once
T: Can you grab a birthday card for Danny? I'll sign it tonight
R: Yep, I'll get one at lunch

@ daily any twice swap
T: Can you transfer me £30 for the gas bill? || Can you send me half of the electric bill? £64
R: Sent 👍 || Sent

@ daily morning+lunch once
R: Don't forget {friend}'s birthday card
T: Got it, it's in my bag

@ daily evening+night twice swap
R: Did you lock the back door? || Did you remember to lock the car?
T: Yes || I think so. Checking now
?T: Locked

@ daily any once
T: The heating's on a timer now, 6 to 9 in the morning and 5 to 10 in the evening
R: Finally. Thank you

@ daily morning once
R: Spare key's under the plant pot if you're back first
T: ok

@ daily morning+afternoon once weekend
T: Is the tip open on Sundays?
R: I think it's 9 to 4. Why?
T: The old chair. It's time
R: Goodbye sofa of doom's little cousin

@ daily evening twice swap
T: Home in {mins}. Can you put the oven on? || Can you put the oven on? Home in {mins}
R: Oven's on || It's on

@ daily lunch+afternoon twice
R: Can you pick up the dry cleaning? The ticket's on the fridge || Can you pick up a parcel from the post office? The card's on the fridge
T: Yep || Will do

@ daily evening+night twice swap everyday
T: Where did we put the spare phone charger? || Do you know where the torch is?
R: Kitchen drawer. The messy one || Under the sink

@ daily any once
R: Letter from the bank about the savings account, I've left it on the side
T: I'll look tonight

@ daily evening twice swap
T: Just realised we've got nothing in for dinner
R: Eggs? || Beans on toast? || Takeaway?
T: Fine by me || Works

@ daily night few swap
R: Alarm's set for 6:15, early meeting tomorrow || I'm up at 6 tomorrow, early start || Early train tomorrow, I'll try not to wake you
T: ok || ok, night || 👍

@ daily lunch+afternoon twice
R: Can you feed the dog and walk him tonight? I'm at Jess's after work || Can you walk the dog tonight? I'll be back late
T: Will do || Yep, I'll take him round the park

@ daily morning twice swap
T: Are you using the car today? || Do you need the car tomorrow?
R: Yes, till 4. Sorry || No, take it
T: ok, I'll get the bus || Thanks

@ daily any once
R: Pickle's booster jab is due. I've booked the vet for the 14th at 5:30
T: ok, I'll put it in the calendar

@ daily evening+night twice swap
T: Hallway light's gone again || Bathroom light's gone
R: I'll get light bulbs tomorrow || There are spare light bulbs in the cupboard under the stairs

@ daily any once
R: Recycling wasn't collected. Council says it's Thursday this week because of the bank holiday
T: ok, I'll put it back out Wednesday night

@ daily any once
T: The streaming payment failed, can you update the card? It's on your account
R: Sorted. New card, forgot to change it

@ daily any twice everyday
R: Who's doing the food shop this week? || Is it your turn or mine for the big shop?
T: Me. Send me a list || Yours. I did the last two || I'll do it Saturday morning
R: ok. List coming || Fair. I'll go after work

@ daily afternoon+evening twice swap
T: Gym after work, back at 8 || Going for a run before dinner, back in 40
R: ok || 👍

@ daily any once
R: Smoke alarm's beeping. Battery I think
T: Spare batteries in the drawer by the oven

@ daily any once
T: Gas man is coming to read the meter tomorrow between 12 and 4
R: I'm in the office. Can you leave the key with Mrs Okafor?

@ daily morning+afternoon once everyday
R: There's a wasp in the kitchen
T: Open the window and leave the room. That's my expert advice
R: It's sitting on the kettle
T: Then we live without tea now

@ daily any twice swap everyday
R: Did you book the table for {friend}'s birthday? || Did you reply to {friend} about Saturday?
T: Yes, 7:30 for six of us || Yes, told them we're in
R: Great, thanks || 👍

@ daily morning+lunch twice
T: Forgot my laptop charger. If you're passing the school could you drop it at reception? || Left my lunch on the side. Any chance you're passing the school?
R: I can at 12:30 || Not today, sorry. Get something from the canteen
T: Thanks || ok

@ daily afternoon+evening many swap
T: Home for dinner? || Are you back for dinner? || Eating at home tonight? || Dinner at home or are you out? || Are you in tonight?
R: Yes, about {time} || Yep, back by {time} || Yes. Starving already || Home. Out tomorrow though || In. Back around {time}
T: ok || Great || ok, I'll get something on || ok, noted || Cool

@ daily evening few swap
R: Just parked || Outside || Here, can you open the gate? || Downstairs, hands full
T: Coming down || Door's open || 👍 || Coming

@ daily afternoon+evening many swap everyday
T: Where are you? || You nearly home? || Are you still out? || How far away are you? || You on the train yet? || Still at {shop}?
R: At {shop}, 5 mins || Just getting off the bus || Walking up the road now || Queue at {shop} is mad. 10 mins || Two stops away || Just paying
T: ok || 👍 || Cool || No rush || See you in a bit || ok, kettle's going on

@ daily afternoon+evening many swap everyday
R: What time are you back? || When are you home? || Back for {time}? || ETA? || Are you back before {time}?
T: About {time} || Should be {time}, maybe a bit later || Yep, around then || 20 mins || Just after, sorry
R: ok || 👍 || ok, see you then || Lovely || No problem

@ daily lunch+afternoon+evening few swap everyday
T: Has Pickle been out? || Did Pickle get a walk? || Has the dog been walked?
R: Yes, walked him at lunch || Dog walker took him at 12 || Not yet, can you take him? || Quick one round the block
T: Great || ok || I'll take him when I'm in || ok, I'll do a longer one later

@ daily night few swap
R: Heading to bed, leaving the hall light on for you || Going up. Leaving the porch light on || Off to bed. Door's on the latch
T: ok, won't be long || Thanks, night || 👍

@ daily afternoon+evening few swap everyday
R: Your turn to cook tonight or mine? || Who's cooking tonight? || Cooking tonight or shall I?
T: Mine. {dinner} || I'll do it. {dinner}? || You did last night, I'll do it
R: ok || Sounds good || Thanks

@ daily any twice swap
T: Remind me to ring the bank tomorrow || Remind me to renew the car tax this week || Remind me to book Pickle's groomer
R: Will do || Putting it in the calendar || ok

@ daily afternoon+evening few swap everyday
R: {shop} was out of {item}, got {item2} instead || No {item} anywhere, sorry || Got everything except {item}
T: That's fine || No worries || ok, I'll try {shop2} tomorrow

@ daily morning+lunch+afternoon few swap
T: Did I leave the heating on? || Did I leave the iron on? || Did I lock the front door?
R: Yes. Turned it off || No, it's off || Yes, it's fine || Checked, all fine
T: Thanks || Phew. Thanks

@ daily any few swap everyday
R: Can you send me the number for the {tradesman}? || Have you got the number for the {tradesman}?
T: Sending now || It's on the fridge || Sent it
R: Thanks || Got it

@ daily lunch+afternoon few swap
T: Post office card for a parcel. Can you pick it up tomorrow? || There's a card through the door for a parcel, it's at the depot || Missed a delivery, they're trying again tomorrow
R: Yes, I'll go at lunch || ok, I'll get it Saturday || ok
"""

BEATS = """
# The warm months

@ beat 2024-05-03 07:14
T: Morning! Left you coffee in the pot. Don't let Pickle tell you he hasn't had breakfast, he's had two
R: This message was deleted
R: Sorry, wrong chat 🙈 that was meant for Jess
R: Ha he's giving me the eyes right now
R: Thank you ❤️ good luck with the Year 10s
T: Need it. Curry Friday tonight? I'll order from the Jaipur
R: Obviously. It's the law
T: The law of the house 🍛

@ beat 2024-05-08 12:55
R: Walked along the canal at lunch and there was a heron just standing on a shopping trolley
R: <Media omitted>
R: I've named him Gerald
T: Gerald is majestic
T: He looks like he's waiting for a bus
R: He looks like he's judging the bus
T: Long live Gerald x

@ beat 2024-05-10 16:20
R: Priya just texted, they want us round tomorrow night. Femi's doing his famous jollof
T: Yes yes yes
T: Shall we bring that nice red we've been saving?
R: The one we said was for a special occasion?
T: Femi's jollof IS a special occasion
R: Fair 😂 I'll tell her we're in x

@ beat 2024-05-17 20:30
T: I've been looking at cottages for the summer. Found one in Cornwall that takes dogs
T: <Media omitted>
R: OH. Look at the view
R: Is that a bath by the window
T: It is. It's got a bath by the window and a pub at the end of the lane
R: Book it. Book it now. I'll transfer you half
T: Booked x

@ beat 2024-05-21 15:20
R: Guess what
T: What?
R: Bea's engaged!!! Mark proposed on the beach
T: Oh that's brilliant!! Tell her congratulations from me
R: She wants us both at the party in August. And she wants Pickle as ring bearer
T: Pickle will eat the rings
R: That's what I said 😂

@ beat 2024-05-25 21:40
T: Still up for the seaside tomorrow?
R: Yes!! I'll make sandwiches. You're in charge of the playlist
T: Already on it. 40% Fleetwood Mac, 60% songs you pretend not to know the words to
R: Rude. Accurate but rude
R: Pickle's going to lose his mind at the sea again
T: Last time he barked at a wave for ten minutes 😂
R: He won that argument in his head

@ beat 2024-05-29 17:40
R: Just walked past the house with the blue door on Elm Road. It's for sale!!
T: The one we always stop and stare at?
R: The very one. Can we go and look? Just for fun
T: Just for fun. Definitely not because we'll fall in love with it
R: Definitely not 😇

@ beat 2024-05-30 12:50
R: Kat just posted the scan picture! <Media omitted>
T: I know!! Danny's been sending me one every hour
T: I'm going to be an uncle
R: You're going to be the best uncle. The fun one
T: The one who teaches him to build dams in streams
R: Exactly that one x

@ beat 2024-06-04 16:30
T: Gary is thriving
R: Who is Gary
T: The sourdough starter. I've named him
R: Of course you have
T: Bread on Sunday. Gary's first loaf
R: So proud of Gary. And you x

@ beat 2024-06-06 08:05
T: Good luck at the presentation today! You know that scheme inside out. You'll be brilliant x
R: Thank you 🥺 feel a bit sick
T: Deep breaths. Picture Graham in a onesie
R: 😂😂 that's not helping. Ok it is a bit
= 13:10
R: DONE. They loved the courtyard idea!!
R: The client actually said "this is exactly what we wanted"
T: RO!!! I'm so proud of you
T: Told you. Celebration dinner tonight, my treat
R: You're the best. Love you ❤️
T: Love you more. Little Italian place, 7:30

@ beat 2024-06-09 11:20
T: Gary's first loaf update: it's a brick
T: <Media omitted>
R: It's a beautiful brick
R: We can use it as a doorstop
T: Gary and I will try again next week
R: I believe in you both ❤️

@ beat 2024-06-14 06:58
T: Happy birthday my love!! 🎂🎉
T: Sorry I had to leave so early. Check the cupboard above the kettle
= 07:40
R: THEO
R: The mug!! With Pickle's face on it 😭😭
R: I'm actually crying into my cereal
T: He sat very still for that photo. Took 40 attempts and most of a bag of treats
R: Worth every treat. Thank you, I love you so much ❤️❤️
T: Dinner at 7, dress nice. That's all I'm saying 🤐
= 12:15
R: Jess and the team got me a cake with a tiny building on it 😂
R: <Media omitted>
T: That's amazing. Is that made of fondant?
R: Fondant and love apparently

@ beat 2024-06-19 20:55
T: Don't panic but I've done my ankle at five a side
R: Oh no!! Are you ok? Do you need me to come and get you?
T: Dev's driving me home. Just a sprain I think. Very dignified, I tripped over the ball
R: Poor you 🥺 I'll get the frozen peas ready
R: And I'll try not to laugh about the ball thing
T: You're already laughing aren't you
R: A tiny bit x

@ beat 2024-06-20 19:30
T: Got us tickets for the outdoor cinema in August. Hope that's ok!
R: Ooh! What film?
T: The one with the singing pirates. Your favourite
R: You're the best. I'll make a picnic x

@ beat 2024-06-25 19:40
R: Made it to Manchester. Hotel is fancy. There's a tiny kettle and a massive bed
T: Living the conference life
T: How was the train?
R: Sat next to a man eating an egg sandwich for two hours
R: How's your ankle?
T: Better. Pickle has been a very attentive nurse. By which I mean he's been lying on it
R: Miss you both x
= 22:50
R: Bed's too big without you
T: Pickle's taken your side. Don't tell him I told you
R: Traitor. Night {pet} ❤️
T: Night. Good luck with your talk tomorrow x
= +1 12:30
R: Talk went well! Someone asked a question I actually knew the answer to
T: Amazing! Proud of you
R: Home tomorrow by 6. Can't wait to see you

@ beat 2024-07-03 21:48
T: Made it to the field centre. 28 teenagers, one working shower
R: Living the dream! How was the coach?
T: Someone was sick by junction 12. Not me this time
R: Brave soldier
R: Bed feels massive without you. Pickle has taken your side
T: Traitor. Miss you both x
R: Miss you too. Night night ❤️
= +1 07:05
T: Morning. Slept about 3 hours, the Year 10s think whispering is a myth
R: Oh no 😂 coffee and strength to you
= +1 21:30
T: One more night. They did really well with the river survey today actually
T: One kid who never says a word in class explained the whole thing to the group
R: That's the best bit of your job isn't it
R: I love how much you care about them
T: ❤️ Home tomorrow by 5

@ beat 2024-07-19 15:40
T: SCHOOL'S OUT 🎉
T: Six weeks of freedom. I'm going to be the best house husband you've ever seen
R: 😂 I'm holding you to that
R: The gutter. The shed. The wobbly shelf.
T: ...I'll start on Monday
R: Drinks tonight to celebrate?
T: Yes please. The Crown at 6?
R: I'll be there x

@ beat 2024-07-23 14:05
T: Wobbly shelf: fixed
T: <Media omitted>
R: IT'S STRAIGHT
R: Who are you and what have you done with my boyfriend
T: Six weeks of freedom. I warned you
R: I'm so impressed. Genuinely. Thank you x

@ beat 2024-07-28 09:10
R: Gone to the bakery, want anything?
T: Saffron bun please. And a pasty for later
T: And maybe a coffee
R: Anything else, sir?
T: Just you coming back quickly x
= 16:45
T: Pickle has dug a hole big enough to sit in and he's sitting in it
T: <Media omitted>
R: He's found his calling
R: Best holiday ever. I don't want to go home

@ beat 2024-08-01 11:30
R: Got us a table at the crab place for tonight. Our last night 🥲
T: Perfect. Let's get the big platter
T: Thank you for this week. I needed it more than I knew
R: Me too. I love us on holiday
T: I love us everywhere x

@ beat 2024-08-15 08:30
R: Happy anniversary Teddy ❤️ three years of you putting up with my podcasts
T: Happy anniversary my love. Three years of you stealing the duvet
T: Best three years. Not even close
R: 🥰 I'm so lucky to have you
T: Picnic at the lake after work? I've got a plan
R: You and your plans. Yes x

@ beat 2024-08-24 10:40
R: At the dress fitting with Bea. She looks stunning
R: <Media omitted>
T: She looks so happy! Tell her she looks amazing
R: Mum's cried twice. I've cried once. The woman in the shop has cried once
T: Sounds like a successful fitting
R: How's Pickle? Has he forgiven you for the bath?
T: He's lying on the bathmat with his back to me. It's a protest x

@ beat 2024-09-03 07:05
R: First day back! Good luck, hope the new Year 7s are sweet
T: They're all about three feet tall. It's terrifying
T: Thanks for the lunch btw, found the note 🥲
R: ❤️

@ beat 2024-09-06 11:20
R: Graham just asked me to lead the Eastfield library job
R: The whole thing. My name on it
T: WHAT. Ro that's huge!!
T: You've worked so hard for this
R: I'm excited and also a bit terrified
R: It's going to be a lot of hours until spring
T: We'll figure it out. I'm really proud of you
T: Celebrate tonight? Fizz and chips on the sofa?
R: Perfect x

@ beat 2024-09-12 06:40
T: Danny just rang. Baby's here! Little boy, Alfie, 7lb 2oz, everyone doing well
R: Oh my god!!! Uncle Theo!!
R: I'm so happy for them. Send pics as soon as you get any
= 08:15
T: <Media omitted>
R: Look at his little hat 😭
T: He's got the family nose. Poor lad
R: It's a good nose 😂

@ beat 2024-09-24 18:50
R: Sorry, going to be late. Kickoff meeting ran over and Graham wants the programme tonight
T: No worries. Want me to save you some dinner?
~ 45
R: yes please. 9ish?
T: Ok x
= 21:35
R: leaving now

# The slow fade

@ beat 2024-10-03 07:30
R: Happy birthday T!! ❤️ sorry I had to rush out. Present is under the bed, open it tonight with me
T: Thank you ❤️ Table's at 7:30, dont be late 😉 <This message was edited>
R: I won't, promise
= 18:55
R: I'm so sorry. The council have pulled the whole drawing set forward, I'm stuck here till at least 8
R: Can you move the table to 8:30?
~ 20
T: They can do 8:15
R: ok I'll get a taxi straight there
= 20:31
T: You nearly here?
~ 12
R: 5 mins. So sorry
= +1 12:40
R: Sorry again about last night. I was rubbish company
~ 70
T: It's fine. The food was good

@ beat 2024-10-15 19:20
T: Are you home for dinner or shall I just do mine
~ 35
R: Home at 8. Can you do the dishes from last night? I had to leave them
T: I did them this morning. And the night before
T: It'd be nice if we could both keep on top of it
R: I know. It's a mad week

@ beat 2024-10-29 21:45
T: You said you'd be back at 7. It's nearly 10
R: I texted you
T: At quarter past 7. Saying "bit late". That's not the same thing
R: I'm not doing this over text. I'm on the train
T: You never tell me what's actually going on anymore
R: That's not fair. I'm doing my best here
~ 25
R: On the platform, home in 15

@ beat 2024-11-08 17:10
T: Jaipur tonight? Haven't done curry Friday in ages
~ 80
R: Can't, working late again. Sorry
T: ok

@ beat 2024-11-20 16:05
T: Gerald was on the canal this afternoon!! First time in weeks
T: <Media omitted>
~ 150
R: Can you book the boiler service? The number's on the fridge
~ 30
T: Yep

@ beat 2024-12-04 20:40
R: Mum's asked again if we're coming for Christmas. I need to tell her
T: We did your mum's last year. Dad's on his own this year, we said we'd do Leeds
R: I never said that. You decided that
T: I mentioned it in October. You said "sure"
R: I was probably answering an email. You know what October was like
T: Yeah I know. I was there, you weren't 🙄
R: Wow. Ok
T: Sorry. That came out wrong
T: Can we talk about it when you're home?
R: Fine

@ beat 2024-12-05 12:30
R: Mum says Christmas Eve and Christmas Day with her, then we go up to your dad's on the 26th. Does that work?
~ 90
T: That works. Thanks for sorting it
R: I'm sorry about last night
~ 40
T: Me too

@ beat 2024-12-23 12:10
R: Train tickets to Bristol are booked for tomorrow, 10:15. Leeds on the 26th
T: Ok. I'll drop Pickle at Priya's at 8
R: Did you get something for Mum?
T: The scarf. It's wrapped

@ beat 2024-12-28 16:20
R: Home. The house is freezing, the heating had switched itself off
R: I'll be working from the kitchen table till you're back
T: ok. Dad says thanks for the whisky
T: I'll stay till the 2nd like we said, he's still a bit wobbly on the stairs
R: Of course. Give him my love

@ beat 2025-01-01 00:04
R: Happy new year T. Wish you were here
R: I know this year got away from me. I'm sorry
~ 40
T: Happy new year. Dad says hi
T: We'll talk when I'm back x

@ beat 2025-01-14 08:10
T: Dad's op is at 11. Danny's with him
R: Hope it goes smoothly. Let me know when you hear anything?
T: Will do
= 15:40
T: He's out. All went fine, he's already asking for toast
R: Oh thank goodness. How are you doing?
~ 30
T: Tired. Relieved. Bit wobbly honestly
R: Of course. Want me to get a takeaway tonight? I'll leave on time, promise
T: That'd be nice. Thanks

@ beat 2025-01-29 20:15
T: Did you see I put the photo of Alfie on the fridge
~ 140
R: I did. Have you seen the gas bill? It's massive

@ beat 2025-02-14 12:20
T: Happy valentine's. Shall we do something tonight? Could cook that risotto you like
~ 110
R: Happy valentine's x
R: Tender's due Monday, I'm going to be here late. Can we do something at the weekend instead?
T: Sure

@ beat 2025-03-06 19:05
R: Did you pay the council tax? There's a letter
T: I thought you were doing it. You said you'd do all the bills from your account
R: When did I say that
T: January. But it's fine, I'll add it to the list of things I remember
R: Great. Well done genius
T: I'll pay it now
~ 180
R: sorry. Long day

@ beat 2025-03-19 13:05
R: Saw Gerald on my walk to the site today 🐦
R: He looked very grumpy. Reminded me of you before coffee
~ 300
T: Need anything from the shop?

@ beat 2025-03-28 22:40
R: You ok? You seem really quiet lately
~ 25
T: Just tired
R: ok. I'm here if you want to talk
T: I know

@ beat 2025-04-10 18:30
T: Train to Leeds on Saturday is 9:40. Did you book your ticket?
R: Saturday?
R: Oh no. Theo I've got the handover walkround on Saturday
T: It's Dad's 70th. It's been in the calendar since Christmas
R: I know, I'm sorry, I completely forgot. I can come up on the later train?
T: The dinner's at 6. The later train gets in at 7
T: You always put work first. Every single time
R: That's not fair. I've been completely swamped for months and you know it
R: What about when you went to the quiz instead of coming to Jess's birthday?
T: That's not the same and you know it
T: This message was deleted
T: I'm done talking about this
~ 190
R: I've asked Graham if someone else can cover the walkround
~ 95
R: Please can you reply
= +1 07:15
T: I saw. Thanks for asking him
R: He said yes. I'll be on the 9:40 with you
T: ok

@ beat 2025-04-14 12:50
R: Your dad looked so happy on Saturday
~ 120
T: He did. He was glad you came

@ beat 2025-04-24 16:10
R: Handover's done. Eastfield's officially not my problem anymore
~ 60
T: Congratulations. Really. That's a massive thing to finish
R: Thanks
R: Can we talk tonight? Properly. Not about work or the bins
~ 20
T: Yes. I'd like that
T: I'll cook
R: I'll be home by 6:30. Promise
= 17:52
R: Things I want to talk about (so I don't chicken out):
  1. how much I've been away, even when I'm home
  2. how you've been, really
  3. us. What we want it to look like
  Not in a scary way. In a hopeful way

# Mending

@ beat 2025-04-25 07:50
R: Thank you for last night. I know it wasn't easy to say all that
R: I'm really sorry for how absent I've been. You shouldn't have had to carry everything on your own
T: I'm sorry too. I stopped telling you how I felt and just went quiet. That's on me
T: I love you. I want us back
R: I love you too. I want us back too ❤️
R: Thursday nights. Just us. Phones in the drawer
T: Deal. And Sunday walks with Pickle again
R: And Gerald
T: Obviously Gerald

@ beat 2025-05-01 15:30
T: Date night tonight! I've booked the little Italian place. Same table as your birthday last year
R: You remembered the table 🥹
R: Can't wait. Leaving at 5:30 on the dot
= 17:32
R: Leaving. On the dot. Look at me
T: Who even are you 😂 see you there x

@ beat 2025-05-20 12:40
R: Can I raise something small before it gets big? 🙂
T: Course
R: I feel a bit stressed when the recycling piles up by the back door. Could we make Tuesday our bin night, together?
T: Yes, that's fair. I've been letting it slide. Tuesday bin night it is
R: Thank you. Who says romance is over 😂
T: Wear something nice to carry the cardboard out

@ beat 2025-05-27 16:20
T: GERALD
T: He's back. And he's got a friend
T: <Media omitted>
R: Gerald has a girlfriend!!
R: Good for Gerald ❤️ that's the best news all week
T: We should name her
R: Geraldine. Obviously

@ beat 2025-06-13 21:50
T: Just so you know, you need to be free all day tomorrow. Don't ask questions
R: Ooh. Should I be worried?
T: Bring a jumper and comfy shoes. That's all you're getting
= +1 08:00
T: Happy birthday Ro ❤️ I'm making pancakes, come downstairs when you're ready
= +1 22:40
R: Best birthday. The boat, the picnic, Priya and Femi hiding at the pub. I can't believe you organised all that
R: Thank you. I love you so much
T: You deserve all of it. Happy birthday my love x

@ beat 2025-06-26 17:45
R: Had a rubbish day. Graham tore into the Hartley scheme in front of the whole team
T: Oh Ro, that sounds awful. I'm sorry
T: Want to talk about it tonight or just eat noodles and not think about it?
R: Noodles first, talking after?
T: Perfect. I'll pick up noodles on the way home
R: Thank you for asking ❤️ I mean it

@ beat 2025-07-09 13:05
T: GERALD AND GERALDINE HAVE BABIES
T: <Media omitted>
R: Baby herons!!!
R: Pickle's going to be an uncle
T: He's going to be insufferable about it

@ beat 2025-07-18 15:35
T: School's out!! 🎉
R: Freedom! The wobbly shelf is wobbling again btw
T: I'll fix it. Again. After a nap
R: Drinks at the Crown to celebrate? My treat this time
T: Yes please. See you at 6 x

@ beat 2025-07-24 20:10
R: Priya says she's happy to have Pickle for the weekend. Femi's already bought him a toy
T: He's going to come back spoiled rotten
R: Cottage is booked, check in from 3 on Friday
T: I've made a playlist. 40% Fleetwood Mac
R: Some things never change 😂 ❤️

@ beat 2025-08-15 07:45
T: Happy anniversary my love. Four years
T: This year wasn't the easiest and I'm so glad we're still us
R: Happy anniversary ❤️ I'm so proud of us. Honestly
R: Thank you for not giving up on me when I made it hard
T: Never. Tonight: the Jaipur, the good candles and no phones
R: The most romantic sentence I've ever read

@ beat 2025-09-02 07:10
R: First day back! Good luck with the new Year 7s
T: Thank you! Found the note in my lunch again 🥲 you remembered
R: I'll always remember x

@ beat 2025-09-08 07:25
R: Boiler's making the noise again. No hot water
T: Ugh. I'll ring the plumber at break
= 10:40
T: Plumber can come Thursday between 8 and 12. Can you work from home?
R: Can do Thursday morning. Mum arrives Friday at 4 so it needs to be fixed by then
T: I'll sort the spare room on Wednesday night

@ beat 2025-09-11 12:15
R: Plumber's been. New part ordered, should be here Monday. £180
T: Ouch. Is it working for now?
R: Sort of. Hot water yes, heating no
T: Your mum's going to love that
R: She's bringing her hot water bottle, she says she knows us too well

@ beat 2025-09-12 16:55
R: Mum's train is delayed, getting in at 5:20 now
T: I'll pick her up from the station. You finish your work
R: Thank you. Saves me so much stress
T: And I'll take her the long way past the blue door house, she'll love it

@ beat 2025-09-23 16:20
T: Good news! Danny's got a cottage in Northumberland for half term and I've said we'll go. I've booked it
R: Wait, you've already booked it?
R: I was going to ask if we could do Lisbon for half term. We talked about it in July
T: It was a good deal and Alfie would love having us there. What was I supposed to do, wait a week?
R: I feel a bit hurt that you decided without me. I'm not angry about the cottage, I just want us to decide these things together
~ 25
T: You're right. I got excited and didn't think. I should have asked you first
T: Sorry. Can we look at it properly tonight? Maybe a few days with Danny and then a couple of days just us
R: I'd like that. Thank you for hearing me x
T: Always. Lisbon in the spring?
R: Lisbon in the spring 🇵🇹

@ beat 2025-10-03 06:45
R: Happy birthday T!! 🎉 I've taken the afternoon off. Be home by 4. No marking allowed
T: You took the afternoon off?? For me?
R: For you. Don't get used to it 😘
T: Best present already ❤️

@ beat 2025-10-20 18:30
R: Packed everything except Pickle's bed. He's lying in it in protest
T: He knows. He always knows
R: Danny says they'll be there by 3 on Saturday
T: We'll leave at 9 then. Car's got petrol
R: Two days with Alfie, two days just us. Good plan, us
T: Good plan, us x

@ beat 2025-11-13 16:50
R: Date night! My turn to pick. Wear your walking boots
T: Walking boots? In November?
R: Trust me. There's a hot chocolate at the end of it
T: I'd follow you anywhere for a hot chocolate
R: I know x ❤️

@ beat 2025-11-14 07:20
T: Last night was perfect. The lanterns by the river, the hot chocolate, all of it
T: Thank you for us
R: Thank you for us too ❤️
R: Same time next week?
T: Every week x
"""


if __name__ == "__main__":
    sys.exit(main())
