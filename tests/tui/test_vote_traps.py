"""Workshop 3's traps at 80x24: impossible wall counts, the cell being typed, a tie-break's
first cell, an empty ballot."""

from __future__ import annotations

from support.votes import INTENTIONS, Scene, ids_by_title, make_scene
from textual.pilot import Pilot
from textual.widgets import Static

from tui.conftest import SIZE, make_app, screen_lines, screen_text, wait_for
from vitalite_tui.db.models import Vote
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.vote.records import VoteSettingsDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.ballot import BallotDialog
from vitalite_tui.tui.dialogs.filter_pick import FilterPickDialog
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.widgets.dots_grid import CELL_MARK, DotsGrid


async def open_vote(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> DotsGrid:
    await app.push_screen(contents_screen(demarche_id, 3, initial="vote"))
    await wait_for(pilot, lambda: isinstance(app.focused, DotsGrid))
    grid = app.focused
    assert isinstance(grid, DotsGrid)
    return grid


def warning(app: VitaliteApp) -> str:
    return str(app.screen.query_one("#vote-warning", Static).render())


async def test_an_impossible_count_is_warned_and_the_cell_is_marked(
    store: Store, demarche_id: str
) -> None:
    scene: Scene = make_scene(store, demarche_id)
    store.votes.import_intentions(demarche_id)
    # One dot each, one per action: the two élus present can give 2 dots, 2 on one action.
    store.votes.save_settings(demarche_id, VoteSettingsDraft(1, 1))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_vote(app, pilot, scene.demarche_id)
        # The cell being typed is marked by a character, not by its colour alone.
        await pilot.press("4")
        await wait_for(pilot, lambda: f"{CELL_MARK}  4_" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "gommettes d'élus" in warning(app))
        shown = warning(app)
        assert f"«\xa0{INTENTIONS[0]}\xa0» : 4 gommettes d'élus, plus que les 2 possibles" in shown
        assert "(2 personnes présentes × 1 par action)" in shown
        # 1 on the line below: the column's 5 dots are more than its 2 people have, said
        # after the first impossible count.
        await pilot.press("1", "enter")
        await wait_for(pilot, lambda: "Et 1 autre compte impossible." in warning(app))
        board = store.votes.board(demarche_id)
        cells = {
            (row.title, college): n
            for row in board.rows
            for college, n in row.cells.items()
            if college
        }
        assert (
            "5 gommettes d'élus au mur, plus que les 2 possibles"
            in board.impossible_counts(cells)[1]
        )
        # Corrected, the warning goes.
        await pilot.press("up", "up", "1", "enter")
        await wait_for(pilot, lambda: not warning(app))
        # The footer still ends with F1 while the round is open (the grid focused).
        last = screen_lines(app)[-1]
        assert last.rstrip().endswith("F1 Aide"), last
        assert "Échap" in last, last


async def test_a_tie_break_grid_starts_in_the_first_college(store: Store, demarche_id: str) -> None:
    scene = make_scene(store, demarche_id)
    d = scene.demarche_id
    store.votes.import_intentions(d)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, keep_count=2))
    ids = ids_by_title(store, d)
    for title, dots in zip(INTENTIONS, (9, 5, 5, 1), strict=True):
        store.votes.set_tally(d, ids[title], College.ELU, dots)
    store.votes.close(d)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_vote(app, pilot, d)
        # Round 1 read, the cursor left in the « sans collège » column on the third line.
        await pilot.press("right", "right", "right", "down", "down")
        assert (grid.row, grid.column) == (2, 3)
        store.votes.start_tie_break(d)
        await pilot.press("f7", "f6")
        await wait_for(pilot, lambda: len(grid.lines) == 2)
        assert (grid.row, grid.column) == (0, 0)
        assert grid.current_column.key == College.ELU.value


async def test_an_empty_ballot_is_refused_and_an_emptied_one_removed(
    store: Store, demarche_id: str
) -> None:
    scene = make_scene(store, demarche_id)
    d = scene.demarche_id
    store.votes.import_intentions(d)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_vote(app, pilot, d)
        await pilot.press("b", *"P003", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, BallotDialog))
        dialog = app.screen
        await pilot.press("enter")
        error = str(dialog.query_one("#ballot-error", Static).render())
        assert "Bulletin vide, non enregistré" in error
        assert app.screen is dialog
        assert not Vote.select().exists()
        # Typed, stored, then emptied: the earlier ballot is removed, and said so.
        await pilot.press("2", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FilterPickDialog))
        assert store.votes.ballot(d, scene.people["Chloé"])
        await pilot.press(*"P003", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, BallotDialog))
        await pilot.press("delete", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FilterPickDialog))
        assert store.votes.ballot(d, scene.people["Chloé"]) == {}
        said = [notice.message for notice in app._notifications]
        assert any(m.startswith("Bulletin de P003 retiré") for m in said), said
