"""A plain `vitalite export` runs without Typer and answers exactly as the Typer command does."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from support.cli import run

from vitalite_tui.cli.export_run import ExportCall, plain_call, run_plain
from vitalite_tui.store import open_store

TERRITORIES = ("CC du Val d'Orbieu", "Pays de Lambrenne")


def make_base(path: Path, *territories: str) -> None:
    store = open_store(path)
    try:
        for name in territories:
            store.demarches.create(name, "Lagrasse, Fabrezan")
    finally:
        store.close()


def plain(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `vitalite export ARGS` run without Typer."""
    try:
        assert run_plain(args), "not a plain call"
        status = 0
    except SystemExit as exit:
        status = int(exit.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("territories", "args"),
    [
        (TERRITORIES[:1], []),
        (TERRITORIES[:1], ["--out", "cle-usb", "--workshop", "3", "--with-names"]),
        (TERRITORIES, ["--demarche", "pays de lambrenne", "--with-names"]),
        (TERRITORIES, []),  # several démarches: --demarche needed
        (TERRITORIES[:1], ["--demarche", "Corbières"]),
        (TERRITORIES[:1], ["--workshop", "5"]),
        ((), []),  # a base without démarche
        (None, []),  # no base at all
    ],
)
def test_same_answer_as_the_typer_command(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    territories: tuple[str, ...] | None,
    args: list[str],
) -> None:
    if territories is not None:
        make_base(db_path, *territories)
    argv = ["--db", str(db_path), *args]
    typer = run("export", *argv)
    assert plain(argv, capsys) == (typer.exit_code, typer.stdout, typer.stderr)
    assert gc.isenabled()


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--workshop=3"],
        ["--workshop", "trois"],
        ["--workshop"],
        ["--demarche", "-x"],
        ["--demarche", ""],
        ["--with-names", "--with-names"],
        ["--out", "a", "--out", "b"],
        ["--bogus"],
        ["extra"],
        ["--db", "."],  # a folder: Typer says so
    ],
)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert plain_call(args) is None


def test_plain_values_are_read_as_typer_reads_them() -> None:
    call = plain_call(["--with-names", "--workshop", "+2", "--db", "b.sqlite", "--out", "o"])
    assert call == ExportCall(Path("b.sqlite"), None, Path("o"), 2, True)


def test_the_entry_point_exports_without_loading_typer(db_path: Path, tmp_path: Path) -> None:
    make_base(db_path, *TERRITORIES[:1])
    code = (
        "import sys\n"
        f"sys.argv = ['vitalite', 'export', '--db', {str(db_path)!r}, '--out', 'x']\n"
        "from vitalite_tui.cli.main import main\n"
        "main()\n"
        "print('typer' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout
    assert out.splitlines()[0].startswith("Classeur écrit : ")
    assert out.splitlines()[-1] == "False"
    assert list((tmp_path / "x").glob("*.xlsx"))
