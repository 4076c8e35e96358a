"""`vitalite print …`: where each document lands, what it says, its French refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from support.cli import assert_clean_error, run
from support.pdf import pages_text

from vitalite_tui.store import open_store

TERRITORY = "CC du Val d'Orbieu"


def make_base(path: Path) -> None:
    store = open_store(path)
    try:
        store.demarches.create(TERRITORY, "Lagrasse, Ribaute")
    finally:
        store.close()


def test_questionnaires_land_in_exports_and_continue_after_the_last(db_path: Path) -> None:
    make_base(db_path)
    result = run("print", "questionnaire", "--db", str(db_path), "--count", "2")
    assert result.exit_code == 0, result.output
    written = Path("exports") / f"questionnaire-1-2-cc-du-val-d-orbieu-{date.today()}.pdf"
    assert f"Questionnaires imprimés : {written.resolve()}" in result.output
    assert "2 fiches n° 1 à 2 · 2 pages" in result.output
    assert "N° 0002" in pages_text(written)[1]
    again = run("print", "questionnaire", "--db", str(db_path), "--count", "1")
    assert "1 fiche n° 3 à 3" in again.output
    refused = run("print", "questionnaire", "--db", str(db_path), "--from", "2")
    assert_clean_error(refused, "déjà imprimées", "Reprenez à partir du n° 4")


def test_each_document_writes_where_out_says(db_path: Path, tmp_path: Path) -> None:
    make_base(db_path)
    out = Path("papier.pdf")  # relative: the path said is the whole one, as for a workbook
    result = run("print", "emargement", "--db", str(db_path), "--workshop", "2", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"Feuille d'émargement imprimée : {Path.cwd() / out}" in result.output
    assert "Feuille d'émargement — Atelier 2" in pages_text(out)[0]
    # Nothing to print yet: one French sentence each, no traceback.
    assert_clean_error(run("print", "wall", "--db", str(db_path)), "Aucun sous-groupe")
    assert_clean_error(run("print", "vote", "--db", str(db_path)), "Aucune action candidate")
    assert_clean_error(run("print", "charter", "--db", str(db_path)), "Pas encore de charte")
    wrong = run("print", "emargement", "--db", str(db_path), "--out", str(tmp_path / "x.txt"))
    assert_clean_error(wrong, "extension .pdf attendue")
