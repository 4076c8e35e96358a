"""Pasted text that carries escape sequences arrives whole and in order; so does Escape
typed right before a digit.

Text copied from a coloured terminal holds ESC sequences. Textual's input parser reads an
ESC inside a bracketed paste as the start of a key sequence: what follows it is typed as
keys *before* the paste (a note read « ^[31mrougeapresavant »), and a NUL is dropped,
gluing the words around it. This parser, put in the drivers' place at start-up, holds a
bracketed paste until its end marker and hands it on without its escape sequences, a stray
ESC or NUL as a space. Outside a paste, input goes through untouched: keys are never delayed.

Escape then 1 typed at once reach it as ESC 1, which Textual reads as the « ¡ » of a Mac's
Option+1 (ESC - as « – », ESC , as a comma: the Escape is lost either way). Before a digit,
a sign or a space, an ESC is Escape here, then that key.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.message import Message

from vitalite_tui.domain.text import without_sequences

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"

#: How long the end of a read that may begin a paste's start marker waits for the rest.
HOLD_SECONDS = 0.05

#: ESCs typed right before a digit, a sign or a space: Escape keys, never part of a sequence
#: (those go on with a letter, or with [ ] \\ ^ _ for the terminal's reports).
ESCAPE_THEN_KEY = re.compile(r"\x1b+(?=[0-9 !-/:-@`{-~])")


class PasteCleaningParser(XTermParser):
    """Textual's parser, fed bracketed pastes whole and without escape sequences."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        #: Inside a paste: its text so far (the end marker may be cut between two reads).
        self._paste: str | None = None
        #: Outside a paste: the end of the last read, if it may begin a paste's start marker
        #: (held until the next read, or for one tick: a lone Escape is barely delayed).
        self._held = ""
        self._held_since = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input: nothing more can come to complete what is held
            data, self._held = self._held, ""
            return [*super().feed(data), *super().feed("")] if data else super().feed("")
        handed = self.cleaned(data)
        # Nothing to hand on yet (a paste being held): an empty feed would mean the end.
        return self.parsed(handed) if handed else []

    def tick(self) -> Iterable[Message]:
        if self._held and time.monotonic() - self._held_since > HOLD_SECONDS:
            held, self._held = self._held, ""
            # A lone ESC nothing followed: Escape at once (Textual would wait for more).
            yield from [events.Key("escape", "\x1b")] if held == "\x1b" else super().feed(held)
        yield from super().tick()

    def parsed(self, data: str) -> list[Message]:
        """Textual's reading of `data`, an ESC before a digit, a sign or a space read as
        Escape then that key."""
        messages: list[Message] = []
        start = 0
        for escapes in ESCAPE_THEN_KEY.finditer(data):
            if escapes.start() > start:
                messages += super().feed(data[start : escapes.start()])
            messages += [events.Key("escape", "\x1b") for _ in escapes.group()]
            start = escapes.end()
        if start < len(data):
            messages += super().feed(data[start:])
        return messages

    def cleaned(self, data: str) -> str:
        """What Textual's parser is given for `data`: pastes held whole, then cleaned."""
        data, self._held = self._held + data, ""
        handed = ""
        while data:
            if self._paste is None:
                start = data.find(PASTE_START)
                if start < 0:
                    cut = _marker_begins(data)
                    if cut < len(data):
                        self._held, self._held_since = data[cut:], time.monotonic()
                    return handed + data[:cut]
                handed += data[:start]
                self._paste, data = "", data[start + len(PASTE_START) :]
            else:
                self._paste += data
                end = self._paste.find(PASTE_END)
                if end < 0:
                    return handed
                text, data = self._paste[:end], self._paste[end + len(PASTE_END) :]
                handed += PASTE_START + _plain(text) + PASTE_END
                self._paste = None
        return handed


def _marker_begins(data: str) -> int:
    """Where a possible beginning of `PASTE_START` ends `data` (its length if none)."""
    for size in range(min(len(PASTE_START) - 1, len(data)), 0, -1):
        if PASTE_START.startswith(data[-size:]):
            return len(data) - size
    return len(data)


def _plain(text: str) -> str:
    """A paste without escape sequences; a stray ESC or a NUL (which Textual would drop,
    gluing two words) left as a space."""
    return without_sequences(text).replace("\x1b", " ").replace("\x00", " ")


def install() -> None:
    """Put the cleaning parser in the place of Textual's, in the driver of this system."""
    if sys.platform == "win32":
        from textual.drivers import win32 as driver
    else:
        from textual.drivers import linux_driver as driver
    driver.XTermParser = PasteCleaningParser  # type: ignore[attr-defined,unused-ignore]
