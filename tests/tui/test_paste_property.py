"""Pasting into the capture line: whatever the text, its printable characters become the note."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.tui import open_capture
from textual import events

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft

#: What terminals and clipboards really carry: a NUL, a bell, colour codes, a window title.
HOSTILE = (
    "\x00",
    "\x07",
    "\x1b",
    "\x1b[31m",
    "\x1b[0m",
    "\x1b]0;titre\x07",
    "\x9b2J",
    "\x7f",
    "\r\n",
    "\t",
    "\u2028",
)

Paste = Callable[[str], list[str]]


def printable_words(text: str) -> str:
    """The printable characters of `text` (as stored: Unicode NFC), blanks between words
    normalised; anything else counts as a blank."""
    shown = "".join(c if c.isprintable() else " " for c in unicodedata.normalize("NFC", text))
    return " ".join(shown.split())


@pytest.fixture
def paste(store: Store, demarche_id: str) -> Iterator[Paste]:
    """One capture screen, kept open across examples: paste a text, Enter, the new notes.

    Starting the app for each example would take seconds. So one task runs the app for the
    whole test (Textual keeps its state in that task's context) and takes the texts to
    paste from a queue; each example runs the loop until its notes come back.
    """
    person = store.participants.add(demarche_id, ParticipantDraft("Martine Roux", College.ELU))
    store.workshops.set_present(demarche_id, 1, person, True)
    group = store.subgroups.form(demarche_id, 1, count=1)[0]
    rnd = store.capture.start_round(group.id, "Où vous retrouvez-vous ?")
    texts: asyncio.Queue[str | None] = asyncio.Queue()
    saved: asyncio.Queue[list[str]] = asyncio.Queue()

    async def run_app() -> None:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_capture(app, pilot, group.id)
            while (text := await texts.get()) is not None:
                assert app.screen is screen
                before = len(store.capture.notes(rnd.id))
                screen.input.post_message(events.Paste(text))
                await pilot.pause()
                await pilot.press("enter")
                await wait_for(pilot, lambda: screen.input.value.strip() == "")
                saved.put_nowait([note.text for note in store.capture.notes(rnd.id)[before:]])

    loop = asyncio.new_event_loop()
    app_task = loop.create_task(run_app())

    async def paste_and_save(text: str) -> list[str]:
        texts.put_nowait(text)
        answer = asyncio.ensure_future(saved.get())
        await asyncio.wait((answer, app_task), return_when=asyncio.FIRST_COMPLETED)
        if not answer.done():
            answer.cancel()
            app_task.result()  # the app's failure, raised here
            raise AssertionError("the app stopped before saving the note")
        return answer.result()

    try:
        yield lambda text: loop.run_until_complete(paste_and_save(text))
    finally:
        texts.put_nowait(None)
        loop.run_until_complete(app_task)
        loop.close()


def test_control_characters_become_spaces_and_nothing_is_dropped(paste: Paste) -> None:
    assert paste("avant\x00après la pause") == ["avant après la pause"]
    assert paste("le \x1b[31mmarché\x1b[0m du jeudi") == ["le [31mmarché [0m du jeudi"]
    assert paste("un\x07deux\x1b]0;titre\x07trois") == ["un deux ]0;titre trois"]


@settings(
    max_examples=30,
    deadline=None,
    # One app for every example, on purpose (see the fixture).
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE)), max_size=8))
def test_any_pasted_text_is_saved_with_its_printable_characters_in_order(
    paste: Paste, parts: list[str]
) -> None:
    text = "".join(parts)
    saved = paste(text)
    assert len(saved) <= 1
    assert printable_words(" ".join(saved)) == printable_words(text)
