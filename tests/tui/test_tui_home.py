"""Home screen: the invitation on an empty base, creating a démarche, the demo, the help."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui.dialogs.demarche_form import DemarcheFormDialog
from vitalite_tui.tui.screens.demarche import DemarcheScreen
from vitalite_tui.tui.screens.help import HelpScreen
from vitalite_tui.tui.screens.home import HomeScreen


def static_text(widget: Static) -> str:
    return str(widget.render())


async def test_empty_database_invites_to_explore_the_demo(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        invitation = app.screen.query_one("#empty", Static)
        assert invitation.display
        text = static_text(invitation)
        assert "Aucune démarche pour l'instant." in text
        assert "d pour explorer la démarche de démonstration" in text
        assert "n pour créer la vôtre" in text
        assert not app.screen.query_one(DataTable).display


async def test_escape_on_home_stays_on_home(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running


async def test_new_demarche_is_created_and_opened(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DemarcheFormDialog)
        await pilot.press(*"CC des Coteaux", "enter")
        await pilot.pause()
        await pilot.press(*"Alba, Bérac; Cazals", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemarcheScreen)

    [summary] = store.demarches.all()
    assert summary.territory == "CC des Coteaux"
    assert summary.communes == ["Alba", "Bérac", "Cazals"]
    assert screen.demarche_id == summary.id


async def test_brackets_in_a_territory_are_text_not_markup(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"CC [Nord] a [/] b", "enter", *"Alba", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemarcheScreen)
        title = screen.query_one("#territory", Static)
        assert static_text(title) == "Vitalité sociale — CC [Nord] a [/] b"
    assert [s.territory for s in store.demarches.all()] == ["CC [Nord] a [/] b"]


async def test_empty_territory_keeps_the_form_and_what_was_typed(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "enter")  # Enter on an empty territory: on to the communes
        await pilot.pause()
        await pilot.press(*"Alba, Bérac", "f2")
        await pilot.pause()

        dialog = app.screen
        assert isinstance(dialog, DemarcheFormDialog)
        assert dialog.query_one("#communes", Input).value == "Alba, Bérac"
        error = dialog.query_one("#form-error", Static)
        assert error.display
        assert "Territoire : ce champ est obligatoire." in static_text(error)
        assert store.demarches.all() == []

        # The focus went to the territory: the user types it and validates, nothing else
        # has to be typed again.
        await pilot.press(*"CC des Coteaux", "f2")
        await pilot.pause()
        assert isinstance(app.screen, DemarcheScreen)

    [summary] = store.demarches.all()
    assert summary.territory == "CC des Coteaux"
    assert summary.communes == ["Alba", "Bérac"]


async def test_escape_cancels_the_form(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"CC des Coteaux", "escape", "2")  # asked first: « 2 » drops it
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.demarches.all() == []


async def test_list_shows_demarches_and_enter_opens_the_highlighted_one(
    store: Store, demarche_id: str
) -> None:
    other = store.demarches.create("CC des Coteaux", "Alba")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        assert not app.screen.query_one("#empty").display
        # Newest first: the cursor starts on the one just created.
        assert table.get_row_at(0)[0].plain == "CC des Coteaux"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DemarcheScreen)
        assert app.screen.demarche_id == demarche_id

        # Back home, the list is refreshed and the cursor stays where it was.
        store.demarches.remove(other)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert table.row_count == 1
        assert table.get_row_at(0)[0].plain == "CC du Val d'Orbieu"


async def test_d_creates_the_demo_and_opens_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen), timeout=120)
        screen = app.screen
        assert isinstance(screen, DemarcheScreen)
        home = app.screen_stack[0]
        await wait_for(pilot, lambda: not home.query("#demo-progress"), timeout=10)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), timeout=10)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        assert [cell.plain for cell in table.get_row_at(0)][-1] == "démo"

    [summary] = store.demarches.all()
    assert summary.is_demo
    assert summary.participant_count == 45
    assert screen.demarche_id == summary.id


async def test_the_screen_answers_while_the_demo_waits_and_a_failure_says_so(
    store: Store, db_path: Path
) -> None:
    """Another program holds the base: the build waits in its thread, then gives up in French."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("d")
            await wait_for(pilot, lambda: bool(app.screen.query("#demo-status")), timeout=10)
            status = app.screen.query_one("#demo-status", Static)
            assert static_text(status) == "Création de la démarche de démonstration…"
            # The UI thread is free: F1 opens the help while the builder waits for the lock.
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), timeout=10)
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), timeout=10)
            await wait_for(pilot, lambda: bool(list(app._notifications)), timeout=60)
            [notification] = list(app._notifications)
            assert "n'a pas pu être créée" in notification.message
            assert "rien n'a été enregistré" in notification.message
            assert isinstance(app.screen, HomeScreen)
            home = app.screen
            await wait_for(pilot, lambda: not home.query("#demo-progress"), timeout=10)
    finally:
        other.rollback()
        other.close()
    assert store.demarches.all() == []


async def test_f1_lists_the_home_keys(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(static_text(s) for s in app.screen.query(Static))
        assert "Nouvelle — Créer la démarche d'un territoire" in " ".join(text.split())
        assert "Démo" in text
        assert "Sauvegarder" in text
        assert "Restaurer" in text
        assert "Quitter" in text
        # Textual's own bindings speak English: they must not reach the help.
        assert "Focus Next" not in text
