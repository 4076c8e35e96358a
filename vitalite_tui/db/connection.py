"""Opening the database file: checks, pragmas, backup and migrations.

The file is inspected read-only first, so that a file that is not ours, corrupt, or written
by a newer program is refused before anything (even WAL mode) touches it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from vitalite_tui.db.migrations import SCHEMA_VERSION, migrate_to
from vitalite_tui.db.models import db, execute
from vitalite_tui.errors import DatabaseError, DatabaseTooNew
from vitalite_tui.paths import backups_dir

#: `PRAGMA application_id` of our files: "VITA".
APPLICATION_ID = 0x56495441

#: How long a write waits for another copy of the program before giving up (ms).
BUSY_TIMEOUT_MS = 5000

PRAGMAS = {
    "journal_mode": "wal",
    # FULL: a note acknowledged on screen survives a power cut.
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -16000,
}


@dataclass(frozen=True)
class FileInfo:
    """What a read-only look at a database file found."""

    version: int
    application_id: int
    table_count: int


def inspect_file(path: Path) -> FileInfo | None:
    """Read-only look at an existing file; None when there is no file (or an empty one)."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    if path.is_dir():
        raise DatabaseError(f"{path} est un dossier, pas un fichier de base de données.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            query = "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            tables = int(conn.execute(query).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _explain(exc, path) from None
    except OSError as exc:
        raise DatabaseError(f"Impossible de lire {path} : {exc.strerror or exc}.") from None
    return FileInfo(version=version, application_id=app_id, table_count=tables)


def _explain(exc: sqlite3.Error, path: Path) -> DatabaseError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(
            f"La base {path} est occupée par un autre programme ; réessayez dans un instant."
        )
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return DatabaseError(
            f"{path} n'est pas une base vitalite lisible (fichier abîmé ou d'un autre type)."
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return DatabaseError(f"Impossible d'ouvrir {path} : vérifiez le dossier et les droits.")
    return DatabaseError(f"Erreur de la base {path} : {exc}.")


def check_compatible(info: FileInfo, path: Path) -> None:
    if info.version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"La base {path} a été écrite par une version plus récente de vitalite "
            f"(schéma {info.version}, ce programme connaît le schéma {SCHEMA_VERSION}). "
            "Mettez le programme à jour ; la base n'a pas été modifiée."
        )
    if info.application_id not in (0, APPLICATION_ID) or (
        info.application_id == 0 and info.table_count > 0 and info.version == 0
    ):
        raise DatabaseError(f"{path} est une base SQLite, mais pas une base vitalite.")


def backup_file(path: Path, version: int) -> Path:
    """Copy the database with SQLite's backup API (consistent even in WAL mode)."""
    folder = backups_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-schema{version}-{stamp}{path.suffix or '.sqlite'}"
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_database(path: Path) -> Path | None:
    """Open `path` as the program's database, migrating it if needed.

    Returns the backup made before a migration, if any. Raises `DatabaseError` (French
    message) when the file cannot be used; in that case the file is left as it was.
    """
    if not db.is_closed():
        db.close()
    info = inspect_file(path)
    if info is not None:
        check_compatible(info, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Impossible de créer le dossier {path.parent} : {exc}.") from None
    backup: Path | None = None
    try:
        if info is not None and 0 < info.version < SCHEMA_VERSION:
            backup = backup_file(path, info.version)
        db.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
        db.connect()
        current = int(execute(db, "PRAGMA user_version").fetchone()[0])
        if current == 0:
            execute(db, f"PRAGMA application_id = {APPLICATION_ID:d}")
        migrate_to(db, current)
    except sqlite3.Error as exc:
        if not db.is_closed():
            db.close()
        raise _explain(exc, path) from None
    return backup


def close_database() -> None:
    if not db.is_closed():
        db.close()


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    version: int
    problems: list[str]
    remarks: list[str]


def check_database(path: Path) -> CheckReport:
    """Integrity and foreign-key checks, read-only. Raises `DatabaseError` when unreadable."""
    info = inspect_file(path)
    if info is None:
        raise DatabaseError(f"Aucune base à l'emplacement {path}.")
    check_compatible(info, path)
    problems: list[str] = []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            problems += [str(row[0]) for row in rows if row[0] != "ok"]
            fk_rows = conn.execute("PRAGMA foreign_key_check").fetchall()
            problems += [f"référence orpheline dans la table {row[0]}" for row in fk_rows]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _explain(exc, path) from None
    remarks: list[str] = []
    if info.version < SCHEMA_VERSION:
        remarks.append(
            f"schéma {info.version} : il sera mis à jour (schéma {SCHEMA_VERSION}) "
            "à la prochaine ouverture, après une sauvegarde"
        )
    return CheckReport(ok=not problems, version=info.version, problems=problems, remarks=remarks)
