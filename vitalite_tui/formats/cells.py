"""Values made safe for a cell: text stays text, characters Excel refuses go, long text is cut.

A note that starts with `=`, `+`, `-` or `@` is stored as a text cell marked with Excel's
"quote prefix", so that neither Excel nor LibreOffice ever reads it as a formula, even once
the cell is edited. Dates and numbers keep their type so that the technician can sort and sum.
"""

from __future__ import annotations

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
    # The same as `.astimezone().replace(tzinfo=None)`, in half the time (thousands of notes).
    return datetime.fromtimestamp(moment.replace(tzinfo=timezone.utc).timestamp())


#: The styles a cell may take, by name; each sheet makes the ones it uses, on first use.
STYLES: dict[str, dict[str, Any]] = {
    "text": {"quotePrefix": True},
    "date": {"number_format": DATE_FORMAT},
    "datetime": {"number_format": DATETIME_FORMAT},
    "percent": {"number_format": PERCENT_FORMAT},
    "heading": {"font": Font(bold=True, size=12)},
    "title": {"font": Font(bold=True, size=14)},
    "label": {"font": Font(bold=True), "alignment": Alignment(vertical="top")},
    "muted": {"font": Font(italic=True, color="FF595959")},
    "wrapped": {"alignment": Alignment(wrap_text=True, vertical="top")},
}


class CellMaker:
    """Turns plain values into what a write-only sheet accepts, safely.

    Styled cells copy the style of a template cell: cheaper than setting it each time.
    Texts that had to be cut are counted in `cut`, for the caller to warn about.
    """

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.cut: list[int] = []
        self._templates: dict[str, Cell] = {}

    def _template(self, name: str) -> Cell:
        """The template cell of a style of `STYLES`, made once per sheet."""
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = WriteOnlyCell(self.sheet)
            for attribute, value in STYLES[name].items():
                setattr(template, attribute, value)
        return template

    def _styled(self, value: Any, style: str) -> Cell:
        # The style first: a date then keeps it instead of getting openpyxl's default format.
        cell = Cell(self.sheet, row=1, column=1, style_array=self._template(style)._style)
        if value is not None:
            cell.value = value
        return cell

    def _dated(self, value: date, style: str) -> Cell:
        """A date or a time in the date format of `style`.

        Set without openpyxl's value setter, which would work out the type and check that
        the format suits a date, both known here: most of the cost of such a cell, and an
        export has thousands of them (the times of notes and questionnaires).
        """
        cell = self._styled(None, style)
        cell._value = value
        cell.data_type = "d"
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
            return self._dated(value, "datetime")
        if isinstance(value, date):
            return self._dated(value, "date")
        if isinstance(value, (int, float)):
            return value
        return self.text(str(value))

    def text(self, value: str) -> str | Cell | None:
        """Text that stays text: never a formula, nothing Excel refuses, within its limit."""
        if not value:
            return None  # an empty cell, not an empty text: blank to filters and formulas
        # By far the most common case: nothing to do. Tested apart, cheapest first: a text
        # that is all printable (one line, say) has none of the control characters Excel
        # refuses, and `isprintable` runs several times faster than the search for them.
        if (
            len(value) < _SURELY_SHORT
            and not value.startswith(FORMULA_STARTS)
            and (value.isprintable() or not ILLEGAL_CHARACTERS_RE.search(value))
        ):
            return value
        text, cut_from = clean_text(value)
        if cut_from is not None:
            self.cut.append(cut_from)
        if not text.startswith(FORMULA_STARTS):
            return text
        cell = self._styled(None, "text")
        cell.value = text  # may set the type to formula: set it back below
        cell.data_type = "s"
        return cell

    def percent(self, value: float | None) -> Cell | None:
        return None if value is None else self._styled(value, "percent")

    def title(self, value: str) -> Cell:
        return self._with(value, "title")

    def heading(self, value: str) -> Cell:
        return self._with(value, "heading")

    def label(self, value: str) -> Cell:
        return self._with(value, "label")

    def muted(self, value: str) -> Cell:
        return self._with(value, "muted")

    def wrapped(self, value: str) -> Cell:
        return self._with(value, "wrapped")

    def _with(self, value: str, style: str) -> Cell:
        """Our own wording with a style; made safe all the same (it may quote user text)."""
        safe = self.text(value)
        if isinstance(safe, Cell):
            template = self._template(style)
            safe.font = copy(template.font)
            safe.alignment = copy(template.alignment)
            return safe
        return self._styled(safe, style)
