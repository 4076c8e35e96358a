"""The felt barometer typed by key presses (person by person, in a burst, with stickers), then
shown under the measured barometer; every value checked through the store."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Label, Static

from tui.conftest import make_app, screen_lines
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import FELT_FORMULA
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.felt import FeltPart
from vitalite_tui.tui.screens.help import HelpScreen
from vitalite_tui.tui.screens.questionnaire.barometer import NO_FELT, BarometerScreen
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.widgets.barometer import BarometerBars
from vitalite_tui.tui.widgets.felt_grid import FeltGrid
from vitalite_tui.tui.widgets.sticker_grid import StickerGrid

SIZE = (80, 24)

#: Name order is the order of the lines: Agathe, Bruno, Chloé, Denis.
PEOPLE = (
    ("Chloé Martin", College.HABITANT),
    ("Agathe Roux", College.ELU),
    ("Denis Vidal", College.ACTEUR),
    ("Bruno Garcia", College.ACTEUR),
)


def present(store: Store, demarche_id: str, people: Sequence[tuple[str, College]]) -> list[str]:
    """People ticked present at workshop 1; their ids in name order (the lines' order)."""
    for name, college in people:
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
    return [entry.participant_id for entry in store.felt.entries(demarche_id)]


def values(store: Store, demarche_id: str) -> list[tuple[int | None, ...]]:
    return [entry.values for entry in store.felt.entries(demarche_id)]


async def open_felt(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> FeltPart:
    await app.push_screen(contents_screen(demarche_id, 1, initial="felt"))
    await pilot.pause()
    part = app.screen.query_one(FeltPart)
    assert isinstance(app.focused, FeltGrid)
    return part


def burst(app: VitaliteApp, keys: Sequence[str]) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    names = {"enter": "\r", "backspace": "\x7f", "delete": "\x1b[3~"}
    for key in keys:
        app.post_message(events.Key(key, names.get(key, key)))


async def settle(pilot: Pilot[None], done: object) -> None:
    assert callable(done)
    for _ in range(100):
        await pilot.pause()
        if done():
            return


def status(part: FeltPart) -> str:
    return str(part.query_one("#felt-status", Static).content)


async def test_a_felt_barometer_typed_person_by_person(store: Store, demarche_id: str) -> None:
    present(store, demarche_id, PEOPLE)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_felt(app, pilot, demarche_id)
        # Agathe: four keys, x for 10; stored at the fourth.
        await pilot.press("5", "7", "x")
        assert values(store, demarche_id)[0] == (None, None, None, None)
        assert part.unsaved_text()
        await pilot.press("3")
        assert values(store, demarche_id)[0] == (5, 7, 10, 3)
        assert "Agathe Roux" in status(part)
        # Bruno: a slip corrected with ⌫; Enter keeps a cell.
        await pilot.press("1", "2", "backspace", "9", "0", "4")
        # Chloé: two values, then F2 keeps her as she is.
        await pilot.press("6", "8", "f2")
        assert part.grid.row == 3
        assert part.unsaved_text() == ""
        assert values(store, demarche_id) == [
            (5, 7, 10, 3),
            (1, 9, 0, 4),
            (6, 8, None, None),
            (None, None, None, None),
        ]
        # Back up to Chloé and clear her with Suppr.
        await pilot.press("up", "delete")
        assert values(store, demarche_id)[2] == (None, None, None, None)
        summary = part.summary
        assert summary is not None
        assert summary.indicators[0].n == 2
        assert summary.indicators[0].mean == pytest.approx(3.0)
        assert summary.colleges[College.ELU][2].mean == pytest.approx(10.0)
    assert store.steps.status(demarche_id, 4) is StepStatus.IN_PROGRESS


async def test_keys_typed_in_a_burst_land_in_order(store: Store, demarche_id: str) -> None:
    present(store, demarche_id, PEOPLE)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_felt(app, pilot, demarche_id)
        # Agathe, Bruno, Chloé (a slip undone with ⌫), Denis kept half-typed with F2; the
        # last « 3 » comes after the end of the list and is refused.
        keys = [*"57x3", *"2468", *"10", "backspace", *"0x9", *"44", "f2", "3"]
        burst(app, keys)
        await settle(pilot, lambda: values(store, demarche_id)[3] == (4, 4, None, None))
        await pilot.pause()
        assert values(store, demarche_id) == [
            (5, 7, 10, 3),
            (2, 4, 6, 8),
            (1, 0, 10, 9),
            (4, 4, None, None),
        ]
        assert part.grid.row == 4
        assert "Fin de la liste" in status(part)


async def test_leaving_a_half_typed_person_is_refused(store: Store, demarche_id: str) -> None:
    present(store, demarche_id, PEOPLE)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_felt(app, pilot, demarche_id)
        await pilot.press("5", "7", "down", "g")
        assert part.grid.row == 0
        assert part.mode == "people"
        assert "non enregistrées" in status(part)
        assert part.unsaved_text().startswith("Ressenti de Agathe Roux")
        # A letter is no value: said, not typed.
        await pilot.press("z")
        assert "x pour 10" in status(part)
        await pilot.press("enter", "enter")  # I3 and I4 kept empty: said what is missing
        assert "il manque I3, I4" in status(part)
        assert part.grid.col == 2
        await pilot.press("f2", "down")
        assert values(store, demarche_id)[0] == (5, 7, None, None)
        assert part.grid.row == 2


async def test_stickers_counted_by_value_and_by_college(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_felt(app, pilot, demarche_id)  # nobody present: stickers still work
        assert "Personne n'est noté présent" in status(part)
        await pilot.press("g")
        grid = part.query_one(StickerGrid)
        assert app.focused is grid
        # I1: 3 stickers on 0, 12 on 1 (a slip corrected), nothing typed on 2, 5 on 3.
        await pilot.press("3", "enter", "1", "3", "backspace", "2", "enter", "enter", "5", "enter")
        # I2 (↓ keeps the value, 4): 4 for the élus (→), 7 on 5 for all (←), then 9 on 4.
        await pilot.press("down", "right", "4", "enter", "left", "7", "enter")
        await pilot.press("shift+left", "shift+left", "9", "enter")
        assert store.felt.sticker_counts(demarche_id)[1][:4] == (3, 12, 0, 5)
        assert store.felt.sticker_counts(demarche_id)[2][4:6] == (9, 7)
        assert store.felt.sticker_counts(demarche_id, College.ELU)[2][4] == 4
        # Suppr puts a count back to 0.
        await pilot.press("up", "shift+left", "shift+left", "delete")
        assert store.felt.sticker_counts(demarche_id)[1][3] == 0
        # Moving with a number typed but not validated is refused, nothing is lost.
        await pilot.press("8", "down")
        assert grid.buffer == "8"
        assert grid.indicator == 0
        assert part.unsaved_text() == "Gommettes : « 8 » tapé, non validé"
        summary = part.summary
        assert summary is not None
        assert summary.indicators[0].n == 15
        assert summary.stickers == 20  # the most stickers on one indicator: I2, 9 + 7 + 4
        assert summary.colleges[College.ELU][1].n == 4
        assert "Ressenti : 20 participants" in status(part)


async def test_fifty_people_fit_and_the_list_follows_the_typing(
    store: Store, demarche_id: str
) -> None:
    people = [(f"Personne {n:02d}", list(College)[n % 3]) for n in range(50)]
    present(store, demarche_id, people)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_felt(app, pilot, demarche_id)
        burst(app, [*"5555"] * 20)
        await settle(pilot, lambda: part.grid.row == 20)
        lines = screen_lines(app)
        assert max(len(line) for line in lines) <= 80
        assert any(line.startswith("▶ P021") for line in lines)  # the marked line is in view
        assert any(line.startswith(" ensemble") and "5,0 (n=20)" in line for line in lines)
        assert any("20/50 présents saisis" in line for line in lines)
        assert "F1 Aide" in lines[-1]
    assert sum(1 for entry in store.felt.entries(demarche_id) if entry.given == 4) == 20


# ---------------------------------------------------------------- the barometer screen


async def test_the_felt_line_under_each_measured_bar(store: Store, demarche_id: str) -> None:
    ids = present(store, demarche_id, PEOPLE)
    store.felt.record(demarche_id, ids[0], [6, 5, 4, 3])  # Agathe, élue
    store.felt.record(demarche_id, ids[2], [2, 3, 4, 5])  # Chloé, habitante
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_felt(app, pilot, demarche_id)
        await pilot.press("b")  # from the felt part
        screen = app.screen
        assert isinstance(screen, BarometerScreen)
        await pilot.pause()
        title = str(screen.query_one("#barometer-title", Label).content)
        assert title == "Baromètre · aucun questionnaire · ressenti : 2 participants"
        bars = screen.query_one(BarometerBars)
        assert [block.labels for block in bars.blocks] == [["ressenti"]] * 4
        lines = screen_lines(app)
        (felt_bar,) = [line for line in lines if "1 Sociabilité" in line]
        assert felt_bar.endswith("40  (n=2)")  # (6 + 2) / 2 = 4 → 40 on 0–100
        assert not screen.query_one("#barometer-felt").display
        # c: one felt bar per collège too.
        await pilot.press("c")
        labels = bars.blocks[0].labels
        assert labels == ["ressenti", "ress. élus", "ress. acteurs", "ress. habitants"]
        assert [line.result.position for line in bars.blocks[0].felt] == [40.0, 60.0, None, 20.0]
        text = bars.text
        assert "—  (n=0)" in text  # no acteur placed it
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert FELT_FORMULA in help_screen.intro
        assert "Collèges" in " ".join(str(line) for line in help_screen.lines)
        await pilot.press("escape", "escape")
        assert app.screen.query_one(FeltPart) is part


async def test_nothing_felt_yet_gives_a_hint_and_no_felt_line(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = BarometerScreen(demarche_id)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("c")  # nothing felt: nothing to show by collège
        assert screen.by_college is False
        text = "\n".join(screen_lines(app))
        assert "Ressenti : rien de saisi" in text
        assert NO_FELT.startswith("Ressenti : rien de saisi")
        assert "c Collèges" not in text
        assert not screen.query_one("#barometer-scroll").display
