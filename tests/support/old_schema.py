"""Shared test helpers: a base as the first release left it (schema 1), to migrate."""

from __future__ import annotations

from pathlib import Path

from vitalite_tui.db.connection import APPLICATION_ID
from vitalite_tui.db.migrations import migrate_to
from vitalite_tui.db.models import db, execute


def make_v1_database(path: Path) -> None:
    """A file as the first release left it: schema 1, with a démarche in it."""
    db.init(str(path))
    try:
        migrate_to(db, 0, target=1)
        execute(db, f"PRAGMA application_id = {APPLICATION_ID:d}")
        execute(
            db,
            "INSERT INTO demarche (id, created_at, updated_at, territory, communes, settings) "
            "VALUES ('0123456789abcdef0123456789abcdef', '2026-01-01 10:00:00', "
            "'2026-01-01 10:00:00', 'CC ancienne', '[\"Lagrasse\"]', '{}')",
        )
    finally:
        db.close()
