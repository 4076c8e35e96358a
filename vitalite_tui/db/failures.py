"""SQLite's failures as French sentences: what happened to the base, and what to do.

Every statement, BEGIN and COMMIT the program sends goes through `GuardedDatabase` (the
one `db` of `models.py`), so a locked base, a full disk, a read-only file or a disk error
reaches screens and commands as a `StorageFailure` with its sentence, never as SQLite's
English, wherever it happens.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from peewee import PeeweeException, SqliteDatabase

from vitalite_tui.errors import BaseBusy, StorageFailure
from vitalite_tui.paths import backups_dir

#: SQLite's primary result codes (the low byte of an extended code) that we explain.
_BUSY, _LOCKED, _CORRUPT, FULL, _CANTOPEN, _IOERR, READONLY, _NOTADB = (
    5, 6, 11, 13, 14, 10, 8, 26,
)  # fmt: skip

#: Older Pythons (3.10) give no code: the message says which failure it was.
_BY_TEXT = (
    ("locked", _BUSY),
    ("busy", _BUSY),
    ("disk is full", FULL),
    ("readonly", READONLY),
    ("read-only", READONLY),
    ("disk i/o", _IOERR),
    ("malformed", _CORRUPT),
    ("not a database", _NOTADB),
    ("unable to open", _CANTOPEN),
)


def failure_code(exc: BaseException) -> int | None:
    """SQLite's primary result code for `exc` (a sqlite3 error, or peewee's wrapper of one)."""
    original = _sqlite_error(exc)
    if original is None:
        return None
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(original).lower()
    return next((value for words, value in _BY_TEXT if words in text), None)


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    # peewee re-raises SQLite's error as its own, with the original as first argument.
    for candidate in (exc, *exc.args[:1], exc.__cause__, exc.__context__):
        if isinstance(candidate, sqlite3.Error):
            return candidate
    return None


def explain(exc: BaseException, path: Path) -> StorageFailure | None:
    """The French failure for SQLite's `exc` on the base at `path`; None if not one of ours."""
    code = failure_code(exc)
    if code in (_BUSY, _LOCKED):
        return BaseBusy(
            "La base est occupée par un autre programme (un import, une autre fenêtre de "
            "vitalite) : rien n'a été enregistré. Réessayez dans un instant ; si cela dure, "
            "fermez l'autre programme."
        )
    if code == FULL:
        return StorageFailure(
            f"Le disque de la base est plein ({path.parent}) : rien n'a été enregistré. "
            "Libérez de la place (corbeille, vieux fichiers, vidéos), puis réessayez."
        )
    if code == READONLY:
        return read_only_base(path)
    if code in (_IOERR, _CANTOPEN):
        return StorageFailure(
            f"Le disque ne répond pas pour la base {path} (clé USB retirée, disque "
            "défaillant ?) : rien n'a été enregistré. Rebranchez la clé ou vérifiez le "
            "disque, puis relancez vitalite."
        )
    if code in (_CORRUPT, _NOTADB):
        return StorageFailure(
            f"La base {path} est abîmée : rien n'a été enregistré. Quittez vitalite, lancez "
            "« vitalite check », et remettez si besoin la dernière bonne copie du dossier "
            f"{backups_dir(path.absolute())}."
        )
    return None


def read_only_base(path: Path) -> StorageFailure:
    """The base, its folder or its disk cannot be written (a locked USB stick…)."""
    return StorageFailure(
        f"La base {path} ne peut pas être modifiée (fichier en lecture seule, clé USB "
        "verrouillée ou dossier protégé) : rien n'a été enregistré. Vérifiez les droits "
        "du fichier, ou copiez la base dans un dossier où vous pouvez écrire."
    )


def writable(path: Path) -> bool:
    """Whether the base and its folder (where SQLite keeps its journal) can be written."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


T = TypeVar("T")


class GuardedDatabase(SqliteDatabase):
    """peewee's SQLite database, whose failures are `StorageFailure`s with a French sentence."""

    def _explained(self, call: Callable[..., T], *args: Any) -> T:
        try:
            return call(*args)
        except (sqlite3.Error, PeeweeException) as exc:
            failure = explain(exc, Path(self.database))
            if failure is None:
                raise
            # `from None`: SQLite's English (and the statement's values) stay out of it.
            raise failure from None

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        return self._explained(super().execute_sql, sql, params)

    def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """One prepared statement run for many rows (an import's answers), guarded alike."""
        cursor: sqlite3.Cursor = self.cursor()  # type: ignore[no-untyped-call]
        self._explained(cursor.executemany, sql, rows)

    def begin(self, lock_type: str | None = None) -> None:
        self._explained(super().begin, lock_type)

    def commit(self) -> None:
        self._explained(super().commit)

    def close(self) -> bool:
        return self._explained(super().close)

    def rollback(self) -> None:
        if not self.is_closed():
            connection: sqlite3.Connection = self.connection()  # type: ignore[no-untyped-call]
            if not connection.in_transaction:
                # SQLite already rolled back (a full disk, an I/O error): peewee's ROLLBACK
                # would fail, and its error hide the failure that matters.
                return
        self._explained(super().rollback)
