"""`--demarche`: without case or accents, a unique part of the name, a list to pick from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from support.cli import assert_clean_error, run

from vitalite_tui.db.models import Demarche
from vitalite_tui.store import open_store
from vitalite_tui.store.base import as_uuid


def make_base(path: Path, *territories: str) -> list[str]:
    store = open_store(path)
    try:
        return [store.demarches.create(name, "Lagrasse, Fabrezan") for name in territories]
    finally:
        store.close()


def test_demarche_without_case_or_accents_and_by_a_part(db_path: Path, tmp_path: Path) -> None:
    make_base(db_path, "CC des Trois Vallées", "Pays de Lambrenne", "Pays de Lambrenne Sud")
    exports = tmp_path / "exports"
    by_folded = run("export", "--db", str(db_path), "--demarche", "cc des trois  VALLEES")
    assert by_folded.exit_code == 0, by_folded.output
    assert (exports / f"vitalite-cc-des-trois-vallees-{date.today()}.xlsx").exists()
    by_part = run("export", "--db", str(db_path), "--demarche", "sud")
    assert by_part.exit_code == 0, by_part.output
    assert (exports / f"vitalite-pays-de-lambrenne-sud-{date.today()}.xlsx").exists()
    whole = run("export", "--db", str(db_path), "--demarche", "pays de lambrenne")
    assert whole.exit_code == 0, whole.output
    assert (exports / f"vitalite-pays-de-lambrenne-{date.today()}.xlsx").exists()


def test_several_matches_are_listed_with_a_short_id(db_path: Path, tmp_path: Path) -> None:
    _, main, south = make_base(
        db_path, "CC des Trois Vallées", "Pays de Lambrenne", "Pays de Lambrenne Sud"
    )
    assert_clean_error(
        run("export", "--db", str(db_path), "--demarche", "lambren"),
        "Plusieurs démarches répondent à « lambren »",
        f"Pays de Lambrenne ({main[:8]})",
        f"Pays de Lambrenne Sud ({south[:8]})",
    )
    assert not (tmp_path / "exports").exists()
    by_id = run("export", "--db", str(db_path), "--demarche", south[:8])
    assert by_id.exit_code == 0, by_id.output
    assert "vitalite-pays-de-lambrenne-sud-" in by_id.stdout


def test_twins_left_by_an_older_version_are_never_picked_silently(
    db_path: Path, tmp_path: Path
) -> None:
    full, twin = make_base(db_path, "CC des Trois Vallées", "Autre")
    store = open_store(db_path)
    try:  # written as an earlier version allowed it: names differing only by case
        Demarche.update(territory="cc des trois vallées").where(
            Demarche.id == as_uuid(twin)
        ).execute()
    finally:
        store.close()
    assert_clean_error(
        run("export", "--db", str(db_path), "--demarche", "CC des Trois Vallées"),
        f"({full[:8]})",
        f"({twin[:8]})",
    )
    assert not (tmp_path / "exports").exists()
