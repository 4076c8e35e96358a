"""Shared test helper: a base file read as another program would, without changing it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def peek(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """The rows of `sql` on the base at `path`, through a read-only connection of its own."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()
