"""Deterministic two-person WhatsApp exports for the benchmarks.

The same seed always gives the same bytes, so every run (and every peer) reads the same file.
Messages are short chat lines in a couple's everyday register, with the things real exports
have: multi-line messages, media placeholders, a deleted message now and then, and the
encryption notice at the top. Android style, day/month/year, 24-hour clock, which every
compared parser reads.

    python bench/generate.py 200000 bench/data/chat-200k.txt
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

PEOPLE = ("Alex Morgan", "Sam Rivera")
OPENERS = [
    "Morning love",
    "Hey you",
    "Quick one",
    "Guess what",
    "So",
    "Okay so",
    "Hi",
    "Just landed",
    "On my way",
    "Back home",
    "Still at work",
    "Thinking of you",
]
BODIES = [
    "did you sleep okay?",
    "can you grab milk and bread on the way back?",
    "the meeting ran late again, sorry",
    "what time is dinner tonight?",
    "I miss you today",
    "look at this view from the train",
    "how did the call with your mum go?",
    "I booked the table for Saturday at 7",
    "running 10 minutes late",
    "love you",
    "thank you for this morning, it meant a lot",
    "are we still on for the weekend?",
    "I'm so tired, long day",
    "the kids are finally asleep",
    "can we talk tonight?",
    "I'm sorry about earlier, I was stressed",
    "you always forget to reply",
    "haha that's brilliant",
    "did you pay the electricity bill?",
    "proud of you",
    "let's try that new place on Friday",
    "how are you feeling about tomorrow?",
    "I picked up the parcel",
    "don't forget the dentist at 4",
    "good night, sleep well",
]
ENDINGS = ["", "", "", " ❤️", " 😂", "!", "?", " x", " 🙈", " 😴"]


def generate(count: int, path: Path, seed: int = 7) -> None:
    """Write ``count`` messages to ``path``."""
    rng = random.Random(seed)
    stamp = datetime(2021, 3, 1, 7, 30)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            f"{stamp:%d/%m/%Y, %H:%M} - Messages and calls are end-to-end encrypted. No one"
            " outside of this chat, not even WhatsApp, can read or listen to them.\n"
        )
        sender = 0
        for _ in range(count):
            stamp += timedelta(seconds=rng.choice((20, 45, 90, 240, 600, 1800, 5400)))
            if rng.random() < 0.45:
                sender = 1 - sender
            roll = rng.random()
            if roll < 0.03:
                text = "<Media omitted>"
            elif roll < 0.035:
                text = "This message was deleted"
            else:
                text = f"{rng.choice(OPENERS)}, {rng.choice(BODIES)}{rng.choice(ENDINGS)}"
                if roll > 0.95:
                    text += f"\n{rng.choice(BODIES)}"
            out.write(f"{stamp:%d/%m/%Y, %H:%M} - {PEOPLE[sender]}: {text}\n")


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
