"""Click's usage errors and help frame in French, exit code 2, for every command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.cli import run
from typer.testing import Result

#: Click's and Typer's English words that must never reach the user.
ENGLISH = re.compile(
    r"Usage:|Try '|for help|Error|No such|Missing|Invalid value|\[required\]|"
    r"Got unexpected|is a directory|is not a valid|does not exist|requires an|Aborted|"
    r"Possible options|COMMAND \[ARGS\]"
)


def assert_french_usage_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert not ENGLISH.search(result.output), result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--bogus"], "Option inconnue : --bogus"),
        (["export", "--bogus"], "Option inconnue : --bogus"),
        (["questionnaire", "import", "--bogus", "x"], "Option inconnue : --bogus"),
        (["nosuch"], "Commande inconnue : « nosuch »"),
        (["questionnaire", "nosuch"], "Commande inconnue : « nosuch »"),
        (["expor"], "Commande inconnue : « expor » ; vouliez-vous dire « export » ?"),
        (["demarche", "lst"], "Commande inconnue : « lst » ; vouliez-vous dire « list » ?"),
        (["questionnaire", "import"], "Argument obligatoire manquant : FICHIER"),
        (["export", "--workshop", "x"], "Valeur invalide pour --workshop"),
        (["export", "extra"], "Argument en trop : extra"),
        (["export", "--out"], "L'option « --out » attend une valeur"),
        (["where", "one", "two"], "Argument en trop : one two"),
        (["demo", "--size", "huge"], "« huge » n'est pas parmi « small », « large »"),
    ],
)
def test_usage_errors_are_french_with_exit_code_2(args: list[str], fragment: str) -> None:
    assert_french_usage_error(run(*args), fragment)


@pytest.mark.parametrize("before_command", [True, False])
def test_db_pointing_to_a_folder_is_refused_in_french(tmp_path: Path, before_command: bool) -> None:
    (tmp_path / "dossier").mkdir()  # relative (the working directory): Rich keeps it on one line
    args = ["--db", "dossier", "where"] if before_command else ["where", "--db", "dossier"]
    assert_french_usage_error(
        run(*args), "Valeur invalide pour --db : « dossier » est un dossier, pas un fichier."
    )


def test_usage_line_and_help_hint_are_french() -> None:
    result = run("export", "--bogus")
    assert "Utilisation : vitalite export [OPTIONS]" in result.output
    assert "Pour l'aide : vitalite export --help" in result.output
    assert "Erreur" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["export", "--help"],
        ["questionnaire", "--help"],
        ["questionnaire", "import", "--help"],
    ],
)
def test_help_is_french_including_required_marks(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "Utilisation : vitalite" in result.output
    assert not ENGLISH.search(result.output), result.output


def test_required_argument_is_marked_in_french() -> None:
    assert "[obligatoire]" in run("questionnaire", "import", "--help").output


def test_real_entry_point_speaks_french_without_rich(tmp_path: Path) -> None:
    """The installed command, through a real process, with Typer's plain (non-Rich) output."""
    out = subprocess.run(
        [str(Path(sys.executable).with_name("vitalite")), "export", "--db", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "TYPER_USE_RICH": "0", "VITALITE_HOME": str(tmp_path)},
        check=False,
    )
    assert out.returncode == 2, out.stderr
    assert not ENGLISH.search(out.stderr), out.stderr
    assert "Erreur : Valeur invalide pour --db" in out.stderr
    assert "Utilisation : vitalite export [OPTIONS]" in out.stderr


def test_plain_help_without_rich_is_french_too(tmp_path: Path) -> None:
    out = subprocess.run(
        [str(Path(sys.executable).with_name("vitalite")), "questionnaire", "import", "--help"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "TYPER_USE_RICH": "0", "VITALITE_HOME": str(tmp_path)},
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert not ENGLISH.search(out.stdout), out.stdout
    assert "[obligatoire]" in out.stdout
    assert "Utilisation : vitalite questionnaire import" in out.stdout
