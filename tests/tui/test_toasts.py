"""Notices (toasts) hide no status line, and the last export's path outlives its notice."""

from __future__ import annotations

from pathlib import Path

from support.votes import make_scene
from textual.widgets._toast import Toast

from tui.conftest import SIZE, make_app, text_of, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui.dialogs.export import ExportDialog
from vitalite_tui.tui.screens.demarche import DemarcheScreen
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.widgets.dots_grid import DotsGrid


async def test_an_export_notice_hides_no_status_line_and_its_path_stays(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        screen = app.screen
        await pilot.press("e")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        await wait_for(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause()
        # The status lines and the footer, at the bottom: no notice over any of them.
        bottom = [screen.query_one(s).region for s in ("#participants", "#last-export")]
        for toast in app.screen.query(Toast):
            for region in bottom:
                assert not toast.region.overlaps(region), (toast.region, region)
            assert toast.region.bottom <= app.size.height - 1  # the footer line
        # The notice gone, the workbook's path is still said on the démarche screen.
        app.clear_notifications()
        await wait_for(pilot, lambda: not app.screen.query(Toast))
        said = text_of(screen, "#last-export")
        assert said.startswith(f"Dernier export, dans {tmp_path / 'exports'} :\nvitalite-")
        assert said.endswith(".xlsx")


async def test_a_notice_leaves_the_counts_above_the_footer_readable(
    store: Store, demarche_id: str
) -> None:
    make_scene(store, demarche_id)
    store.votes.import_intentions(demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(contents_screen(demarche_id, 3, initial="vote"))
        await wait_for(pilot, lambda: isinstance(app.focused, DotsGrid))
        await pilot.press("4", "enter", "c", "enter")  # closed: « Tour 1 du vote clos… »
        await wait_for(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause()
        wall = app.screen.query_one("#vote-wall").region
        assert wall.height
        for toast in app.screen.query(Toast):
            assert not toast.region.overlaps(wall), (toast.region, wall)
