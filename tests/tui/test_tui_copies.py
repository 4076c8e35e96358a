"""Copies from the app: `s` writes one where chosen, `r` puts one back, and copies come alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.peek import peek
from support.rounds import open_round
from support.tui import open_capture

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui import app as app_module
from vitalite_tui.tui import copies
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.copies import CopyPickDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.folder_pick import FolderPickDialog
from vitalite_tui.tui.screens.demarche import DemarcheScreen
from vitalite_tui.tui.screens.home import HomeScreen
from vitalite_tui.tui.widgets.form import LineDialog


def notices(app: VitaliteApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


def note_texts(path: Path) -> list[str]:
    return [str(row[0]) for row in peek(path, "SELECT text FROM note")]


async def test_s_on_the_home_screen_copies_the_base_into_sauvegardes(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, FolderPickDialog))
        await pilot.press("1")
        await wait_for(pilot, lambda: "Copie de toute la base écrite" in notices(app))
        (copy,) = store.backups.found()
        assert str(copy.path.absolute()) in notices(app)
        assert copy.path.name.startswith("vitalite-cc-du-val-d-orbieu-")


async def test_s_on_the_demarche_screen_copies_into_a_folder_typed(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    stick = tmp_path / "CLE USB"
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, FolderPickDialog))
        await pilot.press("2")  # « Autre dossier… »: no other place is known yet
        await wait_for(pilot, lambda: isinstance(app.screen, LineDialog))
        await pilot.press(*str(stick), "enter")
        await wait_for(pilot, lambda: "Copie de toute la base écrite" in notices(app))
        assert len(store.backups.found(stick)) == 1
        # The folder is remembered: next time it is offered second.
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, FolderPickDialog))
        dialog = app.screen
        assert isinstance(dialog, FolderPickDialog)
        assert str(stick) in [choice for choice, _ in dialog.choices]


async def test_r_restores_a_copy_after_asking(store: Store, demarche_id: str) -> None:
    store.backups.make()
    store.demarches.create("CC Corbières Salanque", ["Tuchan"])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, CopyPickDialog))
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # no: nothing changes
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(store.demarches.all()) == 2

        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, CopyPickDialog))
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("o")
        await wait_for(pilot, lambda: "Base restaurée" in notices(app))
        assert [d.territory for d in store.demarches.all()] == ["CC du Val d'Orbieu"]
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.count.render().plain == "1 démarche"  # type: ignore[union-attr]
    aside = [c for c in store.backups.found() if c.kind == "avant-restauration"]
    assert len(aside) == 1


async def test_an_automatic_copy_comes_while_the_capture_screen_is_open(
    store: Store, demarche_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "COPY_CHECK_EVERY", 0.2)
    monkeypatch.setattr(copies, "AUTOMATIC_EVERY", 0.5)
    round_id = open_round(store, demarche_id)
    subgroup_id = store.capture.get_round(round_id).subgroup_id
    assert store.backups.make_automatic() is not None  # everything up to now is copied

    def automatic() -> list[Path]:
        return [c.path for c in store.backups.found() if c.kind == "auto"]

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(app, pilot, subgroup_id)
        await pilot.press(*"Le lavoir", "enter")
        await wait_for(pilot, lambda: len(automatic()) == 2)
        assert note_texts(automatic()[0]) == ["Le lavoir"]
        await wait_for(pilot, lambda: "Copie automatique" in notices(app))
        # Nothing written since: no other copy however long the screen stays open.
        assert app.automatic_copies is not None
        app.automatic_copies.last = 0.0
        app.copy_if_due()
        assert app.automatic_copies.last == 0.0  # no copy was started
        assert len(automatic()) == 2
