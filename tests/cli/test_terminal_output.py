"""Reports printed to a terminal: escape sequences in files, names and paths never reach it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest
from support.cli import run
from typer.testing import Result

from vitalite_tui.domain.text import PLACEHOLDER, terminal_safe
from vitalite_tui.store import open_store
from vitalite_tui.store.charter.records import ArticleDraft, CharterHeading

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoSize

#: A window title (OSC … BEL), a colour (CSI), a screen clear as a C1 CSI, a bell.
TITLE = "\x1b]0;pirate\x07"
RED = "\x1b[31m"
CLEAR = "\x9b2J"
#: Characters a terminal acts on: C0 controls but tab and newline, DEL, C1 controls.
ACTED_ON = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class DemoTemplates(Protocol):
    """The session's demo files (the `demo_templates` fixture of conftest)."""

    def path(self, size: DemoSize) -> Path: ...


DEFAULT_FILE = Path(__file__).resolve().parents[2] / "schemas" / "questionnaire-sociabilite.json"


def hostile(name: str) -> str:
    return f"{TITLE}{RED}{name}\x1b[0m{CLEAR}\x07"


def assert_harmless(result: Result, *shown: str) -> None:
    """Nothing a terminal would act on in stdout or stderr; the printable text is there."""
    for stream in (result.stdout, result.stderr):
        assert ACTED_ON.search(stream) is None, repr(stream)
    for text in shown:
        assert text in result.output, result.output
    assert "Traceback" not in result.output


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A base with one démarche and a charter, in a folder whose name carries escapes."""
    folder = tmp_path / hostile("dossier")
    folder.mkdir()
    path = folder / "base.sqlite"
    store = open_store(path)
    try:
        demarche_id = store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Ribaute")
        store.charter.save_heading(
            demarche_id, CharterHeading("Charte", "Nous, habitants,", date(2026, 12, 11))
        )
        store.charter.add_article(demarche_id, ArticleDraft("Un café", "Nous le soutenons."))
    finally:
        store.close()
    return path


# ---------------------------------------------------------------- the function


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{TITLE}Nom", "Nom"),
        (f"{RED}Rouge\x1b[0m", "Rouge"),
        ("\x1b]8;;http://x.example\x1b\\lien\x1b]8;;\x1b\\", "lien"),
        (f"a{CLEAR}b\x07c\x00d\x85e", f"ab{PLACEHOLDER}c{PLACEHOLDER}d{PLACEHOLDER}e"),
        ("deux\r\nlignes\tet\rretour", f"deux lignes et{PLACEHOLDER}retour"),
        ("\u202eenrevnI", f"{PLACEHOLDER}enrevnI"),
        ("\x1b]0;jamais fermé", "0;jamais fermé"),
        ("Hélène 😀 « ok »", "Hélène 😀 « ok »"),
    ],
)
def test_terminal_safe(text: str, expected: str) -> None:
    assert terminal_safe(text) == expected


def test_terminal_safe_keeps_the_layout_when_asked() -> None:
    assert terminal_safe("a\r\nb\tc\x1b[1md", lines=True) == "a\nb\tcd"


# ---------------------------------------------------------------- every report


def test_import_report_with_escapes_in_headers_and_cells(base: Path, tmp_path: Path) -> None:
    data = tmp_path / "saisie.csv"
    header = ["fiche", "I1_V1", "I1_V2", hostile("Remarques")]
    rows = [["1", "2", "3", "x"], ["2", f"{RED}4", "3", TITLE]]
    data.write_text("\r\n".join(";".join(row) for row in [header, *rows]), encoding="utf-8")
    result = run("questionnaire", "import", str(data), "--db", str(base))
    # The row with the escape is refused: the import says so and exits with 1.
    assert result.exit_code == 1, result.output
    assert_harmless(result, "Colonnes ignorées : Remarques", "ligne 3 : I1_V1 : « 4 »")


def test_questionnaire_check_of_a_file_with_escapes(tmp_path: Path) -> None:
    document = json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
    valid = tmp_path / f"{hostile('valide')}.json"
    valid.write_text(json.dumps(document), encoding="utf-8")
    assert_harmless(run("questionnaire", "check", str(valid)), "Questionnaire valide", "valide")
    document["items"][0]["code"] = hostile("X")
    invalid = tmp_path / f"{hostile('invalide')}.json"
    invalid.write_text(json.dumps(document), encoding="utf-8")
    result = run("questionnaire", "check", str(invalid))
    assert result.exit_code == 1
    assert_harmless(result, "Questionnaire invalide", "invalide")


def test_template_and_xlsform_summaries(tmp_path: Path) -> None:
    out = tmp_path / hostile("modèles")
    out.mkdir()
    template = run("questionnaire", "template", "--out", str(out / "modele.csv"))
    assert template.exit_code == 0, template.output
    assert_harmless(template, "Modèle de saisie écrit", "modèles")
    xlsform = run("questionnaire", "xlsform", "--out", str(out / "kobo.xlsx"))
    assert xlsform.exit_code == 0, xlsform.output
    assert_harmless(xlsform, "XLSForm écrit", "modèles")


def test_check_and_where_print_a_path_with_escapes(base: Path) -> None:
    assert_harmless(run("check", "--db", str(base)), "Base saine", "dossier")
    assert_harmless(run("where", "--db", str(base)), "Base de données", "dossier")


def test_export_and_charter_summaries(base: Path, tmp_path: Path) -> None:
    out = tmp_path / hostile("sortie")
    out.mkdir()
    exported = run("export", "--db", str(base), "--out", str(out))
    assert exported.exit_code == 0, exported.output
    assert_harmless(exported, "Classeur écrit", "sortie")
    written = run("charter", "--db", str(base), "--out", str(out))
    assert written.exit_code == 0, written.output
    assert_harmless(written, "Charte écrite", "sortie")
    shown = run("charter", "--db", str(base), "--out", "-")
    assert_harmless(shown, "Un café", "Nous le soutenons.")


def test_demo_summary(tmp_path: Path, demo_templates: DemoTemplates) -> None:
    folder = tmp_path / hostile("démo")
    folder.mkdir()
    path = folder / "demo.sqlite"
    shutil.copyfile(demo_templates.path("small"), path)
    result = run("demo", "--db", str(path))
    assert result.exit_code == 0, result.output
    assert_harmless(result, "La démo est déjà là", "démo")


def test_error_sentences_and_the_list_of_demarches(base: Path) -> None:
    result = run("export", "--db", str(base), "--demarche", hostile("Corbières"))
    assert result.exit_code == 1
    assert_harmless(result, "Démarche introuvable", "Corbières", "CC du Val d'Orbieu")


@pytest.mark.slow
def test_the_bare_command_reports_an_unusable_base_harmlessly(tmp_path: Path) -> None:
    # The real entry point: a bare `vitalite` reports errors itself, outside Typer.
    folder = tmp_path / hostile("abîmée")
    folder.mkdir()
    path = folder / "base.sqlite"
    path.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    env = {**os.environ, "VITALITE_DB": str(path), "VITALITE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "vitalite_tui"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert ACTED_ON.search(done.stdout + done.stderr) is None, repr(done.stderr)
    assert "abîmée" in done.stderr
    assert "Traceback" not in done.stderr
