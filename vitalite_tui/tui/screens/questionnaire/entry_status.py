"""The line under a sheet being typed: its progress, then a short note or the rule of F2."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Label

#: How long a note (sheet saved, key refused) stays on the progress line, in seconds.
NOTE_SECONDS = 6


class EntryStatus(Horizontal):
    """« 12/24 réponses », then a note for a few seconds, else what F2 does with blanks."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.note = ""
        self.rule = ""
        self._note_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="progress", markup=False)
        yield Label("", id="note", markup=False)

    def show(self, progress: str, rule: str) -> None:
        self.rule = rule
        self.query_one("#progress", Label).update(progress)
        self._show_note()

    def say(self, note: str) -> None:
        """A short message in place of the rule (sheet saved, key refused)."""
        self.note = note
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(NOTE_SECONDS, self.clear_note)
        self._show_note()

    def clear_note(self) -> None:
        self.note = ""
        self._show_note()

    def _show_note(self) -> None:
        self.query_one("#note", Label).update(self.note or self.rule)
