"""Schema migrations: ordered functions keyed on `PRAGMA user_version`.

Migration N brings a database from version N-1 to N. Each runs in one transaction with
the bump of `user_version`, after a backup of the file (see `connection.open_database`).
Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from vitalite_tui.db.models import execute

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


MIGRATIONS: tuple[Migration, ...] = (
    _v1_initial_schema,
    _v2_indexes_for_screens,
)

#: The schema version this program writes.
SCHEMA_VERSION = len(MIGRATIONS)


def migrate_to(database: SqliteDatabase, current: int, target: int = SCHEMA_VERSION) -> None:
    """Run migrations current+1 … target, each atomically with its version bump."""
    for version in range(current + 1, target + 1):
        with database.atomic("IMMEDIATE"):
            MIGRATIONS[version - 1](database)
            execute(database, f"PRAGMA user_version = {version:d}")
