"""Each real entry point, run in a fresh interpreter, loads only what it uses.

`vitalite --version` answers before any of the project's heavy parts loads; the TUI starts
without openpyxl or the demo (and a bare `vitalite` without Typer); `vitalite export` writes
its workbook without textual or the demo. Each case runs the entry point's own `main()` in a
subprocess and lists `sys.modules`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vitalite_tui.store import open_store

ROOT = Path(__file__).resolve().parents[2]

RUN_MAIN = """
import sys
sys.argv = {argv!r}
from vitalite_tui.cli.main import main
try:
    main()
except SystemExit as exit:
    assert not exit.code, exit.code
print("\\n".join(sorted(sys.modules)))
"""

#: The bare `vitalite` runs the TUI headless until its home screen lists the démarche.
TUI_HEADLESS = """
from vitalite_tui.tui.app import VitaliteApp
from textual.pilot import Pilot

run = VitaliteApp.run


async def home_shown(pilot: Pilot[None]) -> None:
    while not [
        count for count in pilot.app.screen.query("#count") if str(count.content) == "1 démarche"
    ]:
        await pilot.pause()
    pilot.app.exit()


def headless(self, *args, **kwargs):
    return run(self, headless=True, size=(80, 24), auto_pilot=home_shown)


VitaliteApp.run = headless
"""


def loaded_by(code: str, env: dict[str, str]) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT, env=env
    ).stdout
    return set(out.split())


def run_main(*argv: str, before: str = "", db: Path | None = None) -> set[str]:
    """The modules loaded once `vitalite ARGV` has done its work (on VITALITE_DB=db)."""
    env = {**os.environ, **({"VITALITE_DB": str(db)} if db else {})}
    return loaded_by(before + RUN_MAIN.format(argv=["vitalite", *argv]), env)


def within(loaded: set[str], *packages: str) -> set[str]:
    """The loaded modules of these packages (a package and everything under it)."""
    return {m for m in loaded for p in packages if m == p or m.startswith(p + ".")}


@pytest.fixture
def one_demarche(db_path: Path) -> Path:
    store = open_store(db_path)
    try:
        store.demarches.create("Communauté de communes du Val", ["Aubrac", "Bessac"])
    finally:
        store.close()
    return db_path


def test_version_loads_only_the_command_line() -> None:
    loaded = run_main("--version")
    assert within(loaded, "textual", "rich", "openpyxl", "peewee", "platformdirs") == set()
    assert within(loaded, "vitalite_tui.demo", "vitalite_tui.store", "vitalite_tui.db") == set()
    assert within(loaded, "vitalite_tui.tui", "vitalite_tui.workbook") == set()
    assert within(loaded, "fpdf", "PIL", "fontTools", "vitalite_tui.print") == set()


def test_a_bare_vitalite_starts_the_tui_without_typer_openpyxl_nor_the_demo(
    one_demarche: Path,
) -> None:
    loaded = run_main(before=TUI_HEADLESS, db=one_demarche)
    assert "vitalite_tui.tui.screens.home" in loaded  # the home screen was really shown
    assert within(loaded, "openpyxl", "vitalite_tui.demo", "vitalite_tui.workbook") == set()
    assert within(loaded, "typer", "vitalite_tui.cli.app") == set()
    assert within(loaded, "fpdf", "PIL", "fontTools", "vitalite_tui.print") == set()
    # Only what the home screen uses: the démarches' area of the store and the retention
    # dates (its reminder), no part nor dialog.
    areas = {m.split(".")[2] for m in within(loaded, "vitalite_tui.store") if m.count(".") >= 3}
    assert areas == {"preparation", "privacy"}
    assert "vitalite_tui.store.privacy.purge" not in loaded
    assert within(loaded, "vitalite_tui.tui.contents", "vitalite_tui.tui.dialogs") == set()


def test_vitalite_db_starts_the_tui_without_openpyxl_nor_the_demo(one_demarche: Path) -> None:
    loaded = run_main("--db", str(one_demarche), before=TUI_HEADLESS)
    assert "vitalite_tui.tui.screens.home" in loaded
    assert within(loaded, "openpyxl", "vitalite_tui.demo", "vitalite_tui.workbook") == set()


@pytest.mark.slow
def test_export_writes_without_textual_nor_the_demo(one_demarche: Path, tmp_path: Path) -> None:
    loaded = run_main("export", "--db", str(one_demarche), "--out", str(tmp_path / "out"))
    assert list((tmp_path / "out").glob("*.xlsx"))  # the workbook was really written
    assert within(loaded, "textual", "vitalite_tui.tui", "vitalite_tui.demo") == set()
    # Nor what only bundles use: the export reads participants' codes, it merges nothing.
    assert {"vitalite_tui.store.exchange.merge", "vitalite_tui.formats.bundle"}.isdisjoint(loaded)
    # Nor the purge (its register lists the purges done through the retention dates), nor
    # the other commands' modules (cli/lazy.py).
    assert "vitalite_tui.store.privacy.purge" not in loaded
    assert within(loaded, "vitalite_tui.cli") == {
        "vitalite_tui.cli",
        "vitalite_tui.cli.app",
        "vitalite_tui.cli.common",
        "vitalite_tui.cli.export",
        "vitalite_tui.cli.french_usage",
        "vitalite_tui.cli.lazy",
        "vitalite_tui.cli.main",
        "vitalite_tui.cli.output",
        "vitalite_tui.cli.stores",
        "vitalite_tui.cli.tui",
    }


@pytest.mark.slow
def test_print_writes_its_pdf_without_textual_nor_openpyxl(
    one_demarche: Path, tmp_path: Path
) -> None:
    out = tmp_path / "emargement.pdf"
    loaded = run_main("print", "emargement", "--db", str(one_demarche), "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF")  # the document was really written
    assert "fpdf" in loaded
    assert within(loaded, "textual", "openpyxl", "vitalite_tui.tui", "vitalite_tui.demo") == set()
