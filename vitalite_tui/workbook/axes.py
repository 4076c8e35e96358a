"""The Axes sheet: the work axes named at the debrief of workshop 1, then the notes filed in them.

One table, so that Excel's filters work on all of it: first one row per axis (« axe »), then
one row per note filed in an axis (« note »), by axis. No speaker: the Contributions sheet
already says who said what, by code.
"""

from __future__ import annotations

from typing import Any

from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

#: What the « Ligne » column says of each row.
AXIS_ROW = "axe"
NOTE_ROW = "note"

COLUMNS = (
    Column("Axe", 6),
    Column("Titre de l'axe", 50),
    Column("Ligne", 8),
    Column("Description", 60),
    Column("Notes", 8),
    Column("Intentions", 13),
    Column("Sous-groupe", 20),
    Column("Indicateur", 13),
    Column("Pôle", 12),
    Column("Type", 13),
    Column("Texte", 80),
)

EMPTY = "Aucun axe de travail nommé pour l'instant (débrief de l'atelier 1)."
OTHER_WORKSHOP = "Les axes de travail sont nommés au débrief de l'atelier 1 : voir son classeur."


def build(context: ExportContext, sheet: SheetWriter) -> None:
    if context.workshop not in (None, 1):
        sheet.table("Axes", COLUMNS, [], OTHER_WORKSHOP)
        return
    data = context.store.axes.export(context.demarche_id)
    rows: list[list[Any]] = [
        [
            axis.number,
            axis.title,
            AXIS_ROW,
            axis.description,
            axis.note_count,
            axis.intention_count,
            "",
            axis.indicator,
            "",
            "",
            "",
        ]
        for axis in data.axes
    ]
    rows += [
        [
            note.axis_number,
            note.axis_title,
            NOTE_ROW,
            "",
            None,
            None,
            note.subgroup_name,
            note.indicator,
            note.pole.label if note.pole is not None else "",
            note.kind.label,
            note.text,
        ]
        for note in data.notes
    ]
    sheet.table("Axes", COLUMNS, rows, EMPTY)
