"""The booklet from the démarche screen: `c` writes the PDF and the editable .odt into
exports/ from one reading, and the toast says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.demarche import DemarcheScreen


def booklet_toast(app: VitaliteApp) -> str | None:
    # Textual keeps the notifications shown on screen here (no public accessor).
    shown = [str(notification.message) for notification in app._notifications]
    return next((t for t in shown if t.startswith("Cahier de la démarche : /")), None)


@pytest.mark.demo("small")
async def test_c_writes_the_booklet_and_its_editable_twin(store: Store) -> None:
    (demarche,) = store.demarches.all()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(DemarcheScreen(demarche.id))
        await pilot.press("c")
        await wait_for(pilot, lambda: booklet_toast(app), timeout=30)
        shown = booklet_toast(app)
        assert shown is not None
        assert "modifiable : cahier-de-la-demarche-" in shown
    written = sorted(path.suffix for path in (Path.cwd() / "exports").iterdir())
    assert written == [".odt", ".pdf"]
