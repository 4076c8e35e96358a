"""Roles per workshop in the committee form: picked by keys, stored, listed at 80x24."""

from __future__ import annotations

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.domain.roles import WorkshopRole
from vitalite_tui.store import Store
from vitalite_tui.tui.dialogs.committee_form import CommitteeFormDialog
from vitalite_tui.tui.screens.preparation.step2 import Step2Screen
from vitalite_tui.tui.widgets.cycle import CycleChoice


async def test_a_role_per_workshop_is_picked_by_keys_and_stored(
    store: Store, demarche_id: str
) -> None:
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
        await wait_for(pilot, lambda: "anim. 1 · notes 3" in screen_text(app))

        # Edited: the form opens on the stored roles; ← on atelier 1 takes the role away,
        # and atelier 4 goes round to the last role (← from « aucun rôle »).
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CommitteeFormDialog))
        form = app.screen
        assert form.query_one("#workshop-role-3", CycleChoice).label == "prise de notes"
        await pilot.press("enter", "enter", "enter", "left", "enter", "enter", "enter", "left")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen is screen)
    [member] = store.committee.all(demarche_id)
    assert member.workshop_roles == {3: WorkshopRole.NOTES, 4: WorkshopRole.TIMEKEEPER}
    assert member.name == "Martine Dupont"
