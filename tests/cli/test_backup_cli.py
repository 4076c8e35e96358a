"""`vitalite backup` and `vitalite restore`, as a technician types them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from vitalite_tui.cli.app import app
from vitalite_tui.store import open_store

runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def make_base(path: Path, territory: str = "CC du Val d'Orbieu") -> Path:
    store = open_store(path)
    try:
        store.demarches.create(territory, ["Lagrasse"])
    finally:
        store.close()
    return path


def test_backup_writes_one_named_copy_and_says_where(tmp_path: Path) -> None:
    base = make_base(tmp_path / "vitalite.sqlite")
    done = run("backup", "--db", str(base), "--out", str(tmp_path / "cle"))
    assert done.exit_code == 0, done.output
    (copy,) = (tmp_path / "cle").glob("*.sqlite")
    assert copy.name.startswith("vitalite-cc-du-val-d-orbieu-")
    assert f"Sauvegarde écrite : {copy}" in done.output


def test_backup_goes_to_sauvegardes_by_default(tmp_path: Path) -> None:
    base = make_base(tmp_path / "vitalite.sqlite")
    assert run("backup", "--db", str(base)).exit_code == 0
    assert len(list((tmp_path / "sauvegardes").glob("vitalite-*.sqlite"))) == 1


def test_restore_says_what_it_did(tmp_path: Path) -> None:
    base = make_base(tmp_path / "vitalite.sqlite")
    assert run("backup", "--db", str(base), "--out", str(tmp_path / "cle")).exit_code == 0
    (copy,) = (tmp_path / "cle").glob("*.sqlite")
    done = run("restore", str(copy), "--db", str(base))
    assert done.exit_code == 0, done.output
    flat = " ".join(done.output.split())
    assert "mise de côté" in flat
    assert "CC du Val d'Orbieu" in flat


def test_restore_of_a_file_that_is_not_a_copy_fails_in_french(tmp_path: Path) -> None:
    base = make_base(tmp_path / "vitalite.sqlite")
    junk = tmp_path / "photo.sqlite"
    junk.write_bytes(b"\x89PNG\r\n" + bytes(4000))
    done = run("restore", str(junk), "--db", str(base))
    assert done.exit_code == 1
    assert "n'est pas une copie de base vitalite" in done.output
    assert "Traceback" not in done.output
