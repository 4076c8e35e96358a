"""Opening the database file: checks, pragmas, backup and migrations.

The file is inspected read-only first, so that a file that is not ours, corrupt, or written
by a newer program is refused before anything (even WAL mode) touches it.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError

from vitalite_tui.db import checked
from vitalite_tui.db.backup import CopyFailed, copy_base
from vitalite_tui.db.failures import FULL, READONLY, failure_code, read_only_base, writable
from vitalite_tui.db.failures import explain as explain_failure
from vitalite_tui.db.integrity import (
    PAGES_DAMAGED,
    DamagedBase,
    damaged,
    schema_problems,
    shown_text_problems,
    structure_problems,
    text_problems,
)
from vitalite_tui.db.migrations import SCHEMA_VERSION, migrate_to
from vitalite_tui.db.models import db, execute
from vitalite_tui.errors import DatabaseError, DatabaseTooNew
from vitalite_tui.paths import backups_dir, reason

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

    @property
    def blank(self) -> bool:
        """An SQLite file with nothing in it yet (as `sqlite3 base.sqlite ''` leaves it)."""
        return self.version == 0 and self.application_id == 0 and self.table_count == 0


def inspect_file(path: Path, *, verify: bool = False) -> FileInfo | None:
    """Read-only look at an existing file; None when there is no file (or an empty one).

    With `verify`, a file with tables is also checked as `open_database` needs it (see
    `check_at_open`), on the same connection: SQLite reads the schema once.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    if path.is_dir():
        raise DatabaseError(f"{path} est un dossier, pas un fichier de base de données.")
    try:
        conn = read_only(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            query = "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            tables = int(conn.execute(query).fetchone()[0])
            info = FileInfo(version=version, application_id=app_id, table_count=tables)
            if verify and not info.blank:
                check_compatible(info, path)
                check_at_open(conn, path, info)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _explain(exc, path) from None
    except OSError as exc:
        raise DatabaseError(f"Impossible de lire {path} : {exc.strerror or exc}.") from None
    return info


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (nor turn on WAL mode)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
        # No copy has it open: `immutable` reads it without creating an empty WAL and
        # index beside it, which a refused file must not gain (nor a `check` leave).
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    return conn


def missing(path: Path) -> DatabaseError:
    """For the commands that need an existing base: nothing there, or an empty file."""
    if path.is_file():
        return DatabaseError(
            f"Le fichier {path} est vide, ce n'est pas une base vitalite : vérifiez le chemin "
            f"(vitalite where), ou remettez une copie du dossier {backups_dir(path.absolute())} ; "
            "le fichier n'a pas été modifié."
        )
    return DatabaseError(f"Aucune base à l'emplacement {path}.")


def _explain(exc: Exception, path: Path) -> DatabaseError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(
            f"La base {path} est occupée par un autre programme ; réessayez dans un instant."
        )
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return DatabaseError(
            f"{path} n'est pas une base vitalite lisible (fichier abîmé ou d'un autre type) : "
            "il n'a pas été modifié ; s'il s'agit de votre base, remplacez-le par la dernière "
            f"bonne copie du dossier des sauvegardes {backups_dir(path.absolute())}."
        )
    failure = explain_failure(exc, path)
    if failure is not None and failure_code(exc) in (FULL, READONLY):
        return failure
    if "unable to open" in text and not writable(path):
        return read_only_base(path)
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return DatabaseError(f"Impossible d'ouvrir {path} : vérifiez le dossier et les droits.")
    if failure is not None:  # a disk error…: already a French sentence
        return failure
    # SQLite's own words are English: its code name only, for whoever helps.
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return DatabaseError(
        f"La base {path} n'a pas pu être ouverte (code {name}) : lancez « vitalite check » ; "
        "le fichier n'a pas été modifié."
    )


def _explain_damage(exc: Exception, path: Path) -> DatabaseError:
    """For a file known to be ours: SQLite stumbling on a page means the base is damaged."""
    text = str(exc).lower()
    if "malformed" in text:
        return damaged(path, [PAGES_DAMAGED])
    if "no such table" in text or "no such column" in text:
        # A migration met a base that lacks what its version promises.
        return damaged(path, ["une table ou une colonne manque"])
    return _explain(exc, path)


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


class BackupFailed(DatabaseError):
    """The copy made before a migration could not be written: the migration did not run."""


def backup_file(path: Path, version: int) -> Path:
    """Copy the database with SQLite's backup API (consistent even in WAL mode).

    Raises `BackupFailed` (French) when the copy cannot be made whole; no partial copy is
    left, and `path` is untouched.
    """
    folder = backups_dir(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _backup_failed(path, version, folder, reason(exc)) from None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-schema{version}-{stamp}{path.suffix or '.sqlite'}"
    try:
        copy_base(path, target)
    except CopyFailed as exc:
        raise _backup_failed(path, version, folder, exc.why) from None
    return target


def _backup_failed(path: Path, version: int, folder: Path, why: str) -> BackupFailed:
    return BackupFailed(
        f"La base {path} doit être mise à jour (schéma {version} vers {SCHEMA_VERSION}), "
        f"mais sa sauvegarde n'a pas pu être écrite dans {folder} ({why}) : la base n'a pas "
        "été modifiée ; libérez de la place ou rendez ce dossier utilisable, puis relancez."
    )


def check_at_open(conn: sqlite3.Connection, path: Path, info: FileInfo) -> None:
    """Refuse a damaged base before anything writes to it (read-only, cheap; see `checked`)."""
    try:
        # An older schema is checked after its migration: the models describe the newest.
        problems = schema_problems(conn) if info.version == SCHEMA_VERSION else []
        if not checked.unchanged_since_record(path):
            problems += structure_problems(conn)
            if not problems:
                # Text another program wrote undecodable would crash a screen much later.
                problems += shown_text_problems(conn)
    except sqlite3.DatabaseError as exc:
        raise _explain_damage(exc, path) from None
    if problems:
        raise damaged(path, problems)


def open_database(path: Path, *, create: bool = True) -> Path | None:
    """Open `path` as the program's database, migrating it if needed.

    `create`: a missing or empty file becomes a new base (the TUI, the demo); otherwise it
    is refused. Returns the backup made before a migration, if any. Raises `DatabaseError`
    (French message) when the file cannot be used; in that case the file is left as it was.
    """
    close_database()
    info = inspect_file(path, verify=True)
    if (info is None or info.blank) and not create:
        raise missing(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Impossible de créer le dossier {path.parent} : {exc}.") from None
    backup: Path | None = None
    error: DatabaseError
    try:
        if info is not None and 0 < info.version < SCHEMA_VERSION:
            backup = backup_file(path, info.version)
        db.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
        db.connect()
        current = int(execute(db, "PRAGMA user_version").fetchone()[0])
        if current == 0:
            execute(db, f"PRAGMA application_id = {APPLICATION_ID:d}")
        with db.atomic("IMMEDIATE"):
            migrate_to(db, current)
            # Before the commit: a base lacking what the models need is left as it was.
            if backup is not None:
                problems = schema_problems(db.connection())  # type: ignore[no-untyped-call]
                if problems:
                    raise damaged(path, problems)
    except (sqlite3.Error, PeeweeDatabaseError) as exc:
        # peewee wraps SQLite's errors (playhouse.migrate runs through it).
        error = _explain_damage(exc, path)
    except DatabaseError as exc:
        error = exc
    else:
        _opened.add(path)
        return backup
    if not db.is_closed():
        db.close()
    if backup is not None and isinstance(error, DamagedBase):
        # A copy of the damaged file, just made: it must not pass for the last good one.
        backup.unlink(missing_ok=True)
    raise error


#: Bases opened after passing the open check: their state is recorded when they close.
_opened: set[Path] = set()


def close_database() -> None:
    if not db.is_closed():
        # The main file brought up to date at quit: a plain copy of it is then complete,
        # even if SQLite cannot drop the WAL (another window still has the base open).
        with suppress(sqlite3.Error):  # a full or read-only disk: the WAL keeps it all
            execute(db, "PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        db.close()
    # The file as we leave it is one we checked and then wrote through SQLite alone.
    for path in list(_opened):
        _opened.discard(path)
        checked.record(path)


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    version: int
    problems: list[str]
    remarks: list[str]
    #: The sentence the open gives for this file ("" when sound): what is wrong, the way out.
    message: str = ""


def check_database(path: Path) -> CheckReport:
    """Integrity and foreign-key checks, read-only. Raises `DatabaseError` when unreadable."""
    info = inspect_file(path)
    if info is None or info.blank:
        raise missing(path)
    check_compatible(info, path)
    try:
        conn = read_only(path)
        try:
            problems = schema_problems(conn) if info.version == SCHEMA_VERSION else []
            problems += structure_problems(conn, "integrity_check")
            problems += text_problems(conn)
            if not problems:
                # Only on a sound file: with a table missing, the pragma itself fails.
                fk_rows = conn.execute("PRAGMA foreign_key_check").fetchall()
                problems += [f"référence orpheline dans la table {row[0]}" for row in fk_rows]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _explain_damage(exc, path) from None
    remarks: list[str] = []
    if info.version < SCHEMA_VERSION:
        remarks.append(
            f"schéma {info.version} : il sera mis à jour (schéma {SCHEMA_VERSION}) "
            "à la prochaine ouverture, après une sauvegarde"
        )
    return CheckReport(
        ok=not problems,
        version=info.version,
        problems=problems,
        remarks=remarks,
        message=damaged(path, problems).message if problems else "",
    )
