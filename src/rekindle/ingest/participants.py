"""Who is who: "me", aliases for one person under two names, and picking people in a group.

Applied as a streaming step after parsing, so it works the same for every format.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from rekindle.errors import ParticipantError
from rekindle.model import Message, Participant, Reaction


@dataclass(frozen=True)
class ParticipantMap:
    """What the user told us about the people in a chat.

    ``aliases`` maps a name (or id) to the name it should count as; ``people`` restricts a
    group chat to these people (by name or id); ``me`` is the user's own name or id.
    """

    me: str | None = None
    aliases: tuple[tuple[str, str], ...] = ()
    people: tuple[str, ...] = ()

    @classmethod
    def parse_aliases(cls, pairs: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """Turn ``"OLD=NEW"`` strings into pairs (a clear error when one has no ``=``)."""
        result = []
        for pair in pairs:
            old, sep, new = pair.partition("=")
            if not sep or not old.strip() or not new.strip():
                raise ParticipantError(f"alias {pair!r} should look like 'Old name=New name'")
            result.append((old.strip(), new.strip()))
        return tuple(result)


class ParticipantMapper:
    """Applies a :class:`ParticipantMap` to a stream of messages.

    ``names`` is the parser's live id -> display name table (it grows as the parser reads).
    """

    def __init__(self, mapping: ParticipantMap, names: dict[str, str]) -> None:
        self.mapping = mapping
        self.names = names
        self._alias = dict(mapping.aliases)
        self._cache: dict[str, str] = {}
        self.counts: dict[str, int] = {}  # messages per (mapped) sender id
        self.dropped = 0  # messages left out because their sender is not among ``people``

    def canonical(self, sender: str) -> str:
        """The id ``sender`` counts as after aliases."""
        cached = self._cache.get(sender)
        if cached is not None:
            return cached
        result = sender
        target = self._alias.get(sender) or self._alias.get(self.names.get(sender, sender))
        if target is not None:
            result = self._id_for(target) or target
            self.names.setdefault(result, target)
        self._cache[sender] = result
        return result

    def _id_for(self, wanted: str) -> str | None:
        if wanted in self.names:
            return wanted
        for pid, name in self.names.items():
            if name == wanted:
                return pid
        folded = wanted.casefold()
        for pid, name in self.names.items():
            if name.casefold() == folded:
                return pid
        return None

    def apply(self, messages: Iterable[Message]) -> Iterator[Message]:
        people = self.mapping.people
        if not people and not self._alias:  # nothing to change: only count the senders
            counts = self.counts
            for message in messages:
                sender = message.sender
                if sender is not None:
                    counts[sender] = counts.get(sender, 0) + 1
                yield message
            return
        wanted: set[str] | None = None
        for message in messages:
            sender = message.sender
            if sender is not None:
                mapped = self.canonical(sender)
                if people:
                    if wanted is None or mapped not in wanted:
                        wanted = {self._id_for(p) or p for p in people}
                    if mapped not in wanted:
                        self.dropped += 1
                        continue
                self.counts[mapped] = self.counts.get(mapped, 0) + 1
                if mapped != sender or self._needs_reaction_mapping(message):
                    message = replace(
                        message, sender=mapped, reactions=self._map_reactions(message.reactions)
                    )
            elif people:
                continue  # system messages of a group say nothing about the two people
            yield message

    def _needs_reaction_mapping(self, message: Message) -> bool:
        return bool(self._alias) and any(
            r.sender is not None and self.canonical(r.sender) != r.sender for r in message.reactions
        )

    def _map_reactions(self, reactions: tuple[Reaction, ...]) -> tuple[Reaction, ...]:
        return tuple(
            Reaction(r.emoji, None if r.sender is None else self.canonical(r.sender))
            for r in reactions
        )

    def participants(self) -> tuple[Participant, ...]:
        """The people who sent messages, in order of first message, with "me" marked.

        Raises :class:`ParticipantError` when ``me`` or ``people`` name someone absent.
        """
        known = ", ".join(sorted({self.names.get(i, i) for i in self.counts})) or "nobody"
        for person in self.mapping.people:
            pid = self._id_for(person)
            if pid is None or pid not in self.counts:
                raise ParticipantError(f"--person {person!r} is not in this chat (found: {known})")
        me_id = None
        if self.mapping.me is not None:
            me_id = self._id_for(self.mapping.me)
            if me_id is None or me_id not in self.counts:
                raise ParticipantError(
                    f"--me {self.mapping.me!r} is not in this chat (found: {known})"
                )
        return tuple(
            Participant(id=pid, name=self.names.get(pid, pid), is_me=pid == me_id)
            for pid in self.counts
        )
