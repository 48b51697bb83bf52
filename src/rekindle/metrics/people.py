"""The participants as small integers, in the order the caller gave them."""

from __future__ import annotations

from collections.abc import Sequence

from rekindle.model import Participant


class People:
    """Participant ids by index. A sender missing from the list is added when first seen."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        self.participants: list[Participant] = []
        self.index: dict[str, int] = {}
        self.unlisted: list[str] = []
        for person in participants:
            if person.id not in self.index:
                self.index[person.id] = len(self.participants)
                self.participants.append(person)

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.participants]

    def __len__(self) -> int:
        return len(self.participants)

    def add(self, participant_id: str) -> int:
        """The index of a sender who was not in the list of participants."""
        self.index[participant_id] = len(self.participants)
        self.participants.append(Participant(id=participant_id, name=participant_id))
        self.unlisted.append(participant_id)
        return self.index[participant_id]

    def other(self, sender: int) -> int | None:
        """The one other person in a two-person chat (``None`` in a group)."""
        if len(self.participants) == 2:
            return 1 - sender
        return None
