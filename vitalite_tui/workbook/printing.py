"""How every sheet prints on A4: one set of rules, applied by the writer, overridden per sheet.

LibreOffice and Excel print a sheet as wide as its columns, shrunk to fit the page width
(never to one page high: `fitToHeight` 0). A sheet wider than the page at a readable scale
gets its long text columns narrowed and wrapped (`narrowed`); one still too wide prints
on two or more pages across, with its first column repeated, rather than in tiny type.
Widths are in Excel's characters; what fits on a page was measured with LibreOffice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins

Orientation = Literal["portrait", "landscape"]

#: Excel's code for A4 paper.
PAPER_A4 = 9

#: The scale columns are narrowed for: 11 pt type printed at 7.7 pt.
MIN_SCALE = 0.7
#: Below this (11 pt printed under 6.6 pt), a sheet prints on more than one page across.
SMALLEST_SCALE = 0.6
#: Portrait as long as the sheet prints at least this large in it (else landscape).
PORTRAIT_SCALE = 0.85

#: Characters of column width one A4 page holds at 100 %, within `MARGINS` (LibreOffice).
PAGE_WIDTH: dict[Orientation, float] = {"landscape": 106, "portrait": 72}
#: Points of rows one A4 page holds at 100 %, within `MARGINS` and the footer (LibreOffice).
PAGE_HEIGHT: dict[Orientation, float] = {"landscape": 465, "portrait": 700}

#: Narrow side margins (inches): more room for the columns; room for the footer.
MARGINS = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7, header=0.3, footer=0.3)

#: A wrapped text column is never made narrower than this (characters).
WRAP_FLOOR = 14

#: Printed at the foot of each page: the sheet's name, the page and how many pages.
FOOTER = "&A — page &P sur &N"


@dataclass(frozen=True)
class PrintLayout:
    """A sheet's exceptions to the common print setup (see `registry.SHEETS`)."""

    #: None: portrait when the columns fit it at `PORTRAIT_SCALE`, else landscape.
    orientation: Orientation | None = None
    #: Why the rows are left out of print, said in the footer ("" prints them): for a sheet
    #: that repeats another in a shape for pivot tables, hundreds of pages nobody reads.
    header_only: str = ""


@dataclass(frozen=True)
class PrintFit:
    """How a sheet of a given width prints: paper direction, pages across, scale."""

    orientation: Orientation
    pages_wide: int
    scale: float


def print_fit(widths: Sequence[float], orientation: Orientation | None = None) -> PrintFit:
    """The orientation, pages across and scale for columns of these `widths`."""
    total = max(sum(widths), 1.0)
    if orientation is None:
        fits_portrait = PAGE_WIDTH["portrait"] / total >= PORTRAIT_SCALE
        orientation = "portrait" if fits_portrait else "landscape"
    page = PAGE_WIDTH[orientation]
    pages = 1 if page / total >= SMALLEST_SCALE else math.ceil(total * MIN_SCALE / page)
    return PrintFit(orientation, pages, min(1.0, page * pages / total))


def too_wide(widths: Sequence[float]) -> bool:
    """Columns wider than a landscape page holds at `MIN_SCALE`."""
    return sum(widths) > PAGE_WIDTH["landscape"] / MIN_SCALE


def narrowed(widths: Sequence[float], wrappable: Sequence[bool]) -> list[float]:
    """`widths` with the widest wrappable columns brought down to one cap, no lower than
    `WRAP_FLOOR`, so that the sheet fits landscape at `MIN_SCALE` if it can."""
    if not too_wide(widths):
        return list(widths)
    budget = PAGE_WIDTH["landscape"] / MIN_SCALE
    fixed = sum(w for w, wrap in zip(widths, wrappable, strict=True) if not wrap)
    free = sorted(w for w, wrap in zip(widths, wrappable, strict=True) if wrap)
    # The highest cap under which the wrappable columns take what the others leave.
    room, cap = budget - fixed, float(WRAP_FLOOR)
    for index, width in enumerate(free):
        share = room / (len(free) - index)
        if width > share:
            cap = max(share, WRAP_FLOOR)
            break
        room -= width
    else:
        return list(widths)
    return [
        min(w, math.floor(cap)) if wrap else w for w, wrap in zip(widths, wrappable, strict=True)
    ]


def text_lines(text: str, width: float) -> int:
    """How many lines a text takes wrapped in a column `width` characters wide."""
    per_line = max(1, int(width) - 2)
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def prepare(sheet: WriteOnlyWorksheet) -> None:
    """What must be set before the first row: fit to the page width, margins, footer."""
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = MARGINS
    sheet.oddFooter.center.text = FOOTER
    setup = sheet.page_setup
    setup.paperSize = PAPER_A4
    setup.fitToHeight = 0


def finish(
    sheet: WriteOnlyWorksheet, widths: Sequence[float], rows: int, layout: PrintLayout
) -> PrintFit:
    """Once the sheet is written: paper direction, pages across (first column repeated), and
    the printed area, its `widths` (columns) by `rows`.

    The area ends at the last column: without it, LibreOffice widens the page to show a
    long text overflowing to the right, and prints the whole sheet smaller.
    """
    fit = print_fit(widths, layout.orientation)
    sheet.page_setup.orientation = fit.orientation
    sheet.page_setup.fitToWidth = fit.pages_wide
    if fit.pages_wide > 1 and not sheet.print_title_cols:
        sheet.print_title_cols = "A:A"  # which row a piece of a line belongs to
    last = get_column_letter(max(len(widths), 1))
    if layout.header_only:
        sheet.print_area = f"A1:{last}1"
        sheet.oddFooter.center.text = f"&A — {layout.header_only} — page &P sur &N"
    elif not sheet.print_area and rows:
        sheet.print_area = f"A1:{last}{rows}"
    return fit
