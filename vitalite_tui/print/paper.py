"""The printed page every document shares: A4 or A3, margins, header, « page X / Y », font.

Black and white friendly: black text and lines, grey only for hints. The font (Liberation
Sans, SIL OFL, see fonts/LICENSE.txt) ships in the package: every French character and
typographic mark prints the same on any machine, with or without fonts installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from vitalite_tui.formats.files import output_path, write_bytes
from vitalite_tui.formats.naming import slug

FONT = "Liberation"
FONTS = Path(__file__).parent / "fonts"
#: Margins (mm): wide enough for any office printer's unprintable edge.
MARGIN = 12.0
#: A hint's grey: light on screen, still readable on a cheap laser printer.
GREY = 110
SUFFIXES = (".pdf",)
#: A line's height (mm) per point of type.
LINE = 0.45
#: The smallest type a document shrinks a long text to.
SMALLEST = 10.0
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(day: date) -> str:
    """« 1er mars 2027 », « 7 décembre 2026 »."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"


def file_name(kind: str, territory: str, day: date, extra: str = "") -> str:
    """« emargement-atelier-2-cc-du-val-2026-12-07.pdf »."""
    middle = f"-{extra}" if extra else ""
    return f"{kind}{middle}-{slug(territory)}-{day.isoformat()}.pdf"


@dataclass(frozen=True)
class Printed:
    """A document written: where, how many pages, and one French line about it."""

    path: Path
    pages: int
    summary: str


class Paper(FPDF):
    """A page with the démarche in its header and « page X / Y » at the foot."""

    def __init__(
        self,
        title: str,
        territory: str,
        *,
        landscape: bool = False,
        size: str = "A4",
        notice: str = "",
    ) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format=size)
        self.add_font(FONT, "", str(FONTS / "LiberationSans-Regular.ttf"))
        self.add_font(FONT, "B", str(FONTS / "LiberationSans-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN + 4, MARGIN)
        self.set_auto_page_break(True, MARGIN + 6)
        self.set_title(title)
        self.set_lang("fr-FR")
        self.set_creator("vitalite-tui")
        self.document_title = title
        self.territory = territory
        #: Said on every page, in bold (« Document nominatif — à ne pas diffuser »).
        self.notice = notice
        self.set_font(FONT, size=10)
        self._wrapped: dict[tuple[str, float, str, str, float], list[str]] = {}

    @property
    def inner_width(self) -> float:
        return float(self.w - self.l_margin - self.r_margin)

    def header(self) -> None:
        self.set_y(MARGIN - 4)
        self.set_font(FONT, size=8)
        self.set_text_color(GREY)
        self.cell(self.inner_width / 2, 4, self.territory)
        if self.notice:
            self.set_font(FONT, "B", 8)
            self.set_text_color(0)
        self.cell(self.inner_width / 2, 4, self.notice, align="R")
        self.set_text_color(0)
        self.set_font(FONT, size=10)
        self.set_y(MARGIN + 4)

    def footer(self) -> None:
        self.set_y(-(MARGIN + 1))
        self.set_font(FONT, size=8)
        self.set_text_color(GREY)
        self.cell(self.inner_width / 2, 4, self.document_title)
        self.cell(self.inner_width / 2, 4, f"page {self.page_no()} / {{nb}}", align="R")
        self.set_text_color(0)

    # --- building blocks -----------------------------------------------------------------

    def line_of(self, text: str, size: float, *, bold: bool = False, align: str = "L") -> None:
        """A paragraph in `size` points, wrapped to the page's width."""
        self.set_font(FONT, "B" if bold else "", size)
        self.lines_at(
            self.l_margin,
            self.inner_width,
            size * LINE,
            self.wrapped(self.inner_width, text),
            align,
        )

    def wrapped(self, width: float, text: str) -> list[str]:
        """The lines `text` takes in `width` mm with the current font (nothing drawn).

        Remembered: fpdf2 measures a paragraph letter by letter, and a pile of sheets
        prints the same statements again and again (100 sheets: 20 s without, 2 s with).
        """
        key = (text, round(width, 3), self.font_family, self.font_style, self.font_size_pt)
        lines = self._wrapped.get(key)
        if lines is None:
            found = self.multi_cell(width, 1, text, dry_run=True, output="LINES")
            assert isinstance(found, list)
            lines = self._wrapped[key] = [str(line) for line in found]
        return lines

    def shortened(self, text: str, width: float) -> str:
        """`text` cut to `width` mm with the current font, « … » saying it was cut."""
        if self.get_string_width(text) <= width:
            return text
        shown = text
        while shown and self.get_string_width(shown + "…") > width:
            shown = shown[:-1]
        return shown.rstrip() + "…"

    def fitted_size(
        self, text: str, width: float, height: float, largest: float, *, bold: bool = False
    ) -> float:
        """The largest type, from `largest` down by 2 points, in which `text` (wrapped to
        `width`, as `line_of` draws it) takes at most `height` mm; 10 points at the least."""
        size = largest
        while size > SMALLEST:
            self.set_font(FONT, "B" if bold else "", size)
            if len(self.wrapped(width, text)) * size * LINE <= height:
                break
            size -= 2
        return max(size, SMALLEST)

    def lines_at(
        self, x: float, width: float, height: float, lines: Sequence[str], align: str = "L"
    ) -> None:
        """Lines already wrapped, one under the other from `x` and the current height."""
        for line in lines:
            self.set_x(x)
            self.cell(width, height, line, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def hint(self, text: str, size: float = 8) -> None:
        self.set_text_color(GREY)
        self.line_of(text, size)
        self.set_text_color(0)

    def rule(self, gap: float = 2) -> None:
        self.ln(gap)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(gap)

    def box(self, x: float, y: float, side: float = 3.6) -> None:
        """A square to tick."""
        self.rect(x, y, side, side)

    def ticks(self, labels: Sequence[str], size: float = 8.5, *, indent: float = 0) -> None:
        """A box before each label, as many per line as fit, then the next line."""
        self.set_font(FONT, size=size)
        height = size * 0.5
        x = self.l_margin + indent
        right = self.w - self.r_margin
        for label in labels:
            width = 5 + self.get_string_width(label) + 5
            if x + width > right and x > self.l_margin + indent:
                x = self.l_margin + indent
                self.ln(height + 0.8)
            y = self.get_y()
            self.box(x, y + (height - 3.4) / 2, 3.4)
            self.set_xy(x + 5, y)
            self.cell(width - 5, height, label)
            x += width
            self.set_y(y)
        self.ln(height + 1.5)

    def blank_line(self, label: str, size: float = 9, width: float | None = None) -> None:
        """« Label : ______ » to write on."""
        self.set_font(FONT, size=size)
        y = self.get_y()
        self.cell(self.get_string_width(label) + 2, size * 0.5, label)
        end = self.l_margin + (width or self.inner_width)
        self.line(self.get_x(), y + size * 0.5, end, y + size * 0.5)
        self.ln(size * 0.5 + 2)

    def fits(self, height: float) -> bool:
        """Whether `height` mm still fit above the bottom margin of this page."""
        return bool(self.get_y() + height <= self.page_break_trigger)

    # --- writing -------------------------------------------------------------------------

    def write_to(self, out: Path | None, default_name: str, summary: str) -> Printed:
        """Written atomically (into exports/ unless `out` names a file or a folder)."""
        target = output_path(out, default_name, SUFFIXES)
        data = bytes(self.output())

        def write(stream: BinaryIO) -> None:
            stream.write(data)

        path = write_bytes(target, write, what="Le document n'a pas pu être écrit")
        # The whole path, as for a workbook: a relative --out would not say where it went.
        return Printed(path.absolute(), self.pages_count, summary)
