"""Step 2 screen: committee, workshop plans, logistics and questionnaire, driven by keys."""

from __future__ import annotations

from datetime import date, time

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from tui.conftest import make_app
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.committee_form import CommitteeFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.workshop_plan_form import WorkshopPlanFormDialog
from vitalite_tui.tui.screens.preparation.step2 import Step2Screen
from vitalite_tui.tui.widgets.table import RecordTable

SIZE = (80, 24)


async def open_step2(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> Step2Screen:
    screen = Step2Screen(demarche_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def add_member(pilot: Pilot[None], name: str, role: str, organisation: str) -> None:
    await pilot.press("a")
    # F2 after the structure: Enter would go on to the role at each workshop.
    await pilot.press(*name, "enter", *role, "enter", *organisation, "f2")
    await pilot.pause()


async def test_add_then_edit_a_committee_member(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step2(app, pilot, demarche_id)
        await add_member(pilot, "Martine Dupont", "animatrice", "Mairie de Lagrasse")
        assert app.screen is screen
        await pilot.press("enter")
        assert isinstance(app.screen, CommitteeFormDialog)
        # Enter walks to « Rôle », whose text is selected: typing replaces it.
        await pilot.press("enter", *"technicienne", "f2")
        await pilot.pause()
        assert app.screen is screen

    [member] = store.committee.all(demarche_id)
    assert (member.name, member.role, member.organisation) == (
        "Martine Dupont",
        "technicienne",
        "Mairie de Lagrasse",
    )
    assert store.steps.status(demarche_id, 2) is StepStatus.IN_PROGRESS


async def test_member_without_name_is_refused_in_the_dialog(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step2(app, pilot, demarche_id)
        await pilot.press("a", "enter", *"animatrice", "f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CommitteeFormDialog)
        assert dialog.error_text == "Nom : ce champ est obligatoire."
        assert dialog.collect().role == "animatrice"

    assert store.committee.all(demarche_id) == []


async def test_remove_a_committee_member_after_confirmation(store: Store, demarche_id: str) -> None:
    store.committee.add(demarche_id, "Martine Dupont", "animatrice")
    store.committee.add(demarche_id, "Karim Benali", "technicien")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step2(app, pilot, demarche_id)
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # « Non »: nothing removed
        await pilot.pause()
        assert len(store.committee.all(demarche_id)) == 2
        await pilot.press("delete", "enter")
        await pilot.pause()

    assert [m.name for m in store.committee.all(demarche_id)] == ["Karim Benali"]


async def test_edit_a_workshop_plan(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step2(app, pilot, demarche_id)
        await pilot.press("f6", "down")
        await pilot.press("enter")
        assert isinstance(app.screen, WorkshopPlanFormDialog)
        await pilot.press(*"06/11/2026", "enter", *"18h", "enter", "enter")
        await pilot.press(*"Salle des fêtes, Fabrezan", "enter")
        await pilot.pause()
        assert app.screen_stack[-1] is screen
        assert screen.query_one("#parts", TabbedContent).active == "workshops"

    plan = store.planning.get(demarche_id, 2)
    assert plan.date == date(2026, 11, 6)
    assert plan.start_time == time(18, 0)
    assert plan.end_time == time(21, 0)
    assert plan.place == "Salle des fêtes, Fabrezan"


async def test_unreadable_workshop_date_keeps_the_dialog_open(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step2(app, pilot, demarche_id)
        await pilot.press("f6", "enter", *"32/10/2026", "f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WorkshopPlanFormDialog)
        assert "n'existe pas au calendrier" in dialog.error_text

    assert store.planning.get(demarche_id, 1).date is None


async def test_tick_and_add_logistics_items(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step2(app, pilot, demarche_id)
        await pilot.press("f7", "down", "space")
        await pilot.press("a", *"Clé USB de secours", "f2")  # ⏎ would go on to « Qui »
        await pilot.pause()
        count = str(screen.query_one("#logistics-count").render())
        assert count.startswith("1/13 prêts")

    items = store.logistics.all(demarche_id)
    assert [i.done for i in items[:3]] == [False, True, False]
    assert items[-1].label == "Clé USB de secours"
    assert not items[-1].done


async def test_choose_the_questionnaire(store: Store, demarche_id: str) -> None:
    available = store.questionnaires.available()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step2(app, pilot, demarche_id)
        await pilot.press("f8")
        assert isinstance(screen.focused, RecordTable)
        await pilot.press("enter")
        await pilot.pause()

    assert available, "the default questionnaire ships in schemas/"
    assert store.questionnaires.chosen(demarche_id) == available[0]


async def test_no_questionnaire_available_says_so(
    store: Store, demarche_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.questionnaires, "available", list)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step2(app, pilot, demarche_id)
        await pilot.press("f8", "enter")
        await pilot.pause()
        state = str(screen.query_one("#questionnaire-state").render())
        assert state.startswith("Aucun questionnaire disponible")

    assert store.questionnaires.chosen(demarche_id) is None


async def test_f3_marks_step_2_done(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_step2(app, pilot, demarche_id)
        await pilot.press("f7", "f3", "o")  # nothing planned yet: asked, and confirmed
        await pilot.pause()

    assert store.steps.status(demarche_id, 2) is StepStatus.DONE
