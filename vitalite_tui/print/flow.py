"""Text wrapped and tables drawn in time proportional to the words.

fpdf2's own line breaking measures a line again at each character it adds (and its tables
measure every cell twice): a booklet of the large demo took seconds there. Here each word is
measured once per font and size, lines are filled greedily, and a table row is as tall as its
tallest cell; a row that does not fit starts a page, under its header again.
"""

from __future__ import annotations

from collections.abc import Sequence

from vitalite_tui.print.paper import FONT, Paper

#: Line height as a share of the font size in points, in millimetres (as `Paper.line_of`).
LEADING = 0.45
PADDING = 1.2


def baseline(top: float, size: float) -> float:
    """Where a line's text sits when the line starts at `top` (mm), in `size` points: as
    `cell` would centre it, drawn with the cheaper `text`."""
    font = size * 25.4 / 72
    return top + (size * LEADING - font) / 2 + 0.8 * font


class Measure:
    """Word widths for one document, per (style, size): each word measured once."""

    def __init__(self, pdf: Paper) -> None:
        self.pdf = pdf
        self.widths: dict[tuple[str, float, str], float] = {}

    def width(self, word: str) -> float:
        key = (self.pdf.font_style, self.pdf.font_size_pt, word)
        found = self.widths.get(key)
        if found is None:
            found = self.widths[key] = float(self.pdf.get_string_width(word))
        return found

    def lines(self, text: str, width: float) -> list[str]:
        """`text` in lines no wider than `width` mm, with the current font (line breaks kept;
        a word wider than a line is cut where it must)."""
        space = self.width(" ")
        found: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split():
                size = self.width(word)
                while size > width:  # a word longer than the line: cut it
                    cut = max(1, int(len(word) * width / size) - 1)
                    if line:
                        found.append(" ".join(line))
                        line, used = [], 0.0
                    found.append(word[:cut])
                    word = word[cut:]
                    size = self.width(word)
                if line and used + space + size > width:
                    found.append(" ".join(line))
                    line, used = [], 0.0
                used += (space if line else 0) + size
                line.append(word)
            found.append(" ".join(line))
        return found


def paragraph(pdf: Paper, measure: Measure, text: str, size: float, *, bold: bool = False) -> None:
    """A paragraph in `size` points across the page, a page started where it must."""
    pdf.set_font(FONT, "B" if bold else "", size)
    height = size * LEADING
    for line in measure.lines(text, pdf.inner_width):
        if not pdf.fits(height):
            pdf.add_page()
            pdf.set_font(FONT, "B" if bold else "", size)
        top = pdf.get_y()
        if line:
            pdf.text(pdf.l_margin, baseline(top, size), line)
        pdf.set_xy(pdf.l_margin, top + height)


def _row(
    pdf: Paper,
    measure: Measure,
    cells: Sequence[str],
    widths: Sequence[float],
    size: float,
    *,
    bold: bool,
) -> tuple[list[list[str]], float]:
    pdf.set_font(FONT, "B" if bold else "", size)
    wrapped = [measure.lines(cell, w - 2 * PADDING) for cell, w in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped) * size * LEADING + 2 * PADDING
    return wrapped, height


def _draw_row(
    pdf: Paper,
    wrapped: list[list[str]],
    widths: Sequence[float],
    height: float,
    size: float,
    *,
    bold: bool,
    shade: int | None,
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    x, y = pdf.l_margin, pdf.get_y()
    for lines, width in zip(wrapped, widths, strict=True):
        if shade is not None:
            pdf.set_fill_color(shade)
            pdf.rect(x, y, width, height, style="DF")
        else:
            pdf.rect(x, y, width, height)
        for index, line in enumerate(lines):
            if line:
                top = y + PADDING + index * size * LEADING
                pdf.text(x + PADDING, baseline(top, size), line)
        x += width
    pdf.set_xy(pdf.l_margin, y + height)


def table(
    pdf: Paper,
    measure: Measure,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
    *,
    size: float = 9,
    shade: int = 235,
) -> None:
    """A grid across the page: the header shaded, repeated on each page the table runs to."""
    widths = [pdf.inner_width * share for share in shares]
    head, head_height = _row(pdf, measure, header, widths, size, bold=True)
    if not pdf.fits(head_height * 2):
        pdf.add_page()
    _draw_row(pdf, head, widths, head_height, size, bold=True, shade=shade)
    for cells in rows:
        wrapped, height = _row(pdf, measure, cells, widths, size, bold=False)
        if not pdf.fits(height):
            pdf.add_page()
            _draw_row(pdf, head, widths, head_height, size, bold=True, shade=shade)
        _draw_row(pdf, wrapped, widths, height, size, bold=False, shade=None)
    pdf.ln(2)
