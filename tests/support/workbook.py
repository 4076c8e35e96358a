"""Shared test helpers: workbook."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet


def table_of(sheet: Worksheet) -> tuple[list[str], list[list[Any]]]:
    """The header and the data rows of the sheet's one table (its empty row left out)."""
    (table,) = sheet.tables.values()
    rows = [[cell.value for cell in row] for row in sheet[table.ref]]
    header, data = [str(v) for v in rows[0]], rows[1:]
    return header, [row for row in data if any(v is not None for v in row)]


def records(sheet: Worksheet) -> list[dict[str, Any]]:
    header, rows = table_of(sheet)
    return [dict(zip(header, row, strict=True)) for row in rows]


def cells_of(sheet: Worksheet, header: str) -> list[Any]:
    """The cells (not values) of one column of the sheet's table."""
    (table,) = sheet.tables.values()
    block = sheet[table.ref]
    index = [str(cell.value) for cell in block[0]].index(header)
    return [row[index] for row in block[1:]]


def rows_of(sheet: Worksheet) -> list[list[Any]]:
    """Every row of a sheet, as values."""
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def block(rows: list[list[Any]], title: str) -> list[list[Any]]:
    """The rows under a block's title (a row starting with it), up to the next blank row."""
    start = next(i for i, row in enumerate(rows) if str(row[0]).startswith(title))
    found = []
    for row in rows[start + 1 :]:
        if all(value is None for value in row):
            break
        found.append(row)
    return found


def xml_parts(path: Path) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            yield name, archive.read(name).decode("utf-8", errors="replace")


def summed(sheet: Worksheet, reference: str) -> float:
    """The value of a cell as Excel works it out: a number, or the workbook's own
    `=SUM(A1:B2)` over cells that are numbers or such sums themselves."""
    value = sheet[reference].value
    if not isinstance(value, str):
        return float(value or 0)
    match = re.fullmatch(r"=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)", value)
    assert match is not None, f"{reference}: {value!r} is not a sum"
    return sum(summed(sheet, cell.coordinate) for row in sheet[match.group(1)] for cell in row)
