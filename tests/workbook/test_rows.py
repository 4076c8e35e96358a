"""Rows written as XML text by `workbook.rows`: byte for byte what openpyxl itself writes."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import LXML, Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.xml.functions import xmlfile

from vitalite_tui.formats.cells import CellMaker
from vitalite_tui.store import Store
from vitalite_tui.workbook import rows, writer
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.rows import FastSheet, create_sheet, text_stream

SheetMaker = Callable[[Workbook, str], WriteOnlyWorksheet]


def plain_sheet(workbook: Workbook, title: str) -> WriteOnlyWorksheet:
    return workbook.create_sheet(title)


def written(
    path: Path, make: SheetMaker, rows: Callable[[WriteOnlyWorksheet], list[Sequence[Any]]]
) -> dict[str, bytes]:
    """Every part of a one-sheet workbook whose rows `rows(sheet)` gives, as saved."""
    workbook = Workbook(write_only=True)
    sheet = make(workbook, "Feuille")
    sheet.row_dimensions[4].height = 45  # a row with a height of its own
    for row in rows(sheet):
        sheet.append(row)
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def same_as_openpyxl(
    tmp_path: Path, rows: Callable[[WriteOnlyWorksheet], list[Sequence[Any]]]
) -> None:
    fast = written(tmp_path / "fast.xlsx", create_sheet, rows)
    plain = written(tmp_path / "plain.xlsx", plain_sheet, rows)
    fast.pop("docProps/core.xml"), plain.pop("docProps/core.xml")  # the time of saving
    assert fast.keys() == plain.keys()
    for name in plain:
        assert fast[name] == plain[name], name


def test_the_sheets_of_an_export_write_their_rows_themselves() -> None:
    # Without lxml (not a dependency), openpyxl streams through a writer that takes text.
    assert not LXML
    assert type(create_sheet(Workbook(write_only=True), "Feuille")) is FastSheet
    with xmlfile(BytesIO()) as stream, stream.element("sheetData"):
        assert text_stream(stream) is not None


def test_a_stream_that_takes_no_text_leaves_every_cell_to_openpyxl() -> None:
    class TreeStream:  # et_xmlfile before 2: a file object it writes the whole tree to
        _file = BytesIO()

    assert text_stream(TreeStream()) is None


def test_without_a_text_stream_openpyxl_writes_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rows, "text_stream", lambda _: None)
    same_as_openpyxl(tmp_path, mixed_rows)


def test_texts_come_out_as_openpyxl_writes_them(tmp_path: Path) -> None:
    texts = [
        "Salle des fêtes",
        "R&D <b> « fin » > début",
        "  espaces autour  ",
        "   ",
        " début",
        "fin\n",
        "deux\nlignes\tet tabulation",
        "\r\nretour",
        "guillemets \" et ' apostrophes",
        "=",
        "=SOMME(A1:A3)",
        "#N/A",
        "#DIV/0!",
        "emoji 🌻 et idéogrammes 漢字",
        "x" * 40_000,  # openpyxl cuts it to 32,767 characters
        "",
    ]
    same_as_openpyxl(tmp_path, lambda _: [[text, "suite"] for text in texts])


def test_numbers_come_out_as_openpyxl_writes_them(tmp_path: Path) -> None:
    numbers: list[Any] = [0, -7, 10**20, 2**53 + 1, 0.1, -0.0, 1e-30, 1 / 3, 52.9]
    numbers += [float("nan"), float("inf"), True, False, Decimal("1.5")]
    same_as_openpyxl(tmp_path, lambda _: [[number, None, number] for number in numbers])


def mixed_rows(sheet: WriteOnlyWorksheet) -> list[Sequence[Any]]:
    """Dates, styled cells, gaps, a row with a height (the fourth), columns past Z."""
    cells = CellMaker(sheet)
    bold = WriteOnlyCell(sheet, value="gras")
    bold.font = Font(bold=True)
    styled_but_empty = WriteOnlyCell(sheet)
    styled_but_empty.font = Font(italic=True)
    return [
        [cells.title("Titre"), None, "après un trou", styled_but_empty],
        [],
        [datetime(2026, 3, 14, 18, 30), date(2026, 3, 14), time(9, 5), timedelta(hours=1)],
        [date(1900, 2, 1), datetime(1899, 12, 31, 12), cells.value(date(1900, 3, 1))],
        ["une ligne haute", cells.wrapped("texte\nsur\ntrois lignes"), 3],
        [cells.value(datetime(2026, 3, 14, 18, 30)), cells.value(date(2026, 1, 2))],
        [cells.text("=1+1"), cells.text("-2"), cells.percent(0.25), bold],
        [None, None, None],
        [None] * 30 + ["colonne AE", 31],
    ]


def test_dates_styled_cells_gaps_and_heights_come_out_as_openpyxl_writes_them(
    tmp_path: Path,
) -> None:
    same_as_openpyxl(tmp_path, mixed_rows)


def test_dates_written_as_iso_text_come_out_as_openpyxl_writes_them(tmp_path: Path) -> None:
    def rows(sheet: WriteOnlyWorksheet) -> list[Sequence[Any]]:
        sheet.parent.iso_dates = True
        return mixed_rows(sheet)

    same_as_openpyxl(tmp_path, rows)


@pytest.mark.parametrize("make", [create_sheet, plain_sheet])
def test_a_time_zone_is_refused_the_same(tmp_path: Path, make: SheetMaker) -> None:
    def rows(sheet: WriteOnlyWorksheet) -> list[Sequence[Any]]:
        return [[CellMaker(sheet).value(datetime(2026, 3, 14, tzinfo=timezone.utc))]]

    with pytest.raises(TypeError):
        written(tmp_path / "zoned.xlsx", make, rows)


@pytest.mark.parametrize("make", [create_sheet, plain_sheet])
def test_characters_openpyxl_refuses_are_refused_the_same(tmp_path: Path, make: SheetMaker) -> None:
    with pytest.raises(IllegalCharacterError):
        written(tmp_path / "refused.xlsx", make, lambda _: [["bip \x07 bip"]])


@pytest.mark.demo("small")
def test_the_demo_export_is_the_same_file_as_with_openpyxl_alone(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (demarche,) = store.demarches.all()

    def parts(name: str) -> dict[str, bytes]:
        # One moment for both: the Synthèse and the register show when it was produced.
        context = ExportContext(store, demarche.id, started=datetime(2026, 12, 7, 4, 30))
        with store.exports.reading():
            path, _ = writer.write_workbook(context, tmp_path / name)
        with zipfile.ZipFile(path) as archive:
            return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}

    fast = parts("fast.xlsx")
    monkeypatch.setattr(writer, "create_sheet", plain_sheet)
    plain = parts("plain.xlsx")
    assert fast.keys() == plain.keys()
    assert [name for name in plain if fast[name] != plain[name]] == []
