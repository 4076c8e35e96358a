"""Where the merge of a bundle lets each table settle what the method makes collide.

A hook sees a table's rows of the bundle before they are written (ids and references
already settled, the local rows of the démarche beside them) and the ids added or updated
after. Codes given twice, people registered twice, sheets typed twice and tallies counted
twice plug in here; until they do, a participant code given to two people is refused.
"""

from __future__ import annotations

from typing import Any, Protocol

from vitalite_tui.db.models import db
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.formats.bundle import Bundle, BundleRefused
from vitalite_tui.store.exchange.tables import TableSpec

Row = dict[str, Any]


class MergeContext(Protocol):
    """What a hook may read of the merge under way."""

    bundle: Bundle
    source: str
    demarche_hex: str
    #: Per table, the ids a row of the bundle stands for in this base.
    aliases: dict[str, dict[str, str]]


class TableHook(Protocol):
    def before(
        self, merge: MergeContext, spec: TableSpec, rows: list[Row], local: dict[str, Row]
    ) -> None:
        """Adjust `rows` (or refuse the bundle) before they are written."""

    def after(
        self, merge: MergeContext, spec: TableSpec, added: list[str], updated: list[str]
    ) -> None:
        """Act on the rows just written (their ids)."""


class ParticipantCodes:
    """A code (P046) stays one person's: two people with one code stop the merge, for now."""

    def before(
        self, merge: MergeContext, spec: TableSpec, rows: list[Row], local: dict[str, Row]
    ) -> None:
        merged = {**local, **{row["id"]: row for row in rows}}
        holders: dict[int, Row] = {}
        for row in merged.values():
            other = holders.setdefault(row["number"], row)
            if other["id"] != row["id"]:
                raise BundleRefused(
                    f"Le paquet {merge.source} et cette base donnent le code "
                    f"{participant_code(row['number'])} à deux personnes différentes "
                    f"(« {other['display_name']} » et « {row['display_name']} ») : ce "
                    "programme ne sait pas encore les renuméroter, le paquet n'a pas été lu "
                    "et la base n'a pas changé ; inscrivez les nouveaux venus sur un seul poste."
                )

    def after(
        self, merge: MergeContext, spec: TableSpec, added: list[str], updated: list[str]
    ) -> None:
        return None


class DemoKeys:
    """A démarche's demo key marks the one demo of its size in a base: a demo brought from
    another laptop into a base that built its own arrives without the key."""

    def before(
        self, merge: MergeContext, spec: TableSpec, rows: list[Row], local: dict[str, Row]
    ) -> None:
        keys = [row["demo_key"] for row in rows if row["demo_key"] is not None]
        if not keys:
            return
        marks = ", ".join("?" * len(keys))
        taken = {
            str(found[0]): str(found[1])
            for found in db.execute_sql(
                f"SELECT demo_key, id FROM demarche WHERE demo_key IN ({marks})", keys
            ).fetchall()
        }
        for row in rows:
            holder = taken.get(row["demo_key"])
            if holder is not None and holder != row["id"]:
                row["demo_key"] = None

    def after(
        self, merge: MergeContext, spec: TableSpec, added: list[str], updated: list[str]
    ) -> None:
        return None


#: The hook of each table that has one.
HOOKS: dict[str, TableHook] = {"participant": ParticipantCodes(), "demarche": DemoKeys()}
