"""Rows of the demo written in bulk: a new row's common columns, inserts in chunks."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from vitalite_tui.db.models import BaseModel, db

#: Rows per INSERT: well under SQLite's limit on bound variables (32766).
CHUNK = 500


def new_row(when: datetime, **values: Any) -> dict[str, Any]:
    """A row for `insert_many`: a fresh id, made (and last changed) `when`, live."""
    return {
        "id": uuid.uuid4(),
        "created_at": when,
        "updated_at": when,
        "deleted_at": None,
        **values,
    }


def chunked(rows: Iterable[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert_rows(model: type[BaseModel], rows: Iterable[dict[str, Any]]) -> int:
    """Bulk insert in chunks (inside the caller's transaction); returns the row count.

    Foreign keys are checked at commit, not row by row: a row may point at one of a later
    chunk (an action merged into another further down the list).
    """
    db.execute_sql("PRAGMA defer_foreign_keys = ON")  # type: ignore[no-untyped-call]
    count = 0
    for chunk in chunked(rows):
        model.insert_many(chunk).execute()
        count += len(chunk)
    return count
