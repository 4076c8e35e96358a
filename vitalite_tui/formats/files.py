"""Files the user gives, read within limits; files written, rows appended so text stays text."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats.atomic import WORKBOOK_NOT_WRITTEN, prepare_folder, write_atomically
from vitalite_tui.paths import exports_dir

#: Why a file cannot be read, by `errno`: the system's own words would be English.
_READ_ERRORS = {
    errno.EACCES: "les droits d'accès ne permettent pas de le lire",
    errno.EPERM: "les droits d'accès ne permettent pas de le lire",
    errno.EIO: "le disque ne répond pas (erreur de lecture)",
    errno.ENAMETOOLONG: "son nom est trop long",
}


def megabytes(size: int) -> str:
    """« 20 Mo », « 0,1 Mo »."""
    shown = f"{size / 1_000_000:.1f}".removesuffix(".0").replace(".", ",")
    return f"{shown} Mo"


def read_input(path: Path, *, limit: int, what: str) -> bytes:
    """The bytes of a file the user gave (`what`: « un fichier CSV »); `InvalidInput` (French,
    naming the file) when it is missing, a folder, unreadable, or over `limit` bytes."""
    try:
        with path.open("rb") as stream:
            # At most one byte over the limit: a huge file (or one still growing) is never
            # read whole to find out that it is too big.
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise InvalidInput(f"Fichier introuvable : {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} est un dossier, pas {what}.") from None
    except OSError as exc:
        reason = _READ_ERRORS.get(exc.errno or 0, "le système refuse de le lire")
        raise InvalidInput(f"{path.name} ne peut pas être lu : {reason}.") from None
    if len(data) > limit:
        size = max(len(data), _size(path))
        raise InvalidInput(
            f"{path.name} : {megabytes(size)}, c'est trop gros pour {what} "
            f"(au plus {megabytes(limit)})."
        )
    return data


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def line_at(data: bytes | str, offset: int) -> int:
    """The line number (from 1) of the character or byte at `offset`."""
    if isinstance(data, bytes):
        return data.count(b"\n", 0, offset) + 1
    return data.count("\n", 0, offset) + 1


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
