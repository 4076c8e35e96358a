"""Commands that write say in one French line on stderr that a TUI holds the base, and go on."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest
from support.cli import run

from vitalite_tui.cli.stores import SHARED_NOTICES
from vitalite_tui.store import open_store

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoSize

#: Another process holding the base's instance lock, as a running TUI does, until stdin closes.
HOLDER = """
import sys
from pathlib import Path
from vitalite_tui.db.lock import InstanceLock

lock = InstanceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.read()
"""

CODES = [f"I{n}_{pole}{i}" for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)]


class DemoTemplates(Protocol):
    """The session's demo files (the `demo_templates` fixture of conftest)."""

    def path(self, size: DemoSize) -> Path: ...


@pytest.fixture
def tui_open(db_path: Path) -> Iterator[None]:
    """The base held by another process for the whole test, released when it ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.fixture
def demo_base(db_path: Path, demo_templates: DemoTemplates) -> Path:
    shutil.copyfile(demo_templates.path("small"), db_path)
    return db_path


def answers_file(path: Path) -> Path:
    lines = [";".join(["fiche", "commune", *CODES]), ";".join(["501", "", *("2" for _ in CODES)])]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


@pytest.mark.usefixtures("tui_open")
def test_import_says_a_tui_holds_the_base_and_imports(demo_base: Path, tmp_path: Path) -> None:
    result = run(
        "questionnaire", "import", str(answers_file(tmp_path / "x.csv")), "--db", str(demo_base)
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [SHARED_NOTICES["import"]]
    assert "1 fiche ajoutée" in result.stdout
    store = open_store(demo_base)
    try:
        assert 501 in store.responses.sheet_numbers(store.demarches.all()[0].id)
    finally:
        store.close()


@pytest.mark.usefixtures("tui_open")
def test_demo_says_a_tui_holds_the_base_and_builds(db_path: Path) -> None:
    result = run("demo", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [SHARED_NOTICES["demo"]]
    assert result.stdout.startswith("Démo créée")


@pytest.mark.usefixtures("tui_open")
def test_charter_says_a_tui_holds_the_base_and_writes(demo_base: Path, tmp_path: Path) -> None:
    target = tmp_path / "charte.md"
    result = run("charter", "--db", str(demo_base), "--out", str(target))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [SHARED_NOTICES["charter"]]
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_nothing_is_said_when_no_tui_holds_the_base(demo_base: Path, tmp_path: Path) -> None:
    result = run(
        "questionnaire", "import", str(answers_file(tmp_path / "x.csv")), "--db", str(demo_base)
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_each_notice_is_one_french_sentence() -> None:
    for notice in SHARED_NOTICES.values():
        assert notice.startswith("vitalite est ouvert sur cette base dans une autre fenêtre : ")
        assert notice.endswith(".")
        assert "\n" not in notice
        assert len(notice) < 240
