"""The Contributions sheet: every live note, where and when it was said, by whom (a code)."""

from __future__ import annotations

from functools import cache

from vitalite_tui.domain.indicators import Pole, indicator
from vitalite_tui.domain.workshops import session_label
from vitalite_tui.formats.cells import local_time
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

#: Shown instead of a code when a note was taken without naming who said it.
ANONYMOUS = "anonyme"

#: Printed: who said what, where, about what; the details after them are left out of print.
COLUMNS = (
    Column("Atelier", 10),
    # « Atelier 2 bis » for a note of an extra evening: a filter keeps one evening.
    Column("Séance", 16),
    Column("Sous-groupe", 20),
    Column("Code", 10),
    Column("Collège", 14),
    Column("Nom de l'indicateur", 22),
    Column("Pôle", 12),
    Column("Type", 13),
    Column("Texte", 80),
    Column("Tour", 8, printed=False),
    Column("Question", 40, printed=False),
    Column("Indicateur", 13, printed=False),
    Column("Nom du pôle", 24, printed=False),
    Column("Heure", 17, printed=False),
    Column("Modifiée", 11, printed=False),
)


@cache
def tag_labels(number: int | None, pole: Pole | None) -> tuple[str, str, str]:
    """The indicator's short name, the pole, the pole's name for this indicator (« Sociabilité »,
    « vitalité », « Rendez-vous »), each "" when untagged: worked out once per tag."""
    tagged = indicator(number) if number is not None else None
    return (
        tagged.short_name if tagged is not None else "",
        pole.label if pole is not None else "",
        tagged.pole_label(pole) if tagged is not None and pole else "",
    )


def build(context: ExportContext, sheet: SheetWriter) -> None:
    rows = []
    for note in context.notes:
        indicator_name, pole, pole_name = tag_labels(note.indicator, note.pole)
        rows.append(
            [
                note.workshop_number,
                session_label(note.workshop_number, note.session),
                note.subgroup_name,
                note.speaker_code or ANONYMOUS,
                context.college_label(note.speaker_college),
                indicator_name,
                pole,
                note.kind.label,
                note.text,
                note.round_number,
                note.question,
                note.indicator,
                pole_name,
                local_time(note.created_at),
                note.edited,
            ]
        )
    sheet.table("Contributions", COLUMNS, rows, "Aucune contribution notée pour l'instant.")
    # The last sheet to show the notes (the Synthèse counts them first): a megabyte on the
    # large demo, freed for the sheets after it.
    context.release("notes")
