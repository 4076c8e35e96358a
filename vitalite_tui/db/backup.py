"""Copies of a base through SQLite's backup API: consistent even while the app writes.

A plain file copy of a base in use misses what sits in its `-wal` file (everything typed
since the last checkpoint); the backup API reads the base as SQLite sees it, WAL included,
and the copy is made a single self-contained file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vitalite_tui.db.failures import FULL, READONLY, failure_code
from vitalite_tui.paths import reason


class CopyFailed(Exception):
    """The copy could not be made whole; `why` says it in a few French words."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def copy_base(source: Path, target: Path) -> None:
    """Copy the base at `source` into the new file `target`, checked; `CopyFailed` if not.

    A copy cut short (a full disk leaves a 0-byte file) must not pass for a backup: on any
    failure nothing is left at `target`.
    """
    try:
        reader = sqlite3.connect(source)  # waits up to 5 s for a writer, as the app does
        try:
            copy = sqlite3.connect(target)
            try:
                # In one step, one read transaction: the copy is the base as of its start,
                # and in WAL mode the app goes on writing meanwhile (copying in steps would
                # restart at each of its writes, and could never end while they go on).
                reader.backup(copy)
                # One file to carry: no WAL beside it, whatever the source's journal mode.
                copy.execute("PRAGMA journal_mode = DELETE").fetchall()
                (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
            finally:
                copy.close()
            # The base's own file brought up to date too, as far as it can be without
            # making the app wait (PASSIVE): a plain copy of it is then (nearly) complete.
            reader.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            reader.close()
        if verdict != "ok":
            raise CopyFailed("copie incohérente")
    except (sqlite3.Error, OSError, CopyFailed) as exc:
        for leftover in (target, *(Path(f"{target}{end}") for end in ("-journal", "-wal"))):
            leftover.unlink(missing_ok=True)
        raise CopyFailed(_why(exc)) from None


def _why(exc: Exception) -> str:
    if isinstance(exc, CopyFailed):
        return exc.why
    if isinstance(exc, OSError):
        return reason(exc)
    code = failure_code(exc)
    if code == FULL:
        return "disque plein"
    if code == READONLY or "unable to open" in str(exc).lower():
        return "accès refusé"
    return "erreur d'écriture"


def replace_base(source: Path, target: Path) -> None:
    """Make the base at `target` (closed by the caller) hold exactly the file `source`.

    One transaction on `target`: if it fails, `target` is as it was.
    """
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        base = sqlite3.connect(target)
        try:
            reader.backup(base)
        finally:
            base.close()
    finally:
        reader.close()
