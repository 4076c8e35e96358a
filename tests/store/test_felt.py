"""Felt barometer of workshop 1: the formula (hand-computed and properties), then the store."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.db.models import FeltRating
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import (
    MAX_STICKERS,
    VALUES,
    FeltVote,
    aggregate,
    aggregate_one,
    by_college,
    check_count,
    check_value,
    sticker_voters,
)
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft

# ---------------------------------------------------------------- pure: the formula


def test_one_indicator_by_hand() -> None:
    votes = [
        FeltVote(1, 2, 1, College.ELU),
        FeltVote(1, 6, 1, College.HABITANT),
        FeltVote(1, 10, 2),  # two stickers on 10, for everyone
        FeltVote(2, 0, 5),  # another indicator: not counted for indicator 1
    ]
    result = aggregate_one(1, votes)
    assert result.n == 4
    assert result.mean == pytest.approx((2 + 6 + 10 + 10) / 4)  # 7.0
    assert result.position == pytest.approx(70.0)
    assert result.distribution == (0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2)


def test_the_four_indicators_and_the_colleges() -> None:
    votes = [
        FeltVote(1, 4, 1, College.ELU),
        FeltVote(1, 8, 1, College.ELU),
        FeltVote(1, 3, 3, College.HABITANT),  # three habitants' stickers on 3
        FeltVote(3, 5, 1, None),
    ]
    whole = aggregate(votes)
    assert [r.indicator for r in whole] == [1, 2, 3, 4]
    assert [r.n for r in whole] == [5, 0, 1, 0]
    assert whole[0].mean == pytest.approx((4 + 8 + 9) / 5)  # 4.2
    assert whole[1].mean is None
    assert whole[1].position is None
    assert whole[1].distribution == (0,) * 11
    split = by_college(votes)
    assert list(split) == [College.ELU, College.ACTEUR, College.HABITANT]
    assert split[College.ELU][0].mean == pytest.approx(6.0)
    assert split[College.ELU][0].position == pytest.approx(60.0)
    assert split[College.HABITANT][0].mean == pytest.approx(3.0)
    assert split[College.ACTEUR][0].n == 0
    # A vote without a collège counts in the whole only.
    assert split[College.ELU][2].n == split[College.HABITANT][2].n == 0


def test_sticker_voters_is_the_most_stickers_on_one_indicator() -> None:
    votes = [FeltVote(1, 5, 4), FeltVote(1, 7, 3), FeltVote(2, 5, 6), FeltVote(4, 0, 1)]
    assert sticker_voters(votes) == 7
    assert sticker_voters([]) == 0


def test_values_and_counts_are_checked_in_french() -> None:
    assert check_value(0) == 0
    assert check_value(10) == 10
    with pytest.raises(InvalidInput, match="de 0 \\(pôle dépression\\) à 10"):
        check_value(11)
    with pytest.raises(InvalidInput):
        check_value(-1)
    assert check_count(0) == 0
    with pytest.raises(InvalidInput, match="gommettes"):
        check_count(MAX_STICKERS + 1)
    with pytest.raises(ValueError, match="out of range"):
        aggregate([FeltVote(1, 12)])


votes_strategy = st.lists(
    st.builds(
        FeltVote,
        indicator=st.integers(1, 4),
        value=st.sampled_from(VALUES),
        count=st.integers(0, 30),
        college=st.none() | st.sampled_from(list(College)),
    ),
    max_size=60,
)


@given(votes_strategy)
def test_mean_stays_on_the_scale_and_n_is_the_sum_of_counts(votes: list[FeltVote]) -> None:
    for result in aggregate(votes):
        own = [v for v in votes if v.indicator == result.indicator]
        assert result.n == sum(v.count for v in own)
        assert sum(result.distribution) == result.n
        if result.n:
            assert result.mean is not None
            assert result.position is not None
            assert 0 <= result.mean <= 10
            assert result.position == pytest.approx(10 * result.mean)
            lowest = min(v.value for v in own if v.count)
            highest = max(v.value for v in own if v.count)
            assert lowest - 1e-9 <= result.mean <= highest + 1e-9
        else:
            assert result.mean is None


@given(votes_strategy)
def test_the_colleges_add_up_to_the_votes_that_have_one(votes: list[FeltVote]) -> None:
    split = by_college(votes)
    whole = aggregate(votes)
    for index, result in enumerate(whole):
        with_college = sum(
            v.count for v in votes if v.indicator == result.indicator and v.college is not None
        )
        assert sum(split[c][index].n for c in College) == with_college <= result.n


# ---------------------------------------------------------------- the store


@dataclass(frozen=True)
class Room:
    demarche_id: str
    people: dict[str, str]  # name → id, all present at workshop 1
    absent: str


PEOPLE = (
    ("Martine Roux", College.HABITANT),
    ("Jean-Paul Vidal", College.ELU),
    ("Sophie Garcia", College.ACTEUR),
    ("Karim Benali", College.ACTEUR),
)


@pytest.fixture
def room(store: Store, demarche_id: str) -> Room:
    people = {}
    for name, college in PEOPLE:
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
        people[name] = person
    absent = store.participants.add(demarche_id, ParticipantDraft("Denis Absent", College.ELU))
    return Room(demarche_id, people, absent)


def live_rows() -> list[FeltRating]:
    return list(FeltRating.select().where(FeltRating.deleted_at.is_null()))


def test_entries_list_the_people_present_in_name_order(store: Store, room: Room) -> None:
    entries = store.felt.entries(room.demarche_id)
    assert [e.name for e in entries] == [
        "Jean-Paul Vidal",
        "Karim Benali",
        "Martine Roux",
        "Sophie Garcia",
    ]
    assert all(e.values == (None, None, None, None) for e in entries)
    assert entries[0].code.startswith("P")
    assert entries[0].college is College.ELU


def test_record_replaces_a_persons_values(store: Store, room: Room) -> None:
    martine = room.people["Martine Roux"]
    store.felt.record(room.demarche_id, martine, [3, 5, 7, 10])
    store.felt.record(room.demarche_id, martine, [4, 5, None, 0])
    rows = live_rows()
    # One live row per person and indicator: indicator 3 was taken back.
    assert sorted((r.indicator, r.value, r.count, r.college) for r in rows) == [
        (1, 4, 1, "habitant"),
        (2, 5, 1, "habitant"),
        (4, 0, 1, "habitant"),
    ]
    (entry,) = [e for e in store.felt.entries(room.demarche_id) if e.participant_id == martine]
    assert entry.values == (4, 5, None, 0)
    assert entry.given == 3
    store.felt.clear(room.demarche_id, martine)
    assert live_rows() == []
    # Step 4 (workshop 1) started with the first value.
    from vitalite_tui.domain.steps import StepStatus

    assert store.steps.status(room.demarche_id, 4) is StepStatus.IN_PROGRESS


def test_bad_values_and_absent_people_are_refused(store: Store, room: Room) -> None:
    martine = room.people["Martine Roux"]
    with pytest.raises(InvalidInput, match="de 0"):
        store.felt.record(room.demarche_id, martine, [3, 11, 7, 1])
    with pytest.raises(InvalidInput, match="pas noté\\(e\\) présent"):
        store.felt.record(room.demarche_id, room.absent, [3, 4, 7, 1])
    with pytest.raises(NotFound):
        store.felt.record(room.demarche_id, "00000000-0000-0000-0000-000000000000", [1] * 4)
    assert live_rows() == []


def test_sticker_counts_replace_and_remove(store: Store, room: Room) -> None:
    d = room.demarche_id
    store.felt.set_count(d, 1, 6, 4)
    store.felt.set_count(d, 1, 6, 5)  # a recount replaces
    store.felt.set_count(d, 1, 2, 3, College.HABITANT)
    store.felt.set_count(d, 2, 7, 2)
    store.felt.set_count(d, 2, 7, 0)  # 0 takes it off
    assert store.felt.sticker_counts(d)[1] == (0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0)
    assert store.felt.sticker_counts(d)[2] == (0,) * 11
    assert store.felt.sticker_counts(d, College.HABITANT)[1][2] == 3
    assert store.felt.sticker_counts(d, College.ELU)[1] == (0,) * 11
    with pytest.raises(InvalidInput, match="gommettes"):
        store.felt.set_count(d, 1, 6, -1)
    with pytest.raises(InvalidInput, match="Indicateur"):
        store.felt.set_count(d, 5, 6, 1)
    with pytest.raises(InvalidInput, match="ressenti va de 0"):
        store.felt.set_count(d, 1, 11, 1)
    assert len(live_rows()) == 2


def test_summary_whole_and_by_college(store: Store, room: Room) -> None:
    d = room.demarche_id
    store.felt.record(d, room.people["Martine Roux"], [2, 4, 6, 8])  # habitant
    store.felt.record(d, room.people["Jean-Paul Vidal"], [8, 6, None, 8])  # élu
    store.felt.set_count(d, 1, 5, 3)  # three stickers on 5, no collège
    store.felt.set_count(d, 1, 9, 1)
    summary = store.felt.summary(d)
    first = summary.indicators[0]
    assert first.n == 6
    assert first.mean == pytest.approx((2 + 8 + 15 + 9) / 6)
    assert summary.indicators[2].n == 1
    assert summary.colleges[College.HABITANT][0].mean == pytest.approx(2.0)
    assert summary.colleges[College.ELU][0].position == pytest.approx(80.0)
    assert summary.colleges[College.ACTEUR][0].n == 0
    assert (summary.rated, summary.stickers, summary.people) == (2, 4, 6)
    assert not summary.empty
    # Someone removed from the registry no longer counts.
    store.participants.remove(room.people["Martine Roux"])
    assert store.felt.summary(d).indicators[0].n == 5


def test_an_empty_felt_barometer(store: Store, demarche_id: str) -> None:
    summary = store.felt.summary(demarche_id)
    assert summary.empty
    assert summary.people == 0
    assert store.felt.entries(demarche_id) == []
    comparison = store.felt.comparison(demarche_id)
    assert [c.indicator for c in comparison] == [1, 2, 3, 4]
    assert all(c.measured_position is None and c.difference() is None for c in comparison)


def test_comparison_with_the_measured_barometer(store: Store, room: Room) -> None:
    d = room.demarche_id
    form = store.responses.form(d)
    # Three sheets all answered at the top of the vitality pole and the bottom of the
    # depression pole: the measured position is 100 on every indicator.
    from vitalite_tui.domain.indicators import Pole
    from vitalite_tui.store.questionnaire.records import SheetDraft, SheetMode

    answers = {
        item.code: (len(item.choices) if item.pole is Pole.VITALITY else 1) for item in form.items
    }
    for number in (1, 2, 3):
        store.responses.save_sheet(d, SheetDraft(number, {}, answers, SheetMode.PAPER))
    store.felt.record(d, room.people["Martine Roux"], [6, 5, 4, 3])
    comparison = store.felt.comparison(d)
    first = comparison[0]
    assert first.measured.n == 3
    assert first.measured_position == pytest.approx(100.0)
    assert first.felt.position == pytest.approx(60.0)
    assert first.difference() == pytest.approx(-40.0)
    assert first.colleges[College.HABITANT].position == pytest.approx(60.0)
    assert first.difference(first.colleges[College.ELU]) is None  # no élu placed it
