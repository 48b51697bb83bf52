"""A made-up chat to try Rekindle on: Rosa and Theo, eighteen months of WhatsApp messages.

The chat is fiction written for the project (see docs/demo.md): five warm months, a slow fade
into logistics and a few arguments, then a partial recovery after a turning-point talk. It is
a WhatsApp (Android) export, so everything that reads an export can read it::

    from rekindle.demo import demo_chat_path
    from rekindle.ingest import read_conversation

    chat = read_conversation(demo_chat_path())

``scripts/make_demo_chat.py`` writes it; the README, the screenshots in ``docs/`` and the web
demo use it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["DEMO_CHAT", "demo_chat_path"]

DEMO_CHAT = "whatsapp-demo.txt"


def demo_chat_path() -> Path:
    """Where the demo chat is on disk (inside the installed package)."""
    resource = resources.files(__name__).joinpath(DEMO_CHAT)
    if not isinstance(resource, Path):  # pragma: no cover - only for zipped installs
        raise FileNotFoundError(f"{DEMO_CHAT} is not a file on disk in this installation")
    return resource
