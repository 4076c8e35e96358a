"""Schema migrations: ordered functions keyed on `PRAGMA user_version`.

Migration N brings a database from version N-1 to N. Each runs in one transaction with
the bump of `user_version`, after a backup of the file (see `connection.open_database`).
Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from vitalite_tui.db.models import execute, utcnow

Migration = Callable[[SqliteDatabase], None]


def _v1_initial_schema(database: SqliteDatabase) -> None:
    """The first release's tables, from a frozen copy of their DDL."""
    ddl = Path(__file__).with_name("schema_v1.sql").read_text(encoding="utf-8")
    for statement in ddl.split(";\n"):
        lines = [line for line in statement.splitlines() if not line.startswith("--")]
        sql = "\n".join(lines).strip().rstrip(";")
        if sql:
            execute(database, sql)


def _v2_indexes_for_screens(database: SqliteDatabase) -> None:
    """Indexes for the queries the capture screen and the registry run on every refresh."""
    # Imported here: only a database being migrated needs it, and start-up time counts.
    from playhouse.migrate import SqliteMigrator, migrate

    migrator = SqliteMigrator(database)
    migrate(
        migrator.add_index("note", ("round_id", "created_at"), False),
        migrator.add_index("note", ("workshop_id", "deleted_at"), False),
        migrator.add_index("participant", ("demarche_id", "deleted_at"), False),
    )


#: The tables whose rows travel in bundles, as schema 3 knows them (frozen: a later table
#: gets its column and trigger in its own migration, through `_stamp_changes`).
_V3_TRAVELLING = (
    "questionnaire",
    "demarche",
    "step_record",
    "participant",
    "committee_member",
    "logistics_item",
    "workshop",
    "attendance",
    "sub_group",
    "sub_group_member",
    "trend",
    "round",
    "turn",
    "axis",
    "note",
    "note_revision",
    "image_choice",
    "felt_rating",
    "response",
    "answer",
    "intention",
    "action",
    "action_sheet",
    "vote_session",
    "vote",
    "scenario",
    "charter",
    "charter_article",
    "signatory",
    "link",
)

_V3_TABLES = (
    'CREATE TABLE "laptop" ("id" TEXT NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"created_at" DATETIME NOT NULL, "merging" INTEGER NOT NULL)',
    'CREATE TABLE "kept_version" ("id" TEXT NOT NULL PRIMARY KEY, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, '
    '"changed_by" TEXT, "demarche_id" TEXT NOT NULL, "table_name" VARCHAR(255) NOT NULL, '
    '"row_id" TEXT NOT NULL, "texts" TEXT NOT NULL, '
    'FOREIGN KEY ("demarche_id") REFERENCES "demarche" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "kept_version_demarche_id" ON "kept_version" ("demarche_id")',
    'CREATE INDEX "kept_version_row_id" ON "kept_version" ("row_id")',
)


def stamp_trigger_name(table: str) -> str:
    """The trigger that marks a table's rows changed here (see `_stamp_changes`)."""
    return f"{table}_changed_here"


def _stamp_changes(database: SqliteDatabase, table: str) -> None:
    """A row changed on this laptop, by any path (a model's save, an UPDATE query, raw
    SQL), has `changed_by` NULL: « this laptop », which bundles write as its id. A row
    made here is NULL from the start (no trigger, no cost per insert); a row last changed
    on another laptop becomes NULL when changed here, except while a bundle is merged."""
    name = stamp_trigger_name(table)
    execute(
        database,
        f'CREATE TRIGGER "{name}" AFTER UPDATE ON "{table}" '
        "WHEN NEW.changed_by IS NOT NULL AND NOT (SELECT merging FROM laptop) "
        # By rowid: one lookup in the table itself, not one in the id index.
        f'BEGIN UPDATE "{table}" SET changed_by = NULL WHERE rowid = NEW.rowid; END',
    )


def _v3_laptops_and_bundles(database: SqliteDatabase) -> None:
    """This laptop's identity, who last changed each row, and the texts a merge set aside."""
    import socket
    import uuid

    for sql in _V3_TABLES:
        execute(database, sql)
    name = f"Poste {socket.gethostname()[:60]}".strip()
    connection: sqlite3.Connection = database.connection()  # type: ignore[no-untyped-call]
    connection.execute(
        "INSERT INTO laptop (id, name, created_at, merging) VALUES (?, ?, ?, 0)",
        (uuid.uuid4().hex, name, str(utcnow())),
    )
    for table in _V3_TRAVELLING:
        # NULL: every row so far was written on this laptop.
        execute(database, f'ALTER TABLE "{table}" ADD COLUMN "changed_by" TEXT')
    for table in (*_V3_TRAVELLING, "kept_version"):
        _stamp_changes(database, table)


_V4_STATEMENTS = (
    'ALTER TABLE "demarche" ADD COLUMN "archived_at" DATETIME',
    'ALTER TABLE "demarche" ADD COLUMN "retention_until" DATE',
    """ALTER TABLE "committee_member" ADD COLUMN "workshop_roles" TEXT NOT NULL DEFAULT '{}'""",
    """ALTER TABLE "logistics_item" ADD COLUMN "person" VARCHAR(255) NOT NULL DEFAULT ''""",
    'ALTER TABLE "logistics_item" ADD COLUMN "due_on" DATE',
    'ALTER TABLE "workshop" ADD COLUMN "session" INTEGER NOT NULL DEFAULT 1',
    'DROP INDEX "workshop_demarche_id_number"',
    'CREATE UNIQUE INDEX "workshop_demarche_id_number_session" '
    'ON "workshop" ("demarche_id", "number", "session")',
    'CREATE TABLE "purge_record" ("id" TEXT NOT NULL PRIMARY KEY, "demarche_id" TEXT NOT NULL, '
    '"done_at" DATETIME NOT NULL, "summary" TEXT NOT NULL)',
    'CREATE INDEX "purge_record_demarche_id" ON "purge_record" ("demarche_id")',
)


def _v4_evenings_roles_and_retention(database: SqliteDatabase) -> None:
    """Extra evenings, roles per workshop, logistics owners, archives, retention and purges."""
    for sql in _V4_STATEMENTS:
        execute(database, sql)


def _v5_response_number_index(database: SqliteDatabase) -> None:
    """Sheet numbers found by index: an import checks each group's numbers against the
    stored ones, which meant reading every sheet of the démarche again, group after group."""
    from playhouse.migrate import SqliteMigrator, migrate

    migrator = SqliteMigrator(database)
    migrate(migrator.add_index("response", ("demarche_id", "sheet_number"), False))


MIGRATIONS: tuple[Migration, ...] = (
    _v1_initial_schema,
    _v2_indexes_for_screens,
    _v3_laptops_and_bundles,
    _v4_evenings_roles_and_retention,
    _v5_response_number_index,
)

#: The schema version this program writes.
SCHEMA_VERSION = len(MIGRATIONS)


def migrate_to(database: SqliteDatabase, current: int, target: int = SCHEMA_VERSION) -> None:
    """Run migrations current+1 … target, each atomically with its version bump."""
    for version in range(current + 1, target + 1):
        with database.atomic("IMMEDIATE"):
            MIGRATIONS[version - 1](database)
            execute(database, f"PRAGMA user_version = {version:d}")
