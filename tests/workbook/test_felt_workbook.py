"""The « Baromètre ressenti » and « Images » sheets, read back with openpyxl; the demo's fill."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from vitalite_tui.db.models import Note, Turn
from vitalite_tui.demo import create_demo
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import VALUES
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.felt.records import ImageDraft
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.questionnaire.records import SheetDraft, SheetMode
from vitalite_tui.workbook import export_workbook, registry
from vitalite_tui.workbook.felt import (
    FELT_COLUMNS,
    FELT_OTHER,
    IMAGE_COLUMNS,
    VERSUS_HEADING,
)

#: Names nobody writes by chance: any trace of them in the file is a leak.
NAMES = ("Hermeline Tournesol", "Gontran Piquebœuf", "Ysaure Calvet")


def rows_of(sheet: Worksheet) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and the rows of the sheet's table (what follows it left out)."""
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = [str(cell) for cell in values[0]]
    body = []
    for row in values[1:]:
        if not row or row[0] is None:
            break
        body.append(dict(zip(header, row, strict=False)))
    return header, body


@pytest.fixture
def scene(store: Store, demarche_id: str) -> list[str]:
    """Three people (élue, acteur, habitante), their felt values, stickers, two images and
    two questionnaire sheets that measure 100 on every indicator."""
    ids = []
    for name, college in zip(NAMES, College, strict=True):
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
        ids.append(person)
    store.felt.record(demarche_id, ids[0], [8, 6, 4, 2])
    store.felt.record(demarche_id, ids[2], [4, None, 4, 0])
    store.felt.set_count(demarche_id, 1, 3, 2)  # two stickers on 3, for everyone
    store.images.add(demarche_id, ImageDraft(ids[1], "12", 1, Pole.DEPRESSION, "=le banc vide"))
    store.images.add(demarche_id, ImageDraft(None, "Le pont", None, Pole.VITALITY, ""))
    form = store.responses.form(demarche_id)
    answers = {i.code: len(i.choices) if i.pole is Pole.VITALITY else 1 for i in form.items}
    for number in (1, 2):
        store.responses.save_sheet(demarche_id, SheetDraft(number, {}, answers, SheetMode.PAPER))
    return ids


def test_the_sheets_come_before_the_axes_with_their_personal_data() -> None:
    titles = [spec.title for spec in registry.SHEETS]
    felt, images = titles.index("Baromètre ressenti"), titles.index("Images")
    assert images == felt + 1
    assert titles.index("Codebook questionnaire") < felt
    if "Axes" in titles:
        assert images < titles.index("Axes")
    specs = {spec.title: spec for spec in registry.SHEETS}
    assert "collège" in specs["Baromètre ressenti"].personal_data
    assert "code" in specs["Images"].personal_data


def test_felt_against_measured_read_back(
    store: Store, demarche_id: str, scene: list[str], tmp_path: Path
) -> None:
    result = export_workbook(store, demarche_id, tmp_path)
    book = load_workbook(result.path)
    header, rows = rows_of(book["Baromètre ressenti"])
    assert header == [column.header for column in FELT_COLUMNS]
    assert [(r["Collège"], r["Indicateur"]) for r in rows[:4]] == [
        ("Ensemble", 1),
        ("élus", 1),
        ("acteurs", 1),
        ("habitants", 1),
    ]
    assert len(rows) == 16
    whole = rows[0]
    # Indicator 1: 8 (élue), 4 (habitante), 3 and 3 (stickers) → 18 / 4 = 4.5.
    assert whole["n"] == 4
    assert whole["Moyenne /10"] == pytest.approx(4.5)
    assert whole["Position /100"] == pytest.approx(45.0)
    assert whole["Position mesurée /100"] == pytest.approx(100.0)
    assert whole["Écart ressenti − mesuré"] == pytest.approx(-55.0)
    assert [whole[f"Sur {v}"] for v in VALUES] == [0, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0]
    assert whole["Pôle 0 (dépression)"] == "Isolement"
    elus, acteurs = rows[1], rows[2]
    assert elus["Position /100"] == pytest.approx(80.0)
    assert acteurs["n"] == 0
    assert acteurs["Moyenne /10"] is None
    assert acteurs["Écart ressenti − mesuré"] is None
    second_habitants = rows[7]
    assert (second_habitants["Collège"], second_habitants["n"]) == ("habitants", 0)
    assert book["Baromètre ressenti"].tables["BarometreRessenti"].ref.startswith("A1:")
    # The notes under the table say how to read it.
    texts = [cell for row in book["Baromètre ressenti"].iter_rows(values_only=True) for cell in row]
    assert any(isinstance(t, str) and t.startswith("Le mesuré n'a pas de collège") for t in texts)
    assert result.rows("Baromètre ressenti") == 16


def test_the_summary_charts_felt_beside_measured_from_the_same_numbers(
    store: Store, demarche_id: str, scene: list[str], tmp_path: Path
) -> None:
    book = load_workbook(export_workbook(store, demarche_id, tmp_path).path)
    _, felt = rows_of(book["Baromètre ressenti"])
    whole = [r for r in felt if r["Collège"] == "Ensemble"]
    sheet = book["Synthèse"]
    column = [row[0].value for row in sheet.iter_rows(max_col=1)]
    header = column.index(VERSUS_HEADING) + 2  # the heading, then the labels
    block = [
        [cell.value for cell in row]
        for row in sheet.iter_rows(min_row=header + 1, max_row=header + 4, max_col=5)
    ]
    assert [row[2:] for row in block] == [
        [r["Position /100"], r["Position mesurée /100"], r["Écart ressenti − mesuré"]]
        for r in whole
    ]
    assert block[0][2:4] == [pytest.approx(45.0), pytest.approx(100.0)]
    # The chart draws those two columns, one bar per indicator.
    (chart,) = [c for c in sheet._charts if c.tagname == "barChart" and "Ressenti" in _title(c)]
    refs = [series.val.numRef.f for series in chart.series]
    assert refs == [f"'Synthèse'!${letter}${header + 1}:${letter}${header + 4}" for letter in "CD"]


def _title(chart: Any) -> str:
    return "".join(run.t for p in chart.title.tx.rich.p for run in p.r or [])


def test_images_by_code_never_by_name(
    store: Store, demarche_id: str, scene: list[str], tmp_path: Path
) -> None:
    result = export_workbook(store, demarche_id, tmp_path)
    book = load_workbook(result.path)
    header, rows = rows_of(book["Images"])
    assert header == [column.header for column in IMAGE_COLUMNS]
    code = store.participants.get(scene[1]).code
    assert [(r["Code"], r["Collège"], r["Carte"], r["Indicateur"], r["Pôle"]) for r in rows] == [
        (code, "acteur·rice local·e", "12", 1, "dépression"),
        ("anonyme", None, "Le pont", None, "vitalité"),
    ]
    assert rows[0]["Nom du pôle"] == "Isolement"
    assert rows[0]["Pourquoi"] == "=le banc vide"  # text, not a formula
    # The image's note is in the Contributions sheet too.
    _, notes = rows_of(book["Contributions"])
    assert [n["Texte"] for n in notes if n["Type"] == "image"] == [
        "Carte 12 : =le banc vide",
        "Carte Le pont",
    ]
    for sheet in ("Images", "Baromètre ressenti"):
        text = " ".join(str(c) for row in book[sheet].iter_rows(values_only=True) for c in row)
        assert not any(name in text for name in NAMES)


def test_another_workshop_and_an_empty_demarche_say_why(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    empty = load_workbook(export_workbook(store, demarche_id, tmp_path / "all").path)
    assert rows_of(empty["Baromètre ressenti"])[1] == []
    texts = [c for row in empty["Baromètre ressenti"].iter_rows(values_only=True) for c in row]
    assert "Aucun ressenti saisi à l'atelier 1 pour l'instant." in texts
    summary = [c for row in empty["Synthèse"].iter_rows(values_only=True) for c in row]
    assert "Aucun ressenti saisi à l'atelier 1 pour l'instant. Pas de graphique." in summary
    store.felt.set_count(demarche_id, 2, 5, 3)
    second = load_workbook(export_workbook(store, demarche_id, tmp_path / "w2", workshop=2).path)
    texts = [c for row in second["Baromètre ressenti"].iter_rows(values_only=True) for c in row]
    assert FELT_OTHER in texts


# ---------------------------------------------------------------- the demo


@pytest.mark.demo("small")
def test_the_small_demo_feels_like_its_measured_barometer(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    present = store.workshops.attendance_counts(demarche_id, 1).total
    summary = store.felt.summary(demarche_id)
    assert summary.rated == round(0.8 * present)
    assert summary.people == present  # the others voted with stickers
    assert all(result.n == present for result in summary.indicators)
    for index, comparison in enumerate(store.felt.comparison(demarche_id)):
        difference = comparison.difference()
        assert difference is not None
        assert abs(difference) < 15
        elus = summary.colleges[College.ELU][index].mean
        habitants = summary.colleges[College.HABITANT][index].mean
        assert elus is not None
        assert habitants is not None
        assert elus > habitants  # distinct by collège
    images = store.images.all(demarche_id)
    assert present / 3 <= len(images) <= present / 2
    assert len({image.participant_id for image in images}) == len(images)
    notes = {n.id: n for n in store.capture.workshop_notes(demarche_id, 1)}
    for image in images:
        # Each image is the card someone explained in a round: linked to that note.
        note = notes[image.note_id or ""]
        assert note.kind is NoteKind.IMAGE
        assert note.speaker_id == image.participant_id
        assert note.round_id is not None
        assert (note.indicator, note.pole) == (image.indicator, image.pole)
        number, label = image.card.split(" · ")
        assert number.isdigit()
        assert label in note.text
        assert image.why[1:-1] in note.text
        turn = Turn.get_by_id(Note.get_by_id(as_uuid(note.id)).turn_id)
        assert str(turn.participant_id) == image.participant_id
