"""The database file: pragmas, migrations from older versions, refusals that touch nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from support.old_schema import make_v1_database

from vitalite_tui.db.connection import (
    APPLICATION_ID,
    check_database,
    close_database,
    open_database,
)
from vitalite_tui.db.migrations import MIGRATIONS, SCHEMA_VERSION
from vitalite_tui.db.models import ALL_MODELS, Demarche, db, execute
from vitalite_tui.errors import DatabaseError, DatabaseTooNew
from vitalite_tui.paths import backups_dir


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        conn.close()


def test_new_database_gets_the_pragmas_that_keep_notes_safe(db_path: Path) -> None:
    open_database(db_path)
    try:
        assert execute(db, "PRAGMA journal_mode").fetchone()[0] == "wal"
        assert execute(db, "PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert execute(db, "PRAGMA foreign_keys").fetchone()[0] == 1
        assert execute(db, "PRAGMA busy_timeout").fetchone()[0] >= 1000
    finally:
        close_database()
    assert pragma(db_path, "user_version") == SCHEMA_VERSION
    assert pragma(db_path, "application_id") == APPLICATION_ID


def test_migrated_schema_is_what_the_models_describe(tmp_path: Path) -> None:
    """Migrations and models must never drift apart: same tables, columns and indexes."""
    migrated, modelled = tmp_path / "migrated.sqlite", tmp_path / "modelled.sqlite"
    open_database(migrated)
    close_database()
    db.init(str(modelled))
    db.create_tables(ALL_MODELS)
    db.close()

    def shape(path: Path) -> dict[str, object]:
        conn = sqlite3.connect(path)
        try:
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
                )
            ]
            return {
                table: (
                    sorted(
                        (row[1], row[2], row[3], row[5])
                        for row in conn.execute(f'PRAGMA table_info("{table}")')
                    ),
                    sorted(
                        (row[1], row[2]) for row in conn.execute(f'PRAGMA index_list("{table}")')
                    ),
                )
                for table in tables
            }
        finally:
            conn.close()

    assert shape(migrated) == shape(modelled)


def test_version_1_database_is_backed_up_then_migrated(db_path: Path) -> None:
    make_v1_database(db_path)
    assert pragma(db_path, "user_version") == 1
    backup = open_database(db_path)
    try:
        assert Demarche.select().count() == 1
        assert Demarche.get().territory == "CC ancienne"
        indexes = {row[1] for row in execute(db, 'PRAGMA index_list("note")').fetchall()}
        assert "note_round_id_created_at" in indexes
    finally:
        close_database()
    assert pragma(db_path, "user_version") == SCHEMA_VERSION
    assert backup is not None
    assert backup.parent == backups_dir(db_path)
    assert pragma(backup, "user_version") == 1
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT territory FROM demarche").fetchall() == [("CC ancienne",)]
    finally:
        conn.close()


def test_a_failing_migration_leaves_the_previous_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v1_database(db_path)

    def broken(_: object) -> None:
        execute(db, "CREATE TABLE half_done (x INTEGER)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("vitalite_tui.db.migrations.MIGRATIONS", (MIGRATIONS[0], broken))
    with pytest.raises(DatabaseError):
        open_database(db_path)
    close_database()
    assert pragma(db_path, "user_version") == 1
    conn = sqlite3.connect(db_path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert "half_done" not in names


def test_newer_database_is_refused_in_french_and_left_untouched(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseTooNew, match="version plus récente"):
        open_database(db_path)
    assert digest(db_path) == before
    assert not (db_path.parent / f"{db_path.name}-wal").exists()


def test_corrupt_file_is_refused_in_french_and_left_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"ceci n'est pas une base" * 100)
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="n'est pas une base vitalite"):
        open_database(db_path)
    assert digest(db_path) == before


def test_another_programs_sqlite_file_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE clients (nom TEXT)")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="pas une base vitalite"):
        open_database(db_path)
    assert digest(db_path) == before


def test_a_folder_in_place_of_the_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="dossier"):
        open_database(tmp_path)


def test_check_reports_a_healthy_database(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    report = check_database(db_path)
    assert report.ok
    assert report.problems == []
    assert report.version == SCHEMA_VERSION


def test_check_mentions_a_pending_migration_without_failing(db_path: Path) -> None:
    make_v1_database(db_path)
    report = check_database(db_path)
    assert report.ok
    assert any("sera mis à jour" in remark for remark in report.remarks)
    assert pragma(db_path, "user_version") == 1  # checking changes nothing


def test_check_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="Aucune base"):
        check_database(tmp_path / "absent.sqlite")


def test_second_connection_can_write_while_the_first_is_open(db_path: Path) -> None:
    """A second copy of the program on the same file waits its turn instead of failing."""
    open_database(db_path)
    try:
        Demarche.create(territory="Première copie")
        other = sqlite3.connect(db_path, timeout=5)
        try:
            other.execute(
                "INSERT INTO demarche (id, created_at, updated_at, territory, communes, settings)"
                " VALUES ('fedcba9876543210fedcba9876543210', '2026-01-01', '2026-01-01',"
                " 'Seconde copie', '[]', '{}')"
            )
            other.commit()
        finally:
            other.close()
        assert {d.territory for d in Demarche.select()} == {"Première copie", "Seconde copie"}
    finally:
        close_database()


def test_an_older_base_missing_a_table_is_refused_and_keeps_its_version(db_path: Path) -> None:
    """The models describe the newest schema: an older base is checked by its migration."""
    make_v1_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE note")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match=r"est abîmée .* manque.*sauvegardes"):
        open_database(db_path)
    close_database()
    assert pragma(db_path, "user_version") == 1
    assert list(backups_dir(db_path).iterdir()) == []


def test_an_older_base_is_checked_against_the_models_once_migrated(db_path: Path) -> None:
    make_v1_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE trend DROP COLUMN source")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="colonne « source » manque dans la table « trend »"):
        open_database(db_path)
    close_database()
    assert pragma(db_path, "user_version") == 1  # the migration was rolled back
    # The copy made before the migration is of the damaged file: not left as a "backup".
    assert list(backups_dir(db_path).iterdir()) == []
