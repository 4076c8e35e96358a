"""Dialogs that take the keys typed right after the key that opened them, in order."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen
from textual.widget import Widget

ResultT = TypeVar("ResultT")


class TypedAheadDialog(ModalScreen[ResultT]):
    """A dialog whose main widget gets the keys typed before it had the focus.

    « b P003 ⏎ » typed fast: the letters reach the screen being left while this dialog is
    still mounting, and `typing_order.pass_on` sends them here, to the dialog itself, as no
    widget of it has the focus yet. They are handed on to `typed_ahead_target`, focused at
    once, so that they land where they were meant, in the order they were typed.
    """

    def __init__(self) -> None:
        super().__init__()
        #: Keys handed on by this dialog: if one bubbles back up, it is not handed on again.
        self._handed_on: list[events.Key] = []

    def typed_ahead_target(self) -> Widget:
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        # A key from the terminal reaches the focused widget as a forwarded event; one that
        # a widget of the previous screen passed on here is not.
        if event.is_forwarded:
            return
        if any(event is mine for mine in self._handed_on):
            self._handed_on = [mine for mine in self._handed_on if mine is not event]
            return
        target = self.typed_ahead_target()
        event.stop()
        event.prevent_default()
        if self.focused is not target:
            self.set_focus(target)
        again = events.Key(event.key, event.character)
        self._handed_on.append(again)
        target.post_message(again)
