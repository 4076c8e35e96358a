"""Where questionnaire files are written, and rows appended so that text always stays text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats.atomic import WORKBOOK_NOT_WRITTEN, prepare_folder, write_atomically
from vitalite_tui.paths import exports_dir


def output_path(out: Path | None, default_name: str, suffixes: tuple[str, ...]) -> Path:
    """`--out` as given (a file, or a folder to put `default_name` in), else `exports/`."""
    if out is None:
        target = exports_dir() / default_name
    else:
        out = out.expanduser()
        target = out / default_name if out.is_dir() else out
    if target.suffix.lower() not in suffixes:
        wanted = " ou ".join(suffixes)
        raise InvalidInput(f"{target.name} : extension {wanted} attendue.")
    return target


def save_workbook(workbook: Any, target: Path) -> Path:
    """Write an openpyxl workbook atomically; where it went (see `write_atomically`)."""
    return write_bytes(target, workbook.save)


def write_bytes(
    target: Path, write: Callable[[BinaryIO], None], *, what: str = WORKBOOK_NOT_WRITTEN
) -> Path:
    """`write_atomically` into a folder created on demand (`what`: see there)."""
    prepare_folder(target.parent)
    return write_atomically(target, write, what=what)


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row; text that Excel would read as a formula is kept as text."""
    from vitalite_tui.formats.cells import FORMULA_STARTS, clean_text

    # An empty string would still make a cell: leave it empty instead.
    safe = [(clean_text(value)[0] or None) if isinstance(value, str) else value for value in values]
    sheet.append(safe)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True


def set_widths(sheet: Any, widths: Iterable[int]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
