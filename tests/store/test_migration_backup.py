"""A migration whose backup cannot be written is refused in French, the base untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from support.cli import assert_clean_error, run
from support.filesystems import mounted_tmpfs
from support.old_schema import make_v1_database

from vitalite_tui.db.connection import BackupFailed, close_database, open_database
from vitalite_tui.db.migrations import SCHEMA_VERSION
from vitalite_tui.paths import backups_dir


def files_state(path: Path) -> dict[str, str | None]:
    """The base and its side files, byte for byte (None: absent)."""
    state: dict[str, str | None] = {}
    for name in (str(path), f"{path}-wal", f"{path}-journal"):
        target = Path(name)
        state[name] = hashlib.sha256(target.read_bytes()).hexdigest() if target.exists() else None
    return state


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def old_base(db_path: Path) -> Path:
    make_v1_database(db_path)
    return db_path


def test_a_file_named_like_the_backup_folder_refuses_the_migration(old_base: Path) -> None:
    backups_dir(old_base).write_text("pas un dossier")
    before = files_state(old_base)
    with pytest.raises(BackupFailed) as raised:
        open_database(old_base)
    message = raised.value.message
    assert "sauvegarde n'a pas pu être écrite" in message
    assert "un fichier porte déjà ce nom" in message
    assert "la base n'a pas été modifiée" in message
    assert files_state(old_base) == before
    assert user_version(old_base) == 1
    assert backups_dir(old_base).read_text() == "pas un dossier"


def test_the_cli_says_it_in_one_french_sentence(old_base: Path) -> None:
    backups_dir(old_base).write_text("pas un dossier")
    result = run("check", "--db", str(old_base))
    assert result.exit_code == 0  # check reads only: no migration, no backup
    assert_clean_error(run("charter", "--db", str(old_base), "--out", "-"), "sauvegarde")
    assert user_version(old_base) == 1


def test_a_full_backup_folder_refuses_the_migration_and_leaves_no_copy(
    old_base: Path,
) -> None:
    with mounted_tmpfs(backups_dir(old_base), size="32k") as folder:
        (folder / "remplissage").write_bytes(b"x" * 28_000)
        before = files_state(old_base)
        with pytest.raises(BackupFailed, match=r"\(disque plein\)"):
            open_database(old_base)
        assert files_state(old_base) == before
        assert user_version(old_base) == 1
        assert [p.name for p in folder.iterdir()] == ["remplissage"]


def test_once_the_folder_is_usable_the_migration_runs(old_base: Path) -> None:
    backups_dir(old_base).write_text("pas un dossier")
    with pytest.raises(BackupFailed):
        open_database(old_base)
    backups_dir(old_base).unlink()
    backup = open_database(old_base)
    close_database()
    assert backup is not None
    assert backup.exists()
    assert user_version(old_base) == SCHEMA_VERSION
