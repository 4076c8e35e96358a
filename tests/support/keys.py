"""Keys as a terminal delivers them: a burst queued at once, or raw bytes through the parser."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events

from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.paste_guard import PasteCleaningParser

__all__ = ["burst", "from_terminal"]

#: The characters a terminal sends for the named keys used here.
CHARACTERS = {"enter": "\r", "escape": "\x1b", "space": " ", "backspace": "\x7f", "f2": None}


def burst(app: VitaliteApp, keys: Sequence[str]) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last.

    « alt+x » is what the terminal makes of Escape then x typed at once (ESC x)."""
    for key in keys:
        character = key.removeprefix("alt+") if key.startswith("alt+") else key
        app.post_message(events.Key(key, CHARACTERS.get(key, character)))


def from_terminal(app: VitaliteApp, data: str) -> None:
    """`data` as the terminal sends it, read by the application's parser, all at once."""
    for message in PasteCleaningParser().feed(data):
        app.post_message(message)
