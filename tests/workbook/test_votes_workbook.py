"""The vote in the workbook (read back with openpyxl) and in the demo."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from support.votes import INTENTIONS, Scene, ids_by_title, make_scene

from vitalite_tui.db.models import Action, Intention, Vote, VoteSession
from vitalite_tui.demo.context import SPECS, DemoContext
from vitalite_tui.demo.votes import fill_votes
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid, writing
from vitalite_tui.store.vote.records import VoteSettingsDraft
from vitalite_tui.workbook import export_workbook

ELU, ACTEUR, HABITANT = College.ELU, College.ACTEUR, College.HABITANT


def table(book: Workbook, title: str) -> list[dict[str, Any]]:
    """The rows of a sheet's one table, as dicts by header (its empty row left out)."""
    sheet = book[title]
    (found,) = sheet.tables.values()
    rows = [[cell.value for cell in row] for row in sheet[found.ref]]
    header = [str(v) for v in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:] if any(row)]


@pytest.fixture
def voted(store: Store, demarche_id: str) -> Scene:
    """Four candidates (« Jardins » merged into « Un café »), a ballot and wall counts, closed."""
    scene = make_scene(store, demarche_id)
    d = scene.demarche_id
    store.votes.import_intentions(d)
    ids = ids_by_title(store, d)
    store.votes.merge(d, ids[INTENTIONS[3]], ids[INTENTIONS[0]])
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, keep_count=2))
    store.votes.save_ballot(d, scene.people["Anne"], {ids[INTENTIONS[1]]: 2, ids[INTENTIONS[2]]: 1})
    store.votes.set_tally(d, ids[INTENTIONS[0]], HABITANT, 5)
    store.votes.set_tally(d, ids[INTENTIONS[0]], ACTEUR, 1)
    store.votes.set_tally(d, ids[INTENTIONS[2]], None, 2)
    store.votes.close(d)
    return scene


def test_actions_and_votes_sheets_read_back(store: Store, voted: Scene, tmp_path: Path) -> None:
    result = export_workbook(store, voted.demarche_id, tmp_path, with_names=True)
    book = load_workbook(result.path)
    names = book.sheetnames
    assert names.index("Actions et votes") + 1 == names.index("Votes")
    assert names.index("Votes") < names.index("Registre RGPD")
    actions = table(book, "Actions et votes")
    assert [(a["Action"], a["Gommettes"], a["Rang"], a["Retenue"]) for a in actions] == [
        (INTENTIONS[0], 6, 1, "oui"),
        (INTENTIONS[2], 3, 2, "oui"),
        (INTENTIONS[1], 2, 3, "non"),
        (INTENTIONS[3], None, None, "non"),
    ]
    first = actions[0]
    assert (first["Élus"], first["Acteurs"], first["Habitants"], first["Sans collège"]) == (
        0,
        1,
        5,
        0,
    )
    assert first["Intentions d'origine"] == 2
    assert actions[1]["Sans collège"] == 2
    assert actions[3]["Fusionnée dans"] == INTENTIONS[0]
    assert result.rows("Actions et votes") == 4
    votes = table(book, "Votes")
    # With the names asked for, ballots are summed by collège and action, with no code.
    assert "Code" not in votes[0]
    assert [(v["Tour"], v["Source"], v["Lignes"], v["Collège"], v["Gommettes"]) for v in votes] == [
        (1, "bulletin", 1, "élu·e", 2),
        (1, "bulletin", 1, "élu·e", 1),
        (1, "décompte", 1, "acteur·rice local·e", 1),
        (1, "décompte", 1, "habitant·e", 5),
        (1, "décompte", 1, None, 2),
    ]
    # Even with the names asked for, no one's name is near a vote.
    cells = {str(v) for row in book["Votes"].iter_rows(values_only=True) for v in row}
    assert not cells & {"Anne", "Bruno", "Chloé"}
    register = " ".join(
        str(v) for row in book["Registre RGPD"].iter_rows(values_only=True) for v in row if v
    )
    assert "Votes : gommettes de chaque bulletin" in register


def test_the_summary_shows_the_top_actions_and_their_chart(
    store: Store, voted: Scene, tmp_path: Path
) -> None:
    result = export_workbook(store, voted.demarche_id, tmp_path)
    book = load_workbook(result.path)
    rows = [list(row) for row in book["Synthèse"].iter_rows(values_only=True)]
    start = next(i for i, row in enumerate(rows) if row[0] and "plus soutenues" in str(row[0]))
    assert rows[start + 1][:3] == ["Action", "Rang", "Gommettes"]
    assert [row[:3] for row in rows[start + 2 : start + 5]] == [
        [INTENTIONS[0], 1, 6],
        [INTENTIONS[2], 2, 3],
        [INTENTIONS[1], 3, 2],
    ]
    titles = [chart.title.tx.rich.p[0].r[0].t for chart in book["Synthèse"]._charts]
    assert "Gommettes par action" in titles


def test_an_export_of_another_workshop_points_to_workshop_3(
    store: Store, voted: Scene, tmp_path: Path
) -> None:
    result = export_workbook(store, voted.demarche_id, tmp_path, workshop=1)
    book = load_workbook(result.path)
    assert table(book, "Votes") == []
    assert result.rows("Actions et votes") == 0
    texts = [str(row[0]) for row in book["Votes"].iter_rows(values_only=True) if row[0]]
    assert any("atelier 3" in t for t in texts)


def test_an_empty_demarche_says_no_vote_yet(store: Store, demarche_id: str, tmp_path: Path) -> None:
    result = export_workbook(store, demarche_id, tmp_path)
    book = load_workbook(result.path)
    assert result.rows("Votes") == 0
    texts = [str(row[0]) for row in book["Actions et votes"].iter_rows(values_only=True) if row[0]]
    assert "Aucune action candidate pour l'instant (atelier 3)." in texts


# ---------------------------------------------------------------- demo


def run_fill(store: Store, demarche_id: str) -> None:
    context = DemoContext(store, demarche_id, SPECS["small"], random.Random(0))
    with writing():
        fill_votes(context)


def test_the_demo_vote_is_complete_and_counts_nothing_twice(store: Store, demarche_id: str) -> None:
    titles = tuple(f"Intention {n}" for n in range(12))
    make_scene(store, demarche_id, titles)
    run_fill(store, demarche_id)
    d = demarche_id
    candidates = store.votes.candidates(d)
    assert len(candidates) == 10
    assert sum(len(c.merged) for c in candidates) == 2
    assert sum(c.origins for c in candidates) == 12
    board = store.votes.board(d)
    assert board.settings.closed
    assert board.settings.dots_per_participant == 3
    # Six present: two ballots (a quarter, rounded), the other four on the wall.
    assert board.ballot_voters == 2
    assert board.wall_dots == board.expected_wall_dots == 4 * 3
    results = store.votes.results(d)
    assert results.tie == ()
    assert len(results.kept) == 5
    assert sum(c.kept for c in candidates) == 5
    assert Action.select().where(Action.kept & (Action.status == "kept")).count() == 5
    ballots = Vote.select().where(Vote.source == "ballot")
    assert all(vote.dots > 0 for vote in ballots)
    assert all(vote.participant is not None for vote in ballots)


def test_the_large_demo_vote_and_none_without_intentions(store: Store, demarche_id: str) -> None:
    run_fill(store, demarche_id)  # nothing to vote on yet: nothing written
    assert not VoteSession.select().exists()
    make_scene(store, demarche_id, ())
    Intention.insert_many(
        [{"demarche": as_uuid(demarche_id), "title": f"Intention {n}"} for n in range(150)]
    ).execute()
    run_fill(store, demarche_id)
    candidates = store.votes.candidates(demarche_id)
    assert len(candidates) == 144
    assert store.votes.settings(demarche_id).dots_per_participant == 10
    assert len(store.votes.results(demarche_id).kept) == 10
