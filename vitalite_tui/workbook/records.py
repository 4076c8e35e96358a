"""What an export hands back: where the file went, what it holds, what to warn about."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: Called before each step of an export with (step, number of steps, what is being done);
#: once more at the end with (total, total, "").
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class SheetSummary:
    title: str
    #: Data rows of the sheet's table (0 for a sheet without one, or an empty table).
    rows: int


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sheets: tuple[SheetSummary, ...]
    #: French sentences: texts cut to Excel's limit, a file that could not be replaced.
    warnings: tuple[str, ...]
    with_names: bool
    workshop: int | None
    #: The usual file could not be replaced (open in Excel?): `path` has the time added.
    renamed: bool = False

    def rows(self, title: str) -> int:
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet.rows
        raise KeyError(title)
