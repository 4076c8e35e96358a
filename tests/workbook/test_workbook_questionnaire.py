"""The questionnaire in the workbook, read back: Baromètre, Questionnaire, codebook, radar."""

from __future__ import annotations

import copy
import re
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.chart import RadarChart
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from vitalite_tui.demo import create_demo
from vitalite_tui.domain.barometer import BANDS, FORMULA, IndicatorBarometer
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.questionnaire_form import form_from_definition
from vitalite_tui.formats.cells import local_time
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import SheetDraft, SheetMode
from vitalite_tui.store.questionnaire.responses import default_definition
from vitalite_tui.workbook import export_workbook
from vitalite_tui.workbook.questionnaire import unique

ROOT = Path(__file__).resolve().parents[2]

SHEET_HEADERS = ["N° de fiche", "Questionnaire", "Collectée le", "Saisie le", "Mode", "Vérifiée"]
PROFILE_CODES = ["commune", "age", "anciennete", "situation"]
BAROMETER_HEADERS = [
    "Segment",
    "Valeur",
    "Fiches",
    "Indicateur",
    "Nom de l'indicateur",
    "Pôle vitalité",
    "Pôle dépression",
    "n",
    "Score vitalité (V)",
    "Score dépression (D)",
    "Position",
    *(f"Position {band}" for band in BANDS),
]
CODEBOOK_HEADERS = [
    "Code",
    "Type",
    "Intitulé",
    "Indicateur",
    "Nom de l'indicateur",
    "Pôle",
    "Nom du pôle",
    "Échelle",
    "Valeurs",
    "Questionnaire",
]
COLLECTED = datetime(2026, 9, 12, 9, 30)  # naive UTC, as the store keeps it


def table_of(sheet: Worksheet) -> tuple[list[str], list[list[Any]]]:
    """The header and the data rows of the sheet's one table (its empty row left out)."""
    (table,) = sheet.tables.values()
    rows = [[cell.value for cell in row] for row in sheet[table.ref]]
    data = [row for row in rows[1:] if any(value is not None for value in row)]
    return [str(value) for value in rows[0]], data


def records(sheet: Worksheet) -> list[dict[str, Any]]:
    header, rows = table_of(sheet)
    return [dict(zip(header, row, strict=True)) for row in rows]


def summary_rows(book: Workbook) -> dict[str, list[Any]]:
    """The Synthèse's rows by the label in column A."""
    rows = book["Synthèse"].iter_rows(values_only=True)
    return {str(row[0]): list(row[1:]) for row in rows if row and row[0]}


def radar_table(book: Workbook) -> dict[str, list[Any]]:
    """The four rows of the barometer's block on the Synthèse, by indicator."""
    rows = list(book["Synthèse"].iter_rows(values_only=True))
    start = [row[0] for row in rows].index("Baromètre de la vitalité sociale (questionnaires)")
    return {str(row[0]): list(row[1:]) for row in rows[start + 2 : start + 6]}


def export(store: Store, demarche_id: str, tmp_path: Path) -> tuple[Path, Workbook]:
    result = export_workbook(store, demarche_id, tmp_path / "classeurs")
    return result.path, load_workbook(result.path)


def answers(value: int) -> dict[str, int | None]:
    return {item["code"]: value for item in default_definition()["items"]}


@pytest.fixture
def versions(store: Store, demarche_id: str) -> str:
    """Three sheets of version 1.0 (paper, verified, imported), one of a version 2.0.

    Version 2.0 drops the last item and adds `I4_X1`: the barometer, computed with 2.0,
    leaves the three earlier sheets out; the workbook shows every column of both.
    """
    first = answers(3) | {"I1_V1": 0, "I2_D3": 0}  # two « sans réponse »
    store.responses.save_sheet(
        demarche_id,
        SheetDraft(1, {"commune": "Lagrasse", "age": "75-plus", "situation": "retraite"}, first),
    )
    second = store.responses.save_sheet(
        demarche_id, SheetDraft(2, {"commune": "Fabrezan", "age": "25-39"}, answers(4))
    )
    store.responses.mark_verified(second)
    imported = SheetDraft(
        None, {"commune": "Ribaute"}, answers(2), SheetMode.IMPORT, collected_at=COLLECTED
    )
    store.responses.add_imported(demarche_id, [(imported, "kobo-uuid-1")])
    newer = copy.deepcopy(default_definition())
    newer["version"] = "2.0"
    last = newer["items"].pop()
    newer["items"].append(last | {"code": "I4_X1", "text": "Une phrase nouvelle."})
    store.questionnaires.register(newer)
    store.questionnaires.choose(demarche_id, "sociabilite", "2.0")
    fourth = {item["code"]: 1 for item in newer["items"]}
    store.responses.save_sheet(demarche_id, SheetDraft(4, {"commune": "Lagrasse"}, fourth))
    return demarche_id


# ---------------------------------------------------------------- Questionnaire


def test_one_row_per_sheet_one_column_per_item_of_every_version(
    store: Store, versions: str, tmp_path: Path
) -> None:
    _, book = export(store, versions, tmp_path)
    sheet = book["Questionnaire"]
    header, _ = table_of(sheet)
    current = [item.code for item in store.responses.form(versions).items]
    assert header == [*SHEET_HEADERS, *PROFILE_CODES, *current, "I4_D3"]
    rows = records(sheet)
    assert len(rows) == store.responses.count(versions) == 4
    stored = {record.sheet_number: record for record in store.responses.all(versions)}
    assert [row["N° de fiche"] for row in rows] == [1, 2, 3, 4]
    for row in rows:
        record = stored[row["N° de fiche"]]
        assert row["Questionnaire"] == f"sociabilite {record.questionnaire_version}"
        assert isinstance(row["Saisie le"], datetime)
        assert abs(row["Saisie le"] - local_time(record.created_at)) < timedelta(milliseconds=1)
        assert row["Mode"] == record.mode.value
        assert row["Vérifiée"] == ("oui" if record.verified else "non")
        for code, value in record.answers.items():
            assert row[code] == (value or None), (row["N° de fiche"], code)
        for code in set(header[len(SHEET_HEADERS) + len(PROFILE_CODES) :]) - set(record.answers):
            assert row[code] is None  # an item of the other version: empty, never 0
        numbers = [v for k, v in row.items() if k in record.answers and v is not None]
        assert numbers
        assert all(type(v) is int for v in numbers)
    one, two, three, four = rows
    assert (one["I1_V1"], one["I2_D3"], one["I1_V2"]) == (None, None, 3)
    assert one["age"] == "75 ans et plus"  # the label, not the stored value
    assert one["situation"] == "Retraité(e)"
    assert two["anciennete"] is None
    assert two["Vérifiée"] == "oui"
    assert (three["Mode"], three["commune"]) == ("import", "Ribaute")
    assert three["Collectée le"] == local_time(COLLECTED)
    assert one["Collectée le"] is None
    assert (four["Questionnaire"], four["I4_X1"], four["I4_D3"]) == ("sociabilite 2.0", 1, None)
    (collected,) = [c for c in sheet["C"] if isinstance(c.value, datetime)]
    assert collected.number_format == "DD/MM/YYYY HH:MM"


def test_the_long_form_holds_the_same_answers_one_per_row(
    store: Store, versions: str, tmp_path: Path
) -> None:
    _, book = export(store, versions, tmp_path)
    header, _ = table_of(book["Questionnaire (long)"])
    assert header == ["N° de fiche", "Code", "Valeur", "Indicateur", "Pôle"]
    long = records(book["Questionnaire (long)"])
    wide = records(book["Questionnaire"])
    # The same (fiche, code, value) triples as the wide sheet's answered cells: one source.
    forms = store.exports.questionnaire(versions).forms
    items = {item.code for form in forms for item in form.items}
    expected = {
        (row["N° de fiche"], code, value)
        for row in wide
        for code, value in row.items()
        if code in items and value is not None
    }
    assert {(r["N° de fiche"], r["Code"], r["Valeur"]) for r in long} == expected
    assert len(long) == len(expected)
    assert all(type(r["Valeur"]) is int and type(r["Indicateur"]) is int for r in long)
    assert {r["Pôle"] for r in long} <= {"vitalité", "dépression"}


def test_the_codebook_explains_every_column(store: Store, versions: str, tmp_path: Path) -> None:
    _, book = export(store, versions, tmp_path)
    header, _ = table_of(book["Codebook questionnaire"])
    assert header == CODEBOOK_HEADERS
    rows = records(book["Codebook questionnaire"])
    columns, _ = table_of(book["Questionnaire"])
    assert {row["Code"] for row in rows} >= set(columns)  # nothing left unexplained
    assert [row["Code"] for row in rows if row["Type"] == "fiche"] == SHEET_HEADERS
    current = store.responses.form(versions)
    older = form_from_definition(default_definition(), current.communes)
    expected = 6 + sum(len(form.profile) + len(form.items) for form in (current, older))
    assert len(rows) == expected
    # The current version first, then the older one.
    assert [r["Questionnaire"] for r in rows if r["Type"] != "fiche"] == ["sociabilite 2.0"] * (
        4 + 24
    ) + ["sociabilite 1.0"] * (4 + 24)
    (item,) = [r for r in rows if r["Code"] == "I1_V1" and r["Questionnaire"] == "sociabilite 2.0"]
    spec = current.item("I1_V1")
    assert spec is not None
    assert item == {
        "Code": "I1_V1",
        "Type": "question",
        "Intitulé": spec.text,
        "Indicateur": 1,
        "Nom de l'indicateur": "Sociabilité",
        "Pôle": "vitalité",
        "Nom du pôle": "Rendez-vous",
        "Échelle": "accord4",
        "Valeurs": "1 = Pas du tout d'accord ; 2 = Plutôt pas d'accord ; 3 = Plutôt d'accord ; "
        "4 = Tout à fait d'accord ; vide = Sans réponse",
        "Questionnaire": "sociabilite 2.0",
    }
    (depression,) = [r for r in rows if r["Code"] == "I2_D1" and r["Questionnaire"].endswith("2.0")]
    assert (depression["Pôle"], depression["Nom du pôle"]) == ("dépression", "Impuissance")
    (age,) = [r for r in rows if r["Code"] == "age" and r["Questionnaire"].endswith("2.0")]
    assert age["Type"] == "profil"
    assert age["Intitulé"] == "Tranche d'âge"
    assert age["Valeurs"].startswith("Moins de 25 ans (moins-25) ; 25 à 39 ans (25-39)")
    (commune,) = [r for r in rows if r["Code"] == "commune" and r["Questionnaire"].endswith("2.0")]
    assert commune["Valeurs"] == "une commune de la démarche : Lagrasse, Fabrezan, Ribaute"


def test_the_export_reads_the_same_sheets_as_the_store(store: Store, versions: str) -> None:
    """The one fast reading of every sheet (the workbook's) agrees with reading each alone."""
    typed = store.responses.all_with_forms(versions)
    assert len(typed) == 4
    assert typed == [
        (store.responses.get(s.id), store.responses.sheet_form(s.id)) for s, _ in typed
    ]
    store.responses.remove(typed[1][0].id)
    every = store.responses.all_with_forms(versions, include_removed=True)
    assert [s.deleted for s, _ in every] == [False, True, False, False]


# ---------------------------------------------------------------- Baromètre


def check_row(row: dict[str, Any], sheets: int, result: IndicatorBarometer) -> None:
    indicator = INDICATORS[result.indicator - 1]
    assert row["Fiches"] == sheets
    assert (row["Indicateur"], row["Nom de l'indicateur"]) == (
        indicator.number,
        indicator.short_name,
    )
    assert (row["Pôle vitalité"], row["Pôle dépression"]) == (
        indicator.vitality,
        indicator.depression,
    )
    assert row["n"] == result.n
    for header, value in (
        ("Score vitalité (V)", result.vitality),
        ("Score dépression (D)", result.depression),
        ("Position", result.position),
    ):
        if value is None:
            assert row[header] is None
        else:
            assert isinstance(row[header], (int, float))
            assert row[header] == pytest.approx(value, abs=0.05)  # one decimal
    bands = [row[f"Position {band}"] for band in BANDS]
    assert bands == list(result.distribution)
    assert sum(bands) == result.n


@pytest.mark.demo("small")
def test_the_barometer_sheet_matches_the_store_whole_and_by_every_segment(
    store: Store, tmp_path: Path
) -> None:
    demo = create_demo(store, "small").demarche_id
    _, book = export(store, demo, tmp_path)
    header, _ = table_of(book["Baromètre"])
    assert header == BAROMETER_HEADERS
    rows = records(book["Baromètre"])
    whole = store.barometer.measured(demo)
    assert whole.sheets == 80
    for row, result in zip(rows[:4], whole.indicators, strict=True):
        assert (row["Segment"], row["Valeur"]) == ("Ensemble", "toutes les fiches")
        check_row(row, 80, result)
    expected = 4
    for choice in store.barometer.segments(demo):
        split = store.barometer.measured(demo, choice.code)
        for group in split.segments:
            mine = [r for r in rows if (r["Segment"], r["Valeur"]) == (choice.label, group.label)]
            assert len(mine) == 4, (choice.label, group.label)
            for row, result in zip(mine, group.indicators, strict=True):
                check_row(row, group.sheets, result)
            expected += 4
    assert len(rows) == expected
    # One field: its values' sheets add up to every sheet.
    communes = [r for r in rows if r["Segment"] == "Commune de résidence" and r["Indicateur"] == 1]
    assert sum(r["Fiches"] for r in communes) == 80


def test_sheets_of_another_version_are_said_left_out(
    store: Store, versions: str, tmp_path: Path
) -> None:
    _, book = export(store, versions, tmp_path)
    rows = records(book["Baromètre"])
    assert {r["Fiches"] for r in rows if r["Segment"] == "Ensemble"} == {1}
    texts = [str(c.value) for row in book["Baromètre"].iter_rows() for c in row if c.value]
    (note,) = [t for t in texts if t.startswith("3 fiches saisies avec une autre version")]
    assert note.endswith("calculé avec sociabilite 2.0.")
    figures = summary_rows(book)
    assert figures["Questionnaires saisis"][0] == 4  # every sheet typed, counted or not
    assert radar_table(book)["I1 · Sociabilité"][2] == 1  # n: the one sheet of version 2.0


# ---------------------------------------------------------------- Synthèse


def radar_of(book: Workbook) -> RadarChart:
    (radar,) = [chart for chart in book["Synthèse"]._charts if isinstance(chart, RadarChart)]
    return radar


@pytest.mark.demo("small")
def test_the_summary_has_the_figure_and_a_radar_of_the_four_positions(
    store: Store, tmp_path: Path
) -> None:
    demo = create_demo(store, "small").demarche_id
    path, book = export(store, demo, tmp_path)
    figures = summary_rows(book)
    assert figures["Questionnaires saisis"][0] == store.responses.count(demo) == 80
    whole = store.barometer.measured(demo)
    table = radar_table(book)
    for indicator, result in zip(INDICATORS, whole.indicators, strict=True):
        row = table[f"{indicator.code} · {indicator.short_name}"]
        assert row[0] == indicator.poles_label
        assert result.position is not None
        assert row[1] == pytest.approx(result.position, abs=0.05)
        assert row[2] == result.n
    radar = radar_of(book)
    # The radar, felt against measured, the attendance bars and the top actions of the vote.
    assert len(book["Synthèse"]._charts) == 4
    (series,) = radar.series
    # The radar draws the four positions of the table above it, named by indicator.
    values = series.val.numRef.f
    categories = series.cat.strRef.f if series.cat.strRef else series.cat.numRef.f
    match = re.fullmatch(r"'Synthèse'!\$C\$(\d+):\$C\$(\d+)", values)
    assert match is not None, values
    first, last = (int(group) for group in match.groups())
    assert last - first == 3
    sheet = book["Synthèse"]
    assert [sheet.cell(r, 1).value for r in range(first, last + 1)] == [
        f"{i.code} · {i.short_name}" for i in INDICATORS
    ]
    assert categories == f"'Synthèse'!$A${first}:$A${last}"
    assert radar.y_axis.scaling.min == 0
    assert radar.y_axis.scaling.max == 100
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert any(re.search("<(c:)?radarChart>", archive.read(n).decode()) for n in charts)


def test_an_empty_demarche_has_the_sheets_and_no_radar(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    _, book = export(store, demarche_id, tmp_path)
    for title in ("Baromètre", "Questionnaire"):
        assert table_of(book[title])[1] == []
        assert book[title]["A3"].value == "Aucun questionnaire saisi pour l'instant."
    assert len(records(book["Codebook questionnaire"])) == 6 + 4 + 24  # the default version
    assert book["Synthèse"]._charts == []
    figures = summary_rows(book)
    assert figures["Questionnaires saisis"][0] == 0
    assert "Aucun questionnaire saisi pour l'instant. Pas de radar." in figures


def test_the_register_declares_the_questionnaire(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    _, book = export(store, demarche_id, tmp_path)
    rows = book["Registre RGPD"].iter_rows(min_row=3, values_only=True)
    register = {row[0]: row[1] for row in rows}
    held = register["Feuilles concernées"]
    assert "Questionnaire : réponses anonymes au questionnaire (aucun nom)" in held
    assert "Baromètre : " in held
    assert "Codebook questionnaire" not in held


@pytest.mark.demo("large")
def test_the_large_demo_still_exports(store: Store, tmp_path: Path) -> None:
    demo = create_demo(store, "large").demarche_id
    result = export_workbook(store, demo, tmp_path / "classeurs")
    book = load_workbook(result.path, read_only=True)
    try:
        assert result.rows("Questionnaire") == store.responses.count(demo) == 300
        values = sum(
            len(store.barometer.measured(demo, choice.code).segments)
            for choice in store.barometer.segments(demo)
        )
        assert result.rows("Baromètre") == 4 * (1 + values)
        rows = list(book["Questionnaire"].iter_rows(min_row=2, values_only=True))
        assert len(rows) == 300
        assert all(isinstance(row[0], int) for row in rows)
    finally:
        book.close()


# ---------------------------------------------------------------- the formula, said twice


def test_the_readme_states_the_formula_of_the_f1_help() -> None:
    readme = (ROOT / "exports" / "README.md").read_text(encoding="utf-8")
    assert " ".join(FORMULA.split()) in " ".join(readme.split())


def test_headers_stay_unique_for_excel() -> None:
    """A profile field coded « mode » would repeat a column: Excel refuses such a table."""
    assert unique(["Mode", "mode", "I1_V1", "MODE"]) == ["Mode", "mode (2)", "I1_V1", "MODE (3)"]
