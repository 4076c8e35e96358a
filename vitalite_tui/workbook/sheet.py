"""One sheet being written: a real Excel table with its header frozen, or free rows.

The workbook is written in openpyxl's write-only mode (rows stream to disk, memory stays
flat on an old laptop), so the order matters: column widths and the frozen header are set
before the first row, and a table is declared with its columns by hand.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl.chart._chart import ChartBase
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from vitalite_tui.formats.cells import EXCEL_MAX_TEXT, CellMaker

#: Banded rows, bold header: readable on screen and printed in black and white.
TABLE_STYLE = "TableStyleMedium2"

MIN_WIDTH = 6
DEFAULT_MAX_WIDTH = 40
#: Height of one line of text, in points (Calibri 11).
LINE_HEIGHT = 15

#: Excel's code for A4 paper.
PAPER_A4 = 9

#: Room for the filter button of the header.
FILTER_BUTTON = 3


@dataclass(frozen=True)
class Column:
    """A column of a table: its header, how wide it may grow, whether it shows percents."""

    header: str
    max_width: int = DEFAULT_MAX_WIDTH
    percent: bool = False


def thousands(number: int) -> str:
    """« 40 000 », with the narrow no-break space French typography wants."""
    return f"{number:,}".replace(",", "\u202f")


def shown_length(value: Any) -> int:
    """Roughly how many characters a value takes once shown in a cell."""
    if type(value) is not str:  # most cells hold text: it goes straight to the end
        if value is None:
            return 0
        if isinstance(value, datetime):
            return 16
        if isinstance(value, date):
            return 10
        if isinstance(value, float):
            return 6
        value = str(value)
    return max(len(line) for line in value.split("\n")) if "\n" in value else len(value)


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Each column as wide as its header or its longest value, within its bounds."""
    widths = []
    for index, column in enumerate(columns):
        # Column by column, so that one already at its widest reads no further value:
        # thousands of rows are skipped in a text column or a narrow one.
        widest = column.max_width - 1
        width = len(column.header) + FILTER_BUTTON
        if width < widest:
            for row in rows:
                length = shown_length(row[index])
                if length > width:
                    width = length
                    if width >= widest:
                        break
        widths.append(max(MIN_WIDTH, min(width + 1, column.max_width)))
    return widths


class SheetWriter:
    """Appends rows to one write-only sheet; the sheet builders only call this."""

    def __init__(self, sheet: WriteOnlyWorksheet, warnings: list[str]) -> None:
        self.sheet = sheet
        self.cells = CellMaker(sheet)
        self.warnings = warnings
        #: The number of the last row written (1-based, as Excel shows it).
        self.row = 0
        #: Data rows of the sheet's table (0 for a sheet without one).
        self.data_rows = 0
        self._print_setup()

    def _print_setup(self) -> None:
        """Printed on A4 in landscape, as wide as the page: no column strays onto a page."""
        setup = self.sheet.page_setup
        setup.orientation = "landscape"
        setup.paperSize = PAPER_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True

    @property
    def title(self) -> str:
        return str(self.sheet.title)

    def set_widths(self, widths: Sequence[float]) -> None:
        """Column widths, in characters; only before the first row (write-only mode)."""
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width

    def append(self, values: Sequence[Any], *, lines: int = 1) -> int:
        """One row of plain values (made safe by `CellMaker.value`); returns its number.

        `lines`: how many lines of wrapped text the row must show (neither Excel nor
        LibreOffice grows a row by itself when opening a file).
        """
        if lines > 1:
            self.sheet.row_dimensions[self.row + 1].height = LINE_HEIGHT * lines
        self.sheet.append([self.cells.value(value) for value in values])
        self.row += 1
        self._warn_cuts()
        return self.row

    def blank(self) -> int:
        return self.append([])

    def _warn_cuts(self) -> None:
        for length in self.cells.cut:
            self.warnings.append(
                f"{self.title}, ligne {self.row} : un texte de {thousands(length)} caractères "
                f"a été coupé à {thousands(EXCEL_MAX_TEXT)} (limite d'Excel) ; il reste "
                "entier dans la base."
            )
        self.cells.cut.clear()

    def table(
        self,
        name: str,
        columns: Sequence[Column],
        rows: Sequence[Sequence[Any]],
        empty: str,
    ) -> None:
        """The whole sheet as one Excel table: filters, banded rows, frozen header.

        `rows` hold plain values in the order of `columns`. Without rows, the table keeps
        one empty line (Excel wants one) and `empty` says why, under it.
        """
        if self.row:
            raise RuntimeError("a table must be the first thing written on its sheet")
        self.set_widths(column_widths(columns, rows))
        self.sheet.freeze_panes = "A2"
        self.sheet.print_title_rows = "1:1"  # the header on every printed page
        self.sheet.append([column.header for column in columns])
        self.row = 1
        percent = [index for index, column in enumerate(columns) if column.percent]
        safe, append = self.cells.value, self.sheet.append  # thousands of rows: looked up once
        for values in rows:
            cells = [safe(value) for value in values]
            for index in percent:
                cells[index] = self.cells.percent(values[index])
            append(cells)
            self.row += 1
            if self.cells.cut:
                self._warn_cuts()
        self.data_rows = len(rows)
        if not rows:
            self.blank()
        last = f"{get_column_letter(len(columns))}{self.row}"
        self._add_table(name, columns, f"A1:{last}")
        if not rows:
            self.append([self.cells.muted(empty)])

    def _add_table(self, name: str, columns: Sequence[Column], ref: str) -> None:
        table = Table(displayName=name, ref=ref)
        # Write-only sheets cannot read their header back: name the columns ourselves.
        table.tableColumns = [
            TableColumn(id=index, name=column.header) for index, column in enumerate(columns, 1)
        ]
        table.autoFilter = AutoFilter(ref=ref)
        table.tableStyleInfo = TableStyleInfo(
            name=TABLE_STYLE, showRowStripes=True, showColumnStripes=False
        )
        with warnings.catch_warnings():
            # openpyxl warns that write-only tables need their columns set by hand: done.
            warnings.simplefilter("ignore", UserWarning)
            self.sheet.add_table(table)

    def add_chart(self, chart: ChartBase, rows: int) -> None:
        """A chart under what is written so far, and `rows` empty rows kept free for it."""
        self.blank()
        self.sheet.add_chart(chart, f"A{self.row + 1}")
        for _ in range(rows):
            self.blank()
