"""Writing a file atomically: a temporary file beside it, flushed to disk, then renamed.

A crash or an error half-way leaves the previous file as it was and no partial file behind.
When the file cannot be replaced (Windows refuses while Excel has it open), the new one is
written under a timestamped name instead.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from vitalite_tui.errors import VitaliteError
from vitalite_tui.formats.naming import stamped

#: Temporary files start with this: hidden on Linux, and easy to recognise if one remains.
TEMP_PREFIX = ".vitalite-"
TEMP_SUFFIX = ".tmp"

#: How a failed write begins, for a workbook (the default); other files say their own.
WORKBOOK_NOT_WRITTEN = "Le classeur n'a pas pu être écrit"

_REASONS = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.EROFS: "support en lecture seule",
    errno.ENOSPC: "disque plein",
    errno.ENOENT: "dossier introuvable",
    errno.ENOTDIR: "ce n'est pas un dossier",
    errno.EEXIST: "un fichier porte déjà ce nom",
}


class ExportFailed(VitaliteError):
    """A file (a workbook, the charter) could not be written where it was asked for."""


def reason(exc: OSError) -> str:
    """What went wrong, in French when we know the case (strerror is in English)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc)


def prepare_folder(folder: Path) -> Path:
    """The folder, created on demand; `ExportFailed` in French when it cannot be used."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailed(
            f"Impossible de créer le dossier {folder} ({reason(exc)}) : "
            "choisissez-en un autre avec --out."
        ) from None
    return folder


def write_atomically(
    target: Path, write: Callable[[BinaryIO], None], *, what: str = WORKBOOK_NOT_WRITTEN
) -> Path:
    """Call `write` on a temporary file beside `target`, then rename it to `target`.

    Returns where the file went: `target`, or a timestamped name beside it when `target`
    could not be replaced. Any error from `write` removes the temporary file and is raised
    again; `target` is then untouched. `what` begins the French message of a failed write
    (« La charte n'a pas pu être écrite »).
    """
    folder = target.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise ExportFailed(
            f"Impossible d'écrire dans le dossier {folder} ({reason(exc)}) : "
            "choisissez-en un autre avec --out."
        ) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w+b") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        final = _rename(temp, target)
    except BaseException as exc:
        with suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise ExportFailed(
                f"{what} dans {folder} ({reason(exc)}) ; "
                "l'export précédent, s'il y en a un, est intact."
            ) from exc
        raise
    _sync_folder(folder)
    return final


def _rename(temp: Path, target: Path) -> Path:
    try:
        os.replace(temp, target)
    except PermissionError:
        # Windows: the file is open in Excel. Keep the user's copy, write beside it.
        other = stamped(target, datetime.now())
        os.replace(temp, other)
        return other
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this."""
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
