"""The vote's store (`Store.votes`): candidates, settings, ballots, tallies, results, tie-break."""

from __future__ import annotations

import pytest
from support.votes import ACTEUR, ELU, HABITANT, INTENTIONS, Scene, ids_by_title, make_scene

from vitalite_tui.db.models import Action, Intention, Link, Vote, VoteSession
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.vote.records import CandidateDraft, VoteSettingsDraft


@pytest.fixture
def scene(store: Store, demarche_id: str) -> Scene:
    return make_scene(store, demarche_id)


def imported(store: Store, scene: Scene) -> dict[str, str]:
    store.votes.import_intentions(scene.demarche_id)
    return ids_by_title(store, scene.demarche_id)


def live_votes() -> list[Vote]:
    return list(Vote.select().where(Vote.deleted_at.is_null()))


# ---------------------------------------------------------------- candidates


def test_intentions_become_candidates_once_and_linked(store: Store, scene: Scene) -> None:
    votes = store.votes
    assert votes.unlinked_intentions(scene.demarche_id) == 4
    assert votes.import_intentions(scene.demarche_id) == 4
    assert votes.import_intentions(scene.demarche_id) == 0
    assert votes.unlinked_intentions(scene.demarche_id) == 0
    candidates = votes.candidates(scene.demarche_id)
    assert [c.title for c in candidates] == list(INTENTIONS)
    assert [c.number for c in candidates] == [1, 2, 3, 4]
    assert all(c.origins == 1 for c in candidates)
    assert candidates[0].description == "Pourquoi : un café associatif itinérant"
    assert candidates[1].indicators == (2,)
    links = Link.select().where(Link.source_type == "intention")
    assert {str(link.source_id) for link in links} == set(scene.intentions)
    # An intention written later is imported alone, at the end of the list.
    Intention.create(demarche=as_uuid(scene.demarche_id), title="Fête des voisins")
    assert votes.import_intentions(scene.demarche_id) == 1
    assert votes.candidates(scene.demarche_id)[-1].title == "Fête des voisins"


def test_merging_keeps_both_origins_and_can_be_undone(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    cafe, jardins = ids[INTENTIONS[0]], ids[INTENTIONS[3]]
    store.votes.merge(d, jardins, cafe)
    candidates = store.votes.candidates(d)
    assert [c.title for c in candidates] == list(INTENTIONS[:3])
    assert candidates[0].origins == 2
    assert [m.title for m in candidates[0].merged] == [INTENTIONS[3]]
    assert Action.get_by_id(as_uuid(jardins)).status == "merged"
    # Merged into a merged one: the origins add up along the chain.
    boite = ids[INTENTIONS[2]]
    store.votes.merge(d, cafe, boite)
    assert ids_by_title(store, d).keys() == {INTENTIONS[1], INTENTIONS[2]}
    assert store.votes.candidates(d)[1].origins == 3
    with pytest.raises(InvalidInput, match="elle-même"):
        store.votes.merge(d, boite, boite)
    with pytest.raises(InvalidInput, match="encore sur la liste"):
        store.votes.merge(d, jardins, boite)
    store.votes.unmerge(d, cafe)
    store.votes.unmerge(d, jardins)
    assert [c.origins for c in store.votes.candidates(d)] == [1, 1, 1, 1]
    with pytest.raises(InvalidInput, match="aucune autre"):
        store.votes.unmerge(d, cafe)


def test_add_reword_order_remove_restore(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    new = store.votes.add(d, CandidateDraft("  Une   navette le samedi ", "pour le marché"))
    assert store.votes.candidates(d)[-1].title == "Une navette le samedi"
    store.votes.reword(d, new, CandidateDraft("Navette du samedi", "marché et médecin"))
    with pytest.raises(InvalidInput, match="Intitulé"):
        store.votes.reword(d, new, CandidateDraft("   "))
    store.votes.move(d, new, -1)
    store.votes.move(d, new, -10)
    titles = [c.title for c in store.votes.candidates(d)]
    assert titles[0] == "Navette du samedi"
    assert titles[-1] == INTENTIONS[3]
    store.votes.remove(d, ids[INTENTIONS[1]])
    assert INTENTIONS[1] not in ids_by_title(store, d)
    assert [r.title for r in store.votes.removed_candidates(d)] == [INTENTIONS[1]]
    # Removed on purpose: importing again does not bring the intention back.
    assert store.votes.import_intentions(d) == 0
    store.votes.restore(d, ids[INTENTIONS[1]])
    assert INTENTIONS[1] in ids_by_title(store, d)


def test_importing_puts_step_6_under_way(store: Store, demarche_id: str) -> None:
    Intention.create(demarche=as_uuid(demarche_id), title="Fête des voisins")
    assert store.steps.status(demarche_id, 6) is StepStatus.TODO
    assert store.votes.import_intentions(demarche_id) == 1
    assert store.steps.status(demarche_id, 6) is StepStatus.IN_PROGRESS


# ---------------------------------------------------------------- settings, ballots, tallies


def test_settings_start_from_the_suggestion_and_are_checked(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    imported(store, scene)
    settings = store.votes.settings(d)
    assert (settings.stored, settings.dots_per_participant, settings.max_per_action) == (
        False,
        1,
        1,
    )
    assert settings.suggested_dots == 1
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, hide_results=True, keep_count=2))
    settings = store.votes.settings(d)
    assert (settings.dots_per_participant, settings.max_per_action, settings.keep_count) == (
        3,
        2,
        2,
    )
    assert settings.hide_results
    assert settings.stored
    with pytest.raises(InvalidInput, match="même action"):
        store.votes.save_settings(d, VoteSettingsDraft(2, 3))
    assert VoteSession.select().count() == 1


def test_a_ballot_is_stored_by_id_replaced_and_refused_beyond_the_caps(
    store: Store, scene: Scene
) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2))
    anne = scene.people["Anne"]
    cafe, transport = ids[INTENTIONS[0]], ids[INTENTIONS[1]]
    store.votes.save_ballot(d, anne, {cafe: 2, transport: 1})
    rows = live_votes()
    assert {(str(v.__data__["participant"]), v.college, v.dots, v.source) for v in rows} == {
        (anne, "elu", 2, "ballot"),
        (anne, "elu", 1, "ballot"),
    }
    store.votes.save_ballot(d, anne, {transport: 2})
    assert [(v.dots, str(v.__data__["action"])) for v in live_votes()] == [(2, transport)]
    assert store.votes.ballot(d, anne) == {transport: 2}
    with pytest.raises(InvalidInput, match="plus que les 2 permises"):
        store.votes.save_ballot(d, anne, {cafe: 3})
    with pytest.raises(InvalidInput, match="chaque personne en a 3"):
        store.votes.save_ballot(d, anne, {cafe: 2, transport: 2})
    assert store.votes.ballot(d, anne) == {transport: 2}
    with pytest.raises(InvalidInput, match="pas noté présent"):
        store.votes.save_ballot(d, scene.people["Gilles"], {cafe: 1})
    voters = {v.name: v for v in store.votes.voters(d)}
    assert "Gilles" not in voters
    assert voters["Anne"].has_ballot
    assert voters["Anne"].code == "P001"
    assert voters["Anne"].dots == 2
    assert not voters["Bruno"].has_ballot
    # Rules that an existing ballot breaks are refused.
    with pytest.raises(InvalidInput, match="P001"):
        store.votes.save_settings(d, VoteSettingsDraft(3, 1))


def test_tallies_and_ballots_mix_without_double_counting(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2))
    cafe, transport = ids[INTENTIONS[0]], ids[INTENTIONS[1]]
    store.votes.save_ballot(d, scene.people["Anne"], {cafe: 2, transport: 1})
    store.votes.set_tally(d, cafe, ELU, 1)
    store.votes.set_tally(d, cafe, HABITANT, 4)
    store.votes.set_tally(d, transport, None, 5)
    store.votes.set_tally(d, transport, None, 6)  # typed again: replaced
    store.votes.set_tally(d, cafe, ACTEUR, 0)  # read: nothing there
    board = store.votes.board(d)
    assert board.present == 6
    assert board.ballot_voters == 1
    assert board.wall_dots == 11
    assert board.expected_wall_dots == 15
    assert board.wall_line == (
        "Gommettes posées : 11 / 15 attendues ((6 présents − 1 bulletins) × 3)"
    )
    rows = {row.title: row for row in board.rows}
    assert rows[INTENTIONS[0]].cells == {ELU: 1, HABITANT: 4, ACTEUR: 0}
    assert rows[INTENTIONS[0]].from_ballots == 2
    assert rows[INTENTIONS[0]].total == 7
    store.votes.set_tally(d, cafe, ACTEUR, None)
    assert ACTEUR not in store.votes.board(d).rows[0].cells
    with pytest.raises(InvalidInput, match="décompte"):
        store.votes.set_tally(d, cafe, ELU, 5000)
    results = store.votes.results(d)
    line = {r.title: r for r in results.lines}
    assert (line[INTENTIONS[0]].total, line[INTENTIONS[0]].dots_of(ELU)) == (7, 3)
    assert line[INTENTIONS[1]].total == 7
    assert line[INTENTIONS[1]].dots_of(None) == 6
    assert results.has_uncoloured


def test_closing_marks_the_kept_actions_and_stops_entries(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, keep_count=2))
    for title, dots in zip(INTENTIONS, (9, 7, 4, 1), strict=True):
        store.votes.set_tally(d, ids[title], None, dots)
    assert not any(c.kept for c in store.votes.candidates(d))
    store.votes.close(d)
    kept = {c.title for c in store.votes.candidates(d) if c.kept}
    assert kept == set(INTENTIONS[:2])
    assert {a.status for a in Action.select().where(Action.kept)} == {"kept"}
    with pytest.raises(InvalidInput, match="clos"):
        store.votes.set_tally(d, ids[INTENTIONS[0]], None, 3)
    store.votes.set_keep_count(d, 3)
    assert sum(c.kept for c in store.votes.candidates(d)) == 3
    store.votes.reopen(d)
    assert not any(c.kept for c in store.votes.candidates(d))
    with pytest.raises(InvalidInput, match="gommettes"):
        store.votes.remove(d, ids[INTENTIONS[0]])
    with pytest.raises(InvalidInput, match="gommettes"):
        store.votes.merge(d, ids[INTENTIONS[0]], ids[INTENTIONS[1]])


def test_hidden_results_show_once_closed(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, hide_results=True, keep_count=1))
    store.votes.set_tally(d, ids[INTENTIONS[0]], None, 3)
    hidden = store.votes.results(d)
    assert hidden.hidden
    assert hidden.lines == ()
    store.votes.close(d)
    shown = store.votes.results(d)
    assert not shown.hidden
    assert shown.lines[0].title == INTENTIONS[0]
    assert shown.kept == (ids[INTENTIONS[0]],)


def test_a_tie_on_the_last_place_is_broken_by_a_second_round(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    cafe, transport, boite, jardins = (ids[t] for t in INTENTIONS)
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, keep_count=2))
    for action, dots in ((cafe, 9), (transport, 5), (boite, 5), (jardins, 1)):
        store.votes.set_tally(d, action, None, dots)
    with pytest.raises(InvalidInput, match="départage"):
        store.votes.start_tie_break(d)
    store.votes.close(d)
    results = store.votes.results(d)
    assert results.kept == (cafe,)
    assert set(results.tie) == {transport, boite}
    assert results.tie_places == 1
    assert results.can_start_tie_break
    assert [(r.rank, r.tied, r.in_tie) for r in results.lines] == [
        (1, False, False),
        (2, True, True),
        (2, True, True),
        (4, False, False),
    ]
    assert store.votes.start_tie_break(d) == 2
    settings = store.votes.settings(d)
    assert (settings.round_number, settings.dots_per_participant, settings.max_per_action) == (
        2,
        1,
        1,
    )
    board = store.votes.board(d)
    assert {row.action_id for row in board.rows} == {transport, boite}
    with pytest.raises(InvalidInput, match="égalité"):
        store.votes.set_tally(d, cafe, None, 3)
    with pytest.raises(InvalidInput, match="départage"):
        store.votes.set_keep_count(d, 3)
    store.votes.save_ballot(d, scene.people["Bruno"], {boite: 1})
    store.votes.set_tally(d, transport, None, 2)
    store.votes.set_tally(d, boite, None, 2)
    store.votes.close(d)
    results = store.votes.results(d)
    assert results.kept == (cafe, boite)
    assert results.tie == ()
    assert [(t.round_number, t.places, t.closed) for t in results.tie_breaks] == [(2, 1, True)]
    assert {c.title for c in store.votes.candidates(d) if c.kept} == {INTENTIONS[0], INTENTIONS[2]}


def test_weighting_uses_the_attendance_of_workshop_3(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    # Present: 2 élus, 2 acteurs, 2 habitants (Gilles is not): balanced, nothing changes.
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, weight_colleges=True))
    store.votes.set_tally(d, ids[INTENTIONS[0]], ELU, 4)
    store.votes.set_tally(d, ids[INTENTIONS[1]], HABITANT, 5)
    lines = store.votes.results(d).lines
    assert [(r.title, r.score) for r in lines[:2]] == [(INTENTIONS[1], 5.0), (INTENTIONS[0], 4.0)]
    # One more habitant present (V=7, K=3): each habitant's dot weighs 7/9, an élu's 7/6.
    store.workshops.set_present(d, 3, scene.people["Gilles"], True)
    lines = store.votes.results(d).lines
    assert [r.title for r in lines[:2]] == [INTENTIONS[0], INTENTIONS[1]]
    assert lines[0].score == pytest.approx(4 * 7 / 6)
    assert lines[1].score == pytest.approx(5 * 7 / 9)
    assert (lines[0].total, lines[1].total) == (4, 5)
    store.workshops.set_present(d, 1, scene.people["Gilles"], True)  # another workshop: no effect
    assert store.votes.results(d).weighted


def test_export_lists_every_action_and_vote_by_code(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    ids = imported(store, scene)
    store.votes.merge(d, ids[INTENTIONS[3]], ids[INTENTIONS[0]])
    store.votes.save_settings(d, VoteSettingsDraft(3, 2, keep_count=1))
    store.votes.save_ballot(d, scene.people["Chloé"], {ids[INTENTIONS[0]]: 2})
    store.votes.set_tally(d, ids[INTENTIONS[1]], HABITANT, 1)
    store.votes.close(d)
    export = store.votes.export(d)
    rows = {a.title: a for a in export.actions}
    assert rows[INTENTIONS[0]].origins == 2
    assert rows[INTENTIONS[0]].rank == 1
    assert rows[INTENTIONS[0]].kept
    assert rows[INTENTIONS[3]].merged_into == INTENTIONS[0]
    assert rows[INTENTIONS[3]].total is None
    assert [(v.round_number, v.source, v.code, v.college, v.dots) for v in export.votes] == [
        (1, "ballot", "P003", ACTEUR, 2),
        (1, "tally", "", HABITANT, 1),
    ]
    assert export.top == ((INTENTIONS[0], 1, 2), (INTENTIONS[1], 2, 1))
