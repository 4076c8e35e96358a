"""What `u` undoes in the registry: the last registration, change or removal, and what it says."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord


class Change(str, Enum):
    """A kind of action the registry can take back."""

    ADDED = "added"
    EDITED = "edited"
    REMOVED = "removed"


#: Per kind, what F1 and the messages say will be undone (« {who} » is the person).
WORDING: dict[Change, str] = {
    Change.ADDED: "l'inscription de {who}",
    Change.EDITED: "la modification de la fiche de {who}",
    Change.REMOVED: "le retrait de {who}",
}


@dataclass(frozen=True)
class Undoable:
    """One action taken in the registry, with what it takes to take it back."""

    change: Change
    #: The person as the action left them (added, removed) or as they were before (edited).
    person: ParticipantRecord
    #: For a change: the card before it, to put back.
    before: ParticipantDraft | None = None

    @property
    def what(self) -> str:
        """« le retrait de Jean-Paul Roux (P003) »."""
        who = f"{self.person.display_name} ({self.person.code})"
        return WORDING[self.change].format(who=who)


class UndoStack:
    """The registry's last actions, last one on top; `u` always takes back the top one."""

    def __init__(self, limit: int = 20) -> None:
        self.limit = limit
        self._actions: list[Undoable] = []

    def __bool__(self) -> bool:
        return bool(self._actions)

    def __len__(self) -> int:
        return len(self._actions)

    def push(self, action: Undoable) -> None:
        # An afternoon of typing keeps only the last few: nobody undoes the morning by `u`.
        self._actions = [*self._actions, action][-self.limit :]

    @property
    def top(self) -> Undoable | None:
        return self._actions[-1] if self._actions else None

    def pop(self) -> Undoable | None:
        return self._actions.pop() if self._actions else None

    def clear(self) -> None:
        """After an action that cannot be taken back (two people joined), nothing before it
        can be either: what it changed would be undone by halves."""
        self._actions = []
