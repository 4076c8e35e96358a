"""openpyxl's saving kept tidy: sheets spooled beside the export, the archive always closed.

Write-only sheets stream their rows to temporary files, by default `openpyxl.*` in the
system temp folder, where a killed export would leave the note texts for anyone to read and
a full temp folder would fail the export in the name of the export folder. Here they are
private files beside the export, under the names `formats.atomic` sweeps at the next run.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from vitalite_tui.formats.atomic import create_private, temp_name


@dataclass
class _Spool:
    folder: Path
    files: list[Path] = field(default_factory=list)


#: The spool of the export running in this thread (None: openpyxl's default folder).
_current: ContextVar[_Spool | None] = ContextVar("spool", default=None)


@contextmanager
def sheets_spooled_in(folder: Path) -> Iterator[None]:
    """Within: write-only sheets created in this thread spool to private files in `folder`;
    whatever way it ends (an error, Ctrl+C), none of them is left after."""
    _route_openpyxl_temporaries()
    spool = _Spool(folder)
    token = _current.set(spool)
    try:
        yield
    finally:
        _current.reset(token)
        # openpyxl removes each file once in the workbook; an interrupted export leaves some.
        for path in spool.files:
            with suppress(OSError):
                path.unlink(missing_ok=True)


def _route_openpyxl_temporaries() -> None:
    from openpyxl.worksheet import _writer

    original: Callable[..., str] = _writer.create_temporary_file
    if getattr(original, "routed", False):
        return

    def create_temporary_file(suffix: str = "") -> str:
        spool = _current.get()
        if spool is None:
            return original(suffix)
        path = temp_name(spool.folder)
        # Recorded before it exists: an interrupted creation is still removed at the end.
        spool.files.append(path)
        os.close(create_private(path))
        # openpyxl removes its temporaries through this list (and at exit).
        _writer.ALL_TEMP_FILES.append(str(path))
        return str(path)

    create_temporary_file.routed = True  # type: ignore[attr-defined]
    # The one hook openpyxl has: `WorksheetWriter` calls it for each write-only sheet.
    _writer.create_temporary_file = create_temporary_file


def save_workbook(workbook: Any, stream: BinaryIO) -> None:
    """`workbook.save(stream)`, but a failure (a full disk) closes the zip archive at once.

    Left open, the archive would be closed at exit, after the stream it writes to: Python
    then prints a `ZipFile.__del__` traceback under our French message.
    """
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    archive = ZipFile(stream, "w", ZIP_DEFLATED, allowZip64=True)
    # As openpyxl's own `save_workbook` does.
    workbook.properties.modified = datetime.datetime.now(tz=datetime.timezone.utc).replace(
        tzinfo=None
    )
    try:
        ExcelWriter(workbook, archive).save()
    except BaseException:
        with suppress(Exception):
            archive.close()
        raise
