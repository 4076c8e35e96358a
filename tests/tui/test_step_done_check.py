"""F3 on a step that is clearly unfinished says what is missing and asks before marking it."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.db.models import db
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import WorkshopPlan
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.preparation.step2 import Step2Screen
from vitalite_tui.tui.widgets.step_header import StepHeader


async def test_f3_on_step_2_with_logistics_at_3_of_13_asks_first(
    store: Store, demarche_id: str
) -> None:
    items = store.logistics.all(demarche_id)
    for item in items[:3]:
        store.logistics.toggle(item.id)
    store.committee.add(demarche_id, "Claire Vialaret", "cheffe de projet")
    for number in (1, 2, 3):
        store.planning.save(demarche_id, WorkshopPlan(number, date(2026, 10, number)))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = Step2Screen(demarche_id)
        await app.push_screen(screen)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = str(app.screen.query(Static).first().render())
        assert question.startswith(  # the committee has a member: not said
            f"L'étape 2 semble inachevée : logistique : 3 sur {len(items)} cochés ; "
            "atelier 4 sans date."
        )
        assert "terminée quand même" in question
        await pilot.press("escape")  # kept in progress
        await wait_for(pilot, lambda: app.screen is screen)
        assert store.steps.status(demarche_id, 2) is StepStatus.IN_PROGRESS
        assert "en cours" in screen.query_one(StepHeader).text
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("o")  # finished anyway
        await wait_for(pilot, lambda: "✔ terminée" in screen.query_one(StepHeader).text)
        assert store.steps.status(demarche_id, 2) is StepStatus.DONE
        await pilot.press("f3")  # reopening asks nothing
        await wait_for(pilot, lambda: "en cours" in screen.query_one(StepHeader).text)
        assert app.screen is screen
        assert store.steps.status(demarche_id, 2) is StepStatus.IN_PROGRESS


async def test_a_base_turned_read_only_leaves_the_step_as_it_was(
    store: Store, demarche_id: str
) -> None:
    """SQLite refuses the write for real (query_only, as a stick turned read-only)."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = Step2Screen(demarche_id)
        await app.push_screen(screen)
        await wait_for(pilot, lambda: screen.query(StepHeader))
        db.execute_sql("PRAGMA query_only = ON")
        try:
            await pilot.press("f3")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("o")
            await wait_for(pilot, lambda: "lecture seule" in notices(app))
            assert "à faire" in screen.query_one(StepHeader).text
            assert app.screen is screen
            assert app.is_running
        finally:
            db.execute_sql("PRAGMA query_only = OFF")
        await pilot.press("f3", "o")  # the base writable again: it is marked
        await wait_for(pilot, lambda: "✔ terminée" in screen.query_one(StepHeader).text)
    assert store.steps.status(demarche_id, 2) is StepStatus.DONE


def notices(app: VitaliteApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)
