"""Copies of a base through SQLite's backup API: consistent even while the app writes.

A plain file copy of a base in use misses what sits in its `-wal` file (everything typed
since the last checkpoint); the backup API reads the base as SQLite sees it, WAL included,
and the copy is made a single self-contained file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vitalite_tui.db.connection import BUSY_TIMEOUT_MS

#: Pages copied per step: a writer (the app) gets the base between two steps.
PAGES_PER_STEP = 256


def copy_base(source: Path, target: Path) -> None:
    """Copy the base at `source` into the new file `target`, then check the copy.

    Raises sqlite3.Error or OSError (the caller says it in French and removes `target`).
    """
    reader = sqlite3.connect(source)
    try:
        reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        copy = sqlite3.connect(target)
        try:
            # Several steps: a write by the app in between restarts the copy, which then
            # holds every note committed before it ends.
            reader.backup(copy, pages=PAGES_PER_STEP)
            # One file to carry: no WAL beside it, whatever the source's journal mode.
            copy.execute("PRAGMA journal_mode = DELETE")
            (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
        finally:
            copy.close()
    finally:
        reader.close()
    if verdict != "ok":
        raise sqlite3.DatabaseError(f"copie incohérente : {verdict}")


def replace_base(source: Path, target: Path) -> None:
    """Make the base at `target` (closed by the caller) hold exactly the file `source`."""
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        base = sqlite3.connect(target)
        try:
            base.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
            reader.backup(base)
        finally:
            base.close()
    finally:
        reader.close()


def checkpoint(connection: sqlite3.Connection) -> None:
    """Bring the main file up to date with the WAL (a plain copy of it is then complete)."""
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
