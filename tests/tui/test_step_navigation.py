"""The stepper's keys: ↑↓ stop at the ends (no wrap), a digit opens its step."""

from __future__ import annotations

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui.screens.demarche import DemarcheScreen, StepList


async def test_arrows_stop_at_the_ends_and_digits_open_their_step(
    store: Store, demarche_id: str
) -> None:
    from vitalite_tui.tui.screens.preparation.step2 import Step2Screen
    from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen

    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        screen = app.screen
        steps = screen.query_one(StepList)
        await wait_for(pilot, lambda: steps.option_count == 8)
        # ↑ on step 1 stays there (it used to wrap round to the last line).
        await pilot.press("up", "up")
        assert steps.highlighted == 0
        # ↓ past the last line stays on it.
        await pilot.press(*["down"] * 10)
        assert steps.highlighted == steps.option_count - 1

        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, Step2Screen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        # The digit also left the cursor on its step, for the way back.
        assert steps.highlighted == 1

        await pilot.press("6")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkshopScreen))
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        assert workshop.number == 3
