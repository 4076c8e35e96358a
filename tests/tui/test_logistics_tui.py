"""Step 2's logistics at 80x24: who and by when, typed in French, a bad date kept, late shown."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui.dialogs.logistics_item_form import LogisticsItemFormDialog
from vitalite_tui.tui.screens.preparation.step2 import Step2Screen


async def test_person_and_due_date_are_set_checked_and_shown(
    store: Store, demarche_id: str
) -> None:
    first = store.logistics.all(demarche_id)[0]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = Step2Screen(demarche_id)
        await app.push_screen(screen)
        await pilot.press("f7")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LogisticsItemFormDialog))
        dialog = app.screen
        assert isinstance(dialog, LogisticsItemFormDialog)
        # A date that is not one: refused in French, the form stays, the focus on the date.
        await pilot.press("enter", *"Martine", "enter", *"31/02/2020", "enter")
        await wait_for(pilot, lambda: bool(dialog.error_text))
        assert dialog.error_text == "Pour le : « 31/02/2020 » n'existe pas au calendrier."
        assert dialog.focused is dialog.query_one("#logistics-due", Input)
        # Corrected where the focus is: a day long past, so the item is late.
        await pilot.press("ctrl+u", *"03/02/2020", "f2")
        await wait_for(pilot, lambda: app.screen is screen)
        [item] = [i for i in store.logistics.all(demarche_id) if i.id == first.id]
        assert (item.person, item.due_on) == ("Martine", date(2020, 2, 3))
        await wait_for(pilot, lambda: "03/02 en retard" in screen_text(app))
        text = screen_text(app)
        assert "Martine" in text
        count = str(screen.query_one("#logistics-count", Static).render())
        assert "1 en retard" in count

        # Ticked, it is no longer late.
        await pilot.press("space")
        await wait_for(pilot, lambda: "en retard" not in screen_text(app))
