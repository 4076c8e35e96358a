"""Sub-groups: the balancing algorithm (pure) and the store API that forms and adjusts them."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitalite_tui.db.models import SubGroupMember
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.subgroups import Person, commune_pairs, form_subgroups, speaking_order
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.workshops.records import SubGroupRecord

COMMUNES = ("Lagrasse", "Fabrezan", "Ribaute", "Camplong", "")

# ---------------------------------------------------------------- pure: forming


def crowd(spec: Sequence[tuple[College, str]]) -> list[Person]:
    return [Person(f"p{i:03d}", college, commune) for i, (college, commune) in enumerate(spec)]


people_strategy = st.lists(
    st.tuples(st.sampled_from(list(College)), st.sampled_from(COMMUNES)), max_size=60
).map(crowd)


def placed(groups: list[list[str]], people: Sequence[Person]) -> list[list[Person]]:
    by_id = {p.id: p for p in people}
    return [[by_id[i] for i in group] for group in groups]


@settings(max_examples=150, deadline=None)
@given(people_strategy, st.integers(min_value=1, max_value=8), st.integers(0, 10_000))
def test_everyone_once_sizes_and_colleges_within_one(
    people: list[Person], count: int, seed: int
) -> None:
    groups = form_subgroups(people, count, seed)
    assert len(groups) == count
    assert sorted(i for g in groups for i in g) == sorted(p.id for p in people)
    sizes = [len(g) for g in groups]
    assert max(sizes) - min(sizes) <= 1
    for college in College:
        per_group = [sum(p.college is college for p in g) for g in placed(groups, people)]
        assert max(per_group) - min(per_group) <= 1, college


@settings(max_examples=100, deadline=None)
@given(people_strategy, st.integers(min_value=2, max_value=6), st.integers(0, 10_000))
def test_no_swap_of_two_people_of_a_college_would_mix_communes_better(
    people: list[Person], count: int, seed: int
) -> None:
    """Communes are mixed as far as a swap that keeps the collège balance can tell."""
    groups = placed(form_subgroups(people, count, seed), people)
    score = sum(commune_pairs(g) for g in groups)
    for a in range(count):
        for b in range(a + 1, count):
            for p in groups[a]:
                for q in groups[b]:
                    if p.college is not q.college:
                        continue
                    swapped_a = [q if x is p else x for x in groups[a]]
                    swapped_b = [p if x is q else x for x in groups[b]]
                    others = score - commune_pairs(groups[a]) - commune_pairs(groups[b])
                    assert others + commune_pairs(swapped_a) + commune_pairs(swapped_b) >= score


@settings(max_examples=80, deadline=None)
@given(people_strategy, st.integers(min_value=1, max_value=6), st.integers(0, 10_000))
def test_same_seed_same_groups_whatever_the_input_order(
    people: list[Person], count: int, seed: int
) -> None:
    shuffled = list(people)
    random.Random(seed).shuffle(shuffled)
    assert form_subgroups(people, count, seed) == form_subgroups(people, count, seed)
    assert form_subgroups(shuffled, count, seed) == form_subgroups(people, count, seed)


def test_another_seed_gives_another_draw() -> None:
    people = crowd([(list(College)[i % 3], COMMUNES[i % 4]) for i in range(40)])
    draws = {tuple(map(tuple, form_subgroups(people, 4, seed))) for seed in range(6)}
    assert len(draws) > 1


def test_communes_are_spread_when_the_colleges_allow_it() -> None:
    # Twelve habitants, four from each of three communes: each group of three gets one of
    # each commune.
    people = crowd([(College.HABITANT, commune) for commune in COMMUNES[:3] for _ in range(4)])
    for seed in range(5):
        for group in placed(form_subgroups(people, 4, seed), people):
            assert sorted(p.commune for p in group) == sorted(COMMUNES[:3])


def test_communes_compare_without_case_nor_accents_and_unknown_is_never_shared() -> None:
    people = [
        Person("a", College.ELU, "Fabrezan"),
        Person("b", College.ELU, "FABREZAN "),
        Person("c", College.ELU, ""),
        Person("d", College.ELU, ""),
    ]
    groups = form_subgroups(people, 2)
    where = {pid: index for index, group in enumerate(groups) for pid in group}
    assert where["a"] != where["b"]  # the same commune, typed differently
    assert all(commune_pairs(g) == 0 for g in placed(groups, people))


def test_edge_cases() -> None:
    assert form_subgroups([], 4) == [[], [], [], []]
    two = crowd([(College.ELU, "Lagrasse"), (College.HABITANT, "Ribaute")])
    groups = form_subgroups(two, 4)
    assert sorted(len(g) for g in groups) == [0, 0, 1, 1]
    assert form_subgroups(two, 1) == [["p001", "p000"]]  # habitant speaks before élu
    with pytest.raises(ValueError, match="at least 1"):
        form_subgroups(two, 0)
    with pytest.raises(ValueError, match="twice"):
        form_subgroups([*two, two[0]], 2)


# ---------------------------------------------------------------- pure: speaking order


def same_college_neighbours(order: list[str], people: Sequence[Person]) -> int:
    college = {p.id: p.college for p in people}
    return sum(college[a] is college[b] for a, b in pairwise(order))


@settings(max_examples=150, deadline=None)
@given(people_strategy)
def test_speaking_order_alternates_colleges_as_much_as_possible(people: list[Person]) -> None:
    order = speaking_order(people)
    assert sorted(order) == sorted(p.id for p in people)
    biggest = max(Counter(p.college for p in people).values(), default=0)
    fewest_possible = max(0, 2 * biggest - len(people) - 1)
    assert same_college_neighbours(order, people) == fewest_possible


def test_speaking_order_starts_with_habitants_and_keeps_order_within_a_college() -> None:
    people = [
        Person("e1", College.ELU),
        Person("e2", College.ELU),
        Person("a1", College.ACTEUR),
        Person("h1", College.HABITANT),
        Person("h2", College.HABITANT),
        Person("a2", College.ACTEUR),
    ]
    assert speaking_order(people) == ["h1", "a1", "e1", "h2", "a2", "e2"]
    elus_first = [
        Person("e1", College.ELU),
        Person("e2", College.ELU),
        Person("h", College.HABITANT),
    ]
    assert speaking_order(elus_first) == ["e1", "h", "e2"]  # the bigger collège leads


# ---------------------------------------------------------------- store


def register(store: Store, demarche_id: str, count: int, present: bool = True) -> list[str]:
    """`count` people, collèges and communes in turn, ticked present at workshop 1."""
    communes = ("Lagrasse", "Fabrezan", "Ribaute")
    ids = []
    for i in range(count):
        draft = ParticipantDraft(f"Personne {i:02d}", list(College)[i % 3], communes[i // 3 % 3])
        participant = store.participants.add(demarche_id, draft)
        if present:
            store.workshops.set_present(demarche_id, 1, participant, True)
        ids.append(participant)
    return ids


def member_ids(group: SubGroupRecord) -> list[str]:
    return [m.id for m in group.members]


def test_forming_shares_the_people_present_with_one_indicator_per_group(
    store: Store, demarche_id: str
) -> None:
    present = register(store, demarche_id, 14)
    absent = register(store, demarche_id, 2, present=False)
    groups = store.subgroups.form(demarche_id, 1)
    assert [g.position for g in groups] == [1, 2, 3, 4]
    assert [g.name for g in groups] == [f"Sous-groupe {i}" for i in (1, 2, 3, 4)]
    assert [g.indicator for g in groups] == [1, 2, 3, 4]
    assert groups[0].theme == "Rendez-vous / Isolement"
    assert groups[2].theme == "Solidarités interactives / Dépendance"
    everyone = [pid for g in groups for pid in member_ids(g)]
    assert sorted(everyone) == sorted(present)
    assert not set(absent) & set(everyone)
    assert sorted(len(g.members) for g in groups) == [3, 3, 4, 4]
    for group in groups:
        colleges = Counter(m.college for m in group.members)
        assert all(colleges[c] >= 1 for c in College)
        rows = (
            SubGroupMember.select()
            .where(
                (SubGroupMember.subgroup == as_uuid(group.id)) & SubGroupMember.deleted_at.is_null()
            )
            .order_by(SubGroupMember.position)
        )
        assert [str(r.participant_id) for r in rows] == member_ids(group)
        assert [r.position for r in rows] == list(range(len(group.members)))
    assert store.subgroups.all(demarche_id, 1) == groups
    assert store.subgroups.get(groups[1].id) == groups[1]
    assert store.subgroups.unassigned(demarche_id, 1) == []


def test_other_workshops_get_no_default_theme(store: Store, demarche_id: str) -> None:
    for pid in register(store, demarche_id, 6, present=False):
        store.workshops.set_present(demarche_id, 2, pid, True)
    groups = store.subgroups.form(demarche_id, 2, count=2)
    assert [(g.name, g.theme, g.indicator) for g in groups] == [
        ("Sous-groupe 1", "", None),
        ("Sous-groupe 2", "", None),
    ]
    assert all(g.workshop_number == 2 for g in groups)


def test_forming_needs_people_and_a_sensible_count(store: Store, demarche_id: str) -> None:
    with pytest.raises(InvalidInput, match="faites d'abord l'appel"):
        store.subgroups.form(demarche_id, 1)
    register(store, demarche_id, 3)
    for count in (0, 13):
        with pytest.raises(InvalidInput, match="de 1 à 12"):
            store.subgroups.form(demarche_id, 1, count=count)
    assert store.subgroups.all(demarche_id, 1) == []


def test_reforming_keeps_names_and_is_refused_once_notes_exist(
    store: Store, demarche_id: str
) -> None:
    register(store, demarche_id, 12)
    first = store.subgroups.form(demarche_id, 1, count=3)
    store.subgroups.update(first[0].id, "Les Tilleuls", "Se retrouver", 1, "Martine")
    again = store.subgroups.form(demarche_id, 1, count=2, seed=7)
    assert [g.id for g in again] == [first[0].id, first[1].id]
    assert (again[0].name, again[0].animateur) == ("Les Tilleuls", "Martine")
    assert sum(len(g.members) for g in again) == 12
    live_members = SubGroupMember.select().where(SubGroupMember.deleted_at.is_null()).count()
    assert live_members == 12  # the third group's members were released

    round_ = store.capture.start_round(again[0].id, "Où vous retrouvez-vous ?")
    store.capture.save_note(round_.id, again[0].members[0].id, "Au marché.")
    before = store.subgroups.all(demarche_id, 1)
    with pytest.raises(InvalidInput, match="déplacez les personnes une à une"):
        store.subgroups.form(demarche_id, 1, count=4)
    assert store.subgroups.all(demarche_id, 1) == before
    # Once the note is undone, nothing said would be orphaned: forming is allowed again.
    store.capture.undo_last(round_.id)
    assert len(store.subgroups.form(demarche_id, 1, count=4)) == 4


def test_moving_someone_appends_them_and_closes_the_gap(store: Store, demarche_id: str) -> None:
    register(store, demarche_id, 8)
    source, target = store.subgroups.form(demarche_id, 1, count=2)
    mover = source.members[0].id
    store.subgroups.move(mover, target.id)
    after_source, after_target = store.subgroups.all(demarche_id, 1)
    assert member_ids(after_target) == [*member_ids(target), mover]
    assert member_ids(after_source) == member_ids(source)[1:]
    positions = [
        r.position
        for r in SubGroupMember.select().where(
            (SubGroupMember.subgroup == as_uuid(source.id)) & SubGroupMember.deleted_at.is_null()
        )
    ]
    assert sorted(positions) == list(range(len(source.members) - 1))
    # Moving back revives the old membership row rather than breaking the unique index.
    store.subgroups.move(mover, source.id)
    store.subgroups.move(mover, source.id)  # already there: nothing changes
    assert member_ids(store.subgroups.get(source.id))[-1] == mover


def test_only_people_present_can_be_placed(store: Store, demarche_id: str) -> None:
    register(store, demarche_id, 6)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    (late,) = register(store, demarche_id, 1, present=False)
    with pytest.raises(InvalidInput, match="pas noté présent"):
        store.subgroups.move(late, group.id)
    store.workshops.set_present(demarche_id, 1, late, True)
    assert [p.id for p in store.subgroups.unassigned(demarche_id, 1)] == [late]
    store.subgroups.move(late, group.id)
    assert store.subgroups.unassigned(demarche_id, 1) == []
    # Unticked: out of the sub-group too.
    store.workshops.set_present(demarche_id, 1, late, False)
    assert late not in member_ids(store.subgroups.get(group.id))


def test_speaking_order_can_be_rearranged(store: Store, demarche_id: str) -> None:
    register(store, demarche_id, 4)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    order = member_ids(group)
    store.subgroups.reorder(group.id, list(reversed(order)))
    assert member_ids(store.subgroups.get(group.id)) == list(reversed(order))
    with pytest.raises(InvalidInput, match="chaque membre une fois"):
        store.subgroups.reorder(group.id, order[:3])
    with pytest.raises(InvalidInput, match="chaque membre une fois"):
        store.subgroups.reorder(group.id, [*order[:3], order[0]])
    first = order[-1]  # now at the top
    store.subgroups.shift(group.id, first, 1)
    assert member_ids(store.subgroups.get(group.id))[:2] == [order[-2], first]
    store.subgroups.shift(group.id, first, -10)
    assert member_ids(store.subgroups.get(group.id))[0] == first
    store.subgroups.shift(group.id, first, 10)
    assert member_ids(store.subgroups.get(group.id))[-1] == first


def test_name_theme_indicator_and_animateur(store: Store, demarche_id: str) -> None:
    register(store, demarche_id, 4)
    group = store.subgroups.form(demarche_id, 1, count=2)[1]
    store.subgroups.update(group.id, "  Les Platanes ", "Accès aux services", None, "Karim")
    saved = store.subgroups.get(group.id)
    assert (saved.name, saved.theme, saved.indicator, saved.animateur) == (
        "Les Platanes",
        "Accès aux services",
        None,
        "Karim",
    )
    with pytest.raises(InvalidInput, match="Nom du sous-groupe"):
        store.subgroups.update(group.id, "  ", "", 1, "")
    with pytest.raises(InvalidInput, match="Indicateur"):
        store.subgroups.update(group.id, "Nom", "", 5, "")
    assert store.subgroups.get(group.id) == saved
