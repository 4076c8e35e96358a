"""Vote counting in `domain/votes.py`: hand-computed cases, then properties with hypothesis."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.votes import (
    BallotLine,
    Candidate,
    Selection,
    TallyLine,
    Tie,
    VoteResults,
    VoteSettings,
    break_tie,
    check_ballot,
    check_settings,
    check_tally,
    count_votes,
    decide,
    expected_wall_dots,
    select_kept,
    suggest_dots,
)
from vitalite_tui.errors import InvalidInput

ELU, ACTEUR, HABITANT = College.ELU, College.ACTEUR, College.HABITANT

A, B, C, D, E = (Candidate(key, title) for key, title in zip("abcde", "ABCDE", strict=True))


def tallies(*lines: tuple[Candidate, College | None, int]) -> list[TallyLine]:
    return [TallyLine(candidate.id, college, dots) for candidate, college, dots in lines]


def scored(*pairs: tuple[Candidate, int]) -> VoteResults:
    """Results where each candidate got these dots (tallies without collège)."""
    return count_votes([c for c, _ in pairs], tallies=tallies(*((c, None, n) for c, n in pairs)))


# ---------------------------------------------------------------- suggestion and caps


@pytest.mark.parametrize(
    ("candidates", "dots"), [(0, 1), (1, 1), (2, 1), (9, 3), (10, 3), (12, 4), (150, 10)]
)
def test_the_suggestion_is_a_third_of_the_candidates_within_bounds(
    candidates: int, dots: int
) -> None:
    assert suggest_dots(candidates) == dots


def test_the_wall_expects_the_dots_of_those_without_a_ballot() -> None:
    assert expected_wall_dots(14, 0, 3) == 42
    assert expected_wall_dots(14, 4, 3) == 30
    assert expected_wall_dots(3, 5, 3) == 0


def test_a_ballot_within_the_caps_passes_and_one_beyond_says_why() -> None:
    rules = VoteSettings(dots_per_participant=3, max_per_action=2)
    check_ballot({"a": 2, "b": 1}, rules)
    check_ballot({}, rules)
    with pytest.raises(InvalidInput, match=r"« Café » : 3 gommettes, c'est plus que les 2"):
        check_ballot({"a": 3}, rules, {"a": "Café"})
    with pytest.raises(InvalidInput, match=r"4 gommettes : chaque personne en a 3\. Retirez-en 1"):
        check_ballot({"a": 2, "b": 1, "c": 1}, rules)
    with pytest.raises(InvalidInput, match="négatif"):
        check_ballot({"a": -1}, rules)


def test_settings_and_tallies_out_of_bounds_are_refused_in_french() -> None:
    check_settings(VoteSettings(3, 2, 5))
    with pytest.raises(InvalidInput, match="Gommettes par personne"):
        check_settings(VoteSettings(0, 1))
    with pytest.raises(InvalidInput, match="même action : de 1 à 3"):
        check_settings(VoteSettings(3, 4))
    with pytest.raises(InvalidInput, match="Actions à retenir"):
        check_settings(VoteSettings(3, 2, 0))
    check_tally(0)
    with pytest.raises(InvalidInput, match="décompte"):
        check_tally(1000)


# ---------------------------------------------------------------- counting


def test_ballots_and_tallies_add_up_by_collège() -> None:
    results = count_votes(
        [A, B],
        ballots=[
            BallotLine("p1", ELU, "a", 2),
            BallotLine("p1", ELU, "b", 1),
            BallotLine("p2", HABITANT, "a", 1),
            BallotLine("p2", HABITANT, "gone", 2),  # a removed candidate: left out
        ],
        tallies=tallies((A, ELU, 4), (A, HABITANT, 3), (B, None, 5)),
    )
    a, b = results.get("a"), results.get("b")
    assert a is not None
    assert b is not None
    assert (a.total, a.from_ballots, a.from_tallies) == (10, 3, 7)
    assert (a.dots_of(ELU), a.dots_of(HABITANT), a.dots_of(ACTEUR)) == (6, 4, 0)
    assert (b.total, b.dots_of(ELU), b.dots_of(None)) == (6, 1, 5)
    assert results.total == 16
    assert results.college_dots == {ELU: 7, HABITANT: 4, None: 5}
    assert a.score == 10
    assert not results.weighted


def test_weighting_makes_each_collège_weigh_the_same() -> None:
    # 2 élus, 4 acteurs, 6 habitants: V = 12, K = 3, weights 12/(3×2)=2, 12/(3×4)=1, 12/(3×6)=2/3.
    attendance = {ELU: 2, ACTEUR: 4, HABITANT: 6}
    lines = tallies(
        (A, ELU, 4),
        (A, ACTEUR, 2),
        (A, HABITANT, 3),
        (B, HABITANT, 12),
        (C, ELU, 1),
        (C, None, 3),
    )
    plain = count_votes([A, B, C], tallies=lines)
    assert [(r.title, int(r.score), r.rank) for r in plain.actions] == [
        ("B", 12, 1),
        ("A", 9, 2),
        ("C", 4, 3),
    ]
    weighted = count_votes([A, B, C], tallies=lines, weight_colleges=True, attendance=attendance)
    # A: 4×2 + 2×1 + 3×2/3 = 12 ; B: 12×2/3 = 8 ; C: 1×2 + 3 (no collège: as is) = 5.
    assert [(r.title, r.score, r.total, r.rank) for r in weighted.actions] == [
        ("A", Fraction(12), 9, 1),
        ("B", Fraction(8), 12, 2),
        ("C", Fraction(5), 4, 3),
    ]
    assert weighted.weighted
    assert weighted.unweighted_dots == 3


def test_a_collège_with_nobody_present_counts_as_it_is() -> None:
    results = count_votes(
        [A],
        tallies=tallies((A, ELU, 3), (A, ACTEUR, 2)),
        weight_colleges=True,
        attendance={ELU: 3, ACTEUR: 0, HABITANT: 0},
    )
    # Only élus present: V = 3, K = 1, weight 1; the acteurs' 2 dots count as they are.
    assert results.actions[0].score == 5
    assert results.unweighted_dots == 2


def test_ties_share_a_rank_and_the_next_rank_is_skipped() -> None:
    results = scored((D, 1), (C, 3), (A, 5), (B, 3))
    assert [(r.title, r.rank, r.tied) for r in results.actions] == [
        ("A", 1, False),
        ("B", 2, True),
        ("C", 2, True),
        ("D", 4, False),
    ]


def test_ties_are_listed_by_title_whatever_the_accents_and_case() -> None:
    ete, ecole, zebre = Candidate("1", "été"), Candidate("2", "École"), Candidate("3", "zèbre")
    results = count_votes([zebre, ete, ecole])
    assert [r.title for r in results.actions] == ["École", "été", "zèbre"]
    assert {r.rank for r in results.actions} == {1}


def test_collèges_disagree_when_their_shares_differ_by_twenty_points() -> None:
    lines = tallies(
        (A, ELU, 6),
        (A, HABITANT, 1),
        (B, ELU, 3),
        (B, HABITANT, 8),
        (C, ELU, 3),
        (C, HABITANT, 3),
        (C, ACTEUR, 5),  # acteurs placed 5 dots only: too few to take part
    )
    results = count_votes([A, B, C], tallies=lines)
    flags = {r.title: r.disagreement for r in results.actions}
    # Élus 12 dots, habitants 12: A 50 % vs 8 %, B 25 % vs 67 %, C 25 % vs 25 %.
    assert flags == {"A": True, "B": True, "C": False}


def test_a_gap_of_exactly_twenty_points_is_a_disagreement_and_ten_is_not() -> None:
    lines = tallies(
        (A, ELU, 4), (A, HABITANT, 2), (B, ELU, 3), (B, HABITANT, 2), (C, ELU, 3), (C, HABITANT, 6)
    )
    results = count_votes([A, B, C], tallies=lines)
    # Élus 10, habitants 10: A 40 % vs 20 % (gap 20), B 30 % vs 20 % (gap 10).
    flags = {r.title: r.disagreement for r in results.actions}
    assert flags["A"] is True
    assert flags["B"] is False


# ---------------------------------------------------------------- kept and tie-break


def test_the_first_places_are_kept_and_a_tie_on_the_last_is_reported() -> None:
    results = scored((A, 5), (B, 3), (C, 3), (D, 1), (E, 0))
    assert select_kept(results, 1) == Selection(("a",))
    assert select_kept(results, 2) == Selection(("a",), Tie(("b", "c"), 1))
    assert select_kept(results, 3) == Selection(("a", "b", "c"))
    # An action without any dot is never kept, so fewer may be kept than asked.
    assert select_kept(results, 5) == Selection(("a", "b", "c", "d"))
    assert select_kept(results, None) == Selection()
    assert select_kept(results, 2).tie is not None
    assert select_kept(results, 3).decided


def test_a_tie_break_round_decides_among_the_tied_only() -> None:
    first = scored((A, 5), (B, 3), (C, 3), (D, 1))
    selection = select_kept(first, 2)
    # D got the most dots in the second round, but was not tied: it does not count.
    second = scored((B, 4), (C, 2), (D, 9))
    assert break_tie(selection, second) == Selection(("a", "b"))
    assert decide([first, second], 2) == Selection(("a", "b"))


def test_a_tie_break_may_tie_again_or_have_no_votes_yet() -> None:
    first = scored((A, 5), (B, 3), (C, 3), (D, 3))
    selection = select_kept(first, 3)
    assert selection == Selection(("a",), Tie(("b", "c", "d"), 2))
    again = break_tie(selection, scored((B, 5), (C, 3), (D, 3)))
    assert again == Selection(("a", "b"), Tie(("c", "d"), 1))
    empty = count_votes([B, C, D])
    assert break_tie(selection, empty) == selection
    third = scored((C, 1), (D, 2))
    assert decide([first, scored((B, 5), (C, 3), (D, 3)), third], 3) == Selection(("a", "b", "d"))


# ---------------------------------------------------------------- properties

CANDIDATES = [Candidate(f"c{i}", f"Action {i % 4}") for i in range(6)]
COLLEGE_KEYS = st.sampled_from([*College, None])
ACTION_IDS = st.sampled_from([c.id for c in CANDIDATES])

ballot_lines = st.lists(
    st.builds(
        BallotLine,
        st.sampled_from(["p1", "p2", "p3"]),
        COLLEGE_KEYS,
        ACTION_IDS,
        st.integers(0, 5),
    ),
    max_size=30,
)
tally_lines = st.lists(
    st.builds(TallyLine, ACTION_IDS, COLLEGE_KEYS, st.integers(0, 40)), max_size=30
)
attendances = st.fixed_dictionaries({college: st.integers(0, 20) for college in College})


@given(ballot_lines, tally_lines, st.booleans(), attendances)
def test_totals_are_the_sum_of_ballots_and_tallies(
    ballots: list[BallotLine],
    walls: list[TallyLine],
    weight: bool,
    attendance: dict[College, int],
) -> None:
    results = count_votes(CANDIDATES, ballots, walls, weight_colleges=weight, attendance=attendance)
    assert len(results.actions) == len(CANDIDATES)
    for result in results.actions:
        mine = [b.dots for b in ballots if b.action_id == result.action_id]
        wall = [t.dots for t in walls if t.action_id == result.action_id]
        assert result.from_ballots == sum(mine)
        assert result.from_tallies == sum(wall)
        assert result.total == sum(mine) + sum(wall)
        assert sum(result.by_college.values()) == result.total
    assert results.total == sum(b.dots for b in ballots) + sum(t.dots for t in walls)


@given(
    st.dictionaries(ACTION_IDS, st.integers(-2, 6)),
    st.integers(1, 8),
    st.integers(1, 8),
)
def test_no_accepted_ballot_exceeds_the_caps(
    dots: dict[str, int], per_person: int, cap: int
) -> None:
    rules = VoteSettings(per_person, min(cap, per_person))
    try:
        check_ballot(dots, rules)
    except InvalidInput:
        assert sum(dots.values()) > rules.dots_per_participant or any(
            n > rules.max_per_action or n < 0 for n in dots.values()
        )
        return
    assert sum(dots.values()) <= rules.dots_per_participant
    assert all(0 <= n <= rules.max_per_action for n in dots.values())


@given(ballot_lines, tally_lines, st.booleans(), attendances)
def test_ranks_are_consistent_with_scores(
    ballots: list[BallotLine],
    walls: list[TallyLine],
    weight: bool,
    attendance: dict[College, int],
) -> None:
    results = count_votes(CANDIDATES, ballots, walls, weight_colleges=weight, attendance=attendance)
    actions = results.actions
    assert actions[0].rank == 1
    assert [a.score for a in actions] == sorted((a.score for a in actions), reverse=True)
    for one in actions:
        assert one.rank == 1 + sum(1 for other in actions if other.score > one.score)
        assert one.tied == any(o.rank == one.rank for o in actions if o is not one)
        for other in actions:
            if one.score > other.score:
                assert one.rank < other.rank
            if one.score == other.score:
                assert one.rank == other.rank


@given(tally_lines, st.integers(1, 10))
def test_balanced_attendance_weighs_nothing(walls: list[TallyLine], third: int) -> None:
    coloured = [t for t in walls if t.college is not None]
    plain = count_votes(CANDIDATES, tallies=coloured)
    balanced = count_votes(
        CANDIDATES,
        tallies=coloured,
        weight_colleges=True,
        attendance=dict.fromkeys(College, third),
    )
    assert {a.action_id: a.score for a in plain.actions} == {
        a.action_id: a.score for a in balanced.actions
    }


@given(tally_lines, st.integers(1, 7))
def test_kept_and_tied_fill_exactly_the_places(walls: list[TallyLine], keep: int) -> None:
    results = count_votes(CANDIDATES, tallies=walls)
    selection = select_kept(results, keep)
    score = {a.action_id: a.score for a in results.actions}
    assert len(selection.kept) <= keep
    assert all(score[k] > 0 for k in selection.kept)
    if selection.tie is None:
        with_dots = sum(1 for s in score.values() if s > 0)
        assert len(selection.kept) == min(keep, with_dots)
    else:
        tie = selection.tie
        assert len(selection.kept) + tie.places == keep
        assert 0 < tie.places < len(tie.action_ids)
        assert len({score[t] for t in tie.action_ids}) == 1
        assert all(score[k] > score[tie.action_ids[0]] for k in selection.kept)
    assert all(isinstance(s, Fraction) for s in score.values())
