"""Step 3 screens: paper sheets typed by key presses, corrected, verified, removed; then the
store is read back and every answer checked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from tui.conftest import make_app
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import SheetDraft, SheetMode, SheetRecord
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.questionnaire.sheet_entry import SheetEntryScreen, evening_start
from vitalite_tui.tui.screens.questionnaire.sheets import SheetTable, Step3Screen
from vitalite_tui.tui.widgets.answer_grid import SheetGrid
from vitalite_tui.tui.widgets.unsaved_sheet import UnsavedSheetDialog

SIZE = (80, 24)

#: The default questionnaire's 24 items, in the order of the paper sheet.
CODES = [f"I{indicator}_{pole}{n}" for indicator in range(1, 5) for pole in "VD" for n in (1, 2, 3)]

#: Three paper sheets: commune as typed, the three profile keys, the 24 answers (0: none).
SHEETS = [
    ("lag", "231", "344213421342134213421342"),
    ("fab", "524", "120430041234123412341234"),
    ("Rib", "000", "444444444444333333332222"),
]
#: What the store must hold for them.
PROFILES = [
    {"commune": "Lagrasse", "age": "25-39", "anciennete": "plus-10", "situation": "emploi"},
    {"commune": "Fabrezan", "age": "75-plus", "anciennete": "2-10", "situation": "etudes"},
    {"commune": "Ribaute"},
]


def answers(digits: str) -> dict[str, int]:
    return dict(zip(CODES, (int(d) for d in digits), strict=True))


def sheet_keys(commune: str, profile: str, digits: str) -> list[str]:
    """Every key of one sheet, as the typist hits them: commune, Enter, then one key each."""
    return [*commune, "enter", *profile, *digits]


def burst(app: VitaliteApp, keys: Sequence[str]) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    names = {"enter": "\r", "backspace": "\x7f"}
    for key in keys:
        app.post_message(events.Key(key, names.get(key, key)))


async def settle(pilot: Pilot[None], done: object) -> None:
    """Let a burst be handled: until `done()` holds, or long enough to fail clearly."""
    assert callable(done)
    for _ in range(100):
        await pilot.pause()
        if done():
            return


async def open_entry(
    app: VitaliteApp,
    pilot: Pilot[None],
    demarche_id: str,
    sheet_id: str | None = None,
    *,
    verify: bool = False,
) -> SheetEntryScreen:
    screen = SheetEntryScreen(demarche_id, sheet_id, verify=verify)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def stored(store: Store, demarche_id: str) -> list[SheetRecord]:
    return store.responses.all(demarche_id)


def top(app: VitaliteApp) -> Screen[Any]:
    """The screen on top now (a function: mypy would keep `app.screen` narrowed)."""
    return app.screen


def focused(screen: Screen[Any]) -> Widget | None:
    return screen.focused


def text_of(screen: Screen[Any], selector: str) -> str:
    widget = screen.query_one(selector)
    assert isinstance(widget, (Label, Static))
    return str(widget.render())


def messages(app: VitaliteApp) -> list[str]:
    # Textual keeps the notifications shown on screen here (no public accessor).
    return [notification.message for notification in app._notifications]


def store_sheet(store: Store, demarche_id: str, number: int, digits: str) -> str:
    return store.responses.save_sheet(
        demarche_id,
        SheetDraft(number, {"commune": "Lagrasse", "age": "40-59"}, answers(digits)),
    )


# ---------------------------------------------------------------- typing new sheets


async def test_three_sheets_typed_key_by_key(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id)
        assert screen.query_one("#number", Input).value == "1"
        assert screen.focused is screen.query_one("#text-0", Input)
        for commune, profile, digits in SHEETS:
            for key in sheet_keys(commune, profile, digits):
                await pilot.press(key)
        await pilot.pause()
        # The fourth sheet is waiting, blank, its number one more, the cursor on the commune.
        assert screen.query_one("#number", Input).value == "4"
        assert screen.query_one("#text-0", Input).value == ""
        assert screen.focused is screen.query_one("#text-0", Input)
        assert all(row.value is None for row in screen.query_one(SheetGrid).rows)
        assert "Fiches saisies ce soir : 3 · au total : 3" in text_of(screen, "#entry-counts")
        assert "Fiche n° 3 enregistrée" in text_of(screen, "#note")
    sheets = stored(store, demarche_id)
    assert [s.sheet_number for s in sheets] == [1, 2, 3]
    assert [s.profile for s in sheets] == PROFILES
    assert [s.answers for s in sheets] == [answers(digits) for _, _, digits in SHEETS]
    assert all(s.mode is SheetMode.PAPER and not s.verified for s in sheets)
    # « 0 » is stored as sans réponse: it does not count as answered.
    assert [s.answered for s in sheets] == [24, 21, 24]


async def test_a_whole_sheet_in_one_press_call(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_entry(app, pilot, demarche_id)
        for commune, profile, digits in SHEETS:
            await pilot.press(*sheet_keys(commune, profile, digits))
        await pilot.pause()
    sheets = stored(store, demarche_id)
    assert [s.profile for s in sheets] == PROFILES
    assert [s.answers for s in sheets] == [answers(digits) for _, _, digits in SHEETS]


async def test_sheets_typed_in_one_burst_land_on_the_right_lines(
    store: Store, demarche_id: str
) -> None:
    """Three sheets and the start of a fourth, queued at once with no pause at all."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id)
        keys = [key for sheet in SHEETS for key in sheet_keys(*sheet)] + [*"rib", "enter", "2"]
        burst(app, keys)
        grid = screen.query_one(SheetGrid)
        await settle(pilot, lambda: grid.rows[0].value == 2)
        # The keys after each last answer went to the next sheet, in order.
        assert screen.query_one("#number", Input).value == "4"
        assert screen.query_one("#text-0", Input).value == "Ribaute"
        assert [row.value for row in grid.rows[:2]] == [2, None]
    sheets = stored(store, demarche_id)
    assert [s.sheet_number for s in sheets] == [1, 2, 3]
    assert [s.profile for s in sheets] == PROFILES
    assert [s.answers for s in sheets] == [answers(digits) for _, _, digits in SHEETS]


async def test_backspace_goes_back_one_line_and_clears_it(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id)
        grid = screen.query_one(SheetGrid)
        await pilot.press(*"lag", "enter", *"231", *"3442")
        assert [row.value for row in grid.rows[3:7]] == [3, 4, 4, 2]
        await pilot.press("backspace", "backspace")
        assert [row.value for row in grid.rows[3:7]] == [3, 4, None, None]
        assert grid.cursor == 5
        await pilot.press(*"12")
        # ↑ moves without changing anything; a digit then replaces the answer there.
        await pilot.press("up", "up", "up")
        assert grid.cursor == 4
        await pilot.press("3", "down")
        assert [row.value for row in grid.rows[3:7]] == [3, 3, 1, 2]
        assert grid.cursor == 6
        # ⌫ on the first line goes back up to the commune, selected: typing replaces it.
        grid.go_to(0)
        await pilot.press("backspace")
        assert screen.focused is screen.query_one("#text-0", Input)
        await pilot.press(*"rib", "enter")
        assert screen.query_one("#text-0", Input).value == "Ribaute"
        assert focused(screen) is grid
        assert grid.cursor == 0
        await pilot.press("end", *"34213421342134213421")
        await pilot.pause()
    (sheet,) = stored(store, demarche_id)
    assert sheet.profile["commune"] == "Ribaute"
    assert sheet.answers == answers("3312" + "34213421342134213421")


async def test_a_key_off_the_scale_is_refused(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id)
        grid = screen.query_one(SheetGrid)
        await pilot.press("enter", "6", "x")  # the age band has five choices
        assert (grid.cursor, grid.rows[0].value) == (0, None)
        await pilot.press("5", "1", "1", "7")  # the agreement scale stops at 4
        assert (grid.cursor, grid.rows[3].value) == (3, None)
        await pilot.pause()
        assert "tapez 1 à 4, ou 0" in text_of(screen, "#note")
    assert stored(store, demarche_id) == []


async def test_f2_saves_an_incomplete_sheet_as_sans_reponse(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id)
        # The rule is on screen before F2 is pressed.
        assert "F2 : question non tapée = «\u00a0sans réponse\u00a0»" in text_of(screen, "#note")
        await pilot.press(*"fab", "enter", "3", "enter", *"1", *"4321")
        assert text_of(screen, "#progress") == "4/24 réponses"
        await pilot.press("f2")
        await pilot.pause()
        assert screen.query_one("#number", Input).value == "2"
        # Nothing typed: F2 stores no empty sheet.
        await pilot.press("f2")
        await pilot.pause()
    (sheet,) = stored(store, demarche_id)
    assert sheet.profile == {"commune": "Fabrezan", "age": "40-59", "situation": "emploi"}
    assert sheet.answers == answers("4321" + "0" * 20)
    assert sheet.answered == 4


async def test_last_answer_with_lines_left_blank_does_not_save(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id)
        grid = screen.query_one(SheetGrid)
        await pilot.press("enter", *"231")
        grid.go_to(len(grid.rows) - 1)
        await pilot.press("4")
        await pilot.pause()
        assert stored(store, demarche_id) == []
        assert grid.cursor == 3  # back to the first line still blank
        assert "23 lignes à taper encore" in text_of(screen, "#note")


async def test_escape_asks_and_never_drops_a_started_sheet(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_entry(app, pilot, demarche_id)
        grid = screen.query_one(SheetGrid)
        await pilot.press(*"rib", "enter", *"231", *"44")
        await pilot.press("escape")
        assert isinstance(app.screen, UnsavedSheetDialog)
        await pilot.press("escape")  # stay: everything typed is still there
        assert top(app) is screen
        assert [row.value for row in grid.rows[:5]] == [2, 3, 1, 4, 4]
        assert screen.unsaved_text() == "Fiche n° 1 : 2/24 réponses tapées"
        await pilot.press("escape", "1")  # save, then leave
        await pilot.pause()
        assert top(app) is not screen
        assert any("Fiche n° 1 enregistrée" in m for m in messages(app))

        screen = await open_entry(app, pilot, demarche_id)
        await pilot.press("3", "escape", "2")  # discard, then leave
        await pilot.pause()
        assert top(app) is not screen

        screen = await open_entry(app, pilot, demarche_id)
        await pilot.press("escape")  # nothing typed: no question
        await pilot.pause()
        assert top(app) is not screen
    (sheet,) = stored(store, demarche_id)
    assert sheet.profile == {
        "commune": "Ribaute",
        "age": "25-39",
        "anciennete": "plus-10",
        "situation": "emploi",
    }
    assert sheet.answers == answers("44" + "0" * 22)


async def test_a_number_already_typed_is_refused_at_once(store: Store, demarche_id: str) -> None:
    store_sheet(store, demarche_id, 7, "1" * 24)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id)
        number = screen.query_one("#number", Input)
        assert number.value == "8"
        await pilot.press("up")
        assert screen.focused is number
        await pilot.press("backspace", "7", "enter")
        await pilot.pause()
        assert screen.focused is number
        assert any("La fiche n° 7 est déjà saisie" in m for m in messages(app))
        await pilot.press("backspace", "9", "enter", "enter", *"231", *"3" * 24)
        await pilot.pause()
        assert number.value == "10"
    assert [s.sheet_number for s in stored(store, demarche_id)] == [7, 9]


# ---------------------------------------------------------------- correcting, verifying


async def test_correcting_a_stored_sheet(store: Store, demarche_id: str) -> None:
    sheet_id = store_sheet(store, demarche_id, 4, "1234" * 6)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id, sheet_id)
        grid = screen.query_one(SheetGrid)
        # Prefilled: the commune, the profile keys (0: not given), every answer.
        assert screen.query_one("#text-0", Input).value == "Lagrasse"
        assert [row.value for row in grid.rows[:5]] == [3, 0, 0, 1, 2]
        assert "Correction de la fiche n° 4" in text_of(screen, "#entry-title")
        await pilot.press("enter", "enter", "2", "enter", "down", "down", "0")
        assert text_of(screen, "#progress") == "24/24 réponses · 1 sans réponse"
        await pilot.press("f2")
        await pilot.pause()
        assert top(app) is not screen
        assert any("Fiche n° 4 corrigée" in m for m in messages(app))
    record = store.responses.get(sheet_id)
    assert record.profile == {"commune": "Lagrasse", "age": "40-59", "anciennete": "2-10"}
    assert record.answers == answers("120" + "4" + "1234" * 5)
    assert record.mode is SheetMode.PAPER


async def test_verification_with_two_differences_resolved_each_way(
    store: Store, demarche_id: str
) -> None:
    digits = "344213421342134213421342"
    sheet_id = store_sheet(store, demarche_id, 5, digits)
    retyped = "344213421" + "2" + "4213421342134" + "1"  # I2_D1 and I4_D3 differ
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id, sheet_id, verify=True)
        grid = screen.query_one(SheetGrid)
        # Blind: nothing of the first typing is shown, but the number.
        assert screen.query_one("#number", Input).value == "5"
        assert screen.query_one("#text-0", Input).value == ""
        assert all(row.value is None for row in grid.rows)
        await pilot.press(*"lag", "enter", "3", "0", "0", *retyped)
        await pilot.pause()
        legend = text_of(screen, "#legend")
        assert "Différence 1 sur 2" in legend
        assert "I2_D1 : saisi 3, retapé 2" in legend
        assert "1 garder la première saisie (3 · Plutôt d'accord)" in legend
        assert "2 prendre la nouvelle (2 · Plutôt pas d'accord)" in legend
        assert grid.marked == 3 + CODES.index("I2_D1")
        assert not store.responses.get(sheet_id).verified  # nothing written yet
        await pilot.press("1")  # keep the first typing of I2_D1
        assert "Différence 2 sur 2" in text_of(screen, "#legend")
        assert "I4_D3 : saisi 2, retapé 1" in text_of(screen, "#legend")
        await pilot.press("2")  # take the new typing of I4_D3
        await pilot.pause()
        assert top(app) is not screen
        assert any("La fiche n° 5 vérifiée" in m for m in messages(app))
    record = store.responses.get(sheet_id)
    assert record.verified
    assert record.answers == answers(digits[:-1] + "1")


async def test_verification_without_difference_marks_the_sheet(
    store: Store, demarche_id: str
) -> None:
    digits = "1111222233334444" + "01234321"
    sheet_id = store_sheet(store, demarche_id, 6, digits)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_entry(app, pilot, demarche_id, sheet_id, verify=True)
        burst(app, [*"LAG", "enter", "3", "0", "0", *digits])
        await settle(pilot, lambda: store.responses.get(sheet_id).verified)
        assert any("aucune différence" in m for m in messages(app))
    assert store.responses.get(sheet_id).answers == answers(digits)


async def test_escape_during_verification_changes_nothing(store: Store, demarche_id: str) -> None:
    sheet_id = store_sheet(store, demarche_id, 5, "1" * 24)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_entry(app, pilot, demarche_id, sheet_id, verify=True)
        await pilot.press(*"lag", "enter", "3", "0", "0", *"2" * 24)
        await pilot.pause()
        assert screen.resolution is not None
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("o")
        await pilot.pause()
        assert top(app) is not screen
    record = store.responses.get(sheet_id)
    assert not record.verified
    assert record.answers == answers("1" * 24)


# ---------------------------------------------------------------- the step's hub


async def open_hub(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> Step3Screen:
    screen = Step3Screen(demarche_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def table_rows(screen: Step3Screen) -> list[list[str]]:
    table = screen.query_one(SheetTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_list_shows_each_sheet(store: Store, demarche_id: str) -> None:
    first = store_sheet(store, demarche_id, 2, "1234" * 6)
    store_sheet(store, demarche_id, 1, "0" * 12 + "1" * 12)
    store.responses.mark_verified(first)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_hub(app, pilot, demarche_id)
        rows = table_rows(screen)
        assert [row[0] for row in rows] == ["1", "2"]
        assert [row[2:] for row in rows] == [
            ["Lagrasse", "40 à 59 ans", "12/24", ""],
            ["Lagrasse", "40 à 59 ans", "24/24", "✔"],
        ]
        assert "2 fiches saisies · 1 vérifiée · 0 importée" in text_of(screen, "#sheet-counts")
        assert "Questionnaire de sociabilité (sociabilite 1.0, 24 questions)" in text_of(
            screen, "#questionnaire"
        )


async def test_removing_and_restoring_a_sheet(store: Store, demarche_id: str) -> None:
    store_sheet(store, demarche_id, 1, "1" * 24)
    second = store_sheet(store, demarche_id, 2, "2" * 24)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_hub(app, pilot, demarche_id)
        await pilot.press("down", "delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: nothing removed
        assert store.responses.count(demarche_id) == 2
        await pilot.press("delete", "o")
        await pilot.pause()
        assert [row[0] for row in table_rows(screen)] == ["1"]
        assert store.responses.count(demarche_id) == 1
        await pilot.press("u")
        await pilot.pause()
        assert [row[0] for row in table_rows(screen)] == ["1", "2"]
        assert screen.query_one(SheetTable).current_key == second
    assert store.responses.get(second).answers == answers("2" * 24)


async def test_new_sheets_then_back_to_the_list(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_hub(app, pilot, demarche_id)
        assert screen.query_one("#empty").display
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SheetEntryScreen)
        await pilot.press(*sheet_keys(*SHEETS[0]), "escape")
        await pilot.pause()
        assert top(app) is screen
        assert [row[0] for row in table_rows(screen)] == ["1"]
        assert not screen.query_one("#empty").display
        # Inser types more; back in the list, the cursor is on the last sheet added.
        await pilot.press("insert", *sheet_keys(*SHEETS[1]), *sheet_keys(*SHEETS[2]), "escape")
        await pilot.pause()
        assert [row[0] for row in table_rows(screen)] == ["1", "2", "3"]
        (last,) = [s for s in store.responses.all(demarche_id) if s.sheet_number == 3]
        assert screen.query_one(SheetTable).current_key == last.id
        # ⏎ corrects the sheet, v verifies it.
        await pilot.press("enter")
        await pilot.pause()
        entry = app.screen
        assert isinstance(entry, SheetEntryScreen)
        assert (entry.sheet_id, entry.mode.value) == (last.id, "correct")
        await pilot.press("escape", "v")
        await pilot.pause()
        assert isinstance(app.screen, SheetEntryScreen)
        assert "Vérification de la fiche n° 3" in text_of(app.screen, "#entry-title")


async def test_f3_marks_step_3_done(store: Store, demarche_id: str) -> None:
    from vitalite_tui.domain.steps import StepStatus

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_hub(app, pilot, demarche_id)
        await pilot.press("f3", "o")  # no sheet yet: asked, and confirmed
        await pilot.pause()
    assert store.steps.status(demarche_id, 3) is StepStatus.DONE


async def test_step_3_opens_from_the_demarche_screen(store: Store, demarche_id: str) -> None:
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Step3Screen)
        await pilot.press("n", *sheet_keys(*SHEETS[1]), "escape", "escape")
        await pilot.pause()
        steps = app.screen.query_one("#steps")
        from vitalite_tui.tui.screens.demarche import StepList

        assert isinstance(steps, StepList)
        assert "1 questionnaire saisi" in str(steps.get_option_at_index(2).prompt)


async def test_b_opens_the_barometer(store: Store, demarche_id: str) -> None:
    from vitalite_tui.tui.screens.questionnaire.barometer import BarometerScreen

    store_sheet(store, demarche_id, 1, "1234" * 6)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_hub(app, pilot, demarche_id)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BarometerScreen)


# ---------------------------------------------------------------- « ce soir »


def test_typed_since_counts_live_paper_sheets(store: Store, demarche_id: str) -> None:
    before = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(seconds=1)
    kept = store_sheet(store, demarche_id, 1, "1" * 24)
    removed = store_sheet(store, demarche_id, 2, "2" * 24)
    store.responses.remove(removed)
    imported = SheetDraft(3, {}, answers("3" * 24), SheetMode.IMPORT)
    store.responses.add_imported(demarche_id, [(imported, "k1")])
    assert store.responses.typed_since(demarche_id, before) == 1
    assert store.responses.typed_since(demarche_id, before + timedelta(hours=1)) == 0
    assert store.responses.get(kept).mode is SheetMode.PAPER


def test_the_evening_starts_at_six_and_runs_past_midnight() -> None:
    def local(day: int, hour: int) -> datetime:
        return datetime(2026, 10, day, hour, 30).astimezone()

    def utc(moment: datetime) -> datetime:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)

    six = local(16, 6) - timedelta(minutes=30)
    assert evening_start(local(16, 20)) == utc(six)
    assert evening_start(local(17, 0)) == utc(six)  # 0 h 30: still the same evening
    assert evening_start(local(17, 7)) == utc(six + timedelta(days=1))
