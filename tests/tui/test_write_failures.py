"""A write that fails keeps what was typed: locked base, full disk, read-only disk, crash.

Each failure is made to happen for real: another connection holds the write lock, the
connection's `max_page_count` leaves no room, a tmpfs is remounted read-only, a screen
raises. The app must keep running (but for the crash), say in French what happened and
keep the note in the line; the note is stored once the base can be written again.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import pytest
from support.tui import open_capture, register
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Label

from tui.conftest import SIZE, make_app, text_of, wait_for
from vitalite_tui.db.models import db
from vitalite_tui.store import Store
from vitalite_tui.tui import app as app_module
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.workshops.capture import CaptureScreen

QUESTION = "Où vous retrouvez-vous ?"


def subgroup_with_round(store: Store, demarche_id: str) -> tuple[str, str]:
    """Workshop 1: the six people present, in one sub-group whose first round is open."""
    for person in register(store, demarche_id).values():
        store.workshops.set_present(demarche_id, 1, person, True)
    group = store.subgroups.form(demarche_id, 1, count=1)[0]
    rnd = store.capture.start_round(group.id, QUESTION)
    return group.id, rnd.id


@contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's write transaction on the base, as a long import holds it."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def texts(store: Store, round_id: str) -> list[str]:
    return [note.text for note in store.capture.notes(round_id)]


def labels(store: Store, demarche_id: str) -> list[str]:
    return [item.label for item in store.logistics.all(demarche_id)]


def prompt(screen: CaptureScreen) -> str:
    return text_of(screen, "#capture-prompt")


def notices(app: VitaliteApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_a_note_waits_for_a_locked_base_then_is_saved(store: Store, demarche_id: str) -> None:
    subgroup_id, round_id = subgroup_with_round(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        with write_lock_held(store.path) as other:
            await pilot.press(*"Le lavoir")
            # Pressed in a task: Pilot's press returns once the key is dealt with, and
            # here that is the point: the screen stays alive while the note waits.
            enter = asyncio.create_task(pilot.press("enter"))
            await wait_for(pilot, lambda: "occupée" in prompt(screen))
            assert "occupée" in notices(app)
            # Not saved, not lost: the note waits in the line.
            assert screen.input.value == "Le lavoir"
            assert texts(store, round_id) == []
            other.execute("COMMIT")
        await enter
        await wait_for(pilot, lambda: texts(store, round_id) == ["Le lavoir"])
        await wait_for(pilot, lambda: screen.input.value == "")
        assert "occupée" not in prompt(screen)
        assert app.is_running


async def test_a_base_locked_too_long_gives_up_in_french_and_keeps_the_note(
    store: Store, demarche_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "PATIENCE", 1.5)
    subgroup_id, round_id = subgroup_with_round(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        with write_lock_held(store.path):
            await pilot.press(*"La fête du four", "enter")
            await wait_for(pilot, lambda: "Réessayez" in notices(app))
            assert "La note reste dans la ligne" in notices(app)
            await wait_for(pilot, lambda: "occupée" not in prompt(screen))
            assert screen.input.value == "La fête du four"
        assert texts(store, round_id) == []
        # The lock gone, Enter again saves the very text that waited.
        await pilot.press("enter")
        await wait_for(pilot, lambda: texts(store, round_id) == ["La fête du four"])
        assert screen.input.value == ""


async def test_a_full_disk_keeps_the_note_and_says_so(store: Store, demarche_id: str) -> None:
    subgroup_id, round_id = subgroup_with_round(store, demarche_id)
    app = make_app(store)
    long_note = " ".join(["Le car scolaire passe trop tôt"] * 150)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        # The file may not grow by one page more: the next note needs several.
        (pages,) = db.execute_sql("PRAGMA page_count").fetchone()
        db.execute_sql(f"PRAGMA max_page_count = {pages:d}")
        screen.input.value = long_note
        await pilot.press("enter")
        await wait_for(pilot, lambda: "plein" in notices(app))
        assert "La note reste dans la ligne" in notices(app)
        assert screen.input.value == long_note
        assert texts(store, round_id) == []
        assert app.is_running

        db.execute_sql("PRAGMA max_page_count = 1073741823")
        await pilot.press("enter")
        await wait_for(pilot, lambda: texts(store, round_id) == [long_note])
        assert screen.input.value == ""


async def test_a_base_turned_read_only_keeps_the_note(store: Store, demarche_id: str) -> None:
    """As a USB stick the system turns read-only: SQLite refuses every write on it."""
    subgroup_id, round_id = subgroup_with_round(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        db.execute_sql("PRAGMA query_only = ON")
        await pilot.press(*"Le marché", "enter")
        await wait_for(pilot, lambda: "lecture seule" in notices(app))
        assert "rien n'a été enregistré" in notices(app)
        assert screen.input.value == "Le marché"
        assert app.is_running

        db.execute_sql("PRAGMA query_only = OFF")
        await pilot.press("enter")
        await wait_for(pilot, lambda: texts(store, round_id) == ["Le marché"])


class Careless(Screen[None]):
    """A screen whose key writes without `run_safely`: the app's safety net catches it."""

    BINDINGS: ClassVar[list[BindingType]] = [("x", "add", "Ajouter")]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id

    def compose(self) -> ComposeResult:
        yield Label("…")

    def action_add(self) -> None:
        assert isinstance(self.app, VitaliteApp)
        self.app.store.logistics.add(self.demarche_id, "Rallonge")


async def test_a_write_failure_no_screen_caught_is_reported_and_the_app_goes_on(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(Careless(demarche_id))
        db.execute_sql("PRAGMA query_only = ON")
        await pilot.press("x")
        await wait_for(pilot, lambda: "lecture seule" in notices(app))
        assert app.is_running
        assert "Rallonge" not in labels(store, demarche_id)
        db.execute_sql("PRAGMA query_only = OFF")
        await pilot.press("x")  # the screen still answers its keys
        await wait_for(pilot, lambda: labels(store, demarche_id).count("Rallonge") == 1)


class Broken(Screen[None]):
    """A screen with a bug: its text (a note, say) must not reach the terminal."""

    def compose(self) -> ComposeResult:
        yield Label("…")

    def on_mount(self) -> None:
        typed = "Jean a dit que le maire ment"
        raise RuntimeError(f"bogue en affichant {len(typed)} caractères")


async def test_an_unexpected_error_goes_to_the_journal_not_the_screen(
    store: Store, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(store)

    async def run_until_the_bug() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.push_screen(Broken())
            await wait_for(pilot, lambda: False, timeout=10, what="the app to stop")

    with pytest.raises(RuntimeError, match="bogue"):
        await run_until_the_bug()
    assert app.return_code == 1
    shown = " ".join(capsys.readouterr().err.split())
    journal = isolated_home / "vitalite-erreurs.log"
    assert "erreur inattendue" in shown
    assert str(journal) in shown.replace(" ", "")
    assert "Traceback" not in shown
    logged = journal.read_text(encoding="utf-8")
    assert "RuntimeError: bogue en affichant" in logged
    # The journal has the traceback, never the values of local variables.
    assert "le maire ment" not in logged
