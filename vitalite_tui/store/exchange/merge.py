"""Reading a bundle into the base: rows matched by id, the later change kept, nothing lost.

The rules (the same on every laptop, so that any order of the same bundles gives the same
base, and reading one twice changes nothing):
- a row the base lacks is added; a row on both sides keeps the version changed last,
  ordered by (`updated_at`, `changed_by`, a digest of its values): ties break alike
  everywhere; a deletion (`deleted_at`) is a change like any other;
- when the two versions' typed texts differ, the texts of BOTH are kept beside the row
  (`KeptVersion`s) under ids made from the row and the texts alone. Keeping the winner's
  too is what makes it order-free: a laptop that meets the versions X, Y, then X again
  (removed) keeps X and Y whatever order it meets them in; keeping the losers only, it
  would keep X or not depending on whether Y came between. So once a row has had two
  texts, every laptop that met the same versions (in one exchange round: its own and every
  bundle's) holds the same kept rows (a `NoteRevision` would carry a version's tags and
  time, which laptops see differently);
- rows that are one thing made twice (the same person ticked present on two laptops) are
  one row under the smaller of their ids, and what pointed at the other follows it;
- all of it in one transaction, with this laptop's stamps paused: merged rows keep the
  laptop that changed them.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vitalite_tui.db.failures import explain
from vitalite_tui.db.models import Laptop, db
from vitalite_tui.formats.bundle import Bundle, BundleRefused, damaged, member_name
from vitalite_tui.store.base import writing
from vitalite_tui.store.exchange.dump import table_rows
from vitalite_tui.store.exchange.hooks import HOOKS, MergeContext
from vitalite_tui.store.exchange.known import KnownTables
from vitalite_tui.store.exchange.laptop import this_laptop
from vitalite_tui.store.exchange.records import Conflict, MergeReport, TableCount
from vitalite_tui.store.exchange.tables import (
    ADDED_COLUMNS,
    Column,
    TableSpec,
    referencing,
    scope_sql,
    table_specs,
)
from vitalite_tui.store.exchange.versions import BY_THE_MERGE, version

Row = dict[str, Any]

#: Ids of the texts set aside: uuid5 in this namespace, from the row and the texts.
_VERSIONS = uuid.UUID("6f1c2a4e-3b9d-5e07-9a41-0c8d7e2b5f63")
#: Ids per `IN (…)` query: well under SQLite's limit on bound variables.
_CHUNK = 500
_SHOWN = 60


def _shown(texts: Sequence[Any]) -> str:
    text = " / ".join(str(t) for t in texts if t)
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 1]}…"


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _query(sql: str, params: Sequence[Any] = ()) -> list[Row]:
    cursor = db.execute_sql(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, found, strict=True)) for found in cursor.fetchall()]


def _many(sql: str, params: list[tuple[Any, ...]], source: str) -> None:
    """`executemany` on the open connection, its failures said as the rest of the store's."""
    if not params:
        return
    connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    try:
        connection.executemany(sql, params)
    except sqlite3.IntegrityError:
        raise damaged(
            source, "une de ses lignes heurte une ligne de cette base : même numéro ou même clé"
        ) from None
    except sqlite3.Error as exc:
        failure = explain(exc, Path(db.database))
        if failure is None:
            raise
        raise failure from None


class Merge(MergeContext):
    """One bundle read into the open base."""

    def __init__(self, bundle: Bundle, source: str, known: KnownTables | None = None) -> None:
        self.bundle = bundle
        self.source = source
        #: Tables found unchanged by the bundles read before this one in the same batch.
        self.known = known or KnownTables()
        self.demarche_hex = bundle.manifest.demarche_id
        #: This laptop's id: what `changed_by` NULL means here.
        self.here = this_laptop().id
        #: Per table, the ids a row of the bundle stands for here (see `_same_things`).
        self.aliases: dict[str, dict[str, str]] = {}
        #: Per table, the ids of the bundle's rows (after aliasing).
        self.ids: dict[str, set[str]] = {}
        manifest = bundle.manifest
        self.report = MergeReport(
            source=source,
            demarche_id=str(uuid.UUID(hex=manifest.demarche_id)),
            demarche_name=manifest.demarche_name,
            laptop_name=manifest.laptop_name,
        )

    def run(self) -> MergeReport:
        unknown = set(self.bundle.tables) - {spec.name for spec in table_specs()}
        if unknown:
            raise damaged(self.source, f"table inconnue « {sorted(unknown)[0]} »")
        root = self.bundle.tables.get("demarche")
        if (
            root is None
            or "id" not in root.columns
            or [row[root.columns.index("id")] for row in root.rows] != [self.demarche_hex]
        ):
            raise damaged(self.source, "sa démarche n'est pas celle de son manifeste")
        try:
            with writing():
                db.execute_sql("PRAGMA defer_foreign_keys = ON")
                Laptop.update(merging=True).execute()
                self.report.created = not _query(
                    "SELECT id FROM demarche WHERE id = ?", (self.demarche_hex,)
                )
                for spec in table_specs():
                    self._step(spec)
                # Inside the transaction: no other connection ever sees the stamps paused.
                Laptop.update(merging=False).execute()
        except BaseException:
            self.known.clear()
            raise
        return self.report

    def _step(self, spec: TableSpec) -> None:
        """One table merged; the tables it wrote to, if any, no longer known unchanged."""
        connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
        before = connection.total_changes
        self._table(spec)
        if connection.total_changes != before:
            hook = HOOKS.get(spec.name)
            # What a step may write: its table, those pointing at it (ids made one), the
            # texts set aside, and what its hook says it writes besides.
            self.known.forget(
                (
                    spec.name,
                    *(table for table, _ in referencing(spec.name)),
                    "kept_version",
                    *(hook.also_writes if hook is not None else ()),
                )
            )

    # ------------------------------------------------------------ one table

    def _table(self, spec: TableSpec) -> None:
        if self._unchanged(spec):
            return
        rows = self._incoming(spec)
        local = self._local(spec)
        # A row just as this base holds it is sound: only the others are checked value by
        # value (reading a bundle back is mostly rows already here).
        self._check_values(spec, [row for row in rows if local.get(row["id"]) != row])
        if spec.natural_key:
            self._same_things(spec, rows, local)
        self.ids[spec.name] = {row["id"] for row in rows}
        self._check_references(spec, rows)
        self._check_not_elsewhere(spec, [row["id"] for row in rows if row["id"] not in local])
        hook = HOOKS.get(spec.name)
        if hook is not None:
            hook.before(self, spec, rows, local)
        count = TableCount(spec.name, spec.label)
        added: list[Row] = []
        updated: list[Row] = []
        for row in rows:
            mine = local.get(row["id"])
            if mine is None:
                added.append(row)
                continue
            if mine == row:
                count.unchanged += 1
                continue
            theirs_later = version(spec, row) > version(spec, mine)
            winner, loser = (row, mine) if theirs_later else (mine, row)
            if theirs_later:
                updated.append(row)
            else:
                count.unchanged += 1
            if spec.texts and any(winner[c] != loser[c] for c in spec.texts):
                self._set_aside(spec, loser, winner)
        self._write(spec, added, updated)
        count.added, count.updated = len(added), len(updated)
        self.report.tables.append(count)
        if hook is not None:
            hook.after(self, spec, [r["id"] for r in added], [r["id"] for r in updated])

    def _unchanged(self, spec: TableSpec) -> bool:
        """Whether the bundle's rows of this table are exactly the base's, compared in one
        go: most tables of a bundle read back (nothing to check, nothing to write)."""
        table = self.bundle.tables.get(spec.name)
        if table is None or table.columns != list(spec.names):
            return False
        if any(self.aliases.get(column.references or "") for column in spec.columns):
            return False
        checksum = self.bundle.manifest.checksums.get(member_name(spec.name))
        if not self.known.same(self.demarche_hex, spec.name, checksum):
            if list(map(tuple, table.rows)) != table_rows(spec, self.demarche_hex, self.here):
                return False
            self.known.remember(self.demarche_hex, spec.name, checksum)
        key = spec.names.index("id")
        self.ids[spec.name] = {str(row[key]) for row in table.rows}
        self.report.tables.append(TableCount(spec.name, spec.label, unchanged=len(table.rows)))
        return True

    def _incoming(self, spec: TableSpec) -> list[Row]:
        """The bundle's rows of this table, their ids checked, their references followed."""
        table = self.bundle.tables.get(spec.name)
        if table is None:
            return []
        added = {
            name: value
            for name, value in ADDED_COLUMNS.get(spec.name, {}).items()
            if name not in table.columns
        }
        if sorted([*table.columns, *added]) != sorted(spec.names):
            raise damaged(self.source, f"les colonnes de la table « {spec.name} » diffèrent")
        rows = [{**added, **dict(zip(table.columns, values, strict=True))} for values in table.rows]
        (identity,) = [column for column in spec.columns if column.name == "id"]
        self._check_values(spec, rows, [identity])
        for column in spec.columns:
            aliases = self.aliases.get(column.references or "", {})
            if not aliases:
                continue
            for row in rows:
                value = row[column.name]
                if isinstance(value, str) and value in aliases:
                    row[column.name] = aliases[value]
        return rows

    def _check_values(
        self, spec: TableSpec, rows: list[Row], columns: Sequence[Column] | None = None
    ) -> None:
        """Each value of `rows` as its column wants it; the bundle refused otherwise."""
        for column in spec.columns if columns is None else columns:
            name, check, nullable = column.name, column.check, column.nullable
            for row in rows:
                value = row[name]
                if (value is None and not nullable) or (value is not None and not check(value)):
                    raise self._bad(spec, name)

    def _bad(self, spec: TableSpec, column: str) -> BundleRefused:
        return damaged(self.source, f"valeur invalide dans « {spec.name}.{column} »")

    def _local(self, spec: TableSpec) -> dict[str, Row]:
        """This base's rows of the table that belong to the démarche, by id."""
        listed = ", ".join(f'"{name}"' for name in spec.names)
        if spec.name == "questionnaire":
            # Shared by every démarche: a definition is one thing wherever it was stored.
            where = ""
        else:
            where = f" WHERE id IN ({scope_sql(spec.name, self.demarche_hex)})"
        rows = _query(f'SELECT {listed} FROM "{spec.name}"{where}')
        for row in rows:
            row["changed_by"] = row["changed_by"] or self.here
        return {row["id"]: row for row in rows}

    def _same_things(self, spec: TableSpec, rows: list[Row], local: dict[str, Row]) -> None:
        """Rows of the bundle that are a local row made twice: one id for both, the smaller."""
        keyed = {tuple(row[c] for c in spec.natural_key): key for key, row in local.items()}
        aliases = self.aliases.setdefault(spec.name, {})
        for row in rows:
            natural = tuple(row[c] for c in spec.natural_key)
            mine = keyed.get(natural)
            theirs = row["id"]
            if mine is None or mine == theirs or theirs in local or None in natural:
                continue
            if theirs < mine:
                self._rekey(spec, mine, theirs)
                local[theirs] = {**local.pop(mine), "id": theirs}
                keyed[natural] = theirs
            else:
                aliases[theirs] = mine
                row["id"] = mine

    def _rekey(self, spec: TableSpec, old: str, new: str) -> None:
        db.execute_sql(f'UPDATE "{spec.name}" SET id = ? WHERE id = ?', (new, old))
        for table, column in referencing(spec.name):
            db.execute_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE "{column}" = ?', (new, old))

    def _check_references(self, spec: TableSpec, rows: list[Row]) -> None:
        """Every row of the bundle points at rows of the same bundle: never at another
        démarche of this base (a bundle is the whole démarche)."""
        for column in spec.columns:
            if column.references is None:
                continue
            known = self.ids.get(column.references, set())
            for row in rows:
                value = row[column.name]
                if value is not None and value not in known:
                    raise damaged(
                        self.source, f"« {spec.name}.{column.name} » désigne une ligne absente"
                    )

    def _check_not_elsewhere(self, spec: TableSpec, ids: list[str]) -> None:
        """An id the démarche lacks must not be a row of another démarche of this base."""
        if spec.name == "questionnaire":
            return
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            found = _query(f'SELECT id FROM "{spec.name}" WHERE id IN ({marks})', chunk)
            if found:
                raise BundleRefused(
                    f"Le paquet {self.source} contient des lignes d'une autre démarche de cette "
                    "base : il n'a pas été lu et la base n'a pas changé."
                )

    # ------------------------------------------------------------ versions set aside

    def _set_aside(self, spec: TableSpec, loser: Row, winner: Row) -> None:
        for texts_of in (loser, winner):
            self._keep(spec, texts_of)
        self.report.conflicts.append(
            Conflict(
                table=spec.name,
                label=spec.label,
                row_id=str(uuid.UUID(hex=loser["id"])),
                kept=_shown([winner[c] for c in spec.texts]),
                other=_shown([loser[c] for c in spec.texts]),
            )
        )

    def _keep(self, spec: TableSpec, row: Row) -> None:
        """One version's texts kept beside its row: one kept row per (row, texts)."""
        texts = json.dumps({c: row[c] for c in spec.texts}, ensure_ascii=False, sort_keys=True)
        kept_id = uuid.uuid5(_VERSIONS, f"{spec.name}/{row['id']}/{texts}").hex
        at = row["created_at"]
        # Two rows made twice (a natural key) may hold the same texts under two creation
        # times: the later stays, as the kept rows' own merge would keep it.
        db.execute_sql(
            "INSERT INTO kept_version (id, created_at, updated_at, deleted_at, "
            "changed_by, demarche_id, table_name, row_id, texts) "
            "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "created_at = max(created_at, excluded.created_at), "
            "updated_at = max(updated_at, excluded.updated_at)",
            (kept_id, at, at, BY_THE_MERGE, self.demarche_hex, spec.name, row["id"], texts),
        )

    # ------------------------------------------------------------ writing

    def _write(self, spec: TableSpec, added: list[Row], updated: list[Row]) -> None:
        for row in (*added, *updated):
            # Back from another laptop, a change made here is this laptop's again: NULL.
            if row["changed_by"] == self.here:
                row["changed_by"] = None
        names = spec.names
        listed = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" * len(names))
        _many(
            f'INSERT INTO "{spec.name}" ({listed}) VALUES ({marks})',
            [tuple(row[n] for n in names) for row in added],
            self.source,
        )
        others = [n for n in names if n != "id"]
        assignments = ", ".join(f'"{name}" = ?' for name in others)
        _many(
            f'UPDATE "{spec.name}" SET {assignments} WHERE id = ?',
            [(*(row[n] for n in others), row["id"]) for row in updated],
            self.source,
        )
