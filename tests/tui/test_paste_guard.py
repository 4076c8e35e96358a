"""A bracketed paste with escape sequences reaches the app whole, in order, without them."""

from __future__ import annotations

import sys
import time

import pytest
from textual import events
from textual.message import Message

from vitalite_tui.tui import paste_guard
from vitalite_tui.tui.paste_guard import PASTE_END, PASTE_START, PasteCleaningParser

#: Copied from a coloured terminal: a colour, a window title, a NUL, a stray ESC.
PASTED = "avant \x1b[31mrouge\x1b[0m\x00après \x1b]0;titre\x07fin\x1b"


def parsed(*chunks: str) -> list[Message]:
    parser = PasteCleaningParser()
    events_seen: list[Message] = []
    for chunk in chunks:
        events_seen += parser.feed(chunk)
    return events_seen


def pastes(seen: list[Message]) -> list[str]:
    return [event.text for event in seen if isinstance(event, events.Paste)]


def keys(seen: list[Message]) -> list[str]:
    return [event.key for event in seen if isinstance(event, events.Key)]


def test_a_paste_with_escape_sequences_arrives_as_one_clean_paste() -> None:
    seen = parsed(f"{PASTE_START}{PASTED}{PASTE_END}")
    assert keys(seen) == []  # nothing of it typed as keys
    (text,) = pastes(seen)
    assert " ".join(text.split()) == "avant rouge après fin"


def test_a_paste_cut_anywhere_between_reads_arrives_the_same() -> None:
    whole = f"x{PASTE_START}{PASTED}{PASTE_END}y"
    for cut in range(1, len(whole)):
        seen = parsed(whole[:cut], whole[cut:])
        assert pastes(seen) == pastes(parsed(whole)), cut
        assert keys(seen) == ["x", "y"], cut
    one_by_one = parsed(*whole)
    assert pastes(one_by_one) == pastes(parsed(whole))


def test_keys_outside_a_paste_go_through_untouched() -> None:
    seen = parsed("ab\x1b[A")
    assert keys(seen) == ["a", "b", "up"]


def test_install_puts_the_parser_in_the_drivers_place() -> None:
    if sys.platform == "win32":
        from textual.drivers import win32 as driver
    else:
        from textual.drivers import linux_driver as driver
    original = driver.XTermParser  # type: ignore[attr-defined]
    try:
        paste_guard.install()
        assert driver.XTermParser is PasteCleaningParser  # type: ignore[attr-defined]
    finally:
        driver.XTermParser = original  # type: ignore[attr-defined]


def test_a_lone_escape_still_arrives(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ESC at the end of a read may begin a paste: it is held for a tick, never lost."""
    monkeypatch.setattr(paste_guard, "HOLD_SECONDS", 0.0)
    parser = PasteCleaningParser()
    seen = list(parser.feed("\x1b"))
    deadline = time.monotonic() + 10
    while "escape" not in keys(seen) and time.monotonic() < deadline:
        seen += parser.tick()
    assert keys(seen) == ["escape"]


def test_escape_typed_right_before_a_digit_or_a_sign_is_escape_then_it() -> None:
    """ESC 1 is what the terminal sends for Escape then 1 typed at once: Textual alone reads
    « ¡ » (a Mac's Option+1) and loses the Escape."""
    assert keys(parsed("\x1b1")) == ["escape", "1"]
    assert keys(parsed("\x1b", "1")) == ["escape", "1"]  # the ESC ends one read
    assert keys(parsed("a\x1b\x1b2 \x1b-\x1b ")) == [
        "a",
        "escape",
        "escape",
        "2",
        "space",
        "escape",
        "minus",
        "escape",
        "space",
    ]
    # Sequences are read as before: arrows, F1, a paste.
    assert keys(parsed("\x1b[A\x1bOP")) == ["up", "f1"]
    assert pastes(parsed(f"\x1b2{PASTE_START}x{PASTE_END}")) == ["x"]
