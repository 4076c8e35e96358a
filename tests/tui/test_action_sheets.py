"""Fiches actions: the store (kept actions only, saved, complete or not) and the F8 part."""

from __future__ import annotations

import pytest
from support.charter import kept_action
from textual.pilot import Pilot
from textual.widgets import Static

from tui.conftest import make_app
from vitalite_tui.db.models import Action, ActionSheet
from vitalite_tui.domain.charter import SheetContent
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.action_sheets import NOTHING_KEPT, ActionSheetsPart, SheetsTable
from vitalite_tui.tui.dialogs.action_sheet_form import ActionSheetFormDialog
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.widgets.indicator_toggles import IndicatorToggles

SIZE = (80, 24)

FULL = SheetContent(
    porteur="Centre social",
    partners="Mairies",
    public="Habitants isolés",
    means="Un véhicule",
    calendar="Au printemps",
    first_step="Réunir les foyers ruraux",
    success_sign="Vingt habitués",
    indicators=(3, 1),
)


def three_actions(demarche_id: str) -> dict[str, str]:
    """Two kept actions, one merged into the first, one left out by the vote."""
    ids = {
        "cafe": kept_action(demarche_id, "Un café itinérant", 1),
        "bus": kept_action(demarche_id, "Transport solidaire", 0),
    }
    demarche = as_uuid(demarche_id)
    ids["merged"] = str(
        Action.create(
            demarche=demarche, title="Café mobile", kept=True, merged_into=as_uuid(ids["cafe"])
        ).id
    )
    ids["left"] = str(Action.create(demarche=demarche, title="Boîte à idées").id)
    ids["removed"] = kept_action(demarche_id, "Retirée", 2)
    Action.update(deleted_at=Action.created_at).where(
        Action.id == as_uuid(ids["removed"])
    ).execute()
    return ids


# ---------------------------------------------------------------- store


def test_only_kept_actions_have_a_sheet_empty_until_saved(store: Store, demarche_id: str) -> None:
    ids = three_actions(demarche_id)
    sheets = store.action_sheets.all(demarche_id)
    assert [(s.title, s.written, s.completeness.fraction) for s in sheets] == [
        ("Transport solidaire", False, "0/8"),
        ("Un café itinérant", False, "0/8"),
    ]
    assert store.action_sheets.get(ids["cafe"]).content == SheetContent()
    assert ActionSheet.select().count() == 0  # reading creates nothing
    for name in ("merged", "left"):
        with pytest.raises(InvalidInput, match="n'est pas retenue par le vote"):
            store.action_sheets.get(ids[name])
    with pytest.raises(NotFound):
        store.action_sheets.get(ids["removed"])


def test_a_sheet_is_created_on_save_then_edited(store: Store, demarche_id: str) -> None:
    ids = three_actions(demarche_id)
    done = store.action_sheets.save(ids["cafe"], SheetContent(porteur=" Mairie ", indicators=(2,)))
    assert (done.fraction, done.complete) == ("2/8", False)
    done = store.action_sheets.save(ids["cafe"], FULL)
    assert done.complete
    record = store.action_sheets.get(ids["cafe"])
    assert record.written
    assert record.content == SheetContent.of(FULL.texts(), (1, 3))
    assert ActionSheet.select().count() == 1
    assert store.action_sheets.get(ids["bus"]).completeness.fraction == "0/8"
    assert store.steps.status(demarche_id, 6) is StepStatus.IN_PROGRESS


def test_bad_sheets_are_refused_and_nothing_is_stored(store: Store, demarche_id: str) -> None:
    ids = three_actions(demarche_id)
    with pytest.raises(InvalidInput, match="Indicateur 7"):
        store.action_sheets.save(ids["cafe"], SheetContent(indicators=(7,)))
    with pytest.raises(InvalidInput, match="Moyens : 2001 caractères"):
        store.action_sheets.save(ids["cafe"], SheetContent(means="x" * 2001))
    with pytest.raises(InvalidInput, match="pas retenue"):
        store.action_sheets.save(ids["left"], FULL)
    assert ActionSheet.select().count() == 0


# ---------------------------------------------------------------- the F8 part


async def open_sheets(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> ActionSheetsPart:
    await app.push_screen(contents_screen(demarche_id, 4, initial="sheets"))
    await pilot.pause()
    return app.screen.query_one(ActionSheetsPart)


async def test_nothing_kept_says_the_vote_decides(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_sheets(app, pilot, demarche_id)
        empty = part.query_one("#sheets-empty", Static)
        assert empty.display
        assert str(empty.render()) == NOTHING_KEPT
        await pilot.press("enter")
        assert app.screen.query(ActionSheetsPart)  # no dialog, no crash


async def test_a_sheet_is_filled_by_keys(store: Store, demarche_id: str) -> None:
    ids = three_actions(demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_sheets(app, pilot, demarche_id)
        assert not part.query_one("#sheets-empty", Static).display
        table = part.query_one(SheetsTable)
        assert table.current_key == ids["bus"]
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ActionSheetFormDialog)
        await pilot.press(*"CCAS", "enter", *"ADMR", "enter", *"Tous", "enter")
        await pilot.press(*"Bus", "enter", "enter", *"Réunir", "enter", *"Vingt", "enter")
        assert isinstance(app.focused, IndicatorToggles)
        await pilot.press("1", "3", "3", "4", "f2")
        await pilot.pause()
        assert app.screen.query(ActionSheetsPart)
        record = store.action_sheets.get(ids["cafe"])
        assert record.content == SheetContent(
            porteur="CCAS",
            partners="ADMR",
            public="Tous",
            means="Bus",
            calendar="",
            first_step="Réunir",
            success_sign="Vingt",
            indicators=(1, 4),
        )
        assert table.current_key == ids["cafe"]
        assert "7/8" in str(table.get_row(ids["cafe"])[2])
        assert str(part.query_one("#sheets-missing", Static).render()) == "Manque : calendrier."
        # Editable at any time: the calendar, then Enter to the end validates.
        await pilot.press("enter")
        await pilot.press(*["enter"] * 4, *"Avril", *["enter"] * 4)
        await pilot.pause()
        assert app.screen.query(ActionSheetsPart)
        assert store.action_sheets.get(ids["cafe"]).completeness.complete
        assert "✔ 8/8" in str(table.get_row(ids["cafe"])[2])


async def test_escape_leaves_the_sheet_as_it_was(store: Store, demarche_id: str) -> None:
    ids = three_actions(demarche_id)
    store.action_sheets.save(ids["bus"], FULL)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_sheets(app, pilot, demarche_id)
        await pilot.press("enter", *"Autre", "escape", "2")  # asked first: « 2 » drops it
        await pilot.pause()
        assert app.screen.query(ActionSheetsPart)
    assert store.action_sheets.get(ids["bus"]).content.porteur == "Centre social"


async def test_the_same_part_is_f8_of_workshop_3(store: Store, demarche_id: str) -> None:
    ids = three_actions(demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(contents_screen(demarche_id, 3, initial="sheets"))
        await pilot.pause()
        part = app.screen.query_one(ActionSheetsPart)
        assert part.number == 3
        assert part.query_one(SheetsTable).current_key == ids["bus"]
        await pilot.press("enter", *"CCAS", "f2")
        await pilot.pause()
        assert app.screen.query(ActionSheetsPart)
    assert store.action_sheets.get(ids["bus"]).content.porteur == "CCAS"
