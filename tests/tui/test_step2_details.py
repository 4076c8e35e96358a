"""Step 2 at 80x24: a role per workshop picked by keys; logistics' who and by when, late shown."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.domain.roles import WorkshopRole
from vitalite_tui.store import Store
from vitalite_tui.tui.dialogs.committee_form import CommitteeFormDialog
from vitalite_tui.tui.dialogs.logistics_item_form import LogisticsItemFormDialog
from vitalite_tui.tui.screens.preparation.step2 import Step2Screen
from vitalite_tui.tui.widgets.cycle import CycleChoice


async def test_roles_per_workshop_then_logistics_who_and_when(
    store: Store, demarche_id: str
) -> None:
    first = store.logistics.all(demarche_id)[0]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = Step2Screen(demarche_id)
        await app.push_screen(screen)
        await pilot.press("a", *"Martine Dupont", "enter", *"présidente", "enter", "enter")
        dialog = app.screen
        assert isinstance(dialog, CommitteeFormDialog)
        # Atelier 1: animateur (→ once); atelier 2: none; atelier 3: prise de notes.
        await pilot.press("right", "enter", "enter", "right", "right", "space", "f2")
        await wait_for(pilot, lambda: app.screen is screen)
        [member] = store.committee.all(demarche_id)
        assert member.role == "présidente"
        assert member.workshop_roles == {1: WorkshopRole.ANIMATEUR, 3: WorkshopRole.NOTES}
        table = screen.query_one("#committee-table", DataTable)
        await wait_for(pilot, lambda: str(table.get_row_at(0)[3]) == "anim. 1 · notes 3")

        # Edited: the form opens on the stored roles; ← on atelier 1 takes the role away,
        # then goes round to the last role; a role at each workshop, all four different.
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CommitteeFormDialog))
        form = app.screen
        assert form.query_one("#workshop-role-3", CycleChoice).label == "prise de notes"
        await pilot.press("enter", "enter", "enter", "left", "left", "enter", "right", "right")
        await pilot.press("enter", "enter", "right", "f2")
        await wait_for(pilot, lambda: app.screen is screen)
        [member] = store.committee.all(demarche_id)
        assert member.workshop_roles == {
            1: WorkshopRole.TIMEKEEPER,
            2: WorkshopRole.CO_ANIMATEUR,
            3: WorkshopRole.NOTES,
            4: WorkshopRole.ANIMATEUR,
        }
        assert member.name == "Martine Dupont"
        # Four roles do not fit beside the name at 80 columns: cut with « … », not off-screen.
        await wait_for(pilot, lambda: "co-anim. 2" in screen_text(app))
        [line] = [line for line in screen_text(app).splitlines() if "Martine" in line]
        assert line.rstrip().endswith("anim. 4 · co-anim. 2 · note…")

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
        # Seen at 80 columns: the person and the lateness are on the screen itself.
        await wait_for(pilot, lambda: "03/02 en retard" in screen_text(app))
        assert "Martine" in screen_text(app)
        count = str(screen.query_one("#logistics-count", Static).render())
        assert "1 en retard" in count

        # Ticked, it is no longer late.
        await pilot.press("space")
        logistics = screen.query_one("#logistics-table", DataTable)
        await wait_for(pilot, lambda: str(logistics.get_row_at(0)[3]) == "lun. 03/02")
