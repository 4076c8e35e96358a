"""Home keys on a démarche: the form needs communes, edit, archive and back, remove and undo."""

from __future__ import annotations

import sqlite3

from textual.widgets import DataTable, Input, Static

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.db.models import db
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.demarche_form import DemarcheFormDialog
from vitalite_tui.tui.screens.demarche import DemarcheScreen
from vitalite_tui.tui.screens.home import HomeScreen


def territories(table: DataTable[object]) -> list[str]:
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_no_communes_or_a_taken_name_is_refused_with_the_focus_on_the_field(
    store: Store,
) -> None:
    taken = store.demarches.create("CC des Côteaux", "Alba")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"cc des coteaux", "enter", "f2")
        dialog = app.screen
        assert isinstance(dialog, DemarcheFormDialog)
        await wait_for(pilot, lambda: dialog.query_one("#form-error").display)
        error = str(dialog.query_one("#form-error", Static).render())
        assert "Communes : indiquez au moins une commune" in error
        # The cursor went back to the communes, even from the territory (F2 from there).
        await pilot.press("shift+tab", "f2")
        await wait_for(pilot, lambda: dialog.focused is dialog.query_one("#communes", Input))
        # The name is taken (but for case and accents): refused, the cursor on the name.
        await pilot.press(*"Alba, Bérac", "f2")
        await wait_for(pilot, lambda: "porte déjà ce nom" in dialog.error_text)
        assert dialog.focused is dialog.query_one("#territory", Input)
        assert [s.id for s in store.demarches.all()] == [taken]
        await pilot.press("end", *" Sud", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
    created = [s for s in store.demarches.all() if s.id != taken]
    assert [(s.territory, s.communes) for s in created] == [
        ("cc des coteaux Sud", ["Alba", "Bérac"])
    ]


async def test_edit_archive_remove_and_undo_from_the_home_list(
    store: Store, demarche_id: str
) -> None:
    store.participants.add(demarche_id, ParticipantDraft("Aline", College.HABITANT))
    other = store.demarches.create("CC des Coteaux", "Alba")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 2)

        # m: the form, filled in; a new name and one more commune.
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheFormDialog))
        form = app.screen
        assert form.query_one("#territory", Input).value == "CC des Coteaux"
        await pilot.press("ctrl+u", *"CC des Coteaux Sud", "enter", "end", *", Cazals", "f2")
        await wait_for(pilot, lambda: app.screen is home)
        edited = store.demarches.get(other)
        assert (edited.territory, edited.communes) == ("CC des Coteaux Sud", ["Alba", "Cazals"])
        assert territories(table)[0] == "CC des Coteaux Sud"

        # a: archived, it leaves the list; v shows it, marked; a on it brings it back.
        await pilot.press("a")
        await wait_for(pilot, lambda: table.row_count == 1)
        assert store.demarches.get(other).archived_at is not None
        assert "1 archivée (v)" in screen_text(app)
        await pilot.press("v")
        await wait_for(pilot, lambda: table.row_count == 2)
        assert str(table.get_row_at(0)[-1]) == "archivée"
        await pilot.press("up", "a")
        await wait_for(pilot, lambda: store.demarches.get(other).archived_at is None)

        # Suppr on the Val d'Orbieu: the question names what goes; Enter keeps it.
        await pilot.press("down", "delete")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        text = " ".join(screen_text(app).split())
        assert "« CC du Val d'Orbieu »" in text
        assert "1 participant" in text
        assert "u la rétablit" in text
        assert "demarche restore »" in text  # the command, once the app is closed
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is home)
        assert len(store.demarches.all()) == 2
        await pilot.press("delete")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("o")
        await wait_for(pilot, lambda: table.row_count == 1)
        assert [d.id for d in store.demarches.all()] == [other]

        # u: back, with its participant, and the cursor on it.
        await pilot.press("u")
        await wait_for(pilot, lambda: table.row_count == 2)
        assert home.query_one(DataTable).cursor_row == 1
        assert [p.display_name for p in store.participants.all(demarche_id)] == ["Aline"]
        # Nothing more to undo: the key leaves the footer.
        await wait_for(pilot, lambda: home.check_action("undo_removal", ()) is False)


async def test_a_locked_base_refuses_archive_and_removal_in_french_and_keeps_all(
    store: Store, demarche_id: str
) -> None:
    # A real lock, held by another connection as a long import holds it; the wait is
    # shortened so that the refusal comes at once.
    db.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        table = home.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("a")
            await wait_for(pilot, lambda: bool(list(app._notifications)))
            await pilot.press("delete")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("o")
            await wait_for(pilot, lambda: len(list(app._notifications)) == 2)
        finally:
            other.execute("ROLLBACK")
            other.close()
        said = [n.message for n in app._notifications]
        assert all("Traceback" not in m and m.endswith(".") for m in said), said
        assert table.row_count == 1
        # Nothing was removed: there is nothing to undo.
        assert home.check_action("undo_removal", ()) is False
        [summary] = store.demarches.all()
        assert summary.archived_at is None
        # The lock gone, the same key works.
        await pilot.press("a")
        await wait_for(pilot, lambda: store.demarches.get(demarche_id).archived_at is not None)
