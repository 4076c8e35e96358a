"""What a spreadsheet of answers holds as people really save it: blank and unnumbered rows,
typographic apostrophes, decimal commas, dates re-saved by French Excel, offsets without a
colon, and our own export's Questionnaire sheet read back."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from vitalite_tui.formats.answers_reader import parse_moment
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import SheetDraft, SheetMode
from vitalite_tui.store.questionnaire.responses import default_definition
from vitalite_tui.workbook import export_workbook

CODES = [item["code"] for item in default_definition()["items"]]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def row(number: Any, commune: str, value: Any, **changes: Any) -> list[Any]:
    values = {code: value for code in CODES} | changes
    return [number, commune, *(values[code] for code in CODES)]


HEADER = ["fiche", "commune", *CODES]


@pytest.fixture
def paris_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The laptop's clock in France (summer time in September: UTC+2)."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_blank_and_unnumbered_rows_are_said(store: Store, demarche_id: str, tmp_path: Path) -> None:
    source = write_xlsx(
        tmp_path / "saisie.xlsx",
        [
            HEADER,
            row(1, "Lagrasse", 3),  # 2
            [2],  # 3: numbered in advance, never typed: not a sheet
            [],  # 4: an empty line between two sheets
            row(None, "Ribaute", 2),  # 5: no number
            row(None, "Fabrezan", 4),  # 6: no number
            [None, "  "],  # 7: a space alone
            row(3, "Lagrasse", 1),  # 8
            [],  # trailing empty lines are nobody's business
            [],
        ],
    )
    report = store.responses.import_file(demarche_id, source)
    assert report.added == 4
    assert report.rows == 4
    assert report.blank == (3, 4, 7)
    assert report.numbered == ((5, 4), (6, 5))
    assert report.lines()[2:4] == [
        "  3 lignes vides ignorées (lignes 3, 4, 7)",
        "  2 fiches sans numéro, numérotées à l'import : n° 4 à 5 (lignes 5, 6)",
    ]
    numbers = {sheet.sheet_number or 0: sheet for sheet in store.responses.all(demarche_id)}
    assert sorted(numbers) == [1, 3, 4, 5]  # no sheet made of a blank row
    assert numbers[4].profile == {"commune": "Ribaute"}


def test_typographic_apostrophes_and_decimal_commas_are_answers(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    source = tmp_path / "saisie.csv"
    lines = [
        ";".join(["fiche", "situation", *CODES]),
        ";".join(["1", "En recherche d\u2019emploi", *["Plutôt d\u2019accord"] * len(CODES)]),
        ";".join(["2", "", *["2,0"] * len(CODES)]),
        ";".join(["3", "", *["4.0"] * len(CODES)]),
        ";".join(["4", "", *["Tout\u00a0à fait d\u2019accord"] * len(CODES)]),
    ]
    source.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    report = store.responses.import_file(demarche_id, source)
    assert report.rejected == ()
    values = {s.sheet_number: set(s.answers.values()) for s in store.responses.all(demarche_id)}
    assert values == {1: {3}, 2: {2}, 3: {4}, 4: {4}}
    (first,) = [s for s in store.responses.all(demarche_id) if s.sheet_number == 1]
    assert first.profile == {"situation": "recherche"}


def test_a_whole_number_as_an_excel_float_cell(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    source = write_xlsx(tmp_path / "saisie.xlsx", [HEADER, row(7.0, "Lagrasse", 2.0)])
    report = store.responses.import_file(demarche_id, source)
    assert (report.added, report.rejected) == (1, ())
    (sheet,) = store.responses.all(demarche_id)
    assert sheet.sheet_number == 7
    assert set(sheet.answers.values()) == {2}


def test_dates_re_saved_by_french_excel_are_read_as_local_time(
    store: Store, demarche_id: str, tmp_path: Path, paris_time: None
) -> None:
    source = write_xlsx(
        tmp_path / "kobo.xlsx",
        [
            ["end", *HEADER],
            ["10/09/2026 14:26", *row(1, "Lagrasse", 3)],  # text, as French Excel shows it
            [datetime(2026, 9, 10, 15, 0), *row(2, "Lagrasse", 3)],  # a real date cell
            ["2026-09-10T16:30:00.000+0200", *row(3, "Lagrasse", 3)],
        ],
    )
    store.responses.import_file(demarche_id, source)
    collected = {s.sheet_number: s.collected_at for s in store.responses.all(demarche_id)}
    assert collected == {
        1: datetime(2026, 9, 10, 12, 26),
        2: datetime(2026, 9, 10, 13, 0),
        3: datetime(2026, 9, 10, 14, 30),
    }


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        # ODK and Kobo: three digits of fraction, an offset with or without its colon.
        ("2026-09-08T10:15:00.000+02:00", datetime(2026, 9, 8, 8, 15)),
        ("2026-09-08T10:15:00.000+0200", datetime(2026, 9, 8, 8, 15)),
        ("2026-09-08T10:15:00+0200", datetime(2026, 9, 8, 8, 15)),
        ("2026-09-08T10:15:00.12-0130", datetime(2026, 9, 8, 11, 45, 0, 120000)),
        ("2026-09-08T08:20:00Z", datetime(2026, 9, 8, 8, 20)),
        ("2026-09-08T08:20:00", datetime(2026, 9, 8, 8, 20)),  # Kobo's _submission_time: UTC
        ("2026-09-08", datetime(2026, 9, 8)),
        ("2026-02-31", None),
        ("2026-09-08T10:15:00+2500", None),
        ("demain", None),
        ("", None),
    ],
)
def test_iso_moments_are_read_the_same_on_every_python(text: str, utc: datetime | None) -> None:
    assert parse_moment(text) == utc


def test_the_exported_questionnaire_sheet_imports_back(
    store: Store, demarche_id: str, tmp_path: Path, paris_time: None
) -> None:
    """Export, import into a fresh démarche of the same base: the same sheets."""
    store.responses.save_sheet(
        demarche_id,
        SheetDraft(
            1,
            {"commune": "Lagrasse", "age": "75-plus", "situation": "retraite"},
            {code: (index % 5) for index, code in enumerate(CODES)},
        ),
    )
    store.responses.save_sheet(demarche_id, SheetDraft(2, {"commune": "Fabrezan"}, {"I1_V1": 4}))
    imported = SheetDraft(
        None,
        {"commune": "Ribaute", "anciennete": "moins-2"},
        {code: 2 for code in CODES},
        SheetMode.IMPORT,
        collected_at=datetime(2026, 9, 8, 8, 15),
    )
    store.responses.add_imported(demarche_id, [(imported, "id:kobo-1")])
    exported = export_workbook(store, demarche_id, tmp_path / "classeurs").path

    fresh = store.demarches.create("Pays de Lambrenne", "Lagrasse, Fabrezan, Ribaute")
    report = store.responses.import_file(fresh, exported)
    assert (report.added, report.rejected, report.ignored_columns) == (3, (), ())

    def content(demarche: str) -> list[tuple[Any, ...]]:
        return sorted(
            (s.sheet_number or 0, s.profile, s.answers, s.collected_at)
            for s in store.responses.all(demarche)
        )

    assert content(fresh) == content(demarche_id)
    again = store.responses.import_file(fresh, exported)
    assert (again.added, len(again.duplicates)) == (0, 3)


def test_stored_numbers_are_found_by_index(store: Store, db_path: Path) -> None:
    """Each group of an import looks its numbers up among the stored sheets: without an
    index on them, every group read the démarche's sheets again (100,000 rows: quadratic)."""
    conn = sqlite3.connect(db_path)
    try:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT source_key, sheet_number FROM response "
            "WHERE demarche_id = ? AND deleted_at IS NULL AND sheet_number IN (1, 2)",
            ("0" * 32,),
        ).fetchall()
    finally:
        conn.close()
    assert "response_demarche_id_sheet_number" in str(plan)
