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

COLUMNS = (
    Column("Atelier", 10),
    # « Atelier 2 bis » for a note of an extra evening: a filter keeps one evening.
    Column("Séance", 16),
    Column("Sous-groupe", 20),
    Column("Tour", 8),
    Column("Question", 40),
    Column("Code", 10),
    Column("Collège", 14),
    Column("Indicateur", 13),
    Column("Nom de l'indicateur", 22),
    Column("Pôle", 12),
    Column("Nom du pôle", 24),
    Column("Type", 13),
    Column("Texte", 80),
    Column("Heure", 17),
    Column("Modifiée", 11),
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
        rows.append(
            [
                note.workshop_number,
                session_label(note.workshop_number, note.session),
                note.subgroup_name,
                note.round_number,
                note.question,
                note.speaker_code or ANONYMOUS,
                context.college_label(note.speaker_college),
                note.indicator,
                *tag_labels(note.indicator, note.pole),
                note.kind.label,
                note.text,
                local_time(note.created_at),
                note.edited,
            ]
        )
    sheet.table("Contributions", COLUMNS, rows, "Aucune contribution notée pour l'instant.")
    # The last sheet to show the notes (the Synthèse counts them first): a megabyte on the
    # large demo, freed for the sheets after it.
    context.release("notes")
