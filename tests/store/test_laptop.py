"""Laptop identity: every base knows its laptop, and every row the laptop that changed it last."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.votes import ids_by_title, make_scene

from vitalite_tui.db.connection import APPLICATION_ID, close_database, open_database
from vitalite_tui.db.integrity import DamagedBase
from vitalite_tui.db.migrations import SCHEMA_VERSION, migrate_to
from vitalite_tui.db.models import TRAVELLING_MODELS, Laptop, Note, db, execute
from vitalite_tui.domain.colleges import College
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.bulk import NoteRow
from vitalite_tui.store.charter.records import ArticleDraft
from vitalite_tui.store.preparation.records import ParticipantDraft

Snapshot = dict[tuple[str, str], tuple[str, tuple[Any, ...]]]


def snapshot() -> Snapshot:
    """Every row of every table: its `updated_at`, and its other values."""
    rows: Snapshot = {}
    for model in TRAVELLING_MODELS:
        table = model._meta.table_name
        cursor = db.execute_sql(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        for found in cursor.fetchall():
            values = dict(zip(names, found, strict=True))
            rest = tuple(v for k, v in values.items() if k not in ("updated_at", "changed_by"))
            rows[(table, values["id"])] = (values["updated_at"], rest)
    return rows


def unstamped_changes(before: Snapshot, after: Snapshot) -> list[str]:
    """Rows whose values changed while their `updated_at` stood still."""
    return [
        f"{table} {row_id}"
        for (table, row_id), (moment, values) in after.items()
        if (table, row_id) in before
        and before[(table, row_id)][1] != values
        and before[(table, row_id)][0] >= moment
    ]


def laptop_id() -> str:
    return str(execute(db, "SELECT id FROM laptop").fetchone()[0])


def stamps(table: str) -> set[str | None]:
    return {row[0] for row in execute(db, f'SELECT DISTINCT changed_by FROM "{table}"')}


def test_a_new_base_has_a_laptop_that_can_be_renamed(store: Store) -> None:
    laptop = store.exchange.laptop()
    assert len(laptop.id) == 32
    assert laptop.name.startswith("Poste")
    assert store.exchange.rename_laptop("  Poste   sous-groupe 2 ").name == "Poste sous-groupe 2"
    assert store.exchange.laptop() == type(laptop)(laptop.id, "Poste sous-groupe 2")
    with pytest.raises(InvalidInput, match="Nom du poste"):
        store.exchange.rename_laptop("   ")


def test_two_bases_are_two_laptops(tmp_path: Path) -> None:
    ids = []
    for name in ("a.sqlite", "b.sqlite"):
        open_database(tmp_path / name)
        ids.append(laptop_id())
        close_database()
    assert ids[0] != ids[1]


def test_every_write_path_marks_the_row_changed_here(store: Store, demarche_id: str) -> None:
    """A model's save, an UPDATE query, a bulk insert and the capture's raw SQL alike:
    `changed_by` NULL, which bundles write as this laptop's id."""
    person = store.participants.add(demarche_id, ParticipantDraft("Anne", College.ELU))
    store.workshops.set_present(demarche_id, 1, person, True)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    round_ = store.capture.start_round(group.id, "Où vous retrouvez-vous ?", 20)
    note = store.capture.save_note(round_.id, person, "Au marché")
    workshop = store.bulk.workshop_ids(demarche_id)[1]
    store.bulk.insert(
        [
            NoteRow(
                workshop=workshop,
                subgroup=None,
                round=None,
                turn=None,
                speaker=None,
                text="En vrac",
                kind="constat",
            )
        ]
    )
    for model in TRAVELLING_MODELS:
        assert stamps(model._meta.table_name) <= {None}, model
    # Rows last changed elsewhere take this laptop's stamp when changed here, by any path.
    other = "0" * 32
    for model in TRAVELLING_MODELS:
        execute(db, "UPDATE laptop SET merging = 1")
        execute(db, f"UPDATE \"{model._meta.table_name}\" SET changed_by = '{other}'")
        execute(db, "UPDATE laptop SET merging = 0")
    store.capture.edit_note(note.id, "Au marché du jeudi", None, None, None)
    Note.update(kind="constat").where(Note.text == "En vrac").execute()
    assert stamps("note") == {None}
    assert stamps("participant") == {other}


def test_a_merge_in_progress_leaves_the_stamps_as_they_came(store: Store) -> None:
    demarche_id = store.demarches.create("CC Test", "Lagrasse")
    execute(db, "UPDATE laptop SET merging = 1")
    execute(db, f"UPDATE demarche SET territory = 'Autre', changed_by = '{'1' * 32}'")
    execute(db, "UPDATE laptop SET merging = 0")
    assert stamps("demarche") == {"1" * 32}
    store.demarches.remove(demarche_id)
    assert stamps("demarche") == {None}


def test_schema_3_from_a_schema_2_base_gives_it_a_laptop(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    db.init(str(path))
    try:
        migrate_to(db, 0, target=2)
        execute(db, f"PRAGMA application_id = {APPLICATION_ID:d}")
        execute(
            db,
            "INSERT INTO demarche (id, created_at, updated_at, territory, communes, settings) "
            "VALUES ('0123456789abcdef0123456789abcdef', '2026-01-01 10:00:00', "
            "'2026-01-01 10:00:00', 'CC ancienne', '[]', '{}')",
        )
    finally:
        db.close()
    backup = open_database(path)
    try:
        assert backup is not None
        assert backup.exists()
        assert Laptop.select().count() == 1
        assert len(laptop_id()) == 32
        assert stamps("demarche") == {None}
    finally:
        close_database()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def test_a_base_without_its_stamping_triggers_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite"
    open_database(path)
    close_database()
    conn = sqlite3.connect(path)
    conn.execute('DROP TRIGGER "note_changed_here"')
    conn.commit()
    conn.close()
    (tmp_path / "base.sqlite.checked").unlink(missing_ok=True)
    with pytest.raises(DamagedBase, match="note_changed_here"):
        open_database(path)


def _edits(store: Store, demarche_id: str) -> list[Callable[[], object]]:
    """One edit of each kind of row the store lets people change."""
    scene = make_scene(store, demarche_id)
    anne, bruno = scene.people["Anne"], scene.people["Bruno"]
    store.votes.import_intentions(demarche_id)
    first, second = list(ids_by_title(store, demarche_id).values())[:2]
    (group,) = store.subgroups.form(demarche_id, 3, count=1)
    round_ = store.capture.start_round(group.id, "Quelle action ?", 20)
    note = store.capture.save_note(round_.id, anne, "Un café")
    article = store.charter.add_article(demarche_id, ArticleDraft("Se retrouver", "Un lieu."))
    return [
        lambda: store.participants.update(anne, ParticipantDraft("Anne B.", College.ELU)),
        lambda: store.participants.remove(bruno),
        lambda: store.participants.restore(bruno),
        lambda: store.workshops.set_present(demarche_id, 3, bruno, False),
        lambda: store.workshops.save_recap(demarche_id, 1, "Ce qui a été dit."),
        lambda: store.capture.edit_note(note.id, "Un café associatif", None, None, None),
        lambda: store.capture.remove_note(note.id),
        lambda: store.capture.restore(note.id),
        lambda: store.capture.start_round(group.id, "Et ensuite ?", 20),
        lambda: store.votes.save_ballot(demarche_id, anne, {first: 1}),
        lambda: store.votes.save_ballot(demarche_id, anne, {second: 1}),
        lambda: store.votes.set_tally(demarche_id, first, College.HABITANT, 4),
        lambda: store.votes.set_tally(demarche_id, first, College.HABITANT, None),
        lambda: store.charter.update_article(article, ArticleDraft("Se retrouver", "Des lieux.")),
        lambda: store.charter.remove_article(article),
        lambda: store.demarches.remove(demarche_id),
    ]


def test_every_edit_through_the_store_moves_updated_at(store: Store, demarche_id: str) -> None:
    """The merge keeps the later change: a change that leaves `updated_at` would be lost."""
    for edit in _edits(store, demarche_id):
        before = snapshot()
        edit()
        assert not unstamped_changes(before, snapshot())
