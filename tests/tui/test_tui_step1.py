"""Step 1 screen: dates, reference and decision typed by keys land in the store."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input

from tui.conftest import SIZE, make_app
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.preparation.step1 import Step1Screen
from vitalite_tui.tui.widgets.step_header import StepHeader


def notifications(app: VitaliteApp) -> list[str]:
    return [n.message for n in app._notifications]


async def open_step1(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> Step1Screen:
    screen = Step1Screen(demarche_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def type_form(pilot: Pilot[None], presentation: str) -> None:
    """Presentation date, deliberation date, reference, then « adoptée » (key 2)."""
    await pilot.press(*presentation, "enter")
    await pilot.press(*"14/03/2026", "enter")
    await pilot.press(*"2026-041", "enter")
    await pilot.press("2")


async def test_typed_values_are_saved_with_f2(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step1(app, pilot, demarche_id)
        await type_form(pilot, "02/03/2026")
        await pilot.press("tab", *"Vote à l'unanimité", "f2")
        await pilot.pause()
        assert screen.is_current

    record = store.steps.step1(demarche_id)
    assert record.presentation_date == date(2026, 3, 2)
    assert record.deliberation_date == date(2026, 3, 14)
    assert record.deliberation_ref == "2026-041"
    assert record.decision is Decision.ADOPTED
    assert record.comment == "Vote à l'unanimité"
    assert store.steps.status(demarche_id, 1) is StepStatus.IN_PROGRESS


async def test_impossible_date_is_refused_and_kept(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step1(app, pilot, demarche_id)
        await type_form(pilot, "31/02/2026")
        await pilot.press("f2")
        await pilot.pause()
        assert any("n'existe pas au calendrier" in m for m in notifications(app))
        assert screen.query_one("#presentation-date", Input).value == "31/02/2026"
        # Escape does not leave the screen while the form cannot be stored.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#deliberation-ref", Input).value == "2026-041"

    assert store.steps.step1(demarche_id).deliberation_ref == ""
    assert store.steps.status(demarche_id, 1) is StepStatus.TODO


async def test_f3_marks_the_step_done_then_reopens_it(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step1(app, pilot, demarche_id)
        await pilot.press("f3", "o")  # nothing typed yet: asked, and confirmed
        await pilot.pause()
        assert store.steps.status(demarche_id, 1) is StepStatus.DONE
        assert "✔ terminée" in screen.query_one(StepHeader).text
        assert "F3 Rouvrir" in screen.query_one(StepHeader).text
        await pilot.press("f3")
        await pilot.pause()
        assert store.steps.status(demarche_id, 1) is StepStatus.IN_PROGRESS


async def test_escape_saves_unsaved_changes(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step1(app, pilot, demarche_id)
        await type_form(pilot, "02/03/2026")
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.is_attached
        assert any("enregistrées" in m for m in notifications(app))

    record = store.steps.step1(demarche_id)
    assert record.deliberation_ref == "2026-041"
    assert record.decision is Decision.ADOPTED


async def test_reopening_shows_what_was_saved(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step1(app, pilot, demarche_id)
        await type_form(pilot, "02/03/2026")
        await pilot.press("f2", "escape")
        await pilot.pause()
        screen = await open_step1(app, pilot, demarche_id)
        assert screen.query_one("#presentation-date", Input).value == "02/03/2026"
        assert screen.query_one("#deliberation-ref", Input).value == "2026-041"
        assert not screen.is_modified()


async def test_quitting_keeps_valid_changes(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step1(app, pilot, demarche_id)
        await type_form(pilot, "02/03/2026")
        await pilot.press("ctrl+q")
        await pilot.pause()

    record = store.steps.step1(demarche_id)
    assert record.presentation_date == date(2026, 3, 2)
    assert record.decision is Decision.ADOPTED


async def test_enter_walks_the_form_but_not_out_of_the_comment(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step1(app, pilot, demarche_id)
        await type_form(pilot, "02/03/2026")
        await pilot.press("enter", *"Ligne 1", "enter", *"Ligne 2", "f2")
        await pilot.pause()
        assert screen.focused is screen.query_one("#comment")

    assert store.steps.step1(demarche_id).comment == "Ligne 1\nLigne 2"
