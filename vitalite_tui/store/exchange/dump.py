"""Every row of a démarche, table by table, as SQLite stores it: what a bundle carries."""

from __future__ import annotations

from vitalite_tui.db.models import db
from vitalite_tui.formats.bundle import Table
from vitalite_tui.store.exchange.laptop import this_laptop
from vitalite_tui.store.exchange.tables import scope_sql, table_specs


def demarche_tables(demarche_hex: str) -> dict[str, Table]:
    """The démarche's rows, removed ones included, each table's in the order of its ids.

    A row changed last on this laptop (`changed_by` NULL here) carries this laptop's id.
    """
    here = this_laptop().id
    tables: dict[str, Table] = {}
    for spec in table_specs():
        listed = ", ".join(
            f"COALESCE(changed_by, '{here}')" if name == "changed_by" else f'"{name}"'
            for name in spec.names
        )
        cursor = db.execute_sql(
            f'SELECT {listed} FROM "{spec.name}" '
            f"WHERE id IN ({scope_sql(spec.name, demarche_hex)}) ORDER BY id"
        )
        tables[spec.name] = Table(list(spec.names), [list(row) for row in cursor.fetchall()])
    return tables
