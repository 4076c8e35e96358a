"""One sheet being written: a real Excel table with its header frozen, or free rows.

The workbook is written in openpyxl's write-only mode (rows stream to disk, memory stays
flat on an old laptop), so the order matters: column widths and the frozen header are set
before the first row, and a table is declared with its columns by hand.
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart._chart import ChartBase
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from vitalite_tui.formats.cells import EXCEL_MAX_TEXT, CellMaker
from vitalite_tui.workbook import printing

#: Banded rows, bold header: readable on screen and printed in black and white.
TABLE_STYLE = "TableStyleMedium2"

MIN_WIDTH = 6
DEFAULT_MAX_WIDTH = 40
#: Height of one line of text, in points (Calibri 11).
LINE_HEIGHT = 15

#: The width Excel gives a column nobody set (characters).
DEFAULT_WIDTH = 8.43
#: The most lines of wrapped text a row shows (the cell keeps the whole text).
MAX_LINES = 20

#: Room for the filter button of the header.
FILTER_BUTTON = 3

#: The label of a row of sums.
TOTAL = "Total"

#: Characters of a note's line per character of column width (most letters are narrow).
NOTE_CHARS = 1.1
#: A note's lines are never cut shorter than this.
NOTE_MIN = 60

#: Labels over several lines: a header narrower than its text.
WRAPPED_LABEL = Alignment(wrap_text=True, vertical="top")

#: Columns allowed this wide or more hold text, which wraps when the page needs it.
WRAPPING_WIDTH = 20


@dataclass(frozen=True)
class Column:
    """A column of a table: its header, how wide it may grow, whether it shows percents."""

    header: str
    max_width: int = DEFAULT_MAX_WIDTH
    percent: bool = False
    #: False: left out of the printed page (details a printed list can do without). Such
    #: columns come last: the printed area is the columns before them.
    printed: bool = True

    @property
    def wraps(self) -> bool:
        """A column of text, which may be narrowed for print and its text wrapped."""
        return self.max_width >= WRAPPING_WIDTH


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


def header_width(header: str, wrapping: bool) -> int:
    """Room for a header and its filter button, on one line or, `wrapping`, on several."""
    if not wrapping:
        return len(header) + FILTER_BUTTON
    words = header.split()
    return max(max(len(word) for word in words) + 1, len(words[-1]) + FILTER_BUTTON)


def column_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[Any]], *, wrapping: bool = False
) -> list[int]:
    """Each column as wide as its header or its longest value, within its bounds.

    `wrapping`: headers may wrap (onto two lines or more) to leave their column narrower.
    """
    widths = []
    for index, column in enumerate(columns):
        # Column by column, so that one already at its widest reads no further value:
        # thousands of rows are skipped in a text column or a narrow one.
        widest = column.max_width - 1
        width = header_width(column.header, wrapping)
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
        #: The column widths set, in characters (see `print_widths`).
        self.widths: list[float] = []
        #: The most cells a row of the sheet had.
        self.columns = 0
        #: The height of each row given one, in points (the others: `LINE_HEIGHT`).
        self.heights: dict[int, float] = {}
        #: How many columns, from the first, are printed (None: every one).
        self.printed_columns: int | None = None
        #: The rows a manual page break comes after.
        self.breaks: list[int] = []
        #: The first row of the block being written (its heading), kept on a chart's page.
        self.block_start = 0
        printing.prepare(sheet)

    @property
    def print_widths(self) -> list[float]:
        """The width of each printed column (unset ones at Excel's default)."""
        count = max(self.columns, len(self.widths))
        widths = [*self.widths, *[DEFAULT_WIDTH] * (count - len(self.widths))]
        return widths[: self.printed_columns]

    @property
    def title(self) -> str:
        return str(self.sheet.title)

    def set_widths(self, widths: Sequence[float]) -> None:
        """Column widths, in characters; only before the first row (write-only mode)."""
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.widths = list(widths)

    def append(self, values: Sequence[Any], *, lines: int = 1) -> int:
        """One row of plain values (made safe by `CellMaker.value`); returns its number.

        `lines`: how many lines of wrapped text the row must show (neither Excel nor
        LibreOffice grows a row by itself when opening a file).
        """
        if lines > 1:
            self._height(self.row + 1, lines)
        self.sheet.append([self.cells.value(value) for value in values])
        self.row += 1
        self._written(self.row)
        self.columns = max(self.columns, len(values))
        self._warn_cuts()
        return self.row

    def _height(self, row: int, lines: int) -> None:
        height = LINE_HEIGHT * min(lines, MAX_LINES)
        self.sheet.row_dimensions[row].height = height
        self.heights[row] = height

    def _written(self, row: int) -> None:
        """Forget a streamed row's openpyxl dimension: its height is written, and kept in
        `heights` for the page layout. A large démarche has thousands of tall rows, each an
        object of openpyxl that a write-only sheet would otherwise hold until it is saved."""
        self.sheet.row_dimensions.pop(row, None)

    def page_break(self, after: int | None = None) -> None:
        """A new printed page after row `after` (by default, the last one written)."""
        row = self.row if after is None else after
        if row > 0 and row not in self.breaks:
            self.sheet.row_breaks.append(Break(id=row))
            self.breaks.append(row)
            self.breaks.sort()

    def page_offset(self, row: int) -> float:
        """Where `row` starts on its printed page, in points from the top of the rows.

        Worked out as LibreOffice lays the rows out (from the last manual break); scaled
        to the sheet's width, as it prints.
        """
        page = self.page_height()
        used = 0.0
        for number in range(max((b for b in self.breaks if b < row), default=0) + 1, row):
            height = self.heights.get(number, LINE_HEIGHT)
            if used + height > page:
                used = 0.0
            used += height
        return used

    def page_height(self) -> float:
        """The height of rows one printed page holds, in points at the sheet's scale."""
        fit = printing.print_fit(self.print_widths)
        return printing.PAGE_HEIGHT[fit.orientation] / fit.scale

    def blank(self) -> int:
        return self.append([])

    def formula(self, text: str) -> Cell:
        """A formula Excel and LibreOffice work out on opening (`=SUM(…)`): never user text."""
        return WriteOnlyCell(self.sheet, value=text)

    def totals_row(self, columns: Sequence[int], label: str = TOTAL) -> None:
        """Under the table: `label`, then the sum of each of `columns` (1-based) over its data
        rows, as formulas: still right once the technician corrects a value."""
        if not self.data_rows:
            return
        first, last = 2, self.data_rows + 1
        cells: list[Any] = [None] * max(columns)
        cells[0] = self.cells.label(label)
        for column in columns:
            letter = get_column_letter(column)
            cells[column - 1] = self.formula(f"=SUM({letter}{first}:{letter}{last})")
        self.append(cells)

    def note(self, text: str) -> None:
        """A muted sentence under a table, in lines as wide as the printed columns: a long
        line would widen the printed page (LibreOffice prints text that overflows)."""
        room = max(int(sum(self.print_widths) * NOTE_CHARS), NOTE_MIN)
        for line in textwrap.wrap(text, room) or [""]:
            self.append([self.cells.muted(line)])

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
        printed = [column for column in columns if column.printed]
        if list(columns[: len(printed)]) != printed:
            raise RuntimeError("the columns left out of print must come last")
        natural = column_widths(columns, rows)
        if printing.too_wide(natural[: len(printed)]):
            natural = column_widths(columns, rows, wrapping=True)
        widths = [
            *printing.narrowed(natural[: len(printed)], [column.wraps for column in printed]),
            *natural[len(printed) :],
        ]
        self.set_widths(widths)
        self.printed_columns = len(printed)
        self.sheet.freeze_panes = "A2"
        self.sheet.print_title_rows = "1:1"  # the header on every printed page
        self._header(columns, widths)
        # Text columns whose text may not fit: wrapped, and their rows made as tall.
        wrapped = [
            (index, widths[index] - 2)
            for index, column in enumerate(columns)
            if column.wraps
            and (widths[index] < natural[index] or natural[index] >= column.max_width)
        ]
        percent = [index for index, column in enumerate(columns) if column.percent]
        safe, append = self.cells.value, self.sheet.append  # thousands of rows: looked up once
        wrap = self.cells.wrapped
        for values in rows:
            cells = [safe(value) for value in values]
            for index in percent:
                cells[index] = self.cells.percent(values[index])
            lines = 1
            for index, room in wrapped:
                value = cells[index]  # made safe (and counted if cut) once, above
                if type(value) is str and (len(value) > room or "\n" in value):
                    cells[index] = wrap(value)
                    lines = max(lines, printing.text_lines(value, room + 2))
            if lines > 1:
                self._height(self.row + 1, lines)
            append(cells)
            self.row += 1
            if lines > 1:
                self._written(self.row)
            if self.cells.cut:
                self._warn_cuts()
        self.data_rows = len(rows)
        if not rows:
            self.blank()
        last = f"{get_column_letter(len(columns))}{self.row}"
        self._add_table(name, columns, f"A1:{last}")
        if len(printed) < len(columns):
            self.sheet.print_area = f"A1:{get_column_letter(len(printed))}{self.row + 1}"
        if not rows:
            self.note(empty)

    def _header(self, columns: Sequence[Column], widths: Sequence[float]) -> None:
        """The header row; wrapped on two lines or more where a column is narrower than it."""
        headers = [column.header for column in columns]
        self.columns = max(self.columns, len(headers))
        lines = max(
            printing.text_lines(header, width - FILTER_BUTTON + 2)
            for header, width in zip(headers, widths, strict=True)
        )
        if lines > 1:
            self._height(1, lines)
            self.sheet.append([self.wrapped_label(header) for header in headers])
        else:
            self.sheet.append(headers)
        self.row = 1

    def wrapped_label(self, text: str) -> Cell:
        """A bold label that wraps within its column (the row must be made tall enough)."""
        cell = self.cells.label(text)
        cell.alignment = WRAPPED_LABEL
        return cell

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
        """A chart under what is written so far, and `rows` empty rows kept free for it.

        A chart that would print across two pages starts a new page, with the block it
        belongs to (from `block_start`) when the whole block fits on one.
        """
        self.blank()
        anchor = self.row + 1
        page = self.page_height()
        if self.page_offset(anchor) + rows * LINE_HEIGHT > page:
            block = (anchor - self.block_start + rows) * LINE_HEIGHT
            start = self.block_start if self.block_start > 0 and block <= page else anchor
            self.page_break(after=start - 1)
        self.sheet.add_chart(chart, f"A{anchor}")
        for _ in range(rows):
            self.blank()
