"""Exporting from the démarche screen: one key, a thread worker, the path in a notification."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from textual.pilot import Pilot
from textual.widgets import Static

from tui.conftest import SIZE, make_app, text_of, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.export import ExportDialog
from vitalite_tui.tui.screens.demarche import DemarcheScreen
from vitalite_tui.workbook import registry
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import SheetWriter

FILE = f"vitalite-cc-du-val-d-orbieu-{date.today()}.xlsx"


def messages(app: VitaliteApp) -> list[str]:
    # Textual keeps the notifications shown on screen here (no public accessor).
    return [notification.message for notification in app._notifications]


async def finish(pilot: Pilot[None]) -> None:
    """Until the export's thread has said how it ended and its dialog has closed by itself."""
    app = pilot.app
    assert isinstance(app, VitaliteApp)
    await wait_for(pilot, lambda: bool(messages(app)) and not isinstance(app.screen, ExportDialog))


async def test_e_writes_the_workbook_and_says_where(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    store.participants.add(demarche_id, ParticipantDraft("Zéphyrine Altabrac", College.ELU))
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        await pilot.press("e")
        await finish(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DemarcheScreen)  # the dialog closed by itself
        target = tmp_path / "exports" / FILE
        assert f"Classeur écrit : {target}" in messages(app)
        first = target.read_bytes()
        await pilot.press("e")  # again the same day: beside the first, never over it
        second = target.with_name(FILE.replace(".xlsx", "-2.xlsx"))
        await wait_for(pilot, lambda: f"Classeur écrit : {second}" in messages(app))
        assert target.read_bytes() == first
    load_workbook(second)
    book = load_workbook(target)
    assert [r[0].value for r in book["Participants"].iter_rows(min_row=2)] == ["P001"]


async def test_an_export_that_fails_says_why_in_french(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    (tmp_path / "exports").write_text("un fichier à la place du dossier")
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await finish(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DemarcheScreen)
        (message,) = messages(app)
        assert message.startswith(f"Impossible de créer le dossier {tmp_path / 'exports'}")


async def test_escape_stops_the_export_between_two_sheets(
    store: Store, demarche_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached, release = threading.Event(), threading.Event()

    def slow(context: ExportContext, sheet: SheetWriter) -> None:
        reached.set()
        release.wait(10)

    sheets = list(registry.SHEETS)
    index = [sheet.title for sheet in sheets].index("Contributions")
    sheets[index] = registry.SheetSpec("Contributions", slow)
    monkeypatch.setattr(registry, "SHEETS", tuple(sheets))
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert reached.wait(10)
        # The thread has reached the Contributions sheet; its message naming it comes next.
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, ExportDialog)
                and text_of(app.screen, "#export-step") == "Contributions"
            ),
        )
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert str(dialog.query_one("#export-step", Static).render()) == "Contributions"
        await pilot.press("escape")
        assert str(dialog.query_one("#export-step", Static).render()) == "Abandon…"
        release.set()
        await finish(pilot)
        assert messages(app) == ["Export abandonné : aucun fichier écrit."]
    assert list((tmp_path / "exports").iterdir()) == []


async def test_e_on_the_home_screen_exports_the_highlighted_demarche(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await finish(pilot)
        target = tmp_path / "exports" / FILE
        assert f"Classeur écrit : {target}" in messages(app)
    assert "Synthèse" in load_workbook(target).sheetnames


async def test_e_on_an_empty_home_screen_does_nothing(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert not (tmp_path / "exports").exists()
