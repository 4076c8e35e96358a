"""An extra evening by keys: added on the démarche screen, opened, attendance, a note, wall."""

from __future__ import annotations

from datetime import date

from support.tui import register, type_note
from textual.widgets import Label, Static

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.round_form import RoundFormDialog
from vitalite_tui.tui.dialogs.workshop_plan_form import WorkshopPlanFormDialog
from vitalite_tui.tui.screens.demarche import DemarcheScreen, StepList
from vitalite_tui.tui.screens.help import key_lines
from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
from vitalite_tui.tui.screens.workshops.plenary import PlenaryScreen
from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen


async def test_an_extra_evening_is_added_opened_and_has_its_own_attendance_and_notes(
    store: Store, demarche_id: str
) -> None:
    ids = register(store, demarche_id)
    store.workshops.set_present_many(demarche_id, 1, list(ids.values()), True)
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        demarche = app.screen
        assert "Séance en plus" in "\n".join(str(line) for line in key_lines(demarche))
        steps = demarche.query_one(StepList)
        # On step 4 (Atelier 1): b asks for the new evening's date, times and place.
        await pilot.press("down", "down", "down", "b")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkshopPlanFormDialog))
        await pilot.press(*"22/10/2026", "f2")
        await wait_for(pilot, lambda: app.screen is demarche)
        [bis] = store.workshops.extra_evenings(demarche_id)
        assert (bis.label, bis.date) == ("Atelier 1 bis", date(2026, 10, 22))
        # Its line is under its workshop's step, chosen, and ⏎ opens it.
        line = steps.get_option_at_index(steps.highlighted or 0)
        assert line.id == "evening:1:2"
        assert steps.highlighted == 4
        assert "Atelier 1 bis" in str(line.prompt)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkshopScreen))
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        assert "Atelier 1 bis ·" in str(screen.query_one("#workshop-title", Static).render())

        # « Idem » copies the evening before: Atelier 1, all six.
        await pilot.press("f6", "p")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "venues à l'atelier 1 " in app.screen.question  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(store.workshops.present(demarche_id, 1, 2)) == 6)

        # Sub-groups of this evening, and a note captured there.
        await pilot.press("f7", "f")
        await wait_for(pilot, lambda: app.screen is not screen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(store.subgroups.all(demarche_id, 1, 2)) == 4)
        assert store.subgroups.all(demarche_id, 1) == []
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundFormDialog))
        await pilot.press(*"Question du rattrapage", "enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaptureScreen))
        capture = app.screen
        assert "Atelier 1 bis" in str(capture.query_one("#capture-title", Label).render())
        await type_note(pilot, "Une idée du soir en plus")
        await wait_for(pilot, lambda: len(store.capture.workshop_notes(demarche_id, 1, 2)) == 1)
        assert store.capture.workshop_notes(demarche_id, 1) == []

        # The wall of this evening shows it.
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, PlenaryScreen))
        wall = app.screen
        assert isinstance(wall, PlenaryScreen)
        await wait_for(
            pilot,
            lambda: "Atelier 1 bis" in str(wall.query_one("#plenary-title", Label).render()),
        )
        shown = [note.text for notes in wall.notes.values() for note in notes]
        assert shown == ["Une idée du soir en plus"]
