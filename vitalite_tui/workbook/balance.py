"""The speaking balance sheets: by sub-group and collège, and person by person (by code)."""

from __future__ import annotations

from typing import Any

from vitalite_tui.domain.colleges import College
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

SUBGROUP_COLUMNS = (
    Column("Atelier", 10),
    Column("Sous-groupe", 20),
    Column("Collège", 14),
    Column("Membres", 11),
    Column("Part des membres", 12, percent=True),
    Column("Tours de parole", 12),
    Column("Part des tours", 12, percent=True),
    Column("Notes", 9),
    Column("Part des notes", 12, percent=True),
    Column("Passes", 9),
)

PERSON_COLUMNS = (
    Column("Atelier", 10),
    Column("Sous-groupe", 20),
    Column("Code", 10),
    Column("Collège", 14),
    Column("Tours de parole", 12),
    Column("Notes", 9),
    Column("Passes", 9),
    Column("A pris la parole", 12),
)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def by_subgroup(context: ExportContext, sheet: SheetWriter) -> None:
    """Per sub-group, one row per collège (and one for anonymous notes, when there are)."""
    rows: list[list[Any]] = []
    for group in context.speaking.subgroups:
        tallies = list(group.colleges.values())
        turns = sum(t.turns for t in tallies) + group.anonymous.turns
        notes = sum(t.notes for t in tallies) + group.anonymous.notes
        for college in College:
            tally = group.colleges[college]
            rows.append(
                [
                    group.workshop_number,
                    group.name,
                    college.label,
                    group.members[college],
                    _share(group.members[college], group.members.total),
                    tally.turns,
                    _share(tally.turns, turns),
                    tally.notes,
                    _share(tally.notes, notes),
                    tally.passes,
                ]
            )
        anonymous = group.anonymous
        if anonymous.turns or anonymous.notes:
            rows.append(
                [
                    group.workshop_number,
                    group.name,
                    "anonyme",
                    None,
                    None,
                    anonymous.turns,
                    _share(anonymous.turns, turns),
                    anonymous.notes,
                    _share(anonymous.notes, notes),
                    anonymous.passes,
                ]
            )
    sheet.table(
        "EquilibreParole", SUBGROUP_COLUMNS, rows, "Aucun sous-groupe formé pour l'instant."
    )


def by_person(context: ExportContext, sheet: SheetWriter) -> None:
    """Per workshop, everyone present (and anyone else who spoke), by code."""
    rows = [
        [
            person.workshop_number,
            person.subgroup_name,
            person.code,
            context.college_label(person.college),
            person.tally.turns,
            person.tally.notes,
            person.tally.passes,
            person.tally.has_spoken,
        ]
        for person in context.speaking.people
    ]
    sheet.table("ParoleParPersonne", PERSON_COLUMNS, rows, "Aucune présence notée pour l'instant.")
