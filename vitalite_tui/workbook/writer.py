"""Building the workbook sheet by sheet, in openpyxl's write-only mode, then writing it atomically.

Write-only mode streams rows to disk as they come: memory stays flat and it is the fastest
way openpyxl has. Tables, frozen headers, widths and charts all work in it, provided they
are declared before the rows (see `sheet.py`).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook

from vitalite_tui.formats.atomic import write_atomically
from vitalite_tui.workbook import printing, registry
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.records import Progress, SheetSummary
from vitalite_tui.workbook.rows import create_sheet
from vitalite_tui.workbook.saving import save_workbook, sheets_spooled_in
from vitalite_tui.workbook.sheet import SheetWriter

CREATOR = "vitalite-tui"

#: The last step reported to `progress`, after the sheets.
SAVING = "Enregistrement du fichier"


def _properties(workbook: Workbook, context: ExportContext) -> None:
    properties = workbook.properties
    properties.title = f"Vitalité sociale — {context.demarche.territory}"
    properties.subject = "Démarche de prospective de la vitalité sociale"
    properties.creator = CREATOR
    properties.lastModifiedBy = CREATOR
    properties.language = "fr-FR"
    scope = f"atelier {context.workshop}" if context.workshop is not None else "toute la démarche"
    names = "avec les noms consentis" if context.with_names else "pseudonymisé"
    properties.description = f"Classeur pour le technicien de l'EPCI : {scope}, {names}."


def write_workbook(
    context: ExportContext, target: Path, progress: Progress | None = None
) -> tuple[Path, list[SheetSummary]]:
    """Write every sheet of `registry.SHEETS` to `target` atomically; where it went, row counts."""
    workbook = Workbook(write_only=True)
    _properties(workbook, context)
    # Read at each export, so that a test can swap a builder for one that fails.
    sheets = registry.SHEETS
    context.personal_data = tuple(
        (spec.title, spec.personal_data) for spec in sheets if spec.personal_data
    )
    total = len(sheets) + 1
    summaries: list[SheetSummary] = []

    def report(step: int, label: str) -> None:
        if progress is not None:
            progress(step, total, label)

    def write(stream: BinaryIO) -> None:
        for step, spec in enumerate(sheets):
            report(step, spec.title)
            sheet = SheetWriter(create_sheet(workbook, spec.title), context.warnings)
            spec.build(context, sheet)
            printing.finish(sheet.sheet, sheet.print_widths, sheet.row, spec.layout)
            summaries.append(SheetSummary(spec.title, sheet.data_rows))
        report(len(sheets), SAVING)
        save_workbook(workbook, stream)

    try:
        with sheets_spooled_in(target.parent):
            path = write_atomically(target, write)
    except BaseException:
        _discard(workbook)
        raise
    report(total, "")
    return path, summaries


def _discard(workbook: Workbook) -> None:
    """Close the sheets of a workbook that will never be saved, and remove their temp files.

    Write-only sheets stream to temporary files of their own; left open, they would be
    closed at some later garbage collection, writing into files already gone.
    """
    for sheet in workbook.worksheets:
        with suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with suppress(Exception):
                writer.cleanup()
