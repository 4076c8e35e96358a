"""How the workbook prints on A4: the settings read back, and the large demo through LibreOffice."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from vitalite_tui.store import Store
from vitalite_tui.workbook import export_workbook
from vitalite_tui.workbook.charts import CHART_ROWS, RADAR_ROWS
from vitalite_tui.workbook.printing import (
    MIN_SCALE,
    PAGE_HEIGHT,
    PAPER_A4,
    SMALLEST_SCALE,
    narrowed,
    print_fit,
    text_lines,
)
from vitalite_tui.workbook.sheet import LINE_HEIGHT

#: The type size of an action's title on its card.
HEADING_SIZE = 12
#: Pages the large demo's workbook may take at most (about 370 when this was written).
MAX_PAGES = 450
#: Height of a word of 11 pt type printed at 100 %, as `pdftotext -bbox` measures it.
FULL_SIZE_WORD = 14.3


def printed_widths(sheet: Worksheet) -> list[float]:
    """The widths of the columns inside the print area (all of them without one)."""
    widths = {
        column_index_from_string(letter): dimension.width
        for letter, dimension in sheet.column_dimensions.items()
        if dimension.width
    }
    last = max(widths, default=1)
    if sheet.print_area:
        last = column_index_from_string(re.findall(r"\$?([A-Z]+)\$?\d+", sheet.print_area)[-1])
    return [widths.get(index, 8.43) for index in range(1, last + 1)]


def test_narrowed_brings_the_wide_text_columns_down_to_one_cap() -> None:
    widths = narrowed([10, 80, 40, 10, 60], [False, True, True, False, True])
    assert widths[0] == widths[3] == 10
    assert widths[1] == widths[4] < 60
    assert widths[2] <= widths[1]
    assert print_fit(widths).scale >= MIN_SCALE - 0.01
    assert narrowed([10, 20], [False, True]) == [10, 20]  # fits: untouched
    assert print_fit([30, 30]).orientation == "portrait"
    assert print_fit([60, 60]).orientation == "landscape"
    many = print_fit([10] * 40)  # far too wide for one page: two or more across, readable
    assert many.pages_wide > 1
    assert many.scale >= MIN_SCALE
    assert text_lines("a" * 30, 12) == 3
    assert text_lines("un\ndeux", 40) == 2


@pytest.mark.demo("small")
def test_every_sheet_prints_readable_on_a4(store: Store, tmp_path: Path) -> None:
    (demarche,) = store.demarches.all()
    book = load_workbook(export_workbook(store, demarche.id, tmp_path).path)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert int(setup.paperSize) == PAPER_A4, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert int(setup.fitToHeight) == 0, sheet.title  # as long as it needs: never squeezed
        footer = sheet.oddFooter.center.text
        assert all(field in footer for field in ("&A", "&P", "&N")), sheet.title
        fit = print_fit(printed_widths(sheet))
        assert setup.orientation == fit.orientation, sheet.title
        assert int(setup.fitToWidth) == fit.pages_wide, sheet.title
        assert fit.scale >= SMALLEST_SCALE, sheet.title
        if sheet.tables:
            assert sheet.print_title_rows == "$1:$1", sheet.title
        if fit.pages_wide > 1:
            assert sheet.print_title_cols == "$A:$A", sheet.title
    # The sheets a technician prints first: one action per portrait page, texts wrapped.
    cards = book["Fiches actions"]
    kept = [row[0].row for row in cards.iter_rows(max_col=1) if row[0].font.sz == HEADING_SIZE]
    assert len(kept) == 5
    assert [brk.id for brk in cards.row_breaks.brk] == [row - 1 for row in kept[1:]]
    assert cards.page_setup.orientation == "portrait"
    # The long form repeats the Questionnaire sheet for pivot tables: its header alone prints.
    long = book["Questionnaire (long)"]
    assert str(long.print_area).endswith("!$A$1:$E$1")
    assert "non imprimées, voir Questionnaire" in long.oddFooter.center.text
    # Contributions: the text wrapped in a column of its own, the details out of print.
    notes = book["Contributions"]
    text = next(cell for cell in notes[1] if cell.value == "Texte")
    assert f"${text.column_letter}$" in str(notes.print_area)
    assert any(notes.cell(row, text.column).alignment.wrap_text for row in range(2, 40))
    tall = [row for row, dimension in notes.row_dimensions.items() if dimension.height]
    assert tall
    for row in tall:
        text = notes.cell(row, 8).value
        if isinstance(text, str) and row > 1:
            lines = text_lines(text, notes.column_dimensions["H"].width)
            assert notes.row_dimensions[row].height >= LINE_HEIGHT * min(lines, 20)


@pytest.mark.demo("small")
def test_no_chart_of_the_synthese_spans_two_pages(store: Store, tmp_path: Path) -> None:
    (demarche,) = store.demarches.all()
    sheet = load_workbook(export_workbook(store, demarche.id, tmp_path).path)["Synthèse"]
    fit = print_fit(printed_widths(sheet))
    page = PAGE_HEIGHT[fit.orientation] / fit.scale
    breaks = {brk.id for brk in sheet.row_breaks.brk}
    charts = sheet._charts
    assert len(charts) >= 3
    # Where each row starts on its page, laid out as LibreOffice does.
    top: dict[int, float] = {}
    used = 0.0
    for row in range(1, sheet.max_row + 60):
        height = sheet.row_dimensions[row].height or LINE_HEIGHT
        if used + height > page:
            used = 0.0
        top[row] = used
        used += height
        if row in breaks:
            used = 0.0
    for chart in charts:
        anchor = chart.anchor._from.row + 1
        rows = RADAR_ROWS if chart.tagname == "radarChart" else CHART_ROWS
        assert top[anchor] + rows * LINE_HEIGHT <= page, f"chart at row {anchor}"


def _word_heights(html: str) -> list[list[float]]:
    """The height of every word, page by page, in `pdftotext -bbox` output."""
    return [
        [float(bottom) - float(top) for top, bottom in re.findall(WORD_BOX, page)]
        for page in html.split("<page ")[1:]
    ]


WORD_BOX = r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"'


@pytest.mark.demo("large")
def test_the_large_demo_prints_readable_through_libreoffice(store: Store, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) n'est pas installé : conversion en PDF impossible")
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdfinfo, pdftotext) n'est pas installé : PDF illisible")
    (demarche,) = store.demarches.all()
    path = export_workbook(store, demarche.id, tmp_path / "classeur").path
    profile = (tmp_path / "profil").as_uri()  # its own profile: no clash with another soffice
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    pdf = tmp_path / path.with_suffix(".pdf").name
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert pages <= MAX_PAGES
    boxes = tmp_path / "mots.html"
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(boxes)], check=True, timeout=120)
    heights = _word_heights(boxes.read_text(encoding="utf-8"))
    assert len(heights) == pages
    # The type of each page, as printed: its most common word height against 11 pt at 100 %.
    scales = [statistics.mode(page) / FULL_SIZE_WORD for page in heights if page]
    assert min(scales) >= SMALLEST_SCALE - 0.02, sorted(scales)[:5]
