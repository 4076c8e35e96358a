"""Workshop 3 on the keyboard: candidates, the wall count, ballots (with a cap refused), results."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from support.votes import INTENTIONS, Scene, ids_by_title, make_scene
from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from tui.conftest import make_app
from vitalite_tui.db.models import Vote, VoteSession
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.vote.records import VoteSettingsDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.candidates import CandidatesPart, CandidateTable
from vitalite_tui.tui.contents.results import ResultsPart
from vitalite_tui.tui.contents.vote import VotePart
from vitalite_tui.tui.dialogs.ballot import BallotDialog
from vitalite_tui.tui.dialogs.filter_pick import FilterPickDialog
from vitalite_tui.tui.dialogs.vote_settings import VoteSettingsDialog
from vitalite_tui.tui.help_texts import help_for
from vitalite_tui.tui.screens.help import key_lines
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.widgets.dots_grid import DotsGrid

SIZE = (80, 24)
ELU, ACTEUR, HABITANT = College.ELU, College.ACTEUR, College.HABITANT


@pytest.fixture
def scene(store: Store, demarche_id: str) -> Scene:
    return make_scene(store, demarche_id)


async def open_part(app: VitaliteApp, pilot: Pilot[None], demarche_id: str, part: str) -> None:
    await app.push_screen(contents_screen(demarche_id, 3, initial=part))
    await pilot.pause()


def text(app: VitaliteApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def tallies(store: Store, demarche_id: str) -> dict[tuple[str, College | None], int]:
    """The wall cells typed in the current round, by (title, collège)."""
    board = store.votes.board(demarche_id)
    return {(row.title, college): n for row in board.rows for college, n in row.cells.items()}


def burst(app: VitaliteApp, keys: Sequence[str]) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    names = {"enter": "\r", "backspace": "\x7f", "delete": "\x1b[3~", "escape": "\x1b"}
    for key in keys:
        app.post_message(events.Key(key, names.get(key, key)))


# ---------------------------------------------------------------- candidates


async def test_candidates_are_imported_added_merged_and_restored_by_keys(
    store: Store, scene: Scene
) -> None:
    d = scene.demarche_id
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, d, "candidates")
        assert "4 intentions à importer" in text(app, "#candidates-counts")
        await pilot.press("i")
        assert [c.title for c in store.votes.candidates(d)] == list(INTENTIONS)
        # A candidate said in the room.
        await pilot.press("n", *"Navette", "enter", *"marché", "f2")
        await pilot.pause()
        assert store.votes.candidates(d)[-1].title == "Navette"
        assert store.votes.candidates(d)[-1].description == "marché"
        # Merge « Jardins » (4th) into « Un café » (typed to find it).
        table = app.screen.query_one(CandidateTable)
        table.move_cursor(row=3)
        await pilot.press("m")
        assert isinstance(app.screen, FilterPickDialog)
        await pilot.press(*"cafe", "enter")
        await pilot.pause()
        candidates = store.votes.candidates(d)
        assert INTENTIONS[3] not in [c.title for c in candidates]
        assert candidates[0].origins == 2
        # Its ↳ line sits under « Un café »: u undoes the merge.
        assert table.current_key is not None
        table.move_cursor(row=1)
        await pilot.press("u")
        assert INTENTIONS[3] in ids_by_title(store, d)
        # Suppr (confirmed) removes; u on its line at the end brings it back.
        table.move_cursor(row=1)
        await pilot.press("delete", "enter")
        assert INTENTIONS[1] not in ids_by_title(store, d)
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("u")
        assert INTENTIONS[1] in ids_by_title(store, d)
        # Maj+↓ moves the first candidate down; Enter rewords it.
        table.move_cursor(row=0)
        await pilot.press("shift+down")
        assert [c.title for c in store.votes.candidates(d)][1] == INTENTIONS[0]
        await pilot.press("enter", "ctrl+a", "ctrl+k", *"Café", "f2")
        await pilot.pause()
        assert [c.title for c in store.votes.candidates(d)][1] == "Café"
        part = app.screen.query_one(CandidatesPart)
        assert "Orig." in help_for(part)


# ---------------------------------------------------------------- the wall


async def test_the_wall_count_is_typed_cell_by_cell(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    store.votes.import_intentions(d)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, d, "vote")
        assert isinstance(app.focused, DotsGrid)
        await pilot.press("4", "enter", "1", "2", "enter", "right", "3", "enter")
        # A slip corrected before Enter; then Suppr empties a cell typed by mistake.
        await pilot.press("9", "backspace", "5", "up")
        await pilot.press("right", "right", "7", "enter", "up", "delete")
        await pilot.pause()
        assert tallies(store, d) == {
            (INTENTIONS[0], ELU): 4,
            (INTENTIONS[1], ELU): 12,
            (INTENTIONS[2], ACTEUR): 3,
            (INTENTIONS[3], ACTEUR): 5,
        }
        # 4 + 12 + 3 + 5 = 24 dots on the wall, 6 present × 3 expected.
        assert text(app, "#vote-wall") == ("Gommettes posées : 24 / 18 attendues (6 présents × 3)")
        # 12 dots from 2 élus who may put 2 each on an action: impossible, said first.
        assert "12 gommettes d'élus, plus que les 4 possibles" in text(app, "#vote-warning")
        rows = list(Vote.select().where(Vote.deleted_at.is_null()))
        assert {row.source for row in rows} == {"tally"}
        assert all(row.participant is None for row in rows)


async def test_keys_typed_in_a_burst_land_in_order(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    store.votes.import_intentions(d)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, d, "vote")
        burst(app, [*"31", "enter", "2", "enter", "0", "enter", "right", "up", *"17", "enter"])
        for _ in range(50):
            await pilot.pause()
            if len(tallies(store, d)) == 4:
                break
        assert tallies(store, d) == {
            (INTENTIONS[0], ELU): 31,
            (INTENTIONS[1], ELU): 2,
            (INTENTIONS[2], ELU): 0,
            (INTENTIONS[2], ACTEUR): 17,
        }
        assert app.screen.query_one(DotsGrid).row == 3


# ---------------------------------------------------------------- ballots


async def test_a_ballot_is_typed_and_a_cap_is_refused(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    store.votes.import_intentions(d)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, d, "vote")
        await pilot.press("b", *"P003", "enter")
        dialog = app.screen
        assert isinstance(dialog, BallotDialog)
        assert dialog.voter.name == "Chloé"
        # 3 on one action: more than the 2 allowed, refused at once with the reason.
        await pilot.press("3")
        assert "plus que les 2 permises" in str(dialog.query_one("#ballot-error", Static).render())
        assert dialog.dots == {}
        # 2 then 2: four dots for three, refused when stored; nothing is stored.
        await pilot.press("2", "2", "enter")
        assert app.screen is dialog
        assert "chaque personne en a 3" in str(dialog.query_one("#ballot-error", Static).render())
        assert "1 gommette de trop" in str(dialog.query_one("#ballot-count", Static).render())
        assert not Vote.select().exists()
        # Corrected: the second line down to 1, then stored with Enter.
        await pilot.press("up", "1", "enter")
        await pilot.pause()
        ids = ids_by_title(store, d)
        assert store.votes.ballot(d, scene.people["Chloé"]) == {
            ids[INTENTIONS[0]]: 2,
            ids[INTENTIONS[1]]: 1,
        }
        row = Vote.get(Vote.dots == 1)
        assert (str(row.__data__["participant"]), row.college, row.source) == (
            scene.people["Chloé"],
            "acteur",
            "ballot",
        )
        # The list comes back for the next person; Escape leaves it.
        assert isinstance(app.screen, FilterPickDialog)
        await pilot.press("escape")
        assert text(app, "#vote-wall") == (
            "Gommettes posées : 0 / 15 attendues ((6 présents − 1 bulletins) × 3)"
        )
        # Typed again, it replaces the first one.
        await pilot.press("b", *"chloe", "enter", "0", "0", "2", "f2", "escape")
        await pilot.pause()
        assert store.votes.ballot(d, scene.people["Chloé"]) == {ids[INTENTIONS[2]]: 2}


# ---------------------------------------------------------------- settings, close, results


async def test_settings_close_keep_and_tie_break_by_keys(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    store.votes.import_intentions(d)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, d, "vote")
        await pilot.press("s")
        assert isinstance(app.screen, VoteSettingsDialog)
        await pilot.press("ctrl+a", "ctrl+k", "3", "enter", "ctrl+a", "ctrl+k", "2", "enter")
        await pilot.press(*"2", "f2")
        await pilot.pause()
        settings = store.votes.settings(d)
        assert (settings.dots_per_participant, settings.max_per_action) == (3, 2)
        assert settings.keep_count == 2
        assert "3 gommettes/pers." in text(app, "#vote-rules")
        # 9, 5, 5, 1 on the wall: a tie for the second place.
        await pilot.press("9", "enter", "5", "enter", "5", "enter", "1", "enter")
        await pilot.press("c", "enter")
        await pilot.pause()
        assert VoteSession.get().closed_at is not None
        await pilot.press("f7")
        part = app.screen.query_one(ResultsPart)
        assert "Égalité pour 1 place" in text(app, "#results-tie")
        await pilot.press("t", "enter")
        await pilot.pause()
        assert store.votes.settings(d).round_number == 2
        # The second round, typed on the wall: « Transport » wins the place.
        await pilot.press("f6", "3", "enter", "1", "enter", "c", "enter", "f7")
        await pilot.pause()
        kept = {c.title for c in store.votes.candidates(d) if c.kept}
        assert kept == {INTENTIONS[0], INTENTIONS[1]}
        assert "Départage (tour 2, clos, 1 place)" in text(app, "#results-rounds")
        # k: keep three instead; refused while the tie-break round stands.
        await pilot.press("k", "ctrl+a", "ctrl+k", "3", "enter")
        assert "départage" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape")
        assert part.results is not None
        assert part.results.keep_count == 2


async def test_results_are_hidden_until_closed_when_asked(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    store.votes.import_intentions(d)
    ids = ids_by_title(store, d)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, hide_results=True, keep_count=1))
    store.votes.set_tally(d, ids[INTENTIONS[2]], HABITANT, 4)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, d, "results")
        assert "masqués jusqu'à la clôture" in text(app, "#results-hidden")
        assert not app.screen.query_one("ResultsTable").display
        store.votes.close(d)
        await pilot.press("f6", "f7")
        assert app.screen.query_one("ResultsTable").display
        part = app.screen.query_one(ResultsPart)
        assert part.results is not None
        assert part.results.lines[0].title == INTENTIONS[2]
        assert part.results.lines[0].kept


async def test_an_empty_workshop_says_what_to_do(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "candidates")
        assert "Aucune action candidate" in text(app, "#candidates-empty")
        await pilot.press("f6")
        assert "importez les intentions" in text(app, "#vote-empty")
        await pilot.press("b", "c", "5", "enter")  # nothing to vote on: nothing happens
        await pilot.press("f7")
        assert "Aucune action candidate" in text(app, "#results-hidden")
        assert not Vote.select().exists()
        help_lines = " ".join(str(line) for line in key_lines(app.screen))
        assert "À retenir" in help_lines
        assert "Départage" not in help_lines  # nothing is tied: the key is hidden


async def test_vote_keys_are_named_in_the_help(store: Store, scene: Scene) -> None:
    store.votes.import_intentions(scene.demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, scene.demarche_id, "vote")
        part = app.screen.query_one(VotePart)
        assert "bulletin" in help_for(part)
        lines = " ".join(str(line) for line in key_lines(app.screen))
        assert "Bulletins" in lines
        assert "Clore" in lines


async def test_a_ballot_typed_in_one_burst_lands_where_meant(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    store.votes.import_intentions(d)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, d, "vote")
        # Two people's ballots in one go: each key lands in the list, then the ballot, then
        # the list again for the next person; none goes into the wall count underneath.
        burst(app, ["b", *"P003", "enter", "0", "2", "1", "enter", *"deni", "enter", "2"])
        burst(app, ["enter", "escape"])
        for _ in range(80):
            await pilot.pause()
            dialog = isinstance(app.screen, (FilterPickDialog, BallotDialog))
            if store.votes.ballot(d, scene.people["Denis"]) and not dialog:
                break
        ids = ids_by_title(store, d)
        assert store.votes.ballot(d, scene.people["Chloé"]) == {
            ids[INTENTIONS[1]]: 2,
            ids[INTENTIONS[2]]: 1,
        }
        assert store.votes.ballot(d, scene.people["Denis"]) == {ids[INTENTIONS[0]]: 2}
        assert tallies(store, d) == {}
        assert not isinstance(app.screen, FilterPickDialog)  # Escape closed the list
