"""Every row of a démarche, table by table, as SQLite stores it: what a bundle carries."""

from __future__ import annotations

from typing import Any

from vitalite_tui.db.models import db
from vitalite_tui.formats.bundle import Table
from vitalite_tui.store.exchange.laptop import this_laptop
from vitalite_tui.store.exchange.tables import TableSpec, scope_sql, table_specs


def table_rows(spec: TableSpec, demarche_hex: str, here: str) -> list[tuple[Any, ...]]:
    """The démarche's rows of one table in the order of their ids, removed ones included.

    A row changed last on this laptop (`changed_by` NULL) carries this laptop's id, `here`.
    """
    listed = ", ".join(
        f"COALESCE(changed_by, '{here}')" if name == "changed_by" else f'"{name}"'
        for name in spec.names
    )
    cursor = db.execute_sql(
        f'SELECT {listed} FROM "{spec.name}" '
        f"WHERE id IN ({scope_sql(spec.name, demarche_hex)}) ORDER BY id"
    )
    rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def demarche_tables(demarche_hex: str) -> dict[str, Table]:
    """Every table of the démarche, as a bundle carries it."""
    here = this_laptop().id
    return {
        spec.name: Table(
            list(spec.names), [list(row) for row in table_rows(spec, demarche_hex, here)]
        )
        for spec in table_specs()
    }
