"""Write-only sheets whose cells are written as text: openpyxl's bytes, several times faster.

openpyxl writes each cell of a write-only sheet through a cell object, a type guess, an
XML element and a generic serializer: four fifths of an export's time on the large demo.
The cells of an export are texts, numbers and dates, plain or styled, whose XML is fixed:
`RowWriter` writes those straight into the sheet's stream, exactly as openpyxl would (tests
compare the bytes), and hands any other cell (empty but styled, a formula, a time zone, a
comment…) to openpyxl's own writer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time
from functools import cache
from math import isfinite
from typing import Any

from openpyxl import LXML
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

#: Dates and times Excel stores as numbers of days (a time zone or a duration: openpyxl's way).
_MOMENTS = (datetime, date, time)

#: openpyxl keeps at most this many characters of a text (`Cell.check_string`).
_OPENPYXL_MAX_TEXT = 32_767


#: Row attributes written as they are: names and numbers, nothing to escape.
_PLAIN_ATTRIBUTES = re.compile(r'( [A-Za-z]+="[0-9A-Za-z.+-]*")*')


@cache
def _letter(column: int) -> str:
    return str(get_column_letter(column))


def _escaped(text: str) -> str:
    """Text as ElementTree escapes it between tags (`&`, `<` and `>` only)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _plain_text(value: str) -> bool:
    """A non-empty text openpyxl stores as it is: no formula nor error code, nothing to cut."""
    return (
        0 < len(value) <= _OPENPYXL_MAX_TEXT
        and not (len(value) > 1 and value[0] == "=")
        and value not in ERROR_CODES
        and (value.isprintable() or not ILLEGAL_CHARACTERS_RE.search(value))
    )


def _text_cell(reference: str, value: str, style: str = "") -> str:
    # openpyxl's `whitespace()`: spaces around a text are kept by saying so.
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f'<c r="{reference}"{style} t="inlineStr"><is><t{space}>{_escaped(value)}</t></is></c>'


def _number_cell(reference: str, value: float, style: str = "") -> str:
    return f'<c r="{reference}"{style} t="n"><v>{value:.16g}</v></c>'


def text_stream(xf: Any) -> Callable[[str], object] | None:
    """The function that writes text into the sheet's file as openpyxl's elements go, if any.

    et_xmlfile 2 streams each element to that function as it is written; before version 2
    it held the whole sheet as a tree until its end, where no text can be slipped in.
    """
    write = getattr(xf, "_file", None)
    return write if callable(write) else None


class RowWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer, with plain values written as text instead of elements."""

    def write_row(self, xf: Any, row: Sequence[Any], row_idx: int) -> None:
        """One row as appended: plain values as text, anything else by openpyxl."""
        write = text_stream(xf)
        opening = self._opening(row_idx) if write is not None else None
        if write is None or opening is None:  # rare: openpyxl's own way
            super().write_row(xf, self._cells(row, row_idx), row_idx)
            return
        parts = [opening]
        for column, value in enumerate(row, 1):
            kind = type(value)
            if value is None:
                continue
            if kind is str and _plain_text(value):
                parts.append(_text_cell(f"{_letter(column)}{row_idx}", value))
            elif kind is int or (kind is float and isfinite(value)):
                parts.append(_number_cell(f"{_letter(column)}{row_idx}", value))
            else:
                cell = self._cell(value, row_idx, column)
                text = self._cell_text(cell)
                if text is not None:
                    parts.append(text)
                    continue
                write("".join(parts))
                parts.clear()
                self._write_cell(xf, cell)
        parts.append("</row>")
        write("".join(parts))

    def _opening(self, row_idx: int) -> str | None:
        """The row's opening tag as openpyxl writes it, its height and such after its number;
        None for attributes that would need escaping (none of ours)."""
        dimensions = self.ws.row_dimensions
        if row_idx not in dimensions:
            return f'<row r="{row_idx}">'
        attributes = "".join(f' {name}="{value}"' for name, value in dimensions[row_idx])
        if not _PLAIN_ATTRIBUTES.fullmatch(attributes):
            return None
        return f'<row r="{row_idx}"{attributes}>'

    def _cells(self, values: Sequence[Any], row_idx: int) -> Iterator[Cell]:
        """The values made cells as a plain write-only sheet makes them, one by one."""
        return WriteOnlyWorksheet._values_to_row(self.ws, values, row_idx)  # type: ignore[no-any-return]

    def _cell(self, value: Any, row_idx: int, column: int) -> Cell:
        """One value made a cell at its place, as `_cells` would make it."""
        if not isinstance(value, Cell):
            (cell,) = self._cells([None] * (column - 1) + [value], row_idx)
            return cell
        # A styled cell of ours (a date…): `_values_to_row` takes it as it is, placed.
        value.column = column
        value.row = row_idx
        if value.hyperlink is not None:
            value.hyperlink.ref = value.coordinate
        return value

    def _cell_text(self, cell: Cell) -> str | None:
        """A styled date, number or text as openpyxl's `etree_write_cell` writes it; None for
        any other cell (empty, with a comment or a link, a formula, a time zone…)."""
        if cell._comment is not None or cell.hyperlink is not None:
            return None
        value, kind = cell._value, cell.data_type
        if kind == "d" and (
            type(value) in _MOMENTS
            and getattr(value, "tzinfo", None) is None
            and not self.ws.parent.iso_dates
        ):
            value, kind = to_excel(value, self.ws.parent.epoch), "n"
        text = kind == "s" and type(value) is str and value != ""
        number = kind == "n" and (type(value) is int or (type(value) is float and isfinite(value)))
        if not (text or number):
            return None
        reference = f"{_letter(cell.column)}{cell.row}"
        style = f' s="{cell.style_id}"' if cell.has_style else ""
        return (_text_cell if text else _number_cell)(reference, value, style)

    def _write_cell(self, xf: Any, cell: Cell) -> None:
        """A cell inside the open row, as `WorksheetWriter.write_row` writes each of its cells."""
        if cell._comment is not None:
            self.ws._comments.append(CommentRecord.from_cell(cell))
        if cell._value is None and not cell.has_style and not cell._comment:
            return
        write_cell(xf, self.ws, cell, cell.has_style)


class FastSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet that hands its rows to `RowWriter` as they were appended."""

    _writer: RowWriter | None

    def _get_writer(self) -> None:
        if self._writer is None:
            writer = self._writer = RowWriter(self)
            writer.write_top()

    def _values_to_row(self, values: Sequence[Any], row_idx: int) -> Sequence[Any]:
        return values  # made into XML (or cells) by `RowWriter.write_row`


def create_sheet(workbook: Workbook, title: str) -> WriteOnlyWorksheet:
    """A new last sheet of a write-only workbook: a `FastSheet` where openpyxl allows it.

    With lxml installed, openpyxl writes through lxml's stream, which takes no text: the
    plain sheet then writes every cell itself (as `RowWriter` does where `text_stream` finds
    no function to write with).
    """
    if LXML:
        return workbook.create_sheet(title)
    sheet = FastSheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)  # what `create_sheet` does, with its own class
    return sheet
