"""Values made safe for a cell: text stays text, characters Excel refuses go, long text is cut.

A note that starts with `=`, `+`, `-` or `@` is stored as a text cell marked with Excel's
"quote prefix", so that neither Excel nor LibreOffice ever reads it as a formula, even once
the cell is edited. Dates and numbers keep their type so that the technician can sort and sum.
"""

from __future__ import annotations

import re
from copy import copy
from datetime import date, datetime, timezone
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: Excel's limit on the length of a cell's text, in UTF-16 code units.
EXCEL_MAX_TEXT = 32_767

#: What ends a text cut to Excel's limit, so that nobody takes it for the whole text.
TRUNCATED = "… [texte tronqué]"

#: First characters that Excel and LibreOffice read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@")

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
PERCENT_FORMAT = "0%"

#: Strings shorter than this cannot exceed Excel's limit (one code point: 2 units at most).
_SURELY_SHORT = EXCEL_MAX_TEXT // 2

#: A formula's first character, or a character Excel refuses (openpyxl's list), in one search.
_NEEDS_CARE = re.compile(
    "^[" + re.escape("".join(FORMULA_STARTS)) + "]|" + ILLEGAL_CHARACTERS_RE.pattern
)


def excel_length(text: str) -> int:
    """The length Excel counts: UTF-16 code units (an emoji counts two)."""
    if len(text) < _SURELY_SHORT:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def cut_to_limit(text: str) -> str:
    """`text` cut so that it fits Excel's limit with the marker at its end."""
    budget = EXCEL_MAX_TEXT - excel_length(TRUNCATED)
    end = min(len(text), budget)
    # A character takes one or two units: drop half the excess each time, then again.
    while (excess := excel_length(text[:end]) - budget) > 0:
        end -= (excess + 1) // 2
    return text[:end] + TRUNCATED


def clean_text(text: str) -> tuple[str, int | None]:
    """The text a cell can hold, and its original length when it had to be cut."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if excel_length(text) > EXCEL_MAX_TEXT:
        return cut_to_limit(text), len(text)
    return text, None


def local_time(moment: datetime) -> datetime:
    """A naive UTC time from the database as the local wall-clock time (Excel has no zones)."""
    return moment.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


class CellMaker:
    """Turns plain values into what a write-only sheet accepts, safely.

    Styled cells copy the style of a template cell: cheaper than setting it each time.
    Texts that had to be cut are counted in `cut`, for the caller to warn about.
    """

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.cut: list[int] = []
        self._text = self._template(quotePrefix=True)
        self._date = self._template(number_format=DATE_FORMAT)
        self._datetime = self._template(number_format=DATETIME_FORMAT)
        self._percent = self._template(number_format=PERCENT_FORMAT)
        self._heading = self._template(font=Font(bold=True, size=12))
        self._title = self._template(font=Font(bold=True, size=14))
        self._label = self._template(font=Font(bold=True), alignment=Alignment(vertical="top"))
        self._muted = self._template(font=Font(italic=True, color="FF595959"))
        self._wrapped = self._template(alignment=Alignment(wrap_text=True, vertical="top"))

    def _template(self, **style: Any) -> Cell:
        cell = WriteOnlyCell(self.sheet)
        for name, value in style.items():
            setattr(cell, name, value)
        return cell

    def _styled(self, value: Any, template: Cell) -> Cell:
        cell = WriteOnlyCell(self.sheet, value)
        cell._style = copy(template._style)
        return cell

    def value(self, value: Any) -> Any:
        """Any plain value: text made safe, dates and times formatted, yes/no in French."""
        kind = type(value)
        if kind is str:
            return self.text(value)
        if value is None or kind is int or kind is float or isinstance(value, Cell):
            return value
        if kind is bool:
            return "oui" if value else "non"
        if isinstance(value, datetime):
            return self._styled(value, self._datetime)
        if isinstance(value, date):
            return self._styled(value, self._date)
        if isinstance(value, (int, float)):
            return value
        return self.text(str(value))

    def text(self, value: str) -> str | Cell | None:
        """Text that stays text: never a formula, nothing Excel refuses, within its limit."""
        if not value:
            return None  # an empty cell, not an empty text: blank to filters and formulas
        if len(value) < _SURELY_SHORT and not _NEEDS_CARE.search(value):
            return value  # by far the most common case: nothing to do
        text, cut_from = clean_text(value)
        if cut_from is not None:
            self.cut.append(cut_from)
        if not text.startswith(FORMULA_STARTS):
            return text
        cell = self._styled(None, self._text)
        cell.value = text  # may set the type to formula: set it back below
        cell.data_type = "s"
        return cell

    def percent(self, value: float | None) -> Cell | None:
        return None if value is None else self._styled(value, self._percent)

    def title(self, value: str) -> Cell:
        return self._with(value, self._title)

    def heading(self, value: str) -> Cell:
        return self._with(value, self._heading)

    def label(self, value: str) -> Cell:
        return self._with(value, self._label)

    def muted(self, value: str) -> Cell:
        return self._with(value, self._muted)

    def wrapped(self, value: str) -> Cell:
        return self._with(value, self._wrapped)

    def _with(self, value: str, template: Cell) -> Cell:
        """Our own wording with a style; made safe all the same (it may quote user text)."""
        safe = self.text(value)
        if isinstance(safe, Cell):
            safe.font = copy(template.font)
            safe.alignment = copy(template.alignment)
            return safe
        return self._styled(safe, template)
