"""A `Document` (formats/document.py) drawn on printed pages, and its charts as images for
the editable version: both from the same blocks, the charts from the same numbers."""

from __future__ import annotations

import io

from vitalite_tui.formats.document import (
    Bar,
    Bullets,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    PoleChart,
    Table,
    position_text,
)
from vitalite_tui.print.flow import Measure, paragraph, table
from vitalite_tui.print.paper import FONT, FONTS, GREY, Paper

#: A chart's geometry (mm): the label column, the row of each bar, the bar's height.
LABEL_WIDTH = 46.0
VALUE_WIDTH = 26.0
ROW = 7.0
BAR = 4.2
#: Grey levels of a bar's fill and of its track: distinct once photocopied.
FILL = 150
TRACK = 235
_HEADINGS = {1: 17.0, 2: 13.0, 3: 11.0}


def _cover(pdf: Paper, document: Document) -> None:
    pdf.add_page()
    pdf.ln(60)
    pdf.line_of(document.cover.title, 26, bold=True, align="C")
    pdf.ln(4)
    pdf.line_of(document.cover.subtitle, 15, align="C")
    pdf.ln(10)
    for line in document.cover.lines:
        pdf.line_of(line, 11, align="C")
        pdf.ln(1)


def _bar_row(pdf: Paper, bar: Bar, y: float, left: float, width: float) -> None:
    pdf.set_xy(pdf.l_margin, y)
    pdf.set_font(FONT, size=9)
    pdf.cell(LABEL_WIDTH, ROW, bar.label)
    top = y + (ROW - BAR) / 2
    pdf.set_fill_color(TRACK)
    pdf.rect(left, top, width, BAR, style="F")
    if bar.position is not None:
        pdf.set_fill_color(FILL)
        pdf.rect(left, top, width * bar.position / 100, BAR, style="F")
        # A mark at the position: readable even where grey does not print.
        x = left + width * bar.position / 100
        pdf.set_line_width(0.6)
        pdf.line(x, top - 1, x, top + BAR + 1)
        pdf.set_line_width(0.2)
    pdf.rect(left, top, width, BAR)
    pdf.set_xy(left + width + 2, y)
    pdf.cell(VALUE_WIDTH - 2, ROW, position_text(bar))


def _chart(pdf: Paper, chart: PoleChart) -> None:
    height = 14 + ROW * len(chart.bars)
    if not pdf.fits(height):
        pdf.add_page()
    pdf.set_font(FONT, "B", 10)
    pdf.cell(pdf.inner_width, 6, chart.title, new_x="LMARGIN", new_y="NEXT")
    left = pdf.l_margin + LABEL_WIDTH
    width = pdf.inner_width - LABEL_WIDTH - VALUE_WIDTH
    pdf.set_font(FONT, size=8)
    pdf.set_text_color(GREY)
    y = pdf.get_y()
    pdf.set_xy(left, y)
    pdf.cell(width / 2, 4, f"← {chart.low}")
    pdf.cell(width / 2, 4, f"{chart.high} →", align="R")
    pdf.set_text_color(0)
    y += 5
    for bar in chart.bars:
        _bar_row(pdf, bar, y, left, width)
        y += ROW
    pdf.set_xy(pdf.l_margin, y + 3)


def draw(document: Document) -> Paper:
    """The document on A4 pages: a cover, then each block; a chapter starts a page."""
    pdf = Paper(document.title, document.territory)
    measure = Measure(pdf)
    _cover(pdf, document)
    for block in document.blocks:
        if isinstance(block, Heading):
            # A chapter starts a page; a heading is never alone at the foot of one.
            if block.level == 1 or not pdf.fits(30):
                pdf.add_page()
            pdf.ln(2 if block.level > 1 else 0)
            paragraph(pdf, measure, block.text, _HEADINGS.get(block.level, 11), bold=True)
            pdf.ln(2)
        elif isinstance(block, Paragraph):
            if block.muted:
                pdf.set_text_color(GREY)
            paragraph(pdf, measure, block.text, 8.5 if block.muted else 10.5, bold=block.bold)
            pdf.set_text_color(0)
            pdf.ln(1.5)
        elif isinstance(block, Bullets):
            for item in block.items:
                paragraph(pdf, measure, f"•  {item}", 10.5)
                pdf.ln(0.8)
            pdf.ln(1)
        elif isinstance(block, Table):
            table(pdf, measure, block.header, block.rows, block.widths, shade=TRACK)
        elif isinstance(block, PoleChart):
            _chart(pdf, block)
        elif isinstance(block, PageBreak):
            pdf.add_page()
    return pdf


def chart_png(chart: PoleChart) -> tuple[bytes, float, float]:
    """The chart as a PNG (for the editable document), and its size in millimetres.

    Drawn like the printed one, at 150 dots per inch, with the same font.
    """
    from PIL import Image, ImageDraw, ImageFont

    dots = 150 / 25.4  # per millimetre
    width_mm = 170.0
    height_mm = 12 + ROW * len(chart.bars)

    def px(mm: float) -> int:
        return round(mm * dots)

    image = Image.new("L", (px(width_mm), px(height_mm)), 255)
    draw_ = ImageDraw.Draw(image)
    regular = ImageFont.truetype(str(FONTS / "LiberationSans-Regular.ttf"), px(3.2))
    bold = ImageFont.truetype(str(FONTS / "LiberationSans-Bold.ttf"), px(3.5))
    small = ImageFont.truetype(str(FONTS / "LiberationSans-Regular.ttf"), px(2.8))
    left = LABEL_WIDTH
    width = width_mm - LABEL_WIDTH - VALUE_WIDTH
    draw_.text((0, 0), chart.title, font=bold, fill=0)
    draw_.text((px(left), px(5.5)), f"← {chart.low}", font=small, fill=GREY)
    draw_.text((px(left + width), px(5.5)), f"{chart.high} →", font=small, fill=GREY, anchor="ra")
    y = 10.0
    for bar in chart.bars:
        top = y + (ROW - BAR) / 2
        draw_.text((0, px(top)), bar.label, font=regular, fill=0)
        draw_.rectangle((px(left), px(top), px(left + width), px(top + BAR)), fill=TRACK)
        if bar.position is not None:
            end = left + width * bar.position / 100
            draw_.rectangle((px(left), px(top), px(end), px(top + BAR)), fill=FILL)
            draw_.line((px(end), px(top - 1), px(end), px(top + BAR + 1)), fill=0, width=px(0.6))
        draw_.rectangle((px(left), px(top), px(left + width), px(top + BAR)), outline=0)
        draw_.text((px(left + width + 2), px(top)), position_text(bar), font=regular, fill=0)
        y += ROW
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), width_mm, height_mm
