"""Fast entry at 80x24: the whole question shown, going to a question by its code, F1
naming every key, the required fields marked as the XLSForm requires them, and the
unverified sheets verified one after the other; the store is read back each time."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.widgets import Input, Label

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.formats.xlsform import survey_rows
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.store.questionnaire.responses import default_definition
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.help import HelpScreen
from vitalite_tui.tui.screens.questionnaire.question_code import QuestionCodeDialog
from vitalite_tui.tui.screens.questionnaire.sheet_entry import SheetEntryScreen
from vitalite_tui.tui.screens.questionnaire.sheets import SheetTable, Step3Screen
from vitalite_tui.tui.widgets.answer_grid import SheetGrid

#: The default questionnaire's codes, in the order of the paper sheet.
CODES = [f"I{indicator}_{pole}{n}" for indicator in range(1, 5) for pole in "VD" for n in (1, 2, 3)]


def top(screen: Screen[Any]) -> Screen[Any]:
    """The screen on top now (a function: mypy would keep `app.screen` narrowed)."""
    return screen.app.screen


def shown(app: VitaliteApp) -> str:
    """The screen's text with its lines joined, as a reader follows a wrapped sentence."""
    return " ".join(screen_text(app).split())


async def test_whole_question_shown_and_going_to_a_code(store: Store, demarche_id: str) -> None:
    form = store.responses.form(demarche_id)
    long_item = next(item for item in form.items if len(item.text) > 70)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = SheetEntryScreen(demarche_id)
        await app.push_screen(screen)
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        # F1 from the first field already names the grid's keys (they act once there).
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        for keys in ("Page↑ et Page↓", "Fin (End)", "F5 va à une question par son code"):
            assert keys in help_screen.intro
        await pilot.press("escape")
        await pilot.press(*"lag", "enter", "2")
        grid = screen.query_one(SheetGrid)
        await wait_for(pilot, lambda: grid.cursor == 1)
        # F5, a code in any case, ⏎: the line of that question, its whole text below.
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionCodeDialog))
        await pilot.press(*long_item.code.lower(), "enter")
        row = 3 + [item.code for item in form.items].index(long_item.code)
        await wait_for(pilot, lambda: top(screen) is screen and grid.cursor == row)
        assert f"{long_item.code} · {long_item.text}" in shown(app)
        await pilot.press("3")
        # The only code that starts so (« i4_d3 » has no sibling): the last line.
        await pilot.press("f5", *"i4_d3", "enter")
        await wait_for(pilot, lambda: grid.cursor == len(grid.rows) - 1)
        await pilot.press("4")
        # An unknown code, then a start shared by several: said, the cursor stays.
        await pilot.press("f5", *"zz", "enter")
        await wait_for(pilot, lambda: "aucune question de ce code" in shown(app))
        await pilot.press("f5", *"i2", "enter")
        await wait_for(pilot, lambda: "« i2 » : 6 questions commencent ainsi" in shown(app))
        assert top(screen) is screen
        await pilot.press("f2")
        await wait_for(pilot, lambda: store.responses.all(demarche_id))
    (record,) = store.responses.all(demarche_id)
    assert record.profile == {"commune": "Lagrasse", "age": "25-39"}
    assert {code: value for code, value in record.answers.items() if value} == {
        long_item.code: 3,
        "I4_D3": 4,
    }


async def test_required_fields_marked_as_the_xlsform_requires_them(
    store: Store, demarche_id: str
) -> None:
    # One source: the definition says the commune and the age are required.
    definition = copy.deepcopy(default_definition())
    definition["version"] = "1.1"
    for field in definition["profile"]:
        if field["code"] == "age":
            field["required"] = True
    store.questionnaires.register(definition)
    store.questionnaires.choose(demarche_id, "sociabilite", "1.1")
    form = store.responses.form(demarche_id)
    required = {field.label for field in form.profile if field.required}
    assert len(required) == 2
    by_code = {field.code: field.label for field in form.profile}
    on_the_phone = {by_code[row[1]] for row in survey_rows(form) if row[1] in by_code and row[3]}
    assert on_the_phone == required
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = SheetEntryScreen(demarche_id)
        await app.push_screen(screen)
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        labels = [str(label.render()) for label in screen.query(".entry-label").results(Label)]
        grid = screen.query_one(SheetGrid)
        marked = {text[:-2] for text in labels if text.endswith(" *")}
        marked |= {row.text[:-2] for row in grid.rows if row.profile and row.text.endswith(" *")}
        assert marked == required
        # Left blank, a required field is said (the paper may lack it), and kept blank.
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Champ obligatoire laissé vide : Commune" in shown(app))
        await wait_for(pilot, lambda: app.focused is grid)
        await pilot.press("0", *"0" * 2, *"1" * 24)
        await wait_for(pilot, lambda: store.responses.all(demarche_id))
    (record,) = store.responses.all(demarche_id)
    assert record.profile == {}
    assert set(record.answers.values()) == {1}


def store_sheet(store: Store, demarche_id: str, number: int, digits: str) -> str:
    answers = dict(zip(CODES, (int(d) for d in digits), strict=True))
    draft = SheetDraft(number, {"commune": "Lagrasse", "age": "40-59"}, answers)
    return store.responses.save_sheet(demarche_id, draft)


def verifying(app: VitaliteApp, sheet_id: str) -> Callable[[], bool]:
    def done() -> bool:
        screen = app.screen
        return isinstance(screen, SheetEntryScreen) and screen.sheet_id == sheet_id

    return done


def verified(store: Store, sheet_id: str) -> Callable[[], bool]:
    return lambda: store.responses.get(sheet_id).verified


def resolving(entry: SheetEntryScreen) -> Callable[[], bool]:
    return lambda: entry.resolution is not None


async def test_verifying_every_unverified_sheet_in_a_row(store: Store, demarche_id: str) -> None:
    digits = {1: "1234" * 6, 2: "4321" * 6, 3: "2" * 24, 4: "3" * 24}
    ids = {number: store_sheet(store, demarche_id, number, d) for number, d in digits.items()}
    store.responses.mark_verified(ids[3])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        hub = Step3Screen(demarche_id)
        await app.push_screen(hub)
        table = hub.query_one(SheetTable)
        await wait_for(pilot, lambda: table.row_count == 4)
        await pilot.press("down")  # from sheet 2 on, then back to the top
        await pilot.press("w")
        for number, then in ((2, 2), (4, 1), (1, 0)):
            await wait_for(pilot, verifying(app, ids[number]))
            entry = app.screen
            assert isinstance(entry, SheetEntryScreen)
            counts = str(entry.query_one("#entry-counts", Label).render())
            assert counts == (f"puis {then} autre{'s' if then > 1 else ''}" if then else "")
            # Sheet 4: one difference, on the longest question of the profile.
            seniority = "1" if number == 4 else "0"
            await pilot.press(*"lag", "enter", "3", seniority, "0", *digits[number])
            if number == 4:
                await wait_for(pilot, resolving(entry))
                # Both choices shown in full under the question's whole text.
                assert "2 prendre la nouvelle (Moins de 2 ans)" in shown(app)
                await pilot.press("2")  # take the new typing
            await wait_for(pilot, verified(store, ids[number]))
        await wait_for(pilot, lambda: app.screen is hub)
        assert "4 vérifiées" in shown(app)
    assert store.responses.get(ids[4]).profile["anciennete"] == "moins-2"
    assert store.responses.get(ids[2]).answers == dict(
        zip(CODES, (int(d) for d in digits[2]), strict=True)
    )
