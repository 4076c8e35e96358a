"""Printing from the screens (a key, a PDF in exports/, its path in a toast), and ten printed
questionnaires « filled in » and typed back through the fast entry, in the paper's order."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from support.pdf import pages_text
from support.tui import open_workshop, register
from textual import events
from textual.widgets import Input

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.domain.questionnaire_form import choice_fields
from vitalite_tui.print.questionnaire import print_questionnaire
from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.questionnaire.sheet_entry import SheetEntryScreen
from vitalite_tui.tui.screens.questionnaire.sheets import Step3Screen
from vitalite_tui.tui.widgets.answer_grid import SheetGrid

SHEETS = 10


def burst(app: VitaliteApp, keys: list[str]) -> None:
    """Keys as a terminal delivers a fast typist's burst: all queued at once."""
    for key in keys:
        app.post_message(events.Key(key, "\r" if key == "enter" else key))


def toasts(app: VitaliteApp) -> list[str]:
    # Textual keeps the notifications shown on screen here (no public accessor).
    return [str(notification.message) for notification in app._notifications]


def printed_toast(app: VitaliteApp, what: str) -> str | None:
    return next((t for t in toasts(app) if t.startswith(f"{what} : /")), None)


async def test_keys_print_into_exports_and_say_where(store: Store, demarche_id: str) -> None:
    register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(Step3Screen(demarche_id))
        await pilot.press("i")
        await wait_for(pilot, lambda: printed_toast(app, "Questionnaires imprimés"))
        shown = printed_toast(app, "Questionnaires imprimés")
        assert shown is not None
        assert "(10 fiches n° 1 à 10)" in shown
        app.pop_screen()
        screen = await open_workshop(app, pilot, demarche_id, number=2)
        await pilot.press("f6")
        await wait_for(pilot, lambda: screen.active_part == "attendance")
        await pilot.press("i")
        await wait_for(pilot, lambda: printed_toast(app, "Feuille d'émargement imprimée"))
        # No sub-group formed yet: one French sentence, nothing written.
        await pilot.press("f7")
        await wait_for(pilot, lambda: screen.active_part == "subgroups")
        await pilot.press("i")
        await wait_for(pilot, lambda: any("Aucun sous-groupe" in t for t in toasts(app)))
    written = sorted(path.name for path in (Path.cwd() / "exports").iterdir())
    assert [name.split("-")[0] for name in written] == ["emargement", "questionnaire"]
    assert store.printed_numbers.ranges(demarche_id) == [(1, 10)]


def moved_on(screen: SheetEntryScreen, number: int) -> bool:
    """The sheet is saved: the next one is waiting, its number proposed."""
    return screen.query_one("#number", Input).value != str(number)


def paper_order(page: str, labels: list[str]) -> list[str]:
    """The labels in the order they appear on the page."""
    return sorted(labels, key=page.index)


async def test_ten_printed_questionnaires_typed_back_in_the_papers_order(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    printed = print_questionnaire(store, demarche_id, out=tmp_path, count=SHEETS)
    form = store.responses.form(demarche_id)
    pages = pages_text(printed.path)
    assert len(pages) == SHEETS
    numbers = [int(re.search(r"N° (\d{4})", page)[1]) for page in pages]  # type: ignore[index]
    assert numbers == list(range(1, SHEETS + 1))
    # What a respondent « ticks » on each sheet, and what the store must then hold.
    expected: list[tuple[dict[str, str], dict[str, int]]] = []
    keys: list[list[str]] = []
    for sheet in range(SHEETS):
        commune = form.communes[sheet % len(form.communes)]
        ranks = [
            1 + (sheet + i) % len(field.choices) for i, field in enumerate(choice_fields(form))
        ]
        answers = [1 + (sheet * 7 + i) % item.size for i, item in enumerate(form.items)]
        profile = {"commune": commune} | {
            field.code: field.choices[rank - 1].value
            for field, rank in zip(choice_fields(form), ranks, strict=True)
        }
        expected.append((profile, {i.code: a for i, a in zip(form.items, answers, strict=True)}))
        # Read off the sheet from top to bottom: commune, profile choices, statements.
        keys.append([*commune[:4], "enter", *map(str, ranks), *map(str, answers)])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = SheetEntryScreen(demarche_id)
        await app.push_screen(screen)
        await wait_for(pilot, lambda: screen.query(SheetGrid))
        rows = screen.query_one(SheetGrid).rows
        on_screen = [row.text for row in rows]
        for page in pages:
            # The order on paper is the order on screen: profile questions, then statements.
            labels = [field.label for field in choice_fields(form)]
            texts = [item.text for item in form.items]
            assert paper_order(page, labels) + paper_order(page, texts) == on_screen
        for number, sheet_keys in zip(numbers, keys, strict=True):
            # The number proposed is the one printed on the sheet in hand.
            assert screen.query_one("#number", Input).value == str(number)
            burst(app, sheet_keys)
            await wait_for(pilot, partial(moved_on, screen, number), what=f"sheet {number} saved")
    stored = sorted(store.responses.all(demarche_id), key=lambda s: s.sheet_number or 0)
    assert [s.sheet_number for s in stored] == numbers
    assert [(s.profile, s.answers) for s in stored] == expected
