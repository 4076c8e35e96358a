"""The demo démarche: sizes, thirds by collège, idempotence, determinism, short transactions."""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

import pytest
from peewee import fn

from vitalite_tui.db.models import (
    Action,
    Attendance,
    Demarche,
    Note,
    NoteRevision,
    Participant,
    Round,
    SubGroup,
    SubGroupMember,
    Turn,
    Vote,
    Workshop,
    db,
)
from vitalite_tui.demo import build as demo
from vitalite_tui.demo import create_demo
from vitalite_tui.demo import data as demo_data
from vitalite_tui.demo.context import (
    DemoContext,
    DemoSize,
    at_commune,
    of_commune,
    paris_to_utc,
)
from vitalite_tui.demo.workshops import word
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.notes import NoteKind, kinds_for
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.domain.text import clean_line, fold
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store, open_store
from vitalite_tui.store.workshops.capture import MAX_QUESTION, clean_note_text


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
        result = create_demo(store, size)
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
    result = create_demo(store, size)
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
    small = create_demo(store, "small")
    large = create_demo(store, "large")
    assert small.demarche_id != large.demarche_id
    assert len(store.demarches.all()) == 2


def test_a_second_call_returns_the_same_demo(store: Store) -> None:
    first = create_demo(store, "small")
    again = create_demo(store, "small")
    assert not again.created
    assert again.demarche_id == first.demarche_id
    assert again.counts == first.counts
    assert [d.id for d in store.demarches.all()] == [first.demarche_id]
    assert len(store.participants.all(first.demarche_id)) == 45


def test_a_removed_demo_is_made_afresh(store: Store) -> None:
    first = create_demo(store, "small")
    store.demarches.remove(first.demarche_id)
    second = create_demo(store, "small")
    assert second.created
    assert second.demarche_id != first.demarche_id
    assert [d.id for d in store.demarches.all()] == [second.demarche_id]


def test_unknown_size_is_refused_in_french(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Taille de démo inconnue"):
        create_demo(store, "huge")  # type: ignore[arg-type]


def test_two_fresh_databases_get_the_same_people(tmp_path: Path) -> None:
    first = names_in_fresh_database(tmp_path / "a.sqlite", "large")
    second = names_in_fresh_database(tmp_path / "b.sqlite", "large")
    assert first == second
    assert len({name for _, name, _, _ in first}) == 50  # no name twice


@pytest.mark.demo("small")
def test_people_look_like_a_rural_french_registry(store: Store) -> None:
    result = create_demo(store, "small")
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


@pytest.mark.demo("small")
def test_small_is_at_the_charter(store: Store) -> None:
    result = create_demo(store, "small")
    demarche_id = result.demarche_id
    statuses = [view.status for view in store.demarches.steps(demarche_id)]
    # Steps 1–3 done (the questionnaire closed before workshop 1), workshops 1–3 debriefed,
    # the charter of workshop 4 still being worded.
    assert statuses == [StepStatus.DONE] * 6 + [StepStatus.IN_PROGRESS]
    step1 = store.steps.step1(demarche_id)
    assert step1.decision is Decision.ADOPTED
    assert step1.deliberation_ref == "2026-041"
    assert step1.presentation_date is not None
    assert step1.deliberation_date is not None
    assert step1.presentation_date < step1.deliberation_date


@pytest.mark.demo("small")
def test_preparation_is_filled_as_a_committee_would(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
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


@pytest.mark.demo("small")
def test_the_default_questionnaire_is_chosen_when_one_ships(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    available = store.questionnaires.available()
    chosen = store.questionnaires.chosen(demarche_id)
    if available:
        assert chosen is not None
        assert (chosen.code, chosen.version) == (available[0].code, available[0].version)
    else:
        assert chosen is None


def test_large_is_written_in_a_few_short_transactions(store: Store) -> None:
    with statements() as sql:
        result = create_demo(store, "large")
    begins = [s for s in sql if s.upper().startswith("BEGIN")]
    commits = [s for s in sql if s.upper().startswith("COMMIT")]
    # Marked unfinished, the fills a few at a time (another copy may write between them),
    # then marked whole: never a transaction per row.
    assert len(commits) == len(begins)
    assert 3 <= len(begins) <= len(demo.FILLS) + 2
    # Participants went in as one bulk INSERT, not one statement per person.
    inserts = [s for s in sql if s.startswith('INSERT INTO "participant"')]
    assert len(inserts) == 1
    assert Participant.select().where(Participant.demarche == result.demarche_id).count() == 50


def test_a_failure_midway_leaves_no_demarche_behind(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(context: DemoContext) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "FILLS", (*demo.FILLS, broken))
    with pytest.raises(RuntimeError):
        create_demo(store, "large")
    # What the earlier batches wrote stays in the file, removed: no démarche in sight.
    assert store.demarches.all() == []
    assert Demarche.select().where(Demarche.deleted_at.is_null()).count() == 0


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


# ---------------------------------------------------------------- workshops held (issue 3)

PARIS = ZoneInfo("Europe/Paris")


def evening(day: date) -> tuple[datetime, datetime]:
    """18:30–21:00 in Paris on `day`, as the naive UTC the database keeps."""

    def utc(clock: time) -> datetime:
        local = datetime.combine(day, clock, tzinfo=PARIS)
        return local.astimezone(timezone.utc).replace(tzinfo=None)

    return utc(time(18, 30)), utc(time(21, 0))


def within(moment: datetime | None, start: datetime | None, end: datetime | None) -> bool:
    assert moment is not None
    assert start is not None
    assert end is not None
    return start <= moment <= end


def live_notes(workshop: Workshop) -> list[Note]:
    return list(Note.select().where((Note.workshop == workshop) & Note.deleted_at.is_null()))


def held_workshops(demarche_id: str) -> list[Workshop]:
    """The démarche's workshops with someone ticked present, in order."""
    return [
        w
        for w in Workshop.select()
        .where(Workshop.demarche == uuid.UUID(demarche_id))
        .order_by(Workshop.number)
        if Attendance.select().where(Attendance.workshop == w).exists()
    ]


def notes_in_fresh_database(path: Path, size: DemoSize) -> list[tuple[object, ...]]:
    """Every live note as the store reads it back: workshop by workshop, oldest first."""
    store = open_store(path)
    try:
        demarche_id = create_demo(store, size).demarche_id
        return [
            (n, note.text, note.kind, note.indicator, note.pole, note.speaker_name)
            for n in range(1, 5)
            for note in store.capture.workshop_notes(demarche_id, n)
        ]
    finally:
        store.close()


@pytest.mark.demo("small")
def test_small_holds_the_four_workshops_with_a_few_hundred_notes(store: Store) -> None:
    result = create_demo(store, "small")
    demarche_id = result.demarche_id
    assert result.counts["workshops_held"] == 4
    assert result.counts["notes"] == 280 + 120 + 60 + 40
    workshop, *later = held_workshops(demarche_id)
    assert [w.number for w in (workshop, *later)] == [1, 2, 3, 4]
    assert [len(live_notes(w)) for w in (workshop, *later)] == [280, 120, 60, 40]
    assert store.workshops.attendance_counts(demarche_id, 1).total == 38
    groups = store.subgroups.all(demarche_id, 1)
    # One indicator per sub-group, as the theme store.subgroups gives workshop 1 by default.
    assert [(g.name, g.theme, g.indicator) for g in groups] == [
        (f"Sous-groupe {i.number}", i.poles_label, i.number) for i in INDICATORS
    ]
    assert groups[0].theme == "Rendez-vous / Isolement"
    assert all(g.animateur for g in groups)
    assert len({g.animateur for g in groups}) == 4
    assert [len(store.capture.rounds(g.id)) for g in groups] == [2, 2, 2, 2]
    notes = live_notes(workshop)
    assert {n.kind for n in notes} == {"constat", "image"}
    assert 0 < sum(n.speaker_id is None for n in notes) < len(notes) / 5  # some anonymous
    assert sum(n.indicator is not None and n.pole is not None for n in notes) > len(notes) / 2
    assert sum(n.indicator is None for n in notes) > 0  # a few untagged
    passes = (
        Turn.select()
        .join(Round)
        .join(SubGroup)
        .where((SubGroup.workshop == workshop) & Turn.passed)
    )
    assert 1 <= passes.count() <= 15
    assert [store.workshops.attendance_counts(demarche_id, w.number).total for w in later] == [
        36,
        34,
        40,
    ]


@pytest.mark.demo("small")
def test_small_has_an_undone_note_and_two_edited_ones(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    workshop = held_workshops(demarche_id)[0]
    [undone] = Note.select().where((Note.workshop == workshop) & Note.deleted_at.is_null(False))
    record = store.capture.get_note(str(undone.id))
    assert record.deleted
    # It was the start of the speaker's next note, undone before it was typed in full.
    following = [
        n for n in store.capture.notes(str(undone.round_id)) if n.created_at > undone.created_at
    ]
    assert following[0].text.startswith(undone.text)
    assert following[0].speaker_id == str(undone.speaker_id)
    edited = [n for n in live_notes(workshop) if n.updated_at > n.created_at]
    assert len(edited) == 2
    for note in edited:
        [revision] = store.capture.revisions(str(note.id))
        assert revision.created_at == note.updated_at
        assert (revision.text, revision.indicator) != (note.text, note.indicator)
    assert NoteRevision.select().join(Note).where(Note.workshop == workshop).count() == 2


@pytest.mark.demo("small")
def test_the_store_reads_the_small_demo_back(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    group = store.subgroups.all(demarche_id, 1)[0]
    first = store.capture.rounds(group.id)[0]
    assert first.question == "Où vous retrouvez-vous avec d'autres habitants ?"
    assert first.started_at is not None
    assert first.ended_at is not None
    notes = store.capture.notes(first.id)
    assert len(notes) == first.note_count == 35
    assert [n.created_at for n in notes] == sorted(n.created_at for n in notes)
    turns = store.capture.turns(first.id)
    assert [t.position for t in turns] == list(range(len(turns)))
    balance = store.capture.workshop_balance(demarche_id, 1)
    assert balance.total.notes == 280
    assert balance.not_asked == ()  # the floor reached everyone present
    assert all(balance.colleges[c].turns > 0 for c in College)
    recap = store.workshops.recap(demarche_id, 2)
    assert recap is not None
    assert recap.workshop.number == 1
    assert recap.workshop.recap.startswith("Quatre sous-groupes")
    assert recap.present.total == 38
    assert recap.notes == 280
    assert recap.rounds == 8
    assert recap.newcomers == 0
    assert [g.notes for g in recap.subgroups] == [70, 70, 70, 70]
    assert all(g.first_notes for g in recap.subgroups)
    assert recap.count(1) > 0


@pytest.mark.demo("large")
def test_large_is_the_benchmark_size(store: Store) -> None:
    result = create_demo(store, "large")
    demarche_id = result.demarche_id
    assert result.counts["participants"] == 50
    assert result.counts["workshops_held"] == 4
    assert result.counts["notes"] == 2000
    workshops = held_workshops(demarche_id)
    assert [w.number for w in workshops] == [1, 2, 3, 4]
    assert sum(len(live_notes(w)) for w in workshops) == 2000
    came_before: set[str] = set()
    for workshop in workshops:
        number = workshop.number
        entries = store.workshops.present(demarche_id, number)
        assert 40 <= len(entries) <= 50
        everyone = {e.participant.id for e in entries}
        newcomers = {e.participant.id for e in entries if e.newcomer}
        # A newcomer is someone present for the first time, from workshop 2 on.
        assert newcomers == (everyone - came_before if number > 1 else set())
        if number > 1:
            assert newcomers
        came_before |= everyone
        groups = store.subgroups.all(demarche_id, number)
        assert len(groups) == 4
        sizes = [len(g.members) for g in groups]
        assert max(sizes) - min(sizes) <= 1
        assert sum(sizes) == len(entries)
        assert store.subgroups.unassigned(demarche_id, number) == []
        assert all({m.college for m in g.members} == set(College) for g in groups)
        assert all(2 <= len(store.capture.rounds(g.id)) <= 3 for g in groups)
        assert 490 <= len(live_notes(workshop)) <= 510
    statuses = [view.status for view in store.demarches.steps(demarche_id)]
    assert statuses == [StepStatus.DONE] * 6 + [StepStatus.IN_PROGRESS]


@pytest.mark.demo("large")
def test_large_workshop_2_speaks_of_trends_risks_opportunities_intentions(store: Store) -> None:
    demarche_id = create_demo(store, "large").demarche_id
    workshop = held_workshops(demarche_id)[1]
    kinds = Counter(n.kind for n in live_notes(workshop))
    assert set(kinds) == {k.value for k in kinds_for(2)}
    assert kinds[NoteKind.INTENTION.value] == max(kinds.values())
    risks = [n for n in live_notes(workshop) if n.kind == "risque" and n.pole]
    assert {n.pole for n in risks} == {"depression"}


@pytest.mark.parametrize(
    "size",
    [
        pytest.param("small", marks=pytest.mark.demo("small")),
        pytest.param("large", marks=pytest.mark.demo("large")),
    ],
)
def test_every_row_hangs_together(store: Store, size: DemoSize) -> None:
    """Speakers, rounds, turns and times are what the capture screen would have written."""
    demarche_id = create_demo(store, size).demarche_id
    for workshop in held_workshops(demarche_id):
        assert workshop.date is not None
        start, end = evening(workshop.date)
        present = {
            a.participant_id for a in Attendance.select().where(Attendance.workshop == workshop)
        }
        groups = {g.id: g for g in SubGroup.select().where(SubGroup.workshop == workshop)}
        members = {
            (m.subgroup_id, m.participant_id)
            for m in SubGroupMember.select().where(SubGroupMember.subgroup.in_(list(groups)))
        }
        assert {p for _, p in members} == present
        rounds = {r.id: r for r in Round.select().where(Round.subgroup.in_(list(groups)))}
        turns = {t.id: t for t in Turn.select().where(Turn.round.in_(list(rounds)))}
        notes = list(Note.select().where(Note.workshop == workshop))
        offered = {k.value for k in kinds_for(workshop.number)}
        for note in notes:
            assert note.round_id is not None
            assert note.turn_id is not None
            rnd = rounds[note.round_id]
            turn = turns[note.turn_id]
            assert rnd.subgroup_id == note.subgroup_id
            assert turn.round_id == note.round_id
            assert not turn.passed
            assert turn.participant_id == note.speaker_id
            if note.speaker_id is not None:
                assert note.speaker_id in present
                assert (note.subgroup_id, note.speaker_id) in members
            assert note.kind in offered
            assert within(note.created_at, rnd.started_at, rnd.ended_at)
            assert start <= note.created_at <= note.updated_at <= end
            assert note.deleted_at is None or note.created_at < note.deleted_at <= end
            assert clean_note_text(note.text) == note.text
            assert "{" not in note.text
        for rnd in rounds.values():
            assert within(rnd.started_at, start, end)
            assert within(rnd.ended_at, rnd.started_at, end)
            assert (
                clean_line(rnd.question, field="Question", max_length=MAX_QUESTION) == rnd.question
            )
            positions = sorted(t.position for t in turns.values() if t.round_id == rnd.id)
            assert positions == list(range(len(positions)))
        passed = {t.id for t in turns.values() if t.passed}
        assert passed.isdisjoint(n.turn_id for n in notes)
        assert all(t.participant_id in present for t in turns.values() if t.passed)
        rows = [
            *Attendance.select().where(Attendance.workshop == workshop),
            *groups.values(),
            *turns.values(),
            *NoteRevision.select().where(NoteRevision.note.in_([n.id for n in notes])),
        ]
        assert all(start <= row.created_at <= end for row in rows)
        # "Oldest first" is one order: no two notes of a workshop share a time.
        assert len({n.created_at for n in notes}) == len(notes)


def test_two_fresh_databases_get_the_same_notes(tmp_path: Path) -> None:
    first = notes_in_fresh_database(tmp_path / "a.sqlite", "large")
    second = notes_in_fresh_database(tmp_path / "b.sqlite", "large")
    assert len(first) == 2000
    assert first == second
    assert len({text for _, text, *_ in first}) > 1000  # varied, not one sentence repeated


def test_a_second_demo_call_adds_no_workshop_rows(store: Store) -> None:
    def counts() -> list[int]:
        models = (Attendance, SubGroup, SubGroupMember, Round, Turn, Note, NoteRevision)
        return [model.select().count() for model in models]

    first = create_demo(store, "large")
    before = counts()
    again = create_demo(store, "large")
    assert not again.created
    assert again.counts == first.counts
    assert counts() == before


def test_notes_go_in_as_chunked_bulk_inserts(store: Store) -> None:
    with statements() as sql:
        create_demo(store, "large")
    inserts = [s for s in sql if s.startswith('INSERT INTO "note"')]
    assert len(inserts) == 5  # 2,004 notes (4 undone) by chunks of 500


@pytest.mark.parametrize(
    ("day", "hour"),
    [
        (date(2026, 10, 15), 16),  # summer time: UTC+2
        (date(2026, 10, 24), 16),  # the eve of the change
        (date(2026, 10, 25), 17),  # last Sunday of October: winter time from 03:00
        (date(2026, 11, 5), 17),
        (date(2026, 3, 28), 17),
        (date(2026, 3, 29), 16),  # last Sunday of March: summer time
    ],
)
def test_paris_evenings_in_utc_with_or_without_a_tz_database(day: date, hour: int) -> None:
    expected = datetime.combine(day, time(hour, 30))
    assert paris_to_utc(day, time(18, 30)) == expected
    assert paris_to_utc(day, time(18, 30), zone=None) == expected


@pytest.mark.parametrize(
    ("commune", "expected"),
    [
        ("Fontclaire", "à Fontclaire"),
        ("Le Mas-d'Aiguilhe", "au Mas-d'Aiguilhe"),
        ("Les Issarts", "aux Issarts"),
        ("La Bastide-Sorel", "à La Bastide-Sorel"),
    ],
)
def test_at_commune_contracts_articles(commune: str, expected: str) -> None:
    assert at_commune(commune) == expected


def test_demo_sayings_are_clean_french_lines() -> None:
    """Every saying and question would pass the store's own checks once worded."""
    for script in demo_data.WORKSHOP_SCRIPTS:
        assert len(script.groups) == 4
        for group in script.groups:
            assert len(group.rounds) == 3
            for saying in group.sayings:
                text = word(saying.text, "Le Mas-d'Aiguilhe")
                assert clean_note_text(text) == text
                assert "{" not in text
                assert not text.endswith(".")
                assert saying.kind in kinds_for(demo_data.WORKSHOP_SCRIPTS.index(script) + 1)
    assert word("je crois que il faut", "Fontclaire") == "Je crois qu'il faut"
    assert word("{at_commune}, on dit que on", "Le Mas-d'Aiguilhe") == (
        "Au Mas-d'Aiguilhe, on dit qu'on"
    )


def test_a_scaled_demo_above_500_intentions_is_built_whole(store: Store) -> None:
    """The benchmarks' base (scale 10) in small: above 500 intentions, merged actions may
    point into a later chunk of inserts (the trap), and every count scales."""
    result = create_demo(store, "large", scale=4)
    assert result.created
    assert result.counts["notes"] == 8_000
    assert result.counts["participants"] == 50
    assert len(store.responses.all(result.demarche_id)) == 1_200
    assert len(store.intentions.all(result.demarche_id)) == 600
    again = create_demo(store, "large", scale=4)
    assert (again.demarche_id, again.created) == (result.demarche_id, False)
    assert create_demo(store, "large").demarche_id != result.demarche_id


def test_a_scale_below_one_is_refused_in_french(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Échelle de démo invalide"):
        create_demo(store, "small", scale=0)


def vote_in_fresh_database(path: Path) -> list[tuple[object, ...]]:
    store = open_store(path)
    try:
        create_demo(store, "small")
        totals = Vote.select(Action.title, fn.SUM(Vote.dots)).join(Action).group_by(Action.title)
        dots = dict(cast("list[tuple[str, int]]", list(totals.tuples())))
        return [
            (action.position, action.title, action.status, action.kept, dots.get(action.title))
            for action in Action.select().order_by(Action.position)
        ]
    finally:
        store.close()


def test_two_fresh_databases_get_the_same_vote(tmp_path: Path) -> None:
    """Merged pairs, dots and kept actions do not hang on ids drawn afresh in each base."""
    first = vote_in_fresh_database(tmp_path / "a.sqlite")
    second = vote_in_fresh_database(tmp_path / "b.sqlite")
    assert first == second
    assert any(status == "merged" for _, _, status, _, _ in first)
    assert sum(1 for *_, kept, _ in first if kept) == 5


@pytest.mark.demo("large")
def test_the_large_demo_ranks_each_action_once(store: Store) -> None:
    """The same idea from several sub-groups is merged into one candidate: each title once."""
    demarche_id = create_demo(store, "large").demarche_id
    candidates = store.votes.candidates(demarche_id)
    titles = [fold(c.title) for c in candidates]
    assert len(set(titles)) == len(titles)
    assert sum(c.origins for c in candidates) == 150  # every intention is in one of them
    ranked = [line.title for line in store.votes.results(demarche_id).lines]
    assert len(set(ranked)) == len(ranked) == len(candidates)
    assert len(store.votes.results(demarche_id).kept) == 10
