"""The Participants and Présences sheets: who took part, by code, and when."""

from __future__ import annotations

from typing import Any

from vitalite_tui.domain.workshops import session_label
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter


def participants(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per participant: code, collège, commune, presence at each workshop."""
    columns = [Column("Code", 10)]
    if context.with_names:
        columns += [Column("Nom", 30), Column("Structure ou rôle", 40)]
    columns += [Column("Collège", 14), Column("Commune", 30)]
    columns += [Column(f"Atelier {number}", 12) for number in context.numbers]
    if context.workshop is None:
        columns.append(Column("Ateliers suivis", 16))
    present = context.present_ids
    rows: list[list[Any]] = []
    for person in context.participants:
        row: list[Any] = [person.code]
        if context.with_names:
            row += [context.name_of(person), context.organisation_of(person)]
        row += [person.college.label, person.commune]
        attended = [person.id in present[number] for number in context.numbers]
        row += attended
        if context.workshop is None:
            row.append(sum(attended))
        rows.append(row)
    empty = (
        f"Personne n'a été noté présent à l'atelier {context.workshop}."
        if context.workshop is not None
        else "Aucun participant inscrit pour l'instant."
    )
    sheet.table("Participants", columns, rows, empty)


def presences(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per workshop and person present, newcomers marked."""
    columns = [
        Column("Atelier", 10),
        Column("Séance", 16),
        Column("Date", 12),
        Column("Code", 10),
        Column("Collège", 14),
        Column("Commune", 30),
        Column("Nouveau venu", 16),
    ]
    # The date of each evening: an extra one (« Atelier 2 bis ») has its own.
    dates = {workshop.evening: workshop.date for workshop in context.workshops}
    rows = [
        [
            presence.workshop_number,
            session_label(presence.workshop_number, presence.session),
            dates.get((presence.workshop_number, presence.session)),
            person.code,
            person.college.label,
            person.commune,
            presence.newcomer,
        ]
        for presence in context.presences
        if (person := context.people.get(presence.participant_id)) is not None
    ]
    sheet.table("Presences", columns, rows, "Aucune présence notée pour l'instant.")
