"""The Participants and Présences sheets: who took part, by code, and when."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vitalite_tui.domain.privacy import MIN_GROUP_SIZE, shown_groups
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.records import ParticipantRecord

#: Said under the Participants table when a commune was left out somewhere.
HIDDEN_COMMUNES = (
    f"Commune laissée vide quand moins de {MIN_GROUP_SIZE} participants la partagent avec "
    "le même collège : un code, un collège et une petite commune suffiraient à reconnaître "
    "quelqu'un."
)


def _communes(context: ExportContext) -> dict[str, str]:
    """Each participant's commune as exports show it: only when at least `MIN_GROUP_SIZE`
    people of the registry share it with that collège, or the person is named anyway."""
    shown = shown_groups((p.college, p.commune) for p in context.registry)
    return {
        person.id: person.commune
        if (person.college, person.commune) in shown or context.name_of(person)
        else ""
        for person in context.registry
    }


def _hidden(people: list[ParticipantRecord], communes: dict[str, str]) -> bool:
    return any(person.commune and not communes[person.id] for person in people)


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
    communes = _communes(context)
    rows: list[list[Any]] = []
    for person in context.participants:
        row: list[Any] = [person.code]
        if context.with_names:
            row += [context.name_of(person), context.organisation_of(person)]
        row += [person.college.label, communes[person.id]]
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
    if _hidden(context.participants, communes):
        sheet.blank()
        sheet.append([sheet.cells.muted(HIDDEN_COMMUNES)])


def presences(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per workshop and person present, newcomers marked."""
    columns = [
        Column("Atelier", 10),
        Column("Date", 12),
        Column("Code", 10),
        Column("Collège", 14),
        Column("Commune", 30),
        Column("Nouveau venu", 16),
    ]
    dates = {workshop.number: workshop.date for workshop in context.workshops}
    communes = _communes(context)
    rows = [
        [
            presence.workshop_number,
            dates.get(presence.workshop_number),
            person.code,
            person.college.label,
            communes[person.id],
            presence.newcomer,
        ]
        for presence in context.presences
        if (person := context.people.get(presence.participant_id)) is not None
    ]
    sheet.table("Presences", columns, rows, "Aucune présence notée pour l'instant.")
