"""`vitalite export`: where the file lands, what it prints, and its French errors."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from support.cli import assert_clean_error, run

from vitalite_tui.db.models import Note
from vitalite_tui.store import open_store
from vitalite_tui.workbook import registry

TERRITORY = "CC du Val d'Orbieu"
FILE = f"vitalite-cc-du-val-d-orbieu-{date.today()}.xlsx"


def make_base(path: Path, *territories: str) -> list[str]:
    store = open_store(path)
    try:
        ids = [store.demarches.create(name, "Lagrasse, Fabrezan") for name in territories]
    finally:
        store.close()
    return ids


def test_exports_the_only_demarche_into_exports_under_the_working_directory(
    db_path: Path, tmp_path: Path
) -> None:
    make_base(db_path, TERRITORY)
    result = run("export", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    target = tmp_path / "exports" / FILE  # the tests run in tmp_path
    assert result.stdout.splitlines()[0] == f"Classeur écrit : {target}"
    sheets = len(registry.SHEETS)
    assert f"{sheets} feuilles · 0 participants · 0 contributions · sans les noms" in result.stdout
    assert load_workbook(target).sheetnames[0] == "Synthèse"
    # The same day again: a new file beside the first, never over it, and its path said.
    first = target.read_bytes()
    for number in (2, 3):
        again = run("export", "--db", str(db_path))
        assert again.exit_code == 0, again.output
        other = target.with_name(FILE.replace(".xlsx", f"-{number}.xlsx"))
        assert again.stdout.splitlines()[0] == f"Classeur écrit : {other}"
        assert load_workbook(other).sheetnames[0] == "Synthèse"
    assert target.read_bytes() == first


def test_out_workshop_and_names(db_path: Path, tmp_path: Path) -> None:
    make_base(db_path, TERRITORY)
    folder = tmp_path / "cle-usb" / "classeurs"
    result = run(
        "--db", str(db_path), "export", "--out", str(folder), "--workshop", "3", "--with-names"
    )
    assert result.exit_code == 0, result.output
    target = folder / FILE.replace(".xlsx", "-atelier-3.xlsx")
    assert target.exists()
    assert "avec les noms consentis" in result.stdout
    assert "Nom" in [c.value for c in load_workbook(target)["Participants"][1]]


def test_demarche_by_name_or_by_id_among_several(db_path: Path, tmp_path: Path) -> None:
    first, _ = make_base(db_path, TERRITORY, "Pays de Lambrenne")
    by_name = run("export", "--db", str(db_path), "--demarche", "pays de lambrenne")
    assert by_name.exit_code == 0, by_name.output
    assert "vitalite-pays-de-lambrenne-" in by_name.stdout
    by_id = run("export", "--db", str(db_path), "--demarche", first[:8])
    assert by_id.exit_code == 0, by_id.output
    assert (tmp_path / "exports" / FILE).exists()


def test_several_demarches_need_demarche(db_path: Path, tmp_path: Path) -> None:
    make_base(db_path, TERRITORY, "Pays de Lambrenne")
    assert_clean_error(run("export", "--db", str(db_path)), "Plusieurs démarches", "--demarche")
    assert not (tmp_path / "exports").exists()


def test_unknown_demarche(db_path: Path) -> None:
    make_base(db_path, TERRITORY)
    assert_clean_error(
        run("export", "--db", str(db_path), "--demarche", "Corbières"),
        "Démarche introuvable : « Corbières »",
        TERRITORY,
    )


def test_a_base_without_demarche(db_path: Path) -> None:
    make_base(db_path)
    assert_clean_error(run("export", "--db", str(db_path)), "Aucune démarche")


def test_a_missing_base_is_not_created(db_path: Path) -> None:
    assert_clean_error(run("export", "--db", str(db_path)), "Aucune base")
    assert not db_path.exists()


def test_an_unknown_workshop(db_path: Path) -> None:
    make_base(db_path, TERRITORY)
    assert_clean_error(run("export", "--db", str(db_path), "--workshop", "5"), "Atelier 5 inconnu")


def test_a_folder_that_cannot_be_written(db_path: Path, tmp_path: Path) -> None:
    make_base(db_path, TERRITORY)
    blocker = tmp_path / "un-fichier"
    blocker.write_text("")
    assert_clean_error(
        run("export", "--db", str(db_path), "--out", str(blocker)),
        f"Impossible de créer le dossier {blocker}",
    )


def test_a_file_open_in_excel_is_left_alone_and_said(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_base(db_path, TERRITORY)
    assert run("export", "--db", str(db_path)).exit_code == 0
    target = tmp_path / "exports" / FILE
    before = target.read_bytes()
    real_replace = os.replace

    def locked(source: Any, destination: Any) -> None:
        if Path(destination) == target:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", locked)
    result = run("export", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    # The new workbook never goes over the earlier one: nothing to refuse, nothing to warn.
    assert "Attention :" not in result.stderr
    assert target.read_bytes() == before
    written = Path(result.stdout.splitlines()[0].removeprefix("Classeur écrit : "))
    assert written == target.with_name(FILE.replace(".xlsx", "-2.xlsx"))
    assert written.exists()


def test_a_text_cut_to_excels_limit_is_warned_about(db_path: Path) -> None:
    (demarche_id,) = make_base(db_path, TERRITORY)
    store = open_store(db_path)
    try:
        workshop = store.workshops.get(demarche_id, 1)
        Note.create(workshop=workshop.id, text="y" * 33_000)
    finally:
        store.close()
    result = run("export", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "Attention : Contributions, ligne 2 : un texte de 33\u202f000 caractères" in (
        result.stderr
    )


def test_help_is_french_and_fits_80_columns() -> None:
    result = run("export", "--help")
    assert result.exit_code == 0
    for text in ("--demarche", "--out", "--workshop", "--with-names", "Afficher cette aide"):
        assert text in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
