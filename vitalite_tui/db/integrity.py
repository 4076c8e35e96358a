"""What can be wrong inside a database file, found read-only and said in French."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vitalite_tui.db.migrations import stamp_trigger_names
from vitalite_tui.db.models import ALL_MODELS, TRAVELLING_MODELS
from vitalite_tui.errors import DatabaseError
from vitalite_tui.paths import backups_dir

#: Every table of the program and the columns its models read, from the models themselves.
EXPECTED_COLUMNS: dict[str, frozenset[str]] = {
    model._meta.table_name: frozenset(field.column_name for field in model._meta.sorted_fields)
    for model in ALL_MODELS
}

#: The triggers that record which laptop changed a row: without them, a bundle would
#: carry changes as if another laptop had made them.
EXPECTED_TRIGGERS: frozenset[str] = frozenset(
    name for model in TRAVELLING_MODELS for name in stamp_trigger_names(model._meta.table_name)
)

#: The problem when SQLite finds pages it cannot follow (whatever check found them).
PAGES_DAMAGED = "des pages du fichier sont abîmées"

#: The text columns, where a byte sequence that is not UTF-8 would crash a screen later.
TEXT_TYPES = ("TEXT", "VARCHAR")


def schema_problems(conn: sqlite3.Connection) -> list[str]:
    """Tables and columns the models expect but the file lacks (one query for all tables)."""
    found: dict[str, set[str]] = {}
    rows = conn.execute(
        "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"
    )
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    triggers = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    problems: list[str] = []
    for table, columns in EXPECTED_COLUMNS.items():
        if table not in found:
            problems.append(f"la table « {table} » manque")
            continue
        problems += [
            f"la colonne « {column} » manque dans la table « {table} »"
            for column in sorted(columns - found[table])
        ]
    problems += [
        f"le déclencheur « {name} » manque" for name in sorted(EXPECTED_TRIGGERS - triggers)
    ]
    return problems


def structure_problems(conn: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
    """SQLite's own check of the pages (`quick_check`, or the slower `integrity_check`)."""
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    # No count: quick_check (at open) and integrity_check (`vitalite check`) count apart.
    return [PAGES_DAMAGED] if any(row[0] != "ok" for row in rows) else []


def text_problems(conn: sqlite3.Connection) -> list[str]:
    """Text that is not valid UTF-8, per table and column (reads every text value: slow)."""
    problems: list[str] = []
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        for table in tables:
            columns = [
                str(row[1], "ascii") if isinstance(row[1], bytes) else str(row[1])
                for row in conn.execute(f'PRAGMA table_info("{table}")')
                if _is_text(row[2])
            ]
            if columns:
                problems += _bad_text_in(conn, table, columns)
    finally:
        conn.text_factory = factory
    return problems


def _is_text(declared: object) -> bool:
    name = declared.decode("ascii", "replace") if isinstance(declared, bytes) else str(declared)
    return name.upper().startswith(TEXT_TYPES)


def _bad_text_in(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[str]:
    # One query per table (reading column by column is three times slower).
    listed = ", ".join(f'"{column}"' for column in columns)
    bad = dict.fromkeys(columns, 0)
    for row in conn.execute(f'SELECT {listed} FROM "{table}"'):
        for column, value in zip(columns, row, strict=True):
            if isinstance(value, bytes) and not _is_utf8(value):
                bad[column] += 1
    return [
        f"texte illisible, pas en UTF-8, dans la table « {table} », colonne « {column} », "
        f"sur {count} ligne{'s' if count > 1 else ''}"
        for column, count in bad.items()
        if count
    ]


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class DamagedBase(DatabaseError):
    """The file is a vitalite base, but something in it is missing or broken."""


def damaged(path: Path, problems: list[str]) -> DamagedBase:
    """The one sentence said at open and by `vitalite check`: what is wrong, and the way out."""
    shown = problems[0] if len(problems) == 1 else f"{problems[0]}, et {len(problems) - 1} autre(s)"
    return DamagedBase(
        f"La base {path} est abîmée ({shown}) : elle n'a pas été modifiée ; remplacez-la par "
        f"la dernière bonne copie du dossier des sauvegardes {backups_dir(path.absolute())}."
    )
