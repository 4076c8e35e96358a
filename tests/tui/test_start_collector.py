"""`vitalite` starts with the cyclic garbage collector paused (cli/tui.py): it runs again
once the first screen is drawn, and whatever stops the start-up."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.conftest import SIZE, wait_for
from vitalite_tui.cli.tui import open_tui, resume_collector
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.home import HomeScreen


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """The collector paused as `open_tui` pauses it; running and unfrozen again after."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()  # the test process goes on: nothing of it stays set apart
        gc.enable()


@pytest.mark.usefixtures("collector_paused")
async def test_the_collector_runs_again_once_the_home_screen_is_drawn(
    store: Store, demarche_id: str
) -> None:
    seen: list[bool] = []

    def shown() -> None:
        seen.append(isinstance(app.screen, HomeScreen) and app.screen.is_mounted)
        resume_collector()

    app = VitaliteApp(store, when_shown=shown)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, gc.isenabled, what="the collector running again")
    assert seen == [True]
    assert gc.get_freeze_count() > 0  # what start-up built is set apart


@pytest.mark.usefixtures("collector_paused")
def test_a_start_that_fails_leaves_the_collector_running(tmp_path: Path) -> None:
    damaged = tmp_path / "abimee.sqlite"
    damaged.write_bytes(b"ceci n'est pas une base" * 100)
    with pytest.raises(VitaliteError):
        open_tui(damaged)
    assert gc.isenabled()
