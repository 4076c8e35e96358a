"""Ctrl+F then a digit is the F-key of that number, for laptops whose F-keys need Fn.

Read where keys arrive from the terminal, one after the other: « Ctrl+F 4 » becomes F4
at the very place of the two keys among those typed around them, so it acts exactly as F4
would, in typing order, on whatever screen or dialog is up. Ctrl+F alone, left waiting,
shows the list of the screen's F-keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events

from vitalite_tui.tui.keys import number_typed

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

#: How long Ctrl+F waits for its digit before showing the list (s).
LIST_AFTER = 0.8


class FunctionKeyPrefix:
    """Turns « prefix, digit » into the F-key, as the app receives keys."""

    def __init__(
        self, app: App[Any], prefix_keys: Callable[[], str], show_list: Callable[[], None]
    ) -> None:
        self.app = app
        #: The prefix's keys now (`ctrl+f`, or what the user's keymap gives it).
        self.prefix_keys = prefix_keys
        self.list_keys = show_list
        self.pending = False
        self.timer: Timer | None = None

    def translate(self, event: events.Key) -> events.Key | None:
        """The key to dispatch in place of `event`; None when it was the prefix itself."""
        if self.pending:
            self.stop_waiting()
            number = number_typed(event.character)
            if number is not None:
                return events.Key(f"f{number}", None)
            if event.key == "escape":
                return None  # Ctrl+F was a slip: nothing more.
            # Not a digit: the key is kept (typed text is never swallowed), Ctrl+F forgotten.
            return event
        if event.key in self.prefix_keys().split(","):
            self.pending = True
            self.timer = self.app.set_timer(LIST_AFTER, self.show_list)
            return None
        return event

    def stop_waiting(self) -> None:
        self.pending = False
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def show_list(self) -> None:
        if self.pending:
            self.stop_waiting()
            self.list_keys()
