"""The demo démarche: sizes, thirds by collège, idempotence, determinism, one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from vitalite_tui.db.models import Demarche, Participant, db
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store, demo, demo_data, open_store
from vitalite_tui.store.demo import DemoSize, of_commune


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL statement the open connection runs inside the block."""
    seen: list[str] = []
    connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


def names_in_fresh_database(path: Path, size: DemoSize) -> list[tuple[str, str, str, str]]:
    store = open_store(path)
    try:
        result = store.create_demo(size)
        return [
            (p.code, p.display_name, p.college.value, p.organisation)
            for p in store.participants.all(result.demarche_id)
        ]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("size", "thirds"),
    [("small", (15, 15, 15)), ("large", (17, 17, 16))],
)
def test_each_size_is_created_in_thirds(
    store: Store, size: DemoSize, thirds: tuple[int, int, int]
) -> None:
    result = store.create_demo(size)
    assert result.created
    counts = store.participants.counts(result.demarche_id)
    assert (counts.elu, counts.acteur, counts.habitant) == thirds
    assert counts.unbalanced() == []
    assert result.counts["participants"] == sum(thirds)
    assert result.counts["elu"] == thirds[0]
    assert result.counts["committee"] == 6
    assert result.counts["workshops_planned"] == 4
    summary = store.demarches.get(result.demarche_id)
    assert summary.is_demo
    assert len(summary.communes) == 12
    assert summary.territory.startswith("Communauté de communes")


def test_both_sizes_live_side_by_side(store: Store) -> None:
    small = store.create_demo("small")
    large = store.create_demo("large")
    assert small.demarche_id != large.demarche_id
    assert len(store.demarches.all()) == 2


def test_a_second_call_returns_the_same_demo(store: Store) -> None:
    first = store.create_demo("small")
    again = store.create_demo("small")
    assert not again.created
    assert again.demarche_id == first.demarche_id
    assert again.counts == first.counts
    assert [d.id for d in store.demarches.all()] == [first.demarche_id]
    assert len(store.participants.all(first.demarche_id)) == 45


def test_a_removed_demo_is_made_afresh(store: Store) -> None:
    first = store.create_demo("small")
    store.demarches.remove(first.demarche_id)
    second = store.create_demo("small")
    assert second.created
    assert second.demarche_id != first.demarche_id
    assert [d.id for d in store.demarches.all()] == [second.demarche_id]


def test_unknown_size_is_refused_in_french(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Taille de démo inconnue"):
        store.create_demo("huge")  # type: ignore[arg-type]


def test_two_fresh_databases_get_the_same_people(tmp_path: Path) -> None:
    first = names_in_fresh_database(tmp_path / "a.sqlite", "large")
    second = names_in_fresh_database(tmp_path / "b.sqlite", "large")
    assert first == second
    assert len({name for _, name, _, _ in first}) == 50  # no name twice


def test_people_look_like_a_rural_french_registry(store: Store) -> None:
    result = store.create_demo("small")
    people = store.participants.all(result.demarche_id)
    communes = set(store.demarches.get(result.demarche_id).communes)
    assert all(p.commune in communes for p in people)
    elus = [p for p in people if p.college is College.ELU]
    acteurs = [p for p in people if p.college is College.ACTEUR]
    habitants = [p for p in people if p.college is College.HABITANT]
    assert sum(p.organisation.startswith("maire ") for p in elus) == demo_data.MAYORS
    assert all(p.organisation for p in elus + acteurs)
    assert sum(not p.organisation for p in habitants) > len(habitants) / 2
    assert any(not p.display_name.isascii() for p in people)
    assert any("-" in p.display_name for p in people)
    assert sum(p.consent_data for p in people) > 0.8 * len(people)


def test_steps_one_and_two_are_done_and_three_is_under_way(store: Store) -> None:
    result = store.create_demo("small")
    demarche_id = result.demarche_id
    statuses = [view.status for view in store.demarches.steps(demarche_id)]
    assert statuses[:3] == [StepStatus.DONE, StepStatus.DONE, StepStatus.IN_PROGRESS]
    assert set(statuses[3:]) == {StepStatus.TODO}
    step1 = store.steps.step1(demarche_id)
    assert step1.decision is Decision.ADOPTED
    assert step1.deliberation_ref == "2026-041"
    assert step1.presentation_date is not None
    assert step1.deliberation_date is not None
    assert step1.presentation_date < step1.deliberation_date


def test_preparation_is_filled_as_a_committee_would(store: Store) -> None:
    demarche_id = store.create_demo("small").demarche_id
    committee = store.committee.all(demarche_id)
    roles = [member.role for member in committee]
    assert roles[0].startswith("présid")
    assert sum("Territoires Conseils" in role for role in roles) == 2
    plans = store.planning.all(demarche_id)
    assert all(p.date is not None and p.date.weekday() == 3 for p in plans)  # Thursdays
    assert [p.date for p in plans] == sorted(p.date for p in plans if p.date)
    assert all(
        p.start_time and p.start_time.hour == 18 and p.start_time.minute == 30 for p in plans
    )
    assert all(p.place.startswith("Salle des fêtes") for p in plans)
    assert store.planning.order_warnings(demarche_id) == []
    ticks = [item.done for item in store.logistics.all(demarche_id)]
    assert sum(ticks) > len(ticks) / 2
    assert not all(ticks)


def test_the_default_questionnaire_is_chosen_when_one_ships(store: Store) -> None:
    demarche_id = store.create_demo("small").demarche_id
    available = store.questionnaires.available()
    chosen = store.questionnaires.chosen(demarche_id)
    if available:
        assert chosen is not None
        assert (chosen.code, chosen.version) == (available[0].code, available[0].version)
    else:
        assert chosen is None


def test_large_is_written_in_one_transaction(store: Store) -> None:
    with statements() as sql:
        result = store.create_demo("large")
    begins = [s for s in sql if s.upper().startswith("BEGIN")]
    commits = [s for s in sql if s.upper().startswith("COMMIT")]
    assert len(begins) == 1
    assert len(commits) == 1
    # Participants went in as one bulk INSERT, not one statement per person.
    inserts = [s for s in sql if s.startswith('INSERT INTO "participant"')]
    assert len(inserts) == 1
    assert Participant.select().where(Participant.demarche == result.demarche_id).count() == 50


def test_a_failure_midway_leaves_nothing_behind(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(context: demo.DemoContext) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "FILLS", (*demo.FILLS, broken))
    with pytest.raises(RuntimeError):
        store.create_demo("large")
    assert Demarche.select().count() == 0
    assert Participant.select().count() == 0


@pytest.mark.parametrize(
    ("commune", "expected"),
    [
        ("Fontclaire", "de Fontclaire"),
        ("Le Mas-d'Aiguilhe", "du Mas-d'Aiguilhe"),
        ("Les Issarts", "des Issarts"),
        ("La Bastide-Sorel", "de La Bastide-Sorel"),
    ],
)
def test_of_commune_contracts_articles(commune: str, expected: str) -> None:
    assert of_commune(commune) == expected
