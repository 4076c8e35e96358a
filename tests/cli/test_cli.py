"""The `vitalite` command: version, where, check, demo, the bare TUI launch, light imports."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import get_args, get_type_hints

import pytest
from typer.testing import CliRunner, Result

from vitalite_tui import __version__
from vitalite_tui.cli.app import app
from vitalite_tui.cli.main import main
from vitalite_tui.db.models import db
from vitalite_tui.store import open_store
from vitalite_tui.tui.app import VitaliteApp

ROOT = Path(__file__).resolve().parents[2]

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), env=env)


def make_database(path: Path) -> Path:
    open_store(path).close()
    return path


def make_too_new(path: Path) -> Path:
    make_database(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    return path


def assert_clean_error(result: Result, *fragments: str) -> None:
    """Exit 1, the French sentence on stderr, never a traceback."""
    assert result.exit_code == 1, result.output
    for fragment in fragments:
        assert fragment in result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Replace the TUI by a recorder of the database it was given (no terminal needed)."""
    paths: list[Path] = []

    def fake_run(self: VitaliteApp, *args: object, **kwargs: object) -> None:
        assert not db.is_closed()
        paths.append(self.store.path)

    monkeypatch.setattr(VitaliteApp, "run", fake_run)
    return paths


# ---------------------------------------------------------------- version and help


def test_version_prints_the_package_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"vitalite {__version__}"


@pytest.mark.parametrize("command", [[], ["demo"], ["where"], ["check"]])
def test_help_is_french_and_fits_80_columns(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Afficher cette aide et quitter." in result.stdout
    assert "--db" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_top_help_lists_the_commands_in_french() -> None:
    result = run("--help")
    assert "Commandes" in result.stdout
    for name in ("demo", "where", "check"):
        assert name in result.stdout


def test_python_dash_m_runs_the_same_main() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "vitalite_tui", "--version"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    assert out.strip() == f"vitalite {__version__}"


# ---------------------------------------------------------------- where


def test_where_names_database_exports_and_backups(tmp_path: Path) -> None:
    path = tmp_path / "cle" / "base.sqlite"
    result = run("where", "--db", str(path))
    assert result.exit_code == 0
    assert f"Base de données : {path} (option --db, pas encore créée)" in result.stdout
    assert f"Exports         : {tmp_path / 'exports'}" in result.stdout
    assert f"Sauvegardes     : {path.parent / 'sauvegardes'}" in result.stdout
    assert not path.exists()  # `where` creates nothing


def test_where_follows_vitalite_db_then_vitalite_home(tmp_path: Path, isolated_home: Path) -> None:
    from_env = tmp_path / "env.sqlite"
    result = run("where", env={"VITALITE_DB": str(from_env)})
    assert f"{from_env} (variable VITALITE_DB" in result.stdout
    result = run("where")
    assert f"{isolated_home / 'vitalite.sqlite'} (variable VITALITE_HOME" in result.stdout


# ---------------------------------------------------------------- check


def test_check_a_sound_database(db_path: Path) -> None:
    make_database(db_path)
    result = run("check", "--db", str(db_path))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Base saine : {db_path}")


def test_check_a_corrupt_file(db_path: Path) -> None:
    db_path.write_bytes(random.Random(7).randbytes(10_000))
    assert_clean_error(run("check", "--db", str(db_path)), str(db_path), "abîmé")


def test_check_a_missing_file_does_not_create_it(db_path: Path) -> None:
    assert_clean_error(run("check", "--db", str(db_path)), "Aucune base")
    assert not db_path.exists()


@pytest.mark.parametrize("command", [["check"], ["demo"], []])
def test_a_newer_schema_is_refused_and_left_untouched(
    db_path: Path, command: list[str], opened: list[Path]
) -> None:
    make_too_new(db_path)
    before = db_path.read_bytes()
    assert_clean_error(run("--db", str(db_path), *command), "plus récente")
    assert db_path.read_bytes() == before
    assert opened == []


# ---------------------------------------------------------------- demo


def test_demo_twice_makes_one_demarche(db_path: Path) -> None:
    first = run("demo", "--db", str(db_path))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("Démo créée : Communauté de communes")
    assert "45 participants : élus 15 · acteurs 15 · habitants 15" in first.stdout
    assert f'Pour l\'ouvrir : vitalite --db "{db_path}"' in first.stdout
    again = run("demo", "--db", str(db_path))
    assert again.exit_code == 0
    assert again.stdout.startswith("La démo est déjà là")
    store = open_store(db_path)
    try:
        demarches = store.demarches.all()
        assert len(demarches) == 1
        assert demarches[0].participant_count == 45
    finally:
        store.close()


def test_demo_large_on_the_default_database(isolated_home: Path) -> None:
    result = run("demo", "--size", "large")
    assert result.exit_code == 0, result.output
    assert "50 participants : élus 17 · acteurs 17 · habitants 16" in result.stdout
    assert "Pour l'ouvrir : vitalite\n" in result.stdout
    assert (isolated_home / "vitalite.sqlite").exists()


def test_demo_refuses_an_unknown_size(db_path: Path) -> None:
    result = run("demo", "--db", str(db_path), "--size", "huge")
    assert result.exit_code == 2
    assert not db_path.exists()


def test_demo_offers_the_demo_s_own_sizes() -> None:
    # The command spells the sizes out (the demo is imported only when it runs).
    from vitalite_tui.cli.demo import demo as demo_command
    from vitalite_tui.demo import DEMO_SIZES

    size = get_type_hints(demo_command, include_extras=True)["size"]
    assert get_args(get_args(size)[0]) == DEMO_SIZES


def test_command_db_overrides_the_global_one(tmp_path: Path) -> None:
    global_db, command_db = tmp_path / "global.sqlite", tmp_path / "command.sqlite"
    result = run("--db", str(global_db), "demo", "--db", str(command_db))
    assert result.exit_code == 0, result.output
    assert command_db.exists()
    assert not global_db.exists()
    result = run("--db", str(global_db), "demo")
    assert result.exit_code == 0, result.output
    assert global_db.exists()


# ---------------------------------------------------------------- the TUI


def test_bare_vitalite_opens_the_tui_on_db_option(db_path: Path, opened: list[Path]) -> None:
    result = run("--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert opened == [db_path]
    assert db.is_closed()  # the store is closed once the TUI ends


def test_bare_vitalite_opens_vitalite_db(tmp_path: Path, opened: list[Path]) -> None:
    path = tmp_path / "from-env.sqlite"
    result = run(env={"VITALITE_DB": str(path)})
    assert result.exit_code == 0, result.output
    assert opened == [path]


def test_bare_vitalite_defaults_to_the_data_folder(isolated_home: Path, opened: list[Path]) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert opened == [isolated_home / "vitalite.sqlite"]


def test_bare_vitalite_reports_an_unusable_file(db_path: Path, opened: list[Path]) -> None:
    db_path.write_bytes(b"not a database at all" * 100)
    assert_clean_error(run("--db", str(db_path)), "abîmé")
    assert opened == []


# ---------------------------------------------------------------- the entry point


def test_the_entry_point_opens_the_tui_straight_away(
    tmp_path: Path, opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("VITALITE_DB", str(path))
    monkeypatch.setattr(sys, "argv", ["vitalite"])
    main()
    assert opened == [path]
    assert db.is_closed()


def test_the_entry_point_reports_an_unusable_file_in_one_sentence(
    db_path: Path,
    opened: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db_path.write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("VITALITE_DB", str(db_path))
    monkeypatch.setattr(sys, "argv", ["vitalite"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    assert "abîmé" in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""
    assert opened == []


def test_the_entry_point_hands_any_argument_to_typer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["vitalite", "where", "--db", str(tmp_path / "b.sqlite")])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 0
    assert "Base de données" in capsys.readouterr().out


# ---------------------------------------------------------------- start-up


def test_importing_the_cli_loads_neither_textual_nor_openpyxl() -> None:
    code = (
        "import sys, vitalite_tui.cli.app\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('textual', 'openpyxl')\n"
        "         or m.startswith('vitalite_tui.demo')]\n"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"
