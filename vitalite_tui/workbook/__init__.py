"""The Excel workbook for the EPCI's technician: `export_workbook` writes it, atomically.

Importing this package costs nothing: openpyxl is loaded by `export_workbook` only, since
start-up time is a product feature on old laptops. The sheets are listed in `registry.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vitalite_tui.errors import VitaliteError
from vitalite_tui.formats.atomic import ExportFailed, prepare_folder
from vitalite_tui.formats.naming import unused, workbook_name
from vitalite_tui.workbook.records import ExportResult, Progress, SheetSummary

if TYPE_CHECKING:
    from vitalite_tui.store import Store

__all__ = ["ExportFailed", "ExportResult", "Progress", "SheetSummary", "export_workbook"]


def export_workbook(
    store: Store,
    demarche_id: str,
    out_dir: Path,
    *,
    workshop: int | None = None,
    with_names: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the démarche's workbook into `out_dir` (created on demand).

    `workshop` restricts it to one workshop (file name ending `-atelier-N`); `with_names`
    adds the names of the participants who agreed to be named. Raises a `VitaliteError`
    in French when the démarche or the workshop is unknown or the folder cannot be written;
    an earlier workbook is never replaced: a second one the same day ends in `-2`, `-3`…
    """
    from vitalite_tui.store.reports.exports import check_workshop
    from vitalite_tui.workbook.context import ExportContext
    from vitalite_tui.workbook.writer import write_workbook

    context = ExportContext(store, demarche_id, check_workshop(workshop), with_names)
    with store.exports.reading():
        name = workbook_name(context.demarche.territory, context.started.date(), workshop)
        # Never over an earlier export: the same day's second one gets « -2 », and so on.
        target = unused(prepare_folder(out_dir.absolute()) / name)
        path, sheets = write_workbook(context, target, progress)
    warnings = list(context.warnings)
    try:
        # The codes this workbook shows stay these people's on every laptop (see bundles).
        store.participants.mark_exported(demarche_id)
    except VitaliteError as exc:
        warnings.append(
            "Classeur écrit, mais ses codes de participants n'ont pas pu être notés comme "
            f"exportés ({exc.message.rstrip('.')}) : refaites l'export quand la base sera "
            "de nouveau modifiable."
        )
    if path != target:
        warnings.insert(
            0,
            f"{target.name} n'a pas pu être remplacé (ouvert dans Excel ?) : le classeur "
            f"a été écrit sous le nom {path.name}.",
        )
    return ExportResult(
        path=path,
        sheets=tuple(sheets),
        warnings=tuple(warnings),
        with_names=with_names,
        workshop=workshop,
        renamed=path != target,
    )
