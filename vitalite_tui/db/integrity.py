"""What can be wrong inside a database file, found read-only and said in French."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import CharField, TextField

from vitalite_tui.db.migrations import stamp_trigger_name
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
    stamp_trigger_name(model._meta.table_name) for model in TRAVELLING_MODELS
)

#: Where the models keep words and JSON (not ids, numbers nor dates): what the screens show
#: and decode. Scanned at open; ids, declared TEXT in the file too, are most of the bytes.
MODEL_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    model._meta.table_name: tuple(
        field.column_name
        for field in model._meta.sorted_fields
        if isinstance(field, CharField | TextField)
    )
    for model in ALL_MODELS
}

#: The problem when SQLite finds pages it cannot follow (whatever check found them).
PAGES_DAMAGED = "des pages du fichier sont abîmées"

#: The declared types of text columns, where bytes that are not UTF-8 would crash a screen.
TEXT_TYPES = ("TEXT", "VARCHAR")

#: What joins a column's values for one decode: an ASCII byte can neither complete a cut
#: UTF-8 sequence nor pass for a continuation byte, so the joined bytes decode exactly when
#: every value does.
_GLUE = "X'0A'"


def _file_columns(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Every table of the file, with its columns and their declared types (one query)."""
    found: dict[str, dict[str, str]] = {}
    rows = conn.execute(
        "SELECT m.name, p.name, p.type FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"
    )
    for table, column, declared in rows:
        found.setdefault(_name(table), {})[_name(column)] = _name(declared)
    return found


def _name(value: object) -> str:
    """A name from the schema, whatever the connection's text factory."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def schema_problems(conn: sqlite3.Connection) -> list[str]:
    """Tables and columns the models expect but the file lacks (one query for all tables)."""
    found = _file_columns(conn)
    triggers = {
        _name(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    problems: list[str] = []
    for table, columns in EXPECTED_COLUMNS.items():
        if table not in found:
            problems.append(f"la table « {table} » manque")
            continue
        problems += [
            f"la colonne « {column} » manque dans la table « {table} »"
            for column in sorted(columns - found[table].keys())
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
    """Text that is not valid UTF-8, in every text column of the file (`vitalite check`)."""
    tables = {
        table: [column for column, declared in columns.items() if _is_text(declared)]
        for table, columns in _file_columns(conn).items()
    }
    return _text_problems_in(conn, tables)


def shown_text_problems(conn: sqlite3.Connection) -> list[str]:
    """Text that is not valid UTF-8 where the models keep words (the scan made at open).

    Only the columns the file has: an older schema is checked before its migration.
    """
    found = _file_columns(conn)
    tables = {
        table: [column for column in columns if column in found.get(table, {})]
        for table, columns in MODEL_TEXT_COLUMNS.items()
    }
    return _text_problems_in(conn, tables)


def _is_text(declared: str) -> bool:
    return declared.upper().startswith(TEXT_TYPES)


def _text_problems_in(conn: sqlite3.Connection, tables: dict[str, list[str]]) -> list[str]:
    problems: list[str] = []
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, columns in tables.items():
            if columns:
                problems += _bad_text_in(conn, table, _undecodable(conn, table, columns))
    finally:
        conn.text_factory = factory
    return problems


def _undecodable(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[str]:
    """The columns holding a value that is not UTF-8, each column joined and decoded at once.

    One query per table and one decode per column, in C: several times faster than decoding
    value by value, which is left to count the lines of the rare column found bad.
    """
    joined = ", ".join(f'group_concat("{column}", {_GLUE})' for column in columns)
    try:
        row = conn.execute(f'SELECT {joined} FROM "{table}"').fetchone()
    except sqlite3.DataError:
        return columns  # longer than SQLite's longest value: decode value by value
    return [
        column
        for column, value in zip(columns, row, strict=True)
        if isinstance(value, bytes) and not _is_utf8(value)
    ]


def _bad_text_in(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[str]:
    if not columns:
        return []
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
