"""Where the merge of a bundle lets each table settle what the method makes collide.

A hook sees a table's rows of the bundle before they are written (ids and references
already settled, the local rows of the démarche beside them) and the ids added or updated
after. Every rule here decides from the rows alone (never from the clock or the laptop
that reads), and what it changes carries stamps made from those rows: every laptop that
meets the same rows makes the very same change, in whatever order it met them.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Protocol

from vitalite_tui.db.models import db
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.merge import (
    CARRIED_KEY,
    EXPORTED_KEY,
    Holder,
    exported_in,
    exported_union,
    probable_duplicates,
    settle_codes,
    with_exported,
)
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.printed_sheets import (
    printed_union,
    with_printed,
)
from vitalite_tui.formats.bundle import Bundle
from vitalite_tui.store.exchange.records import (
    Duplicate,
    MergeReport,
    Renumbered,
    SheetTypedTwice,
    TallyKept,
)
from vitalite_tui.store.exchange.tables import TableSpec, scope_sql
from vitalite_tui.store.exchange.versions import BY_THE_MERGE, Row, just_after, later, version

#: How a wall count is marked among the votes (`store.vote.records.TALLY`).
TALLY = "tally"


class MergeContext(Protocol):
    """What a hook may read of the merge under way."""

    bundle: Bundle
    source: str
    demarche_hex: str
    #: Per table, the ids a row of the bundle stands for in this base.
    aliases: dict[str, dict[str, str]]
    report: MergeReport


class TableHook:
    """What a table's merge does beyond matching rows: each step does nothing unless told."""

    #: Tables other than its own that the hook may write to (see `KnownTables`).
    also_writes: tuple[str, ...] = ()

    def before(
        self, merge: MergeContext, spec: TableSpec, rows: list[Row], local: dict[str, Row]
    ) -> None:
        """Adjust `rows` (or refuse the bundle) before they are written."""

    def after(
        self, merge: MergeContext, spec: TableSpec, added: list[str], updated: list[str]
    ) -> None:
        """Act on the rows just written (their ids)."""


def _rows(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = db.execute_sql(sql, params).fetchall()
    return found


def _settings(text: object) -> dict[str, object]:
    try:
        value = json.loads(str(text))
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class Demarches(TableHook):
    """The démarche row: its record of exported codes only grows, and its demo key marks
    the one demo of its size in a base."""

    def before(
        self, merge: MergeContext, spec: TableSpec, rows: list[Row], local: dict[str, Row]
    ) -> None:
        for row in rows:
            mine = local.get(row["id"])
            if mine is not None:
                self._exported_codes(row, mine)
        self._demo_keys(rows)

    @staticmethod
    def _exported_codes(row: Row, mine: Row) -> None:
        """Both versions get every code either exported or carried in a bundle, and every
        sheet number either printed, whichever of them wins: a later change of the démarche
        (its name) must not forget what an export showed, a bundle carried, nor which
        numbers went out on paper."""
        theirs, ours = _settings(row["settings"]), _settings(mine["settings"])
        for key in (EXPORTED_KEY, CARRIED_KEY):
            codes = exported_union(exported_in(theirs, key), exported_in(ours, key))
            theirs, ours = with_exported(theirs, codes, key), with_exported(ours, codes, key)
        printed = printed_union(theirs, ours)
        if printed:
            theirs, ours = with_printed(theirs, printed), with_printed(ours, printed)
        if theirs == _settings(row["settings"]) and ours == _settings(mine["settings"]):
            return
        row["settings"] = json.dumps(theirs, ensure_ascii=False)
        settled = json.dumps(ours, ensure_ascii=False)
        if settled != mine["settings"]:
            # Not a change of its own: the stamps stay those of the version it completes.
            db.execute_sql("UPDATE demarche SET settings = ? WHERE id = ?", (settled, mine["id"]))
            mine["settings"] = settled

    @staticmethod
    def _demo_keys(rows: list[Row]) -> None:
        """A demo brought from another laptop into a base that built its own arrives
        without the key."""
        keys = [row["demo_key"] for row in rows if row["demo_key"] is not None]
        if not keys:
            return
        marks = ", ".join("?" * len(keys))
        taken = {
            str(found[0]): str(found[1])
            for found in _rows(
                f"SELECT demo_key, id FROM demarche WHERE demo_key IN ({marks})", tuple(keys)
            )
        }
        for row in rows:
            holder = taken.get(row["demo_key"])
            if holder is not None and holder != row["id"]:
                row["demo_key"] = None


class Participants(TableHook):
    """Codes (P046) stay one person's each; people registered twice are pointed out."""

    def before(
        self, merge: MergeContext, spec: TableSpec, rows: list[Row], local: dict[str, Row]
    ) -> None:
        incoming = {row["id"]: row for row in rows}
        winners = dict(local)
        for key, row in incoming.items():
            mine = local.get(key)
            winners[key] = row if mine is None else later(spec, row, mine)
        settled = self._settled(merge, winners)
        self._report(merge, local, incoming, {**winners, **settled})
        for key, mine in local.items():
            if settled.get(key, winners[key])["number"] != mine["number"]:
                # Written one by one, two people trading codes would meet on one code in
                # between (each code is unique): each lets go of its code first.
                db.execute_sql(
                    "UPDATE participant SET number = ? WHERE id = ?", (-int(mine["number"]), key)
                )
        others = [name for name in spec.names if name != "id"]
        assignments = ", ".join(f'"{name}" = ?' for name in others)
        for key, row in settled.items():
            if key in incoming:
                incoming[key].update(row)
            if key in local:
                db.execute_sql(
                    f"UPDATE participant SET {assignments} WHERE id = ?",
                    (*(row[name] for name in others), key),
                )
                local[key] = dict(row)

    @staticmethod
    def _settled(merge: MergeContext, winners: dict[str, Row]) -> dict[str, Row]:
        """The versions the code rule makes: a new number, stamped just after the version
        it corrects (a version of its own keeps its stamp), by the rule."""
        (settings,) = _rows("SELECT settings FROM demarche WHERE id = ?", (merge.demarche_hex,))[0]
        plan = settle_codes(
            (
                Holder(
                    row["id"],
                    int(row["number"]),
                    str(row["created_at"]),
                    settled=row["changed_by"] == BY_THE_MERGE,
                )
                for row in winners.values()
            ),
            exported_in(_settings(settings)),
            exported_in(_settings(settings), CARRIED_KEY),
        )
        versions: dict[str, Row] = {}
        for key, number in plan.items():
            winner = winners[key]
            stamp = str(winner["updated_at"])
            versions[key] = {
                **winner,
                "number": number,
                "updated_at": stamp if winner["changed_by"] == BY_THE_MERGE else just_after(stamp),
                "changed_by": BY_THE_MERGE,
            }
        return versions

    @staticmethod
    def _report(
        merge: MergeContext, local: dict[str, Row], incoming: dict[str, Row], final: dict[str, Row]
    ) -> None:
        """Each person whose code the rule changed, here or on the laptop the bundle is from."""
        for key, row in sorted(final.items(), key=lambda item: int(item[1]["number"])):
            before = local.get(key) or incoming[key]
            if row["changed_by"] == BY_THE_MERGE and row["number"] != before["number"]:
                merge.report.renumbered.append(
                    Renumbered(
                        participant_id=_dashed(key),
                        name=str(row["display_name"]),
                        old=participant_code(int(before["number"])),
                        new=participant_code(int(row["number"])),
                    )
                )

    def after(
        self, merge: MergeContext, spec: TableSpec, added: list[str], updated: list[str]
    ) -> None:
        touched = {*added, *updated}
        if not touched:
            return
        people = {
            str(found[0]): (str(found[1]), str(found[2]), int(found[3]))
            for found in _rows(
                "SELECT id, display_name, commune, number FROM participant "
                "WHERE demarche_id = ? AND deleted_at IS NULL",
                (merge.demarche_hex,),
            )
        }
        pairs = probable_duplicates(
            (key, name, commune) for key, (name, commune, _) in people.items()
        )
        for pair in pairs:
            # The smaller code first: the one to keep, unless the user says otherwise.
            first, second = sorted(pair, key=lambda key: people[key][2])
            if first in touched or second in touched:
                name, commune, number = people[first]
                merge.report.duplicates.append(
                    Duplicate(
                        keep_id=_dashed(first),
                        other_id=_dashed(second),
                        name=name,
                        commune=commune,
                        codes=(participant_code(number), participant_code(people[second][2])),
                    )
                )


class Tallies(TableHook):
    """One wall count (an action, a collège, a round) typed on two laptops is two rows: the
    later count stays, the other is removed by the rule, so that it never counts twice."""

    def after(
        self, merge: MergeContext, spec: TableSpec, added: list[str], updated: list[str]
    ) -> None:
        if not added and not updated:
            return
        names = ", ".join(f'"{name}"' for name in spec.names)
        found = _rows(
            f"SELECT {names} FROM vote WHERE id IN ({scope_sql('vote', merge.demarche_hex)}) "
            "AND source = ? AND deleted_at IS NULL",
            (TALLY,),
        )
        here = _rows("SELECT id FROM laptop")[0][0]
        cells: dict[tuple[Any, ...], list[Row]] = {}
        for values in found:
            row = dict(zip(spec.names, values, strict=True))
            # As in a bundle: NULL is this laptop, so that versions compare alike everywhere.
            row["changed_by"] = row["changed_by"] or here
            cells.setdefault((row["session_id"], row["action_id"], row["college"]), []).append(row)
        for cell in cells.values():
            if len(cell) < 2:
                continue
            ordered = sorted(cell, key=lambda r: version(spec, r), reverse=True)
            kept = ordered[0]
            for other in ordered[1:]:
                at = just_after(str(other["updated_at"]))
                db.execute_sql(
                    "UPDATE vote SET deleted_at = ?, updated_at = ?, changed_by = ? WHERE id = ?",
                    (at, at, BY_THE_MERGE, other["id"]),
                )
                merge.report.tallies.append(
                    TallyKept(
                        action=_action_title(str(kept["action_id"])),
                        college=_college_label(kept["college"]),
                        kept=int(kept["dots"]),
                        other=int(other["dots"]),
                    )
                )


class SheetsTypedTwice(TableHook):
    """One paper sheet (its number) typed on two laptops is one sheet typed twice: the
    typing made first stays the sheet, the other is its blind second entry, set aside so
    that it never counts twice. Both alike: the sheet is verified; otherwise it waits in
    the verification screen with the second typing (`Responses.second_entries`).

    The typings of a sheet are its live ones and those the rule set aside already (here or
    on the laptop a bundle is from): whether the sheet is verified is decided from all of
    them, so a laptop that meets a second typing already set aside elsewhere decides as
    the laptop that set it aside.

    On the answers' table: a sheet's answers are written after the sheet."""

    also_writes = ("response",)

    def after(
        self, merge: MergeContext, spec: TableSpec, added: list[str], updated: list[str]
    ) -> None:
        if not added and not updated:
            return
        sheets: dict[int, list[tuple[Any, ...]]] = {}
        for found in _rows(
            "SELECT sheet_number, created_at, id, updated_at, verified_at, changed_by, "
            "profile, collected_at, questionnaire_id, deleted_at FROM response "
            "WHERE demarche_id = ? AND source_key IS NULL AND sheet_number IS NOT NULL "
            "AND (deleted_at IS NULL OR changed_by = ?)",
            (merge.demarche_hex, BY_THE_MERGE),
        ):
            sheets.setdefault(int(found[0]), []).append(found)
        for number, typings in sorted(sheets.items()):
            live = sorted(t for t in typings if t[9] is None)
            if len(typings) < 2 or not live:
                continue
            first, *others = live
            same = {t[2]: _same_typing(first, t) for t in typings if t[2] != first[2]}
            for other in others:
                merge.report.sheets.append(SheetTypedTwice(number, same[other[2]]))
                if other[5] == BY_THE_MERGE:
                    # A live row changed by the rule is one it verified, from a version
                    # typed unverified: set aside as that version would be, stamp kept.
                    db.execute_sql(
                        "UPDATE response SET verified_at = NULL, deleted_at = updated_at "
                        "WHERE id = ?",
                        (other[2],),
                    )
                    continue
                at = just_after(str(other[3]))
                db.execute_sql(
                    "UPDATE response SET deleted_at = ?, updated_at = ?, changed_by = ? "
                    "WHERE id = ?",
                    (at, at, BY_THE_MERGE, other[2]),
                )
            if any(same.values()) and first[4] is None:
                # Verified by the rule, at its own stamp: the same on every laptop.
                at = just_after(str(first[3]))
                db.execute_sql(
                    "UPDATE response SET verified_at = ?, updated_at = ?, changed_by = ? "
                    "WHERE id = ?",
                    (at, at, BY_THE_MERGE, first[2]),
                )


def _same_typing(one: tuple[Any, ...], other: tuple[Any, ...]) -> bool:
    """Two typings of a sheet alike: the same profile, date, definition and answers."""
    return one[6:9] == other[6:9] and _answers(one[2]) == _answers(other[2])


def _answers(response_hex: str) -> dict[str, Any]:
    return dict(
        _rows(
            "SELECT item_code, value FROM answer WHERE response_id = ? AND deleted_at IS NULL",
            (response_hex,),
        )
    )


def _dashed(hex_id: str) -> str:
    return str(uuid.UUID(hex=hex_id))


def _action_title(action_hex: str) -> str:
    found = _rows("SELECT title FROM action WHERE id = ?", (action_hex,))
    return str(found[0][0]) if found else "?"


def _college_label(value: object) -> str:
    try:
        return College(str(value)).plural
    except ValueError:
        return "sans collège"


#: The hook of each table that has one.
HOOKS: dict[str, TableHook] = {
    "participant": Participants(),
    "demarche": Demarches(),
    "vote": Tallies(),
    "answer": SheetsTypedTwice(),
}
