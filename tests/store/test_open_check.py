"""Damaged, empty and foreign files: refused at open with a French sentence, left byte-identical."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest
from support.cli import assert_clean_error, run

from vitalite_tui.db.checked import record_path
from vitalite_tui.db.connection import check_database, close_database, open_database
from vitalite_tui.errors import DatabaseError
from vitalite_tui.paths import backups_dir
from vitalite_tui.store import open_store

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoSize


class DemoTemplates(Protocol):
    """The session's demo files (the `demo_templates` fixture of conftest)."""

    def path(self, size: DemoSize) -> Path: ...


#: The small demo's démarche, as `--demarche` names it.
DEMO = "Communauté de communes du Pays de Lambrenne"

#: The commands that need an existing base (none may create one), as the user types them.
READERS = [
    ["export"],
    ["charter"],
    ["check"],
    ["questionnaire", "xlsform", "--demarche", DEMO],
    ["questionnaire", "template", "--demarche", DEMO],
]


def files_state(path: Path) -> dict[str, str | None]:
    """The bytes of the base and of its WAL, hashed (None: no such file)."""
    state: dict[str, str | None] = {}
    for name in (str(path), f"{path}-wal"):
        target = Path(name)
        state[name] = hashlib.sha256(target.read_bytes()).hexdigest() if target.exists() else None
    return state


@pytest.fixture
def demo_copy(db_path: Path, demo_templates: DemoTemplates) -> Path:
    """The small demo, opened and closed once by the program (its clean state recorded)."""
    shutil.copyfile(demo_templates.path("small"), db_path)
    open_store(db_path).close()
    assert record_path(db_path).exists()
    return db_path


def drop_table(path: Path, table: str = "vote") -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f'DROP TABLE "{table}"')
        conn.commit()
    finally:
        conn.close()


def overwrite_middle(path: Path, size: int = 8192) -> None:
    data = bytearray(path.read_bytes())
    start = len(data) // 2
    data[start : start + size] = random.Random(12).randbytes(size)
    path.write_bytes(bytes(data))


def break_a_note(path: Path) -> None:
    """A note's text replaced by bytes that are not UTF-8, as another tool could leave it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "UPDATE note SET text = CAST(x'4c612066ff74652065737420e9' AS TEXT) "
            "WHERE id = (SELECT id FROM note ORDER BY id LIMIT 1)"
        )
        conn.commit()
    finally:
        conn.close()


def refused_untouched(path: Path, *fragments: str) -> str:
    """Open refused with a French sentence; base and WAL byte-identical; the message."""
    before = files_state(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    close_database()
    assert files_state(path) == before
    for fragment in fragments:
        assert fragment in caught.value.message
    return caught.value.message


# ---------------------------------------------------------------- at open


def test_a_dropped_table_is_refused_with_the_way_out(demo_copy: Path) -> None:
    drop_table(demo_copy)
    message = refused_untouched(demo_copy, "abîmée", "« vote » manque", "sauvegardes")
    assert str(backups_dir(demo_copy)) in message


def test_a_dropped_column_is_refused(demo_copy: Path) -> None:
    conn = sqlite3.connect(demo_copy)
    conn.execute("ALTER TABLE trend DROP COLUMN source")
    conn.commit()
    conn.close()
    refused_untouched(demo_copy, "colonne « source » manque dans la table « trend »")


def test_a_dropped_table_still_in_the_wal_is_refused_and_the_wal_kept(
    demo_copy: Path,
) -> None:
    """Another connection holds the damage in the WAL: neither file may change."""
    holder = sqlite3.connect(demo_copy)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("DROP TABLE charter_article")
        holder.commit()
        assert Path(f"{demo_copy}-wal").stat().st_size > 0
        refused_untouched(demo_copy, "« charter_article » manque")
    finally:
        holder.close()


def test_garbage_in_the_middle_pages_is_refused_after_a_clean_close(demo_copy: Path) -> None:
    """The recorded clean state must not hide a file changed since."""
    overwrite_middle(demo_copy)
    refused_untouched(demo_copy, "pages du fichier sont abîmées", "sauvegardes")


def test_a_foreign_file_is_refused_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(20_000))
    refused_untouched(db_path, "n'est pas une base vitalite", "sauvegardes")


def test_an_empty_file_is_refused_by_a_reader_and_kept_empty(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseError, match="est vide"):
        open_database(db_path, create=False)
    assert db_path.read_bytes() == b""
    assert not Path(f"{db_path}-wal").exists()


def test_a_missing_file_is_refused_by_a_reader_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "cle" / "base.sqlite"
    with pytest.raises(DatabaseError, match="Aucune base"):
        open_database(path, create=False)
    assert not path.parent.exists()


def test_an_empty_file_still_becomes_a_base_for_the_app(db_path: Path) -> None:
    db_path.write_bytes(b"")
    open_store(db_path).close()
    assert check_database(db_path).ok


def test_a_sound_base_opens_again_and_again(demo_copy: Path) -> None:
    for _ in range(2):
        open_store(demo_copy).close()
    assert check_database(demo_copy).ok


def test_a_base_written_by_another_program_is_checked_again(demo_copy: Path) -> None:
    recorded = record_path(demo_copy).read_text()
    conn = sqlite3.connect(demo_copy)
    conn.execute("UPDATE demarche SET territory = territory || ' (modifié)'")
    conn.commit()
    conn.close()
    # The record no longer matches: the next open runs quick_check, then records anew.
    open_store(demo_copy).close()
    assert record_path(demo_copy).read_text() != recorded


# ---------------------------------------------------------------- vitalite check


def test_check_finds_text_that_is_not_utf8(demo_copy: Path) -> None:
    break_a_note(demo_copy)
    before = files_state(demo_copy)
    report = check_database(demo_copy)
    assert not report.ok
    assert report.problems == [
        "texte illisible, pas en UTF-8, dans la table « note », colonne « text », sur 1 ligne"
    ]
    assert "sauvegardes" in report.message
    assert files_state(demo_copy) == before


def test_check_command_says_what_the_open_says(demo_copy: Path) -> None:
    drop_table(demo_copy)
    result = run("check", "--db", str(demo_copy))
    assert_clean_error(result, "« vote » manque", str(backups_dir(demo_copy)))
    assert "« vote » manque" in result.stdout  # the list of problems, on stdout
    message = refused_untouched(demo_copy)
    assert result.stderr.strip() == message


def test_check_command_on_invalid_text(demo_copy: Path) -> None:
    break_a_note(demo_copy)
    assert_clean_error(run("check", "--db", str(demo_copy)), "pas en UTF-8", "sauvegardes")


# ---------------------------------------------------------------- commands


#: Damaged or foreign files: refused by every command, the demo too.
DAMAGED = ["dropped", "garbage", "foreign"]
#: No base yet: refused by the readers; the TUI and the demo make one there.
NO_BASE = ["empty", "absent"]


def spoil(path: Path, kind: str) -> Path:
    if kind == "dropped":
        drop_table(path)
    elif kind == "garbage":
        overwrite_middle(path)
    elif kind == "foreign":
        path.write_bytes(b"PK\x03\x04" + random.Random(5).randbytes(9_000))
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    return path


def assert_refused_untouched(path: Path, command: list[str]) -> None:
    before = files_state(path)
    assert_clean_error(run(*command, "--db", str(path)))
    assert files_state(path) == before
    assert not Path(f"{path}-shm").exists()


@pytest.mark.parametrize("kind", DAMAGED + NO_BASE)
@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_every_reader_refuses_a_bad_base_in_french(
    demo_copy: Path, command: list[str], kind: str
) -> None:
    assert_refused_untouched(spoil(demo_copy, kind), command)


@pytest.mark.parametrize("kind", DAMAGED)
@pytest.mark.parametrize("command", [["demo"], []], ids=["demo", "tui"])
def test_the_base_makers_refuse_a_damaged_base_too(
    demo_copy: Path, command: list[str], kind: str
) -> None:
    # The TUI is never reached: the open refuses before textual is even imported.
    assert_refused_untouched(spoil(demo_copy, kind), command)


def test_import_refuses_an_empty_base(db_path: Path, tmp_path: Path) -> None:
    db_path.write_bytes(b"")
    sheet = tmp_path / "reponses.csv"
    sheet.write_text("code\n", encoding="utf-8")
    result = run("questionnaire", "import", str(sheet), "--db", str(db_path))
    assert_clean_error(result, "est vide")
    assert db_path.read_bytes() == b""


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_every_command_works_on_the_sound_demo(demo_copy: Path, command: list[str]) -> None:
    """The refusals above are the open check's, not a wrong command line."""
    result = run(*command, "--db", str(demo_copy))
    assert result.exit_code == 0, result.output


def test_demo_on_an_empty_file_creates_the_base(db_path: Path) -> None:
    db_path.write_bytes(b"")
    assert run("demo", "--db", str(db_path)).exit_code == 0
    assert check_database(db_path).ok


@pytest.mark.slow
def test_a_real_process_prints_one_french_line_and_exits_1(demo_copy: Path) -> None:
    overwrite_middle(demo_copy)
    before = files_state(demo_copy)
    done = subprocess.run(
        [sys.executable, "-m", "vitalite_tui", "export", "--db", str(demo_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "abîmée" in done.stderr
    assert "Traceback" not in done.stderr
    assert files_state(demo_copy) == before


@pytest.mark.parametrize("command", [*READERS, ["demo"]], ids=" ".join)
def test_a_folder_named_as_the_base_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    folder = tmp_path / "pas-un-fichier"
    folder.mkdir()
    monkeypatch.setenv("VITALITE_DB", str(folder))
    assert_clean_error(run(*command), "est un dossier")
    assert list(folder.iterdir()) == []


@pytest.mark.slow
def test_the_bare_command_refuses_a_damaged_base_before_the_tui(demo_copy: Path) -> None:
    """`vitalite` alone (no Typer on that path): the same sentence, exit 1, no screen."""
    drop_table(demo_copy)
    before = files_state(demo_copy)
    done = subprocess.run(
        [sys.executable, "-m", "vitalite_tui"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "VITALITE_DB": str(demo_copy)},
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [refused_untouched(demo_copy)]
    assert files_state(demo_copy) == before
