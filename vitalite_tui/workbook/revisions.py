"""The Corrections sheet: each earlier state of a corrected note, who had said it, and now."""

from __future__ import annotations

from vitalite_tui.formats.cells import local_time
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.contributions import ANONYMOUS, tag_labels
from vitalite_tui.workbook.sheet import Column, SheetWriter

COLUMNS = (
    Column("Atelier", 10),
    Column("Sous-groupe", 20),
    Column("Tour", 8),
    Column("Code avant", 12),
    Column("Texte avant", 60),
    Column("Type avant", 13),
    Column("Indicateur avant", 13),
    Column("Pôle avant", 12),
    Column("Remplacé le", 17),
    Column("Code maintenant", 12),
    Column("Texte maintenant", 60),
)

#: What the Registre RGPD says of this sheet.
PERSONAL_DATA = "ce que chacun avait dit avant une correction, attribué à son code"


def build(context: ExportContext, sheet: SheetWriter) -> None:
    rows = []
    for state in context.store.capture.workshop_revisions(context.demarche_id, context.numbers):
        before = state.revision
        rows.append(
            [
                state.workshop_number,
                state.subgroup_name,
                state.round_number,
                before.speaker_code or ANONYMOUS,
                before.text,
                before.kind.label,
                before.indicator,
                tag_labels(before.indicator, before.pole)[1],
                local_time(before.created_at),
                state.code_now or ANONYMOUS,
                state.text_now,
            ]
        )
    sheet.table("Corrections", COLUMNS, rows, "Aucune note corrigée pour l'instant.")
