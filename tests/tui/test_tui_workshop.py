"""Workshop set-up screen: attendance, newcomers, sub-groups, agenda and recap, driven by keys."""

from __future__ import annotations

import importlib.util
from datetime import time

import pytest
from support.tui import PEOPLE, open_workshop, register
from textual.widgets import TabbedContent

from tui.conftest import make_app, text_of
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import WorkshopPlan
from vitalite_tui.tui.dialogs.agenda_item_form import AgendaItemFormDialog, parse_minutes
from vitalite_tui.tui.dialogs.newcomer_form import NewcomerFormDialog
from vitalite_tui.tui.dialogs.subgroup_form import SubGroupCountDialog, SubGroupFormDialog
from vitalite_tui.tui.dialogs.subgroup_pick import SubGroupPickDialog
from vitalite_tui.tui.screens.help import key_lines
from vitalite_tui.tui.screens.workshops.workshop import SubGroupList, WorkshopScreen
from vitalite_tui.tui.widgets.step_header import StepHeader

SIZE = (80, 24)


def present_names(store: Store, demarche_id: str, number: int = 1) -> set[str]:
    return {e.participant.display_name for e in store.workshops.present(demarche_id, number)}


async def test_enter_on_step_4_opens_workshop_1_on_attendance(
    store: Store, demarche_id: str
) -> None:
    store.planning.save(
        demarche_id, WorkshopPlan(1, None, time(18, 30), time(21, 0), "Salle des fêtes")
    )
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        assert screen.number == 1
        assert screen.query_one("#parts", TabbedContent).active == "attendance"
        assert screen.query_one(StepHeader).text.startswith("Étape 4 · Atelier 1")
        title = text_of(screen, "#workshop-title")
        assert title.startswith("Atelier 1 · Le baromètre de la vitalité sociale")
        assert title.endswith("\ndate à fixer · 18h30 · Salle des fêtes")  # its own line


async def test_steps_5_to_7_open_workshops_2_to_4(store: Store, demarche_id: str) -> None:
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["down"] * 4)
        for number in (2, 3, 4):
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, WorkshopScreen)
            assert screen.number == number
            await pilot.press("escape", "down")
            await pilot.pause()


async def test_tick_three_people_present_by_keys(store: Store, demarche_id: str) -> None:
    register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        # Anne, then Chloé (skipping Bruno), then Denis.
        await pilot.press("space", "down", "down", "space", "down", "space")
        await pilot.pause()
        assert present_names(store, demarche_id) == {"Anne Azéma", "Chloé Carrère", "Denis Durand"}
        assert text_of(screen, "#attendance-counts") == (
            "Présents : 3 · élus 1 · acteurs 2 · habitants 0 · dont 0 nouveau venu"
        )
        # Space again: Denis is no longer present.
        await pilot.press("space")
        await pilot.pause()
        assert present_names(store, demarche_id) == {"Anne Azéma", "Chloé Carrère"}
        assert screen.query_one(StepHeader).status is StepStatus.IN_PROGRESS

    assert store.steps.status(demarche_id, 4) is StepStatus.IN_PROGRESS


async def test_type_to_filter_then_tick(store: Store, demarche_id: str) -> None:
    register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        await pilot.press("slash", *"fatou", "enter", "space")
        await pilot.pause()
        assert present_names(store, demarche_id) == {"Fatou Faure"}
        assert list(screen.attendance.entries) == [
            store.workshops.present(demarche_id, 1)[0].participant.id
        ]
        # Escape first shows everyone again, and stays on the screen.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert len(screen.attendance.entries) == len(PEOPLE)


async def test_add_a_newcomer_by_keys(store: Store, demarche_id: str) -> None:
    register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id, number=2)
        await pilot.press("f6", "a")
        assert isinstance(app.screen, NewcomerFormDialog)
        # Name, the collège by its number, the commune; Enter on the last field validates.
        await pilot.press(*"Rémi Castan", "enter", "2", "enter", *"Ribaute", "enter")
        await pilot.pause()
        assert app.screen_stack[-1] is screen
        assert "nouveau venu" in text_of(screen, "#attendance-counts")

    [entry] = [
        e
        for e in store.workshops.attendance(demarche_id, 2)
        if e.participant.display_name == "Rémi Castan"
    ]
    assert entry.present
    assert entry.newcomer
    assert entry.participant.college is College.ACTEUR
    assert entry.participant.commune == "Ribaute"
    assert present_names(store, demarche_id, 2) == {"Rémi Castan"}


async def test_a_newcomer_without_a_name_is_refused_in_the_dialog(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_workshop(app, pilot, demarche_id)
        await pilot.press("insert", "enter", "1", "enter", *"Lagrasse", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewcomerFormDialog)
        assert dialog.error_text == "Nom : ce champ est obligatoire."
        assert dialog.collect().commune == "Lagrasse"  # nothing typed is lost

    assert store.participants.all(demarche_id) == []


async def test_form_two_subgroups_by_keys(store: Store, demarche_id: str) -> None:
    ids = register(store, demarche_id)
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        await pilot.press("f7", "f")
        assert isinstance(app.screen, SubGroupCountDialog)
        # The default (4) is selected: typing replaces it.
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.screen_stack[-1] is screen
        assert len(screen.subgroups.groups) == 2

    groups = store.subgroups.all(demarche_id, 1)
    assert [len(g.members) for g in groups] == [3, 3]
    for group in groups:
        assert {p.college for p in group.members} == set(College)
    # Workshop 1: one indicator per sub-group, as the store sets it.
    assert [g.indicator for g in groups] == [1, 2]


async def test_move_then_reorder_a_person_by_keys(store: Store, demarche_id: str) -> None:
    ids = register(store, demarche_id)
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    first, second = store.subgroups.form(demarche_id, 1, 2)
    moved = first.members[0]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_workshop(app, pilot, demarche_id)
        # The title line of group 1, then its first member.
        await pilot.press("f7", "down", "m")
        assert isinstance(app.screen, SubGroupPickDialog)
        await pilot.press("2")
        await pilot.pause()
        after = {g.id: [p.id for p in g.members] for g in store.subgroups.all(demarche_id, 1)}
        assert moved.id not in after[first.id]
        assert after[second.id][-1] == moved.id
        # The cursor followed them: Maj+↑ makes them speak one place earlier.
        await pilot.press("shift+up")
        await pilot.pause()

    order = [p.id for p in store.subgroups.get(second.id).members]
    assert order.index(moved.id) == len(order) - 2


async def test_place_a_late_arrival_by_keys(store: Store, demarche_id: str) -> None:
    ids = register(store, demarche_id)
    late = ids.pop("Fatou Faure")
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    store.subgroups.form(demarche_id, 1, 2)
    store.workshops.set_present(demarche_id, 1, late, True)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        await pilot.press("f7", "end", "m", "1")
        await pilot.pause()
        assert not screen.subgroups.state.unplaced

    assert store.subgroups.all(demarche_id, 1)[0].members[-1].id == late
    assert store.subgroups.unassigned(demarche_id, 1) == []


async def test_edit_a_subgroup_by_keys(store: Store, demarche_id: str) -> None:
    ids = register(store, demarche_id)
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    store.subgroups.form(demarche_id, 1, 2)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_workshop(app, pilot, demarche_id)
        await pilot.press("f7", "e")
        assert isinstance(app.screen, SubGroupFormDialog)
        # The name is selected: typing replaces it; then indicator 3, whose poles become the
        # theme (it was the default of indicator 1), then the animateur.
        await pilot.press(*"Les Rendez-vous", "enter", "3", "enter", "enter", *"Martine", "f2")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)

    group = store.subgroups.all(demarche_id, 1)[0]
    assert group.name == "Les Rendez-vous"
    assert group.indicator == 3
    assert group.theme == "Solidarités interactives / Dépendance"
    assert group.animateur == "Martine"


async def test_forming_again_after_notes_is_refused_with_the_store_message(
    store: Store, demarche_id: str
) -> None:
    ids = register(store, demarche_id)
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    [group] = store.subgroups.form(demarche_id, 1, 1)
    round_ = store.capture.start_round(group.id, "Où vous retrouvez-vous ?")
    store.capture.save_note(round_.id, group.members[0].id, "Au marché.", indicator=1)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_workshop(app, pilot, demarche_id)
        await pilot.press("f7", "f", "2", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SubGroupCountDialog)
        assert dialog.error_text.startswith("Des notes ont déjà été prises dans cet atelier")

    assert len(store.subgroups.all(demarche_id, 1)) == 1


async def test_edit_an_agenda_item_by_keys(store: Store, demarche_id: str) -> None:
    store.planning.save(demarche_id, WorkshopPlan(1, None, time(18, 30), time(21, 0), ""))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        await pilot.press("f5", "enter")
        assert isinstance(app.screen, AgendaItemFormDialog)
        await pilot.press("enter", *"20", "f2")
        await pilot.pause()
        assert app.screen_stack[-1] is screen
        # Five more minutes: the evening now ends after the planned 21h00.
        assert "21h05" in text_of(screen, "#agenda-warnings")

    agenda = store.workshops.get(demarche_id, 1).agenda
    assert agenda[0].minutes == 20
    assert agenda[1].start == time(18, 50)


async def test_add_move_and_remove_an_agenda_item_by_keys(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_workshop(app, pilot, demarche_id)
        await pilot.press("f5", "a", *"Photolangage", "enter", *"20", "enter", "2", "enter")
        await pilot.pause()
        labels = [s.label for s in store.workshops.get(demarche_id, 1).agenda]
        assert labels[1] == "Photolangage"
        assert not store.workshops.get(demarche_id, 1).agenda[1].plenary
        await pilot.press("shift+down")
        await pilot.pause()
        labels = [s.label for s in store.workshops.get(demarche_id, 1).agenda]
        assert labels[2] == "Photolangage"
        await pilot.press("delete", "o")
        await pilot.pause()

    labels = [s.label for s in store.workshops.get(demarche_id, 1).agenda]
    assert "Photolangage" not in labels
    assert len(labels) == 6


async def test_minutes_that_cannot_be_read_stay_in_the_dialog(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_workshop(app, pilot, demarche_id)
        await pilot.press("f5", "enter", "enter", *"vingt", "f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AgendaItemFormDialog)
        assert "« vingt » n'est pas un nombre de minutes" in dialog.error_text

    assert store.workshops.get(demarche_id, 1).agenda[0].minutes == 15


def test_minutes_are_read_as_people_write_them() -> None:
    assert parse_minutes("20") == 20
    assert parse_minutes(" 45 min ") == 45
    assert parse_minutes("1h30") == 90
    assert parse_minutes("2 h") == 120


async def test_workshop_2_opens_on_the_recap_of_workshop_1(store: Store, demarche_id: str) -> None:
    ids = register(store, demarche_id)
    for name in ("Anne Azéma", "Chloé Carrère", "Émilie Estève"):
        store.workshops.set_present(demarche_id, 1, ids[name], True)
    [group] = store.subgroups.form(demarche_id, 1, 1)
    round_ = store.capture.start_round(group.id, "Où vous retrouvez-vous ?")
    store.capture.save_note(
        round_.id, ids["Anne Azéma"], "Le marché du jeudi.", indicator=1, pole=Pole.VITALITY
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id, number=2)
        assert screen.query_one("#parts", TabbedContent).active == "recap"
        recap = text_of(screen, "#recap-summary")
        assert "Rappel de l'atelier 1" in recap
        assert "Présents : 3 · élus 1 · acteurs 1 · habitants 1" in recap
        assert "I1 Rendez-vous 1" in recap
        assert "« Le marché du jeudi. » I1+" in recap
        assert "Anne" not in recap  # no names: the recap may be projected
        # What was kept from workshop 1, written here and stored with workshop 1.
        await pilot.press("e", *"Des lieux pour l'hiver.", "f2")
        await pilot.pause()
        assert app.screen is screen
        assert "Des lieux pour l'hiver." in text_of(screen, "#recap-summary")

    assert store.workshops.get(demarche_id, 1).recap == "Des lieux pour l'hiver."


async def test_workshop_1_has_no_previous_workshop(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        await pilot.press("f8")
        await pilot.pause()
        assert "pas d'atelier précédent" in text_of(screen, "#recap-summary")
        assert not screen.parts["recap"].check_action("edit_recap", ())


async def test_f3_marks_the_step_done(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_workshop(app, pilot, demarche_id, number=3)
        await pilot.press("f3", "o")  # no date yet: asked, and confirmed
        await pilot.pause()

    assert store.steps.status(demarche_id, 6) is StepStatus.DONE


async def test_every_key_has_french_help_and_the_footer_fits(
    store: Store, demarche_id: str
) -> None:
    ids = register(store, demarche_id)
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    store.subgroups.form(demarche_id, 1, 2)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        for keys in (("f5",), ("f6",), ("f7",), ("f7", "down"), ("f8",)):
            await pilot.press(*keys)
            await pilot.pause()
            lines = [str(line) for line in key_lines(app.screen)]
            assert lines
            shown = [
                (key, active.binding)
                for key, active in screen.active_bindings.items()
                if active.binding.show
            ]
            assert all(binding.tooltip for _, binding in shown)
            footer = " ".join(
                f"{app.get_key_display(binding)} {binding.description}" for _, binding in shown
            )
            assert len(footer) <= 80, footer


async def test_enter_on_a_subgroup_opens_its_capture_screen(store: Store, demarche_id: str) -> None:
    if importlib.util.find_spec("vitalite_tui.tui.screens.workshops.capture") is None:
        pytest.skip(
            "L'écran de saisie (vitalite_tui.tui.screens.workshops.capture) n'existe pas encore."
        )
    from vitalite_tui.tui.screens.workshops.capture import CaptureScreen

    ids = register(store, demarche_id)
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    _, second = store.subgroups.form(demarche_id, 1, 2)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        await pilot.press("f7")
        await pilot.pause()
        assert screen.query_one(SubGroupList).highlighted_option is not None
        # Down to the second group's title line: past group 1's title and its 3 members.
        await pilot.press("down", "down", "down", "down", "enter")
        await pilot.pause()
        # The capture screen may open its first-round question on top of itself.
        [capture] = [s for s in app.screen_stack if isinstance(s, CaptureScreen)]
        assert capture.subgroup_id == second.id


async def test_someone_unticked_leaves_their_subgroup(store: Store, demarche_id: str) -> None:
    ids = register(store, demarche_id)
    for person in ids.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    first, _ = store.subgroups.form(demarche_id, 1, 2)
    leaving = first.members[0]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        # Their line is under the cursor in the sub-groups list when they are unticked.
        await pilot.press("f7", "down", "f6", "slash", *leaving.display_name, "enter", "space")
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert app.screen is screen
        assert leaving.id not in {p.id for g in screen.subgroups.groups.values() for p in g.members}

    assert leaving.display_name not in present_names(store, demarche_id)
    assert leaving.id not in {p.id for p in store.subgroups.get(first.id).members}
